package seslint.rules.resource.region_mismatch_test

import data.seslint.rules.resource.region_mismatch

doc(resource) := {"kind": "identity", "document": {"Statement": [{"Effect": "Allow", "Action": ["ses:SendEmail", "ses:SendRawEmail"], "Resource": resource}]}}

test_other_region if {
	region_mismatch.unit_report == {{
		"rule": "SES305",
		"document": 0,
		"path": ["Statement", 0, "Resource", 0],
		"message": "this grant hard-codes region us-east-1, but identity example.com is created in eu-west-1: SES authorizes sends against the identity in the endpoint's region, so they fail",
	}} with input as {"unit": {"documents": [doc("arn:aws:ses:us-east-1:123456789012:identity/example.com")], "identities": [{"name": "example.com", "region": "eu-west-1", "place": 0}]}}
}

test_stack_region if {
	region_mismatch.unit_report == {{
		"rule": "SES305",
		"document": 0,
		"path": ["Statement", 0, "Resource", 0],
		"message": "this grant hard-codes region us-east-1, but identity ${SenderDomain} is created in the region this stack or module is deployed to: sends are authorized only when that is us-east-1",
	}} with input as {"unit": {"documents": [doc("arn:aws:ses:us-east-1:${AWS::AccountId}:identity/${SenderDomain}")], "identities": [{"name": "${SenderDomain}", "region": "", "place": 0}]}}
}

test_same_or_symbolic_region_passes if {
	count(region_mismatch.unit_report) == 0 with input as {"unit": {"documents": [doc("arn:aws:ses:eu-west-1:123456789012:identity/example.com")], "identities": [{"name": "example.com", "region": "eu-west-1", "place": 0}]}}
	count(region_mismatch.unit_report) == 0 with input as {"unit": {"documents": [doc("arn:aws:ses:${AWS::Region}:123456789012:identity/example.com")], "identities": [{"name": "example.com", "region": "", "place": 0}]}}
	count(region_mismatch.unit_report) == 0 with input as {"unit": {"documents": [doc("arn:aws:ses:us-east-1:123456789012:identity/other.com")], "identities": [{"name": "example.com", "region": "", "place": 0}]}}
}
