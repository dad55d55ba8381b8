package seslint.rules.resource.malformed_arn_test

import data.seslint.rules.resource.malformed_arn

identity(statements) := {"kind": "identity", "document": {"Version": "2012-10-17", "Statement": statements}}

test_seed_arn_without_identity_type if {
	malformed_arn.report == {{
		"rule": "SES301",
		"message": "\"arn:aws:ses:eu-west-1:123456789012:example.com\" is not a valid SES ARN: the resource \"example.com\" lacks its type (identity/ for an identity); it matches no SES resource, so the grant never applies (554 Access denied)",
		"path": ["Statement", 0, "Resource", 0],
		"fix": "write \"arn:aws:ses:eu-west-1:123456789012:identity/example.com\"",
	}} with input as identity([{
		"Effect": "Allow",
		"Action": ["ses:SendEmail", "ses:SendRawEmail"],
		"Resource": "arn:aws:ses:eu-west-1:123456789012:example.com",
	}])
}

test_region_without_ses_in_a_list if {
	malformed_arn.report == {{
		"rule": "SES301",
		"message": "\"arn:aws:ses:us-east-3:123456789012:identity/example.com\" is not a valid SES ARN: SES is not offered in us-east-3 (did you mean us-east-1?); it matches no SES resource, so the grant never applies (554 Access denied)",
		"path": ["Statement", 0, "Resource", 1],
	}} with input as identity([{
		"Effect": "Allow",
		"Action": "ses:SendRawEmail",
		"Resource": [
			"arn:aws:ses:eu-west-1:123456789012:identity/example.com",
			"arn:aws:ses:us-east-3:123456789012:identity/example.com",
		],
	}])
}

test_deny_and_not_resource if {
	malformed_arn.report == {
		{
			"rule": "SES301",
			"message": "\"arn:aws:ses:eu-west-1:12345678901:identity/example.com\" is not a valid SES ARN: account \"12345678901\" is not a 12-digit account ID; it matches no SES resource, so the Deny never applies",
			"path": ["Statement", 0, "Resource", 0],
		},
		{
			"rule": "SES301",
			"message": "\"arn:aws:ses:eu-west-1:123456789012:identties/*\" is not a valid SES ARN: unknown SES resource type \"identties\" (did you mean identity?); it matches no SES resource, so NotResource excludes nothing",
			"path": ["Statement", 1, "NotResource", 0],
		},
	} with input as identity([
		{"Effect": "Deny", "Action": "ses:*", "Resource": "arn:aws:ses:eu-west-1:12345678901:identity/example.com"},
		{"Effect": "Allow", "Action": "ses:SendEmail", "NotResource": "arn:aws:ses:eu-west-1:123456789012:identties/*"},
	])
}

test_sending_authorization_policy_too if {
	malformed_arn.report == {{
		"rule": "SES301",
		"message": "\"arn:aws:ses:eu-west-1:1234-5678-9012:identity/example.com\" is not a valid SES ARN: account \"1234-5678-9012\" is not a 12-digit account ID; it matches no SES resource, so the grant never applies (554 Access denied)",
		"path": ["Statement", "Resource", 0],
		"fix": "write \"arn:aws:ses:eu-west-1:123456789012:identity/example.com\"",
	}} with input as {"kind": "sending-authorization", "document": {"Statement": {
		"Effect": "Allow",
		"Principal": {"AWS": "111122223333"},
		"Action": "ses:SendRawEmail",
		"Resource": "arn:aws:ses:eu-west-1:1234-5678-9012:identity/example.com",
	}}}
}

test_bare_identity_name_in_an_ses_statement if {
	malformed_arn.report == {{
		"rule": "SES301",
		"message": "Resource \"example.com\" is not an ARN: IAM matches SES resources by ARN (or \"*\"), so the grant never applies (554 Access denied)",
		"path": ["Statement", 1, "Resource", 0],
		"fix": "write the identity's ARN, arn:aws:ses:eu-west-1:123456789012:identity/example.com",
	}} with input as identity([
		{"Effect": "Allow", "Action": "ses:SendEmail", "Resource": ["arn:aws:ses:*:*:identity/*", "arn:aws:ses:eu-west-1:123456789012:identity/example.org"]},
		{"Effect": "Allow", "Action": ["ses:SendEmail", "SES:SendRawEmail"], "Resource": ["example.com"]},
	])
}

test_bare_name_without_another_arn if {
	malformed_arn.report == {
		{
			"rule": "SES301",
			"message": "Resource \"noreply@example.com\" is not an ARN: IAM matches SES resources by ARN (or \"*\"), so the grant never applies (554 Access denied)",
			"path": ["Statement", 0, "Resource", 0],
			"fix": "write the identity's ARN, arn:aws:ses:REGION:ACCOUNT_ID:identity/noreply@example.com",
		},
		{
			"rule": "SES301",
			"message": "Resource \"identity/example.com\" is not an ARN: IAM matches SES resources by ARN (or \"*\"), so the grant never applies (554 Access denied)",
			"path": ["Statement", 0, "Resource", 1],
			"fix": "write the ARN, arn:aws:ses:REGION:ACCOUNT_ID:identity/example.com",
		},
	} with input as identity([{"Effect": "Allow", "Action": "ses:SendEmail", "Resource": ["noreply@example.com", "identity/example.com"]}])
}

test_bare_name_in_a_mixed_statement_is_not_ours if {
	count(malformed_arn.report) == 0 with input as identity([
		{"Effect": "Allow", "Action": ["ses:SendEmail", "s3:GetObject"], "Resource": "example.com"},
		{"Effect": "Allow", "Action": "*", "Resource": "example.com"},
		{"Effect": "Allow", "NotAction": "ses:SendEmail", "Resource": "example.com"},
	])
}

test_valid_wildcard_symbolic_and_other_services_pass if {
	count(malformed_arn.report) == 0 with input as identity([
		{"Effect": "Allow", "Action": ["ses:GetSendQuota"], "Resource": "*"},
		{"Effect": "Allow", "Action": ["ses:SendEmail", "ses:SendRawEmail"], "Resource": [
			"arn:aws:ses:eu-west-1:123456789012:identity/example.com",
			"arn:aws:ses:*:123456789012:identity/*@example.com",
			"arn:aws:ses:*:*:*",
			"arn:${AWS::Partition}:ses:${AWS::Region}:${AWS::AccountId}:identity/${Domain}",
			"${IdentityArn}",
			"arn:aws:ses:eu-west-1:123456789012:configuration-set/marketing",
		]},
		{"Effect": "Allow", "Action": "s3:GetObject", "Resource": "arn:aws:s3:::bucket/example.com"},
	])
}
