package seslint.rules.authorization.action_test

import data.seslint.rules.authorization.action

policy(actions) := {"kind": "sending-authorization", "document": {
	"Version": "2012-10-17",
	"Statement": [{
		"Effect": "Allow",
		"Principal": {"AWS": "111122223333"},
		"Action": actions,
		"Resource": "arn:aws:ses:us-east-1:123456789012:identity/example.com",
	}],
}}

test_action_outside_the_list if {
	action.report == {{
		"rule": "SES404",
		"message": "ses:SendBulkEmail cannot be granted in a sending authorization policy (only identity management actions and SendEmail, SendRawEmail, SendTemplatedEmail, SendBulkTemplatedEmail can): SES rejects the policy",
		"path": ["Statement", 0, "Action", 1],
	}} with input as policy(["ses:SendEmail", "SES:sendbulkemail"])
}

test_wildcard_matching_actions_outside_the_list if {
	action.report == {{
		"rule": "SES404",
		"message": "ses:Send* matches 3 SES actions a sending authorization policy cannot grant (ses:SendBounce, ses:SendBulkEmail, ses:SendCustomVerificationEmail): SES rejects the policy",
		"path": ["Statement", 0, "Action", 0],
		"fix": "replace ses:Send* with the allowed actions it matches: ses:SendBulkTemplatedEmail, ses:SendEmail, ses:SendRawEmail, ses:SendTemplatedEmail",
	}} with input as policy("ses:Send*")
}

test_star_names_a_few if {
	outside := count(data.seslint.catalog.actions) - count(data.seslint.catalog.identity_policy_actions)
	action.report == {{
		"rule": "SES404",
		"message": sprintf("* matches %d SES actions a sending authorization policy cannot grant (ses:AllowVendedLogDeliveryForResource, ses:CloneReceiptRuleSet, ses:CreateAddonInstance, ...): SES rejects the policy", [outside]),
		"path": ["Statement", 0, "Action", 0],
		"fix": "replace * with the actions the delegated sender needs, such as ses:SendEmail and ses:SendRawEmail",
	}} with input as policy(["*"])
}

test_wildcard_matching_only_outside if {
	action.report == {{
		"rule": "SES404",
		"message": "ses:GetSend* matches 2 SES actions a sending authorization policy cannot grant (ses:GetSendQuota, ses:GetSendStatistics): SES rejects the policy",
		"path": ["Statement", 0, "Action", 0],
		"fix": "replace ses:GetSend* with the actions the delegated sender needs, such as ses:SendEmail and ses:SendRawEmail",
	}} with input as policy("ses:GetSend*")
}

test_other_service if {
	action.report == {{
		"rule": "SES404",
		"message": "sns:Publish is not an SES action: a sending authorization policy can only grant ses: actions on the identity, and SES rejects the policy",
		"path": ["Statement", 0, "Action", 1],
	}} with input as policy(["ses:SendRawEmail", "sns:Publish"])
}

test_unknown_ses_action_is_left_to_ses107 if {
	count(action.report) == 0 with input as policy(["ses:SendEmails", "ses:Sned*"])
}

test_allowed_actions_pass if {
	count(action.report) == 0 with input as policy([
		"ses:SendEmail", "ses:SendRawEmail", "ses:SendTemplatedEmail", "ses:SendBulkTemplatedEmail",
		"ses:GetEmailIdentity", "ses:UpdateEmailIdentityPolicy", "ses:Send*Templated*",
		"ses:PutEmailIdentity*", "${SendAction}",
	])
}

test_deny_statements_are_checked_too if {
	action.report == {{
		"rule": "SES404",
		"message": "ses:DeleteIdentity cannot be granted in a sending authorization policy (only identity management actions and SendEmail, SendRawEmail, SendTemplatedEmail, SendBulkTemplatedEmail can): SES rejects the policy",
		"path": ["Statement", "Action", 0],
	}} with input as {"kind": "sending-authorization", "document": {"Statement": {
		"Effect": "Deny",
		"Principal": {"AWS": "111122223333"},
		"Action": "ses:DeleteIdentity",
		"Resource": "arn:aws:ses:us-east-1:123456789012:identity/example.com",
	}}}
}

test_only_sending_authorization_policies if {
	count(action.report) == 0 with input as object.union(policy("ses:*"), {"kind": "identity"})
	count(action.report) == 0 with input as object.union(policy("sns:Publish"), {"kind": "resource"})
}
