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
