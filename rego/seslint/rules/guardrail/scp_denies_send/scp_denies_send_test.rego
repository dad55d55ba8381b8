package seslint.rules.guardrail.scp_denies_send_test

import data.seslint.rules.guardrail.scp_denies_send

scp(statements) := {"kind": "scp", "name": "deny-ses", "owner": "DenySes", "document": {"Version": "2012-10-17", "Statement": statements}}

allow_list_message(name) := sprintf("%s is an allow list that names no SES send action: in the accounts it applies to, every send fails with Unauthorized (unless another SCP attached at the same level allows SES)", [name])

allow_list_fix := "add the send actions (ses:SendEmail, ses:SendRawEmail, ...) to an Allow statement of the SCP"

test_unconditional_deny if {
	scp_denies_send.report == {{
		"rule": "SES501",
		"path": ["Statement", 0, "Action", 0],
		"message": "SCP \"deny-ses\" denies ses:SendEmail, ses:SendRawEmail, ses:SendTemplatedEmail and 4 more send actions for every principal of the accounts it applies to: their sends fail with Unauthorized, whatever their own policies allow",
	}} with input as scp([{"Effect": "Deny", "Action": "ses:*", "Resource": "*"}])
}

test_deny_points_at_the_entry_covering_send_actions if {
	scp_denies_send.report == {{
		"rule": "SES501",
		"path": ["Statement", 1, "Action", 1],
		"message": "SCP DenySes denies ses:SendRawEmail for every principal of the accounts it applies to: their sends fail with Unauthorized, whatever their own policies allow",
	}} with input as object.union(
		scp([
			{"Effect": "Allow", "Action": "*", "Resource": "*"},
			{"Effect": "Deny", "Action": ["ses:DeleteIdentity", "ses:SendRawEmail"], "Resource": "arn:aws:ses:*:*:identity/*"},
		]),
		{"name": ""},
	)
}

test_conditional_deny_is_a_note if {
	scp_denies_send.report == {{
		"rule": "SES501",
		"path": ["Statement", 0, "NotAction"],
		"key": true,
		"level": "note",
		"message": "SCP \"deny-ses\" denies ses:SendEmail, ses:SendRawEmail, ses:SendTemplatedEmail and 4 more send actions when aws:PrincipalArn, aws:RequestedRegion: check that the accounts' senders never match it",
	}} with input as scp([{
		"Effect": "Deny", "NotAction": ["iam:*"], "Resource": "*",
		"Condition": {
			"StringNotEquals": {"aws:RequestedRegion": ["eu-west-1"]},
			"ArnNotLike": {"aws:PrincipalArn": "arn:aws:iam::*:role/admin"},
		},
	}])
}

test_allow_list_without_ses if {
	scp_denies_send.report == {{
		"rule": "SES501",
		"path": ["Statement", 0, "Action", 0],
		"message": allow_list_message("SCP \"deny-ses\""),
		"fix": allow_list_fix,
	}} with input as scp([
		{"Effect": "Allow", "Action": ["s3:*", "ec2:*"], "Resource": "*"},
		{"Effect": "Allow", "Action": "ses:GetSendQuota", "Resource": "*"},
	])
}

test_allow_list_with_not_action_and_a_deny if {
	scp_denies_send.report == {
		{
			"rule": "SES501",
			"path": ["Statement", 0, "NotAction"],
			"key": true,
			"message": allow_list_message("SCP \"deny-ses\""),
			"fix": allow_list_fix,
		},
		{
			"rule": "SES501",
			"path": ["Statement", 1, "Action", 0],
			"message": "SCP \"deny-ses\" denies ses:SendBounce for every principal of the accounts it applies to: their sends fail with Unauthorized, whatever their own policies allow",
		},
	} with input as scp([
		{"Effect": "Allow", "NotAction": "ses:*", "Resource": "*"},
		{"Effect": "Deny", "Action": "ses:SendBounce", "Resource": "*"},
	])
}

test_full_access_and_other_denies_pass if {
	count(scp_denies_send.report) == 0 with input as scp([
		{"Effect": "Allow", "Action": "*", "Resource": "*"},
		{"Effect": "Deny", "Action": ["ses:DeleteIdentity"], "Resource": "*"},
	])

	# an allow list that names SES sending
	count(scp_denies_send.report) == 0 with input as scp([{"Effect": "Allow", "Action": ["s3:*", "ses:Send*"], "Resource": "*"}])

	# a deny-list SCP without Allow statements
	count(scp_denies_send.report) == 0 with input as scp([{"Effect": "Deny", "Action": "organizations:LeaveOrganization", "Resource": "*"}])

	# a Deny on resources that are not identities
	count(scp_denies_send.report) == 0 with input as scp([{"Effect": "Deny", "Action": "*", "Resource": "arn:aws:s3:::audit-logs/*"}])
}

test_only_scps if {
	every kind in ["identity", "boundary", "sending-authorization", "resource"] {
		count(scp_denies_send.report) == 0 with input as object.union(scp([{"Effect": "Deny", "Action": "ses:*", "Resource": "*"}]), {"kind": kind})
	}
}
