package seslint.rules.authorization.deny_send_test

import data.seslint.rules.authorization.deny_send

identity_arn := "arn:aws:ses:us-east-1:123456789012:identity/example.com"

policy(statements) := {"kind": "sending-authorization", "document": {
	"Version": "2012-10-17",
	"Statement": statements,
}}

allow := {
	"Effect": "Allow",
	"Principal": {"AWS": "111122223333"},
	"Action": ["ses:SendEmail", "ses:SendRawEmail"],
	"Resource": identity_arn,
}

deny(actions, condition) := {
	"Effect": "Deny",
	"Principal": {"AWS": "111122223333"},
	"Action": actions,
	"Resource": identity_arn,
	"Condition": condition,
}

test_unconditional_deny_points_at_each_covering_entry if {
	deny_send.report == {
		{
			"rule": "SES410",
			"message": "Deny of ses:Send*Email covers ses:SendBulkEmail, ses:SendBulkTemplatedEmail, ses:SendCustomVerificationEmail, ses:SendEmail, ses:SendRawEmail, ses:SendTemplatedEmail: the principals it names get \"Unauthorized\" when they send as this identity, whatever the policy allows",
			"path": ["Statement", 1, "Action", 1],
		},
		{
			"rule": "SES410",
			"message": "Deny of SES:SENDRAWEMAIL: the principals it names get \"Unauthorized\" when they send as this identity, whatever the policy allows",
			"path": ["Statement", 1, "Action", 2],
		},
	} with input as policy([allow, deny(["ses:DeleteEmailIdentity", "ses:Send*Email", "SES:SENDRAWEMAIL"], {})])
}

test_conditional_deny_names_its_keys if {
	deny_send.report == {{
		"rule": "SES410",
		"message": "Deny of ses:SendRawEmail when its condition on aws:SecureTransport, ses:Recipients matches: those sends as this identity fail with \"Unauthorized\"",
		"path": ["Statement", 1, "Action", 0],
	}} with input as policy([allow, deny("ses:SendRawEmail", {
		"Bool": {"aws:SecureTransport": "false"},
		"ForAnyValue:StringNotLike": {"ses:Recipients": "*@example.com"},
	})])
}

test_not_action_deny if {
	deny_send.report == {{
		"rule": "SES410",
		"message": "Deny with NotAction covers ses:SendBounce, ses:SendBulkEmail, ses:SendBulkTemplatedEmail, ses:SendCustomVerificationEmail, ses:SendEmail, ses:SendTemplatedEmail: the principals it names get \"Unauthorized\" when they send as this identity, whatever the policy allows",
		"path": ["Statement", "NotAction"],
	}} with input as {"kind": "sending-authorization", "document": {"Statement": {
		"Effect": "Deny",
		"Principal": {"AWS": "111122223333"},
		"NotAction": "ses:SendRawEmail",
		"Resource": identity_arn,
	}}}
}

test_deny_of_management_actions_passes if {
	count(deny_send.report) == 0 with input as policy([allow, deny(["ses:DeleteEmailIdentity", "ses:UpdateEmailIdentityPolicy"], {})])
	count(deny_send.report) == 0 with input as policy([allow])
}

test_only_sending_authorization_policies if {
	count(deny_send.report) == 0 with input as object.union(policy([deny("ses:SendEmail", {})]), {"kind": "identity"})
	count(deny_send.report) == 0 with input as object.union(policy([deny("ses:SendEmail", {})]), {"kind": "resource"})
}
