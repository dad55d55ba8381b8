package seslint.rules.authorization.resource_test

import data.seslint.rules.authorization.resource

identity_arn := "arn:aws:ses:us-east-1:123456789012:identity/example.com"

statement(res) := {
	"Effect": "Allow",
	"Principal": {"AWS": "111122223333"},
	"Action": ["ses:SendEmail", "ses:SendRawEmail"],
	"Resource": res,
}

policy(res, identity) := {
	"kind": "sending-authorization",
	"identity": identity,
	"document": {"Version": "2012-10-17", "Statement": [statement(res)]},
}

test_missing_resource_points_at_statement if {
	resource.report == {{
		"rule": "SES403",
		"message": "statement has no Resource: a sending authorization policy must name the ARN of the identity it is attached to, or SES rejects it",
		"path": ["Statement", 0],
	}} with input as {"kind": "sending-authorization", "identity": "", "document": {"Statement": [object.remove(statement(""), ["Resource"])]}}
}

test_not_resource_is_left_to_ses106 if {
	count(resource.report) == 0 with input as {"kind": "sending-authorization", "identity": "", "document": {"Statement": [object.union(
		object.remove(statement(""), ["Resource"]),
		{"NotResource": identity_arn},
	)]}}
}

test_empty_resource_list if {
	resource.report == {{
		"rule": "SES403",
		"message": "Resource is empty: a sending authorization policy must name the ARN of the identity it is attached to, or SES rejects it",
		"path": ["Statement", 0, "Resource"],
	}} with input as policy([], "")
}

test_two_resources_point_at_the_second if {
	resource.report == {{
		"rule": "SES403",
		"message": "statement names 2 resources: a sending authorization policy applies to exactly one identity, the one it is attached to, and SES rejects the policy",
		"path": ["Statement", 0, "Resource", 1],
	}} with input as policy([identity_arn, "arn:aws:ses:us-east-1:123456789012:identity/sender@example.com"], "")
}

test_wildcards if {
	resource.report == {
		{
			"rule": "SES403",
			"message": "Resource \"*\" is a wildcard: SES requires the exact ARN of the identity the policy is attached to and rejects the policy",
			"path": ["Statement", 0, "Resource", 0],
		},
		{
			"rule": "SES403",
			"message": "statement names 2 resources: a sending authorization policy applies to exactly one identity, the one it is attached to, and SES rejects the policy",
			"path": ["Statement", 0, "Resource", 1],
		},
		{
			"rule": "SES403",
			"message": "Resource \"arn:aws:ses:us-east-1:123456789012:identity/*.example.com\" is a wildcard: SES requires the exact ARN of the identity the policy is attached to and rejects the policy",
			"path": ["Statement", 0, "Resource", 1],
		},
	} with input as policy(["*", "arn:aws:ses:us-east-1:123456789012:identity/*.example.com"], "")
}

test_not_an_identity_arn if {
	resource.report == {{
		"rule": "SES403",
		"message": "Resource \"arn:aws:ses:us-east-1:123456789012:example.com\" is not an SES identity ARN (arn:PARTITION:ses:REGION:ACCOUNT:identity/NAME): SES rejects the policy",
		"path": ["Statement", "Resource", 0],
	}} with input as {"kind": "sending-authorization", "document": {"Statement": statement("arn:aws:ses:us-east-1:123456789012:example.com")}}
	resource.report == {{
		"rule": "SES403",
		"message": "Resource \"arn:aws:ses:us-east-1:123456789012:configuration-set/transactional\" is not an SES identity ARN (arn:PARTITION:ses:REGION:ACCOUNT:identity/NAME): SES rejects the policy",
		"path": ["Statement", 0, "Resource", 0],
	}} with input as policy("arn:aws:ses:us-east-1:123456789012:configuration-set/transactional", "")
	resource.report == {{
		"rule": "SES403",
		"message": "Resource 42 is not a string: SES expects the ARN of the identity the policy is attached to",
		"path": ["Statement", 0, "Resource", 0],
	}} with input as policy(42, "")
}

test_other_identity_than_the_attached_one if {
	resource.report == {{
		"rule": "SES403",
		"message": "Resource \"arn:aws:ses:us-east-1:123456789012:identity/example.com\" is not the identity this policy is attached to (arn:aws:ses:eu-west-1:123456789012:identity/example.com): SES rejects the policy",
		"path": ["Statement", 0, "Resource", 0],
	}} with input as policy(identity_arn, "arn:aws:ses:eu-west-1:123456789012:identity/example.com")
	resource.report == {{
		"rule": "SES403",
		"message": "Resource \"arn:aws:ses:us-east-1:123456789012:identity/example.com\" is not the identity this policy is attached to (sender@example.com): SES rejects the policy",
		"path": ["Statement", 0, "Resource", 0],
	}} with input as policy(identity_arn, "sender@example.com")
}

test_attached_identity_passes if {
	count(resource.report) == 0 with input as policy(identity_arn, "")
	count(resource.report) == 0 with input as policy(identity_arn, "arn:aws:ses:us-east-1:123456789012:identity/Example.COM")
	count(resource.report) == 0 with input as policy([identity_arn], "example.com")
	count(resource.report) == 0 with input as policy(identity_arn, "arn:aws:ses:${AWS::Region}:${AWS::AccountId}:identity/example.com")
}

test_symbolic_resources_pass if {
	count(resource.report) == 0 with input as policy("arn:${AWS::Partition}:ses:${AWS::Region}:${AWS::AccountId}:identity/${Domain}", "example.com")
	count(resource.report) == 0 with input as policy("${aws_sesv2_email_identity.example.*.arn}", "")
}

test_only_sending_authorization_policies if {
	count(resource.report) == 0 with input as object.union(policy("*", ""), {"kind": "identity"})
	count(resource.report) == 0 with input as object.union(policy("*", ""), {"kind": "resource"})
}
