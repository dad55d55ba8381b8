package seslint.rules.resource.configuration_set_test

import data.seslint.rules.resource.configuration_set

doc(resources) := {"kind": "identity", "document": {"Statement": [{"Effect": "Allow", "Action": ["ses:SendEmail", "ses:SendRawEmail"], "Resource": resources}]}}

sets := [{"name": "events", "place": 0}]

test_identity_only_grant if {
	configuration_set.unit_report == {{
		"rule": "SES306",
		"document": 0,
		"path": ["Statement", 0, "Resource", 0],
		"message": "this stack or module defines configuration set events, but this grant of ses:SendEmail, ses:SendRawEmail names only identities: sends that use the configuration set fail with 554 Access denied",
	}} with input as {"unit": {"documents": [doc("arn:aws:ses:eu-west-1:123456789012:identity/example.com")], "configuration_sets": sets}}
}

test_grant_covering_the_set_passes if {
	count(configuration_set.unit_report) == 0 with input as {"unit": {"documents": [doc(["arn:aws:ses:eu-west-1:123456789012:identity/example.com", "arn:aws:ses:eu-west-1:123456789012:configuration-set/events"])], "configuration_sets": sets}}
	count(configuration_set.unit_report) == 0 with input as {"unit": {"documents": [doc("*")], "configuration_sets": sets}}
	count(configuration_set.unit_report) == 0 with input as {"unit": {"documents": [doc("arn:aws:ses:eu-west-1:123456789012:identity/example.com")], "configuration_sets": []}}
}
