package seslint.rules.authorization.invalid_principal_test

import data.seslint.rules.authorization.invalid_principal

identity_arn := "arn:aws:ses:us-east-1:123456789012:identity/example.com"

policy(principal) := {"kind": "sending-authorization", "document": {
	"Version": "2012-10-17",
	"Statement": [{
		"Effect": "Allow",
		"Principal": principal,
		"Action": ["ses:SendEmail", "ses:SendRawEmail"],
		"Resource": identity_arn,
	}],
}}

test_group_arn_is_not_a_principal if {
	invalid_principal.report == {{
		"rule": "SES401",
		"message": "principal \"arn:aws:iam::111122223333:group/mailers\" is not a valid AWS principal: an IAM group cannot be a principal, name its users or a role; SES rejects the policy",
		"path": ["Statement", 0, "Principal", "AWS", 1],
	}} with input as policy({"AWS": ["111122223333", "arn:aws:iam::111122223333:group/mailers"]})
}

test_short_account_id_and_role_session if {
	invalid_principal.report == {
		{
			"rule": "SES401",
			"message": "principal \"11112222333\" is not a valid AWS principal: an account ID has exactly 12 digits; SES rejects the policy",
			"path": ["Statement", 0, "Principal", "AWS", 0],
		},
		{
			"rule": "SES401",
			"message": "principal \"arn:aws:sts::111122223333:assumed-role/mailer/i-0abc\" is not a valid AWS principal: a role session is not a principal, name the role (arn:aws:iam::ACCOUNT:role/NAME); SES rejects the policy",
			"path": ["Statement", 0, "Principal", "AWS", 1],
		},
	} with input as policy({"AWS": ["11112222333", "arn:aws:sts::111122223333:assumed-role/mailer/i-0abc"]})
}

test_wildcard_arn_and_other_values if {
	invalid_principal.report == {
		{
			"rule": "SES401",
			"message": "principal \"arn:aws:iam::111122223333:role/mail-*\" is not a valid AWS principal: wildcards are not allowed in a principal ARN; SES rejects the policy",
			"path": ["Statement", 0, "Principal", "AWS", 0],
		},
		{
			"rule": "SES401",
			"message": "principal \"mailer\" is not a valid AWS principal: SES accepts a 12-digit account ID, arn:PARTITION:iam::ACCOUNT:root or an IAM user or role ARN; SES rejects the policy",
			"path": ["Statement", 0, "Principal", "AWS", 1],
		},
		{
			"rule": "SES401",
			"message": "principal true is not a valid AWS principal: a value that is not a string; SES rejects the policy",
			"path": ["Statement", 0, "Principal", "AWS", 2],
		},
	} with input as policy({"AWS": ["arn:aws:iam::111122223333:role/mail-*", "mailer", true]})
}

test_service_principal_needs_amazonaws_com if {
	invalid_principal.report == {{
		"rule": "SES401",
		"message": "service principal \"cognito-idp\" is not an AWS service name (NAME.amazonaws.com): SES rejects the policy",
		"path": ["Statement", 0, "Principal", "Service", 0],
	}} with input as policy({"Service": "cognito-idp"})
}

test_service_star_is_not_a_service_name if {
	invalid_principal.report == {{
		"rule": "SES401",
		"message": "service principal \"*\" is not an AWS service name (NAME.amazonaws.com): SES rejects the policy",
		"path": ["Statement", 0, "Principal", "Service", 0],
	}} with input as policy({"Service": "*"})
}

test_federated_principal_type_at_the_key if {
	invalid_principal.report == {{
		"rule": "SES401",
		"message": "principal type \"Federated\" is not valid in an SES sending authorization policy: SES authorizes only \"AWS\" accounts, users and roles and \"Service\" principals, and rejects the policy",
		"path": ["Statement", 0, "Principal", "Federated"],
		"key": true,
	}} with input as policy({"AWS": "111122223333", "Federated": ["cognito-identity.amazonaws.com", "accounts.google.com"]})
}

test_empty_and_string_principals if {
	invalid_principal.report == {{
		"rule": "SES401",
		"message": "Principal names no principal: SES rejects a policy without a valid principal",
		"path": ["Statement", 0, "Principal"],
	}} with input as policy({"AWS": []})
	invalid_principal.report == {{
		"rule": "SES401",
		"message": "Principal \"111122223333\" is neither \"*\" nor an object such as {\"AWS\": [\"ACCOUNT-ID\"]}: SES finds no valid principal and rejects the policy",
		"path": ["Statement", 0, "Principal"],
	}} with input as policy("111122223333")
}

test_single_statement_object if {
	invalid_principal.report == {{
		"rule": "SES401",
		"message": "principal \"arn:aws:iam::111122223333:group/mailers\" is not a valid AWS principal: an IAM group cannot be a principal, name its users or a role; SES rejects the policy",
		"path": ["Statement", "Principal", "AWS", 0],
	}} with input as {"kind": "sending-authorization", "document": {"Statement": {
		"Effect": "Allow",
		"Principal": {"AWS": "arn:aws:iam::111122223333:group/mailers"},
		"Action": "ses:SendEmail",
		"Resource": identity_arn,
	}}}
}

test_valid_principals_pass if {
	count(invalid_principal.report) == 0 with input as policy({
		"AWS": [
			"111122223333", 111122223333,
			"arn:aws:iam::111122223333:root",
			"arn:aws:iam::111122223333:user/alice",
			"arn:aws:iam::111122223333:role/service-role/mailer",
			"arn:aws-cn:iam::111122223333:role/mailer",
			"arn:aws:iam::${SenderAccount}:root",
			"${MailerRole.Arn}",
		],
		"Service": ["cognito-idp.amazonaws.com", "cognito-idp.amazonaws.com.cn"],
	})
}

test_public_principal_is_not_this_rule if {
	count(invalid_principal.report) == 0 with input as policy("*")
	count(invalid_principal.report) == 0 with input as policy({"AWS": "*"})
}

test_only_sending_authorization_policies if {
	count(invalid_principal.report) == 0 with input as object.union(policy({"AWS": "mailer"}), {"kind": "resource"})
	count(invalid_principal.report) == 0 with input as object.union(policy({"Federated": "x"}), {"kind": "identity"})
}
