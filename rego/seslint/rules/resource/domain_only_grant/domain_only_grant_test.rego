package seslint.rules.resource.domain_only_grant_test

import data.seslint.rules.resource.domain_only_grant

doc(resources) := {"kind": "identity", "document": {"Statement": [{"Effect": "Allow", "Action": ["ses:SendEmail", "ses:SendRawEmail"], "Resource": resources}]}}

ids := [{"name": "example.com", "region": "", "place": 0}, {"name": "noreply@example.com", "region": "", "place": 1}]

test_domain_only if {
	domain_only_grant.unit_report == {{
		"rule": "SES304",
		"document": 0,
		"path": ["Statement", 0, "Resource", 0],
		"message": "this grant names the domain identity example.com, but noreply@example.com is verified as an identity of its own: SES checks sends from it against identity/noreply@example.com, so they fail with 554 Access denied",
	}} with input as {"unit": {"documents": [doc("arn:aws:ses:eu-west-1:123456789012:identity/example.com")], "identities": ids}}
}

test_address_or_wildcard_covered if {
	count(domain_only_grant.unit_report) == 0 with input as {"unit": {"documents": [doc(["arn:aws:ses:eu-west-1:123456789012:identity/example.com", "arn:aws:ses:eu-west-1:123456789012:identity/noreply@example.com"])], "identities": ids}}
	count(domain_only_grant.unit_report) == 0 with input as {"unit": {"documents": [doc("arn:aws:ses:eu-west-1:123456789012:identity/*")], "identities": ids}}
}

test_no_separate_address if {
	count(domain_only_grant.unit_report) == 0 with input as {"unit": {"documents": [doc("arn:aws:ses:eu-west-1:123456789012:identity/example.com")], "identities": [ids[0]]}}
}
