package seslint.rules.authorization.public_principal_test

import data.seslint.rules.authorization.public_principal

identity_arn := "arn:aws:ses:us-east-1:123456789012:identity/example.com"

statement(principal, condition) := {
	"Effect": "Allow",
	"Principal": principal,
	"Action": ["ses:SendEmail", "ses:SendRawEmail"],
	"Resource": identity_arn,
	"Condition": condition,
}

policy(statements) := {"kind": "sending-authorization", "document": {
	"Version": "2012-10-17",
	"Statement": statements,
}}

test_bare_star_points_at_principal if {
	public_principal.report == {{
		"rule": "SES402",
		"message": "principal \"*\" with no condition pinning the caller (such as aws:SourceIp or aws:SourceVpce) lets any AWS account send email as this identity (ses:SendEmail, ses:SendRawEmail)",
		"path": ["Statement", 0, "Principal"],
	}} with input as policy([statement("*", {})])
}

test_star_in_aws_list_with_a_sender_condition_only if {
	public_principal.report == {{
		"rule": "SES402",
		"message": "principal \"*\" with no condition pinning the caller (such as aws:SourceIp or aws:SourceVpce) lets any AWS account send email as this identity (ses:SendEmail, ses:SendRawEmail)",
		"path": ["Statement", 1, "Principal", "AWS", 1],
	}} with input as policy([
		statement({"AWS": "111122223333"}, {}),
		statement({"AWS": ["111122223333", "*"]}, {"StringLike": {"ses:FromAddress": "*@example.com"}}),
	])
}

test_conditions_that_restrict_nothing if {
	public_principal.report == {{
		"rule": "SES402",
		"message": "principal \"*\" with no condition pinning the caller (such as aws:SourceIp or aws:SourceVpce) lets any AWS account send email as this identity (ses:SendEmail, ses:SendRawEmail)",
		"path": ["Statement", 0, "Principal", "AWS", 0],
	}} with input as policy([statement({"AWS": "*"}, {
		"Null": {"aws:PrincipalOrgID": "false"},
		"IpAddress": {"aws:SourceIp": "0.0.0.0/0"},
	})])
}

test_management_only_statement if {
	public_principal.report == {{
		"rule": "SES402",
		"message": "principal \"*\" with no condition pinning the caller (such as aws:SourceIp or aws:SourceVpce) grants every AWS account this statement's actions on your identity",
		"path": ["Statement", "Principal"],
	}} with input as {"kind": "sending-authorization", "document": {"Statement": {
		"Effect": "Allow",
		"Principal": "*",
		"Action": "ses:GetEmailIdentity",
		"Resource": identity_arn,
	}}}
}

test_conditions_true_for_callers_without_the_key if {
	every condition in [
		{"StringEqualsIfExists": {"aws:SourceVpce": "vpce-0abc"}},
		{"NotIpAddress": {"aws:SourceIp": "10.0.0.0/8"}},
		{"StringNotEquals": {"aws:PrincipalAccount": "444455556666"}},
		{"ForAllValues:StringEquals": {"aws:PrincipalOrgPaths": "o-a1b2c3d4e5/r-ab12/ou-ab12-11111111/"}},
	] {
		count(public_principal.report) == 1 with input as policy([statement("*", condition)])
	}
}

test_caller_conditions_any_case_pass if {
	count(public_principal.report) == 0 with input as policy([
		statement("*", {"IpAddress": {"AWS:SourceIP": ["192.0.2.0/24"]}}),
		statement({"AWS": "*"}, {"StringEquals": {"aws:PrincipalOrgID": "o-a1b2c3d4e5"}}),
		statement({"AWS": "*"}, {"StringEquals": {"aws:SourceVpce": "vpce-0abc"}}),
	])
}

test_named_principals_deny_and_other_kinds_pass if {
	count(public_principal.report) == 0 with input as policy([statement({"AWS": "111122223333"}, {})])
	count(public_principal.report) == 0 with input as policy([object.union(statement("*", {}), {"Effect": "Deny"})])
	count(public_principal.report) == 0 with input as object.union(policy([statement("*", {})]), {"kind": "resource"})
}
