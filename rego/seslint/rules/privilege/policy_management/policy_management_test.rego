package seslint.rules.privilege.policy_management_test

import data.seslint.rules.privilege.policy_management

doc(kind, statements) := {"kind": kind, "document": {"Version": "2012-10-17", "Statement": statements}}

why := "the holder can attach a sending authorization policy that lets another AWS account send as your identities"

test_named_action_on_star if {
	policy_management.report == {{
		"rule": "SES603",
		"message": sprintf("ses:PutIdentityPolicy is allowed on every identity (\"Resource\": \"*\"): %s", [why]),
		"path": ["Statement", 0, "Action", 1],
	}} with input as doc("identity", [{"Effect": "Allow", "Action": ["ses:SendEmail", "ses:PutIdentityPolicy"], "Resource": "*"}])
}

test_wildcards_and_not_action if {
	policy_management.report == {
		{
			"rule": "SES603",
			"message": sprintf("ses:*EmailIdentityPolicy allows ses:CreateEmailIdentityPolicy, ses:UpdateEmailIdentityPolicy and ses:DeleteEmailIdentityPolicy on every identity (\"Resource\": \"*\"): %s", [why]),
			"path": ["Statement", 0, "Action", 0],
		},
		{
			"rule": "SES603",
			"message": sprintf("NotAction allows ses:PutIdentityPolicy, ses:CreateEmailIdentityPolicy, ses:UpdateEmailIdentityPolicy and ses:DeleteEmailIdentityPolicy on every identity (\"Resource\": \"*\"): %s", [why]),
			"path": ["Statement", 1, "NotAction"],
			"key": true,
		},
	} with input as doc("identity", [
		{"Effect": "Allow", "Action": "ses:*EmailIdentityPolicy", "Resource": "*"},
		{"Effect": "Allow", "NotAction": "ses:Send*", "Resource": ["*"]},
	])
}

test_scoped_denied_or_other_kinds_pass if {
	count(policy_management.report) == 0 with input as doc("identity", [
		{"Effect": "Allow", "Action": "ses:CreateEmailIdentityPolicy", "Resource": "arn:aws:ses:eu-west-1:123456789012:identity/example.com"},
		{"Effect": "Allow", "Action": ["ses:SendEmail", "ses:GetIdentityPolicies"], "Resource": "*"},
		{"Effect": "Deny", "Action": "ses:PutIdentityPolicy", "Resource": "*"},
		{"Effect": "Allow", "NotAction": "ses:*", "Resource": "*"},
	])
	count(policy_management.report) == 0 with input as doc("boundary", [{"Effect": "Allow", "Action": "ses:*", "Resource": "*"}])
}
