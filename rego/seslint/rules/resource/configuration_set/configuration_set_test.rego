package seslint.rules.resource.configuration_set_test

import data.seslint.rules.resource.configuration_set

doc(resources) := {"kind": "identity", "document": {"Statement": [{"Effect": "Allow", "Action": ["ses:SendEmail", "ses:SendRawEmail"], "Resource": resources}]}}

identity := "arn:aws:ses:eu-west-1:123456789012:identity/example.com"

sets := [{"name": "events", "place": 0}]

test_identity_only_grant if {
	configuration_set.unit_report == {{
		"rule": "SES306",
		"document": 0,
		"path": ["Statement", 0, "Resource", 0],
		"message": "this stack or module defines configuration set events, but this grant of ses:SendEmail, ses:SendRawEmail names only identities: sends that use it fail with 554 Access denied",
		"fix": "add \"arn:aws:ses:eu-west-1:123456789012:configuration-set/events\" to Resource",
	}} with input as {"unit": {"documents": [doc([identity, "arn:aws:ses:eu-west-1:123456789012:identity/noreply@example.com"])], "configuration_sets": sets}}
}

test_only_actions_that_take_a_configuration_set if {
	# SendBounce and SendCustomVerificationEmail never name one
	configuration_set.unit_report == {{
		"rule": "SES306",
		"document": 0,
		"path": ["Statement", 0, "Resource", 0],
		"message": "this stack or module defines configuration sets ${Events}, marketing, but this grant of ses:SendTemplatedEmail names only identities: sends that use them fail with 554 Access denied",
		"fix": "add \"arn:aws:ses:eu-west-1:123456789012:configuration-set/${Events}\", \"arn:aws:ses:eu-west-1:123456789012:configuration-set/marketing\" to Resource",
	}} with input as {"unit": {
		"documents": [{"kind": "identity", "document": {"Statement": [
			{"Effect": "Allow", "Action": ["ses:SendTemplatedEmail", "ses:SendBounce"], "Resource": identity},
			{"Effect": "Allow", "Action": ["ses:SendBounce", "ses:SendCustomVerificationEmail"], "Resource": identity},
		]}}],
		"configuration_sets": [{"name": "marketing", "place": 0}, {"name": "${Events}", "place": 1}],
	}}
}

test_grant_covering_the_set_passes if {
	count(configuration_set.unit_report) == 0 with input as {"unit": {"documents": [doc([identity, "arn:aws:ses:eu-west-1:123456789012:configuration-set/events"])], "configuration_sets": sets}}
	count(configuration_set.unit_report) == 0 with input as {"unit": {"documents": [doc([identity, "arn:aws:ses:eu-west-1:123456789012:configuration-set/*"])], "configuration_sets": sets}}
	count(configuration_set.unit_report) == 0 with input as {"unit": {"documents": [doc("*")], "configuration_sets": sets}}
	count(configuration_set.unit_report) == 0 with input as {"unit": {"documents": [doc("arn:aws:ses:eu-west-1:123456789012:*")], "configuration_sets": sets}}
	count(configuration_set.unit_report) == 0 with input as {"unit": {"documents": [doc(identity)], "configuration_sets": []}}
}

test_resources_that_are_not_all_identity_arns_pass if {
	# a deploy-time ARN may be anything; a wildcard type covers sets too
	count(configuration_set.unit_report) == 0 with input as {"unit": {"documents": [doc([identity, "${SetArn}"])], "configuration_sets": sets}}
	count(configuration_set.unit_report) == 0 with input as {"unit": {"documents": [doc("arn:aws:ses:eu-west-1:123456789012:*/example.com")], "configuration_sets": sets}}
	count(configuration_set.unit_report) == 0 with input as {"unit": {"documents": [{"kind": "identity", "document": {"Statement": [{"Effect": "Allow", "Action": "ses:SendEmail", "NotResource": "arn:aws:s3:::x"}]}}], "configuration_sets": sets}}
}

test_configuration_set_granted_by_another_statement if {
	count(configuration_set.unit_report) == 0 with input as {"unit": {
		"documents": [{"kind": "identity", "document": {"Statement": [
			{"Effect": "Allow", "Action": ["ses:SendEmail", "ses:SendRawEmail"], "Resource": identity},
			{"Effect": "Allow", "Action": ["ses:SendEmail", "ses:SendRawEmail"], "Resource": "arn:aws:ses:eu-west-1:123456789012:configuration-set/events"},
		]}}],
		"configuration_sets": sets,
	}}

	# another set than the unit's, and only one of the two actions
	configuration_set.unit_report == {{
		"rule": "SES306",
		"document": 0,
		"path": ["Statement", 0, "Resource", 0],
		"message": "this stack or module defines configuration set events, but this grant of ses:SendRawEmail names only identities: sends that use it fail with 554 Access denied",
		"fix": "add \"arn:aws:ses:eu-west-1:123456789012:configuration-set/events\" to Resource",
	}} with input as {"unit": {
		"documents": [{"kind": "identity", "document": {"Statement": [
			{"Effect": "Allow", "Action": ["ses:SendEmail", "ses:SendRawEmail"], "Resource": identity},
			{"Effect": "Allow", "Action": "ses:SendEmail", "Resource": "arn:aws:ses:eu-west-1:123456789012:configuration-set/events"},
			{"Effect": "Allow", "Action": "ses:SendRawEmail", "Resource": "arn:aws:ses:eu-west-1:123456789012:configuration-set/legacy"},
		]}}],
		"configuration_sets": sets,
	}}
}

test_configuration_set_granted_by_another_policy_of_the_principal if {
	identity_doc := object.union(doc(identity), {"attached": true})
	set_doc := object.union(doc("arn:aws:ses:eu-west-1:123456789012:configuration-set/events"), {"attached": true})
	count(configuration_set.unit_report) == 0 with input as {"unit": {
		"documents": [identity_doc, set_doc],
		"principals": [{"name": "Mailer", "type": "AWS::IAM::Role", "policies": [0, 1], "boundary": -1, "boundary_ref": "", "place": 1}],
		"configuration_sets": sets,
	}}

	# without it, the grant is reported once
	configuration_set.unit_report == {{
		"rule": "SES306",
		"document": 0,
		"path": ["Statement", 0, "Resource", 0],
		"message": "this stack or module defines configuration set events, but this grant of ses:SendEmail, ses:SendRawEmail names only identities: sends that use it fail with 554 Access denied",
		"fix": "add \"arn:aws:ses:eu-west-1:123456789012:configuration-set/events\" to Resource",
	}} with input as {"unit": {
		"documents": [identity_doc, set_doc],
		"principals": [
			{"name": "Mailer", "type": "AWS::IAM::Role", "policies": [0], "boundary": -1, "boundary_ref": "", "place": 1},
			{"name": "Smtp", "type": "AWS::IAM::User", "policies": [0], "boundary": -1, "boundary_ref": "", "place": 2},
		],
		"configuration_sets": sets,
	}}
}
