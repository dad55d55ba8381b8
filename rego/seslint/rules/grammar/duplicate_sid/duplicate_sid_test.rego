package seslint.rules.grammar.duplicate_sid_test

import data.seslint.rules.grammar.duplicate_sid

statement(sid, action) := {"Sid": sid, "Effect": "Allow", "Action": action, "Resource": "*"}

test_later_duplicates_name_the_first_statement if {
	duplicate_sid.report == {
		{
			"rule": "SES108",
			"message": `Sid "SendMail" is already used by statement 0: a Sid must be unique within a policy`,
			"path": ["Statement", 2, "Sid"],
		},
		{
			"rule": "SES108",
			"message": `Sid "SendMail" is already used by statement 0: a Sid must be unique within a policy`,
			"path": ["Statement", 3, "Sid"],
		},
	} with input as {"kind": "identity", "document": {"Version": "2012-10-17", "Statement": [
		statement("SendMail", "ses:SendEmail"),
		statement("Quota", "ses:GetSendQuota"),
		statement("SendMail", "ses:SendRawEmail"),
		statement("SendMail", "ses:SendTemplatedEmail"),
	]}}
}

test_sending_authorization_policy if {
	duplicate_sid.report == {{
		"rule": "SES108",
		"message": `Sid "AuthorizeAccount" is already used by statement 1: a Sid must be unique within a policy`,
		"path": ["Statement", 3, "Sid"],
	}} with input as {"kind": "sending-authorization", "document": {"Version": "2012-10-17", "Statement": [
		"not a statement",
		{"Sid": "AuthorizeAccount", "Effect": "Allow", "Principal": {"AWS": "111122223333"}, "Action": "ses:SendEmail", "Resource": "arn:aws:ses:us-east-1:123456789012:identity/example.com"},
		{"Effect": "Allow", "Principal": {"AWS": "111122223333"}, "Action": "ses:SendEmail", "Resource": "arn:aws:ses:us-east-1:123456789012:identity/example.com"},
		{"Sid": "AuthorizeAccount", "Effect": "Allow", "Principal": {"AWS": "444455556666"}, "Action": "ses:SendRawEmail", "Resource": "arn:aws:ses:us-east-1:123456789012:identity/example.com"},
	]}}
}

test_unique_case_distinct_empty_and_missing_sids_pass if {
	count(duplicate_sid.report) == 0 with input as {"kind": "identity", "document": {"Statement": [
		statement("SendMail", "ses:SendEmail"),
		statement("sendmail", "ses:SendRawEmail"),
		statement("", "ses:GetSendQuota"),
		statement("", "ses:GetSendStatistics"),
		{"Effect": "Allow", "Action": "ses:ListIdentities", "Resource": "*"},
		{"Effect": "Allow", "Action": "ses:ListIdentities", "Resource": "*"},
	]}}
	count(duplicate_sid.report) == 0 with input as {"kind": "scp", "document": {"Statement": statement("SendMail", "ses:*")}}
}
