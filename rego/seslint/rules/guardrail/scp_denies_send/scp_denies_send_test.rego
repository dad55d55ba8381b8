package seslint.rules.guardrail.scp_denies_send_test

import data.seslint.rules.guardrail.scp_denies_send

scp(statements) := {"kind": "scp", "name": "deny-ses", "owner": "DenySes", "document": {"Version": "2012-10-17", "Statement": statements}}

test_unconditional_deny if {
	scp_denies_send.report == {{
		"rule": "SES501",
		"path": ["Statement", 0, "Action", 0],
		"message": "SCP \"deny-ses\" denies ses:SendEmail, ses:SendRawEmail, ses:SendTemplatedEmail and 4 more send actions for every principal of the accounts it applies to: their sends fail with Unauthorized, whatever their own policies allow",
	}} with input as scp([{"Effect": "Deny", "Action": "ses:*", "Resource": "*"}])
}

test_conditional_deny_is_a_note if {
	scp_denies_send.report == {{
		"rule": "SES501",
		"path": ["Statement", 0, "NotAction"],
		"key": true,
		"level": "note",
		"message": "SCP \"deny-ses\" denies ses:SendEmail, ses:SendRawEmail, ses:SendTemplatedEmail and 4 more send actions when aws:RequestedRegion: check that the accounts' senders never match it",
	}} with input as scp([{"Effect": "Deny", "NotAction": ["iam:*"], "Resource": "*", "Condition": {"StringNotEquals": {"aws:RequestedRegion": ["eu-west-1"]}}}])
}

test_allow_list_without_ses if {
	scp_denies_send.report == {{
		"rule": "SES501",
		"path": ["Statement", 0, "Action", 0],
		"message": "SCP \"deny-ses\" is an allow list that names no SES send action: in the accounts it applies to, every send fails with Unauthorized",
	}} with input as scp([{"Effect": "Allow", "Action": ["s3:*", "ec2:*"], "Resource": "*"}])
}

test_full_access_and_other_denies_pass if {
	count(scp_denies_send.report) == 0 with input as scp([
		{"Effect": "Allow", "Action": "*", "Resource": "*"},
		{"Effect": "Deny", "Action": ["ses:DeleteIdentity"], "Resource": "*"},
	])
}

test_only_scps if {
	count(scp_denies_send.report) == 0 with input as object.union(scp([{"Effect": "Deny", "Action": "ses:*", "Resource": "*"}]), {"kind": "identity"})
}
