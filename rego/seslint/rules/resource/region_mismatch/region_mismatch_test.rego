package seslint.rules.resource.region_mismatch_test

import data.seslint.rules.resource.region_mismatch

doc(resource) := {"kind": "identity", "document": {"Statement": [{"Effect": "Allow", "Action": ["ses:SendEmail", "ses:SendRawEmail"], "Resource": resource}]}}

id(name, region) := {"name": name, "region": region, "place": 0}

test_other_region if {
	region_mismatch.unit_report == {{
		"rule": "SES305",
		"document": 0,
		"path": ["Statement", 0, "Resource", 1],
		"message": "this grant hard-codes region us-east-1, but identity example.com is created in eu-west-1: SES authorizes sends against the identity in the endpoint's region, so they fail",
		"fix": "write the identity's region: \"arn:aws:ses:eu-west-1:123456789012:identity/example.com\"",
	}} with input as {"unit": {
		"documents": [doc(["arn:aws:ses:eu-west-1:123456789012:identity/example.org", "arn:aws:ses:us-east-1:123456789012:identity/example.com"])],
		"identities": [id("example.com", "eu-west-1"), id("example.org", "eu-west-1")],
	}}
}

test_stack_region if {
	region_mismatch.unit_report == {{
		"rule": "SES305",
		"document": 0,
		"path": ["Statement", 0, "Resource", 0],
		"message": "this grant hard-codes region us-east-1, but identity ${SenderDomain} is created in the region this stack or module is deployed to: sends are authorized only when that is us-east-1",
	}} with input as {"unit": {"documents": [doc("arn:aws:ses:us-east-1:${AWS::AccountId}:identity/${SenderDomain}")], "identities": [id("${SenderDomain}", "")]}}
}

test_identity_defined_in_several_regions if {
	# defined in the grant's region too: fine
	count(region_mismatch.unit_report) == 0 with input as {"unit": {
		"documents": [doc("arn:aws:ses:us-east-1:123456789012:identity/example.com")],
		"identities": [id("example.com", "eu-west-1"), id("example.com", "us-east-1")],
	}}

	# in none of them: one finding naming both
	region_mismatch.unit_report == {{
		"rule": "SES305",
		"document": 0,
		"path": ["Statement", 0, "Resource", 0],
		"message": "this grant hard-codes region ap-south-1, but identity example.com is created in eu-west-1 and us-east-1: SES authorizes sends against the identity in the endpoint's region, so they fail",
	}} with input as {"unit": {
		"documents": [doc("arn:aws:ses:ap-south-1:123456789012:identity/example.com")],
		"identities": [id("example.com", "us-east-1"), id("example.com", "eu-west-1")],
	}}
}

test_same_symbolic_or_wildcard_region_passes if {
	count(region_mismatch.unit_report) == 0 with input as {"unit": {"documents": [doc("arn:aws:ses:eu-west-1:123456789012:identity/example.com")], "identities": [id("example.com", "eu-west-1")]}}
	count(region_mismatch.unit_report) == 0 with input as {"unit": {"documents": [doc("arn:aws:ses:${AWS::Region}:123456789012:identity/example.com")], "identities": [id("example.com", "")]}}
	count(region_mismatch.unit_report) == 0 with input as {"unit": {"documents": [doc("arn:aws:ses:*:123456789012:identity/example.com")], "identities": [id("example.com", "eu-west-1")]}}
	count(region_mismatch.unit_report) == 0 with input as {"unit": {"documents": [doc("arn:aws:ses:us-*:123456789012:identity/example.com")], "identities": [id("example.com", "eu-west-1")]}}
}

test_identities_the_unit_does_not_define_pass if {
	count(region_mismatch.unit_report) == 0 with input as {"unit": {"documents": [doc("arn:aws:ses:us-east-1:123456789012:identity/other.com")], "identities": [id("example.com", "")]}}
	count(region_mismatch.unit_report) == 0 with input as {"unit": {"documents": [doc("arn:aws:ses:us-east-1:123456789012:identity/*")], "identities": [id("example.com", "eu-west-1")]}}
	count(region_mismatch.unit_report) == 0 with input as {"unit": {"documents": [doc("arn:aws:ses:us-east-1:123456789012:configuration-set/example.com")], "identities": [id("example.com", "eu-west-1")]}}
}

test_only_send_grants if {
	count(region_mismatch.unit_report) == 0 with input as {"unit": {
		"documents": [{"kind": "identity", "document": {"Statement": [{"Effect": "Allow", "Action": "ses:GetEmailIdentity", "Resource": "arn:aws:ses:us-east-1:123456789012:identity/example.com"}]}}],
		"identities": [id("example.com", "eu-west-1")],
	}}
}
