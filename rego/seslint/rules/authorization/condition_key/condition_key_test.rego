package seslint.rules.authorization.condition_key_test

import data.seslint.rules.authorization.condition_key

unsupported(key) := sprintf("condition key %s is not supported in SES sending authorization policies, which implement only aws:CurrentTime, aws:EpochTime, aws:SecureTransport, aws:SourceIp, aws:SourceVpc, aws:SourceVpce, aws:UserAgent, aws:VpcSourceIp and ses: keys: SES does not set it when it evaluates the policy, so the condition does not work as written", [key])

policy(principal, condition) := {"kind": "sending-authorization", "document": {
	"Version": "2012-10-17",
	"Statement": [{
		"Effect": "Allow",
		"Principal": principal,
		"Action": ["ses:SendEmail", "ses:SendRawEmail"],
		"Resource": "arn:aws:ses:us-east-1:123456789012:identity/example.com",
		"Condition": condition,
	}],
}}

test_unsupported_global_key_at_the_key if {
	condition_key.report == {{
		"rule": "SES405",
		"message": unsupported("aws:PrincipalOrgID"),
		"path": ["Statement", 0, "Condition", "StringEquals", "aws:PrincipalOrgID"],
		"key": true,
	}} with input as policy({"AWS": "*"}, {"StringEquals": {"aws:PrincipalOrgID": "o-a1b2c3d4e5"}})
}

test_several_unsupported_keys if {
	condition_key.report == {
		{
			"rule": "SES405",
			"message": unsupported("aws:RequestedRegion"),
			"path": ["Statement", 0, "Condition", "StringEquals", "aws:RequestedRegion"],
			"key": true,
		},
		{
			"rule": "SES405",
			"message": unsupported("aws:ResourceTag/team"),
			"path": ["Statement", 0, "Condition", "StringEquals", "aws:ResourceTag/team"],
			"key": true,
		},
	} with input as policy({"AWS": "111122223333"}, {"StringEquals": {
		"aws:RequestedRegion": "us-east-1",
		"aws:ResourceTag/team": "mail",
		"ses:FromAddress": "noreply@example.com",
	}})
}

test_source_arn_needs_a_service_principal if {
	condition_key.report == {{
		"rule": "SES405",
		"message": "condition key AWS:SourceArn is only accepted in a sending authorization policy for a Service principal (such as cognito-idp.amazonaws.com): name the service in Principal, or restrict the caller with the principal itself",
		"path": ["Statement", 0, "Condition", "ArnLike", "AWS:SourceArn"],
		"key": true,
	}} with input as policy({"AWS": "111122223333"}, {"ArnLike": {"AWS:SourceArn": "arn:aws:cognito-idp:us-east-1:111122223333:userpool/*"}})
}

test_cognito_service_principal_with_source_keys_passes if {
	count(condition_key.report) == 0 with input as policy({"Service": "cognito-idp.amazonaws.com"}, {
		"StringEquals": {"aws:SourceAccount": "111122223333"},
		"ArnLike": {"aws:SourceArn": "arn:aws:cognito-idp:us-east-1:111122223333:userpool/*"},
	})
}

test_supported_keys_any_case_pass if {
	count(condition_key.report) == 0 with input as policy({"AWS": "111122223333"}, {
		"IpAddress": {"AWS:SourceIP": "192.0.2.0/24"},
		"Bool": {"aws:SecureTransport": "true"},
		"DateLessThan": {"aws:CurrentTime": "2027-01-01T00:00:00Z"},
		"StringEquals": {"aws:SourceVpce": "vpce-0abc", "aws:UserAgent": "mailer/1.0"},
		"ForAllValues:StringLike": {"ses:Recipients": "*@example.com", "SES:FromDisplayName": "Example"},
		"StringLike": {"ses:FromAddress": "*@example.com", "ses:ApiVersion": "2"},
	})
}

test_only_sending_authorization_policies if {
	count(condition_key.report) == 0 with input as object.union(
		policy({"AWS": "111122223333"}, {"StringEquals": {"aws:PrincipalOrgID": "o-a1b2c3d4e5"}}),
		{"kind": "identity"},
	)
	count(condition_key.report) == 0 with input as object.union(
		policy({"AWS": "111122223333"}, {"StringEquals": {"aws:PrincipalOrgID": "o-a1b2c3d4e5"}}),
		{"kind": "resource"},
	)
}
