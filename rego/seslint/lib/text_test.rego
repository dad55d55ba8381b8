package seslint.lib.text_test

import data.seslint.lib.text

test_near if {
	text.near("sendemails", "sendemail")
	text.near("sendemail", "sendemails")
	text.near("sned", "send")
	text.near("sendemial", "sendemail")
	text.near("fromadress", "fromaddress")
	not text.near("send", "send")
	not text.near("frob", "sendemail")
}

test_closest if {
	text.closest("SendEmails", {"SendEmail", "SendRawEmail"}) == "SendEmail"
	not text.closest("Frob", {"SendEmail"})
}

test_closest_length_bounds if {
	# one character added, dropped, changed: all within one of the word's length
	text.closest("SendEmai", {"SendEmail"}) == "SendEmail"
	text.closest("SENDEMAILS", {"SendEmail"}) == "SendEmail"
	text.closest("SendEmall", {"SendEmail"}) == "SendEmail"

	# two characters longer or shorter is not near
	not text.closest("SendEmailsX", {"SendEmail"})
	not text.closest("SendEma", {"SendEmail"})
}

test_closest_edits_at_either_end if {
	# the edit at the start, the end, or both ends of a short word
	text.closest("xendEmail", {"SendEmail"}) == "SendEmail"
	text.closest("SendEmaix", {"SendEmail"}) == "SendEmail"
	text.closest("endEmail", {"SendEmail"}) == "SendEmail"
	text.closest("SendEmail", {"endEmail"}) == "endEmail"
	text.closest("eSndEmail", {"SendEmail"}) == "SendEmail"
	text.closest("ab", {"ba"}) == "ba"
	text.closest("a", {"b"}) == "b"
	text.closest("ab", {"b"}) == "b"
	text.closest("", {"b"}) == "b"
	not text.closest("xendEmaix", {"SendEmail"})
}

test_dropped_one if {
	text.dropped_one("sendemails", "sendemail")
	text.dropped_one("ssendemail", "sendemail")
	text.dropped_one("sendxemail", "sendemail")
	text.dropped_one("a", "")
	not text.dropped_one("sendemail", "sendemails")
	not text.dropped_one("sendexmaill", "sendemail")
}
