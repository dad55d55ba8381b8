package seslint.rules.privilege.broad_management_test

import data.seslint.rules.privilege.broad_management

doc(kind, statements) := {"kind": kind, "document": {"Version": "2012-10-17", "Statement": statements}}

why := "whoever holds this policy can create, re-verify or delete identities and change their DKIM and sending authorization"

test_ses_star if {
	broad_management.report == {{
		"rule": "SES601",
		"message": sprintf("ses:* also allows ses:PutIdentityPolicy, ses:DeleteEmailIdentity and 22 more SES management actions: %s", [why]),
		"path": ["Statement", 0, "Action", 0],
	}} with input as doc("identity", [{"Effect": "Allow", "Action": "ses:*", "Resource": "*"}])
}

test_partial_wildcards_and_star if {
	broad_management.report == {
		{
			"rule": "SES601",
			"message": sprintf("ses:Put* also allows ses:PutIdentityPolicy, ses:PutEmailIdentityDkimSigningAttributes and 4 more SES management actions: %s", [why]),
			"path": ["Statement", 0, "Action", 1],
		},
		{
			"rule": "SES601",
			"message": sprintf("ses:Verify*Identity also allows ses:VerifyDomainIdentity and ses:VerifyEmailIdentity (SES management actions): %s", [why]),
			"path": ["Statement", 0, "Action", 2],
		},
		{
			"rule": "SES601",
			"message": sprintf("ses:DeleteIdentityPolic? also allows the SES management action ses:DeleteIdentityPolicy: %s", [why]),
			"path": ["Statement", 0, "Action", 3],
		},
		{
			"rule": "SES601",
			"message": sprintf("ses:*EmailIdentityPolicy also allows ses:CreateEmailIdentityPolicy, ses:UpdateEmailIdentityPolicy and ses:DeleteEmailIdentityPolicy (SES management actions): %s", [why]),
			"path": ["Statement", 0, "Action", 4],
		},
		{
			"rule": "SES601",
			"message": sprintf("* also allows ses:PutIdentityPolicy, ses:DeleteEmailIdentity and 22 more SES management actions: %s", [why]),
			"path": ["Statement", 1, "Action", 0],
		},
	} with input as doc("identity", [
		{"Effect": "Allow", "Action": ["ses:SendEmail", "ses:Put*", "ses:Verify*Identity", "ses:DeleteIdentityPolic?", "ses:*EmailIdentityPolicy"], "Resource": "*"},
		{"Effect": "Allow", "Action": "*", "Resource": "*"},
	])
}

test_not_action if {
	broad_management.report == {{
		"rule": "SES601",
		"message": sprintf("NotAction also allows ses:PutIdentityPolicy, ses:DeleteEmailIdentity and 22 more SES management actions: %s", [why]),
		"path": ["Statement", "NotAction"],
		"key": true,
	}} with input as {"kind": "identity", "document": {"Statement": {"Effect": "Allow", "NotAction": ["iam:*", "ses:Send*"], "Resource": "*"}}}
}

test_named_actions_send_wildcards_deny_and_other_kinds_pass if {
	count(broad_management.report) == 0 with input as doc("identity", [
		{"Effect": "Allow", "Action": ["ses:SendEmail", "ses:PutIdentityPolicy", "ses:Send*", "ses:Get*", "ses:List*", "s3:*"], "Resource": "*"},
		{"Effect": "Allow", "NotAction": "ses:*", "Resource": "*"},
		{"Effect": "Deny", "Action": "ses:*", "Resource": "*"},
	])
	count(broad_management.report) == 0 with input as doc("boundary", [{"Effect": "Allow", "Action": "ses:*", "Resource": "*"}])
	count(broad_management.report) == 0 with input as doc("scp", [{"Effect": "Allow", "Action": "*", "Resource": "*"}])
}
