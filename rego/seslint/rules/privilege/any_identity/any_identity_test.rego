package seslint.rules.privilege.any_identity_test

import data.seslint.rules.privilege.any_identity

doc(kind, statements) := {"kind": kind, "document": {"Version": "2012-10-17", "Statement": statements}}

test_seed_send_policy if {
	any_identity.report == {{
		"rule": "SES602",
		"message": "ses:SendEmail and ses:SendRawEmail allowed on \"Resource\": \"*\" with no ses:FromAddress condition: the holder may send as any identity verified in the account",
		"path": ["Statement", 0, "Resource", 0],
	}} with input as doc("identity", [{"Effect": "Allow", "Action": ["ses:SendEmail", "ses:SendRawEmail"], "Resource": "*"}])
}

test_wildcard_and_other_conditions if {
	any_identity.report == {{
		"rule": "SES602",
		"message": "ses:SendEmail, ses:SendRawEmail and 5 more send actions allowed on \"Resource\": \"*\" with no ses:FromAddress condition: the holder may send as any identity verified in the account",
		"path": ["Statement", "Resource", 1],
	}} with input as {"kind": "identity", "document": {"Statement": {
		"Effect": "Allow",
		"Action": "ses:Send*",
		"Resource": ["arn:aws:ses:eu-west-1:123456789012:identity/example.com", "*"],
		"Condition": {"ForAllValues:StringLike": {"ses:Recipients": "*@example.com"}},
	}}}
}

test_from_address_scoped_or_other_kinds_pass if {
	count(any_identity.report) == 0 with input as doc("identity", [
		{"Effect": "Allow", "Action": "ses:SendEmail", "Resource": "*", "Condition": {"StringLike": {"SES:fromaddress": "*@example.com"}}},
		{"Effect": "Allow", "Action": "ses:SendRawEmail", "Resource": "arn:aws:ses:eu-west-1:123456789012:identity/example.com"},
		{"Effect": "Allow", "Action": "ses:GetSendQuota", "Resource": "*"},
		{"Effect": "Deny", "Action": "ses:SendEmail", "Resource": "*"},
	])
	count(any_identity.report) == 0 with input as doc("boundary", [{"Effect": "Allow", "Action": "ses:SendEmail", "Resource": "*"}])
}

test_identity_wildcard_arn if {
	any_identity.report == {{
		"rule": "SES602",
		"message": "ses:SendEmail allowed on \"arn:aws:ses:eu-west-1:123456789012:identity/*\" (every identity) with no ses:FromAddress condition: the holder may send as any identity verified in the account",
		"path": ["Statement", 0, "Resource", 0],
	}} with input as {"kind": "identity", "document": {"Statement": [{"Effect": "Allow", "Action": "ses:SendEmail", "Resource": "arn:aws:ses:eu-west-1:123456789012:identity/*"}]}}
}
