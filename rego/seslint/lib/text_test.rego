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
