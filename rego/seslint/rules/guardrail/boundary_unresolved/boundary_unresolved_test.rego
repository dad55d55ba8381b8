package seslint.rules.guardrail.boundary_unresolved_test

import data.seslint.rules.guardrail.boundary_unresolved

send := {"kind": "identity", "attached": true, "document": {"Statement": [{"Effect": "Allow", "Action": "ses:SendEmail", "Resource": "*"}]}}

smtp := {"name": "Smtp", "type": "aws_iam_user", "policies": [0], "boundary": -1, "boundary_ref": "arn:aws:iam::123456789012:policy/org-boundary", "boundary_path": ["permissions_boundary"], "place": 0}

test_unresolved_boundary if {
	boundary_unresolved.unit_report == {{
		"rule": "SES503",
		"place": 0,
		"path": ["permissions_boundary"],
		"message": "user Smtp allows ses:SendEmail but its permissions boundary arn:aws:iam::123456789012:policy/org-boundary is not defined here: check that it allows sending",
	}} with input as {"unit": {"documents": [send], "principals": [smtp]}}
}

test_parameter_boundary_of_a_role if {
	boundary_unresolved.unit_report == {{
		"rule": "SES503",
		"place": 2,
		"path": ["PermissionsBoundary"],
		"message": "role Mailer allows ses:SendEmail, ses:SendRawEmail but its permissions boundary ${PlatformBoundaryArn} is not defined here: check that it allows sending",
	}} with input as {"unit": {
		"documents": [send, {"kind": "identity", "attached": true, "document": {"Statement": [{"Effect": "Allow", "Action": ["ses:SendRawEmail", "s3:GetObject"], "Resource": "*"}]}}],
		"principals": [
			{"name": "Mailer", "type": "AWS::IAM::Role", "policies": [0, 1], "boundary": -1, "boundary_ref": "${PlatformBoundaryArn}", "place": 2},
			{"name": "Reader", "type": "AWS::IAM::Role", "policies": [], "boundary": -1, "boundary_ref": "${PlatformBoundaryArn}", "place": 3},
		],
	}}
}

test_resolved_or_absent_boundary_passes if {
	count(boundary_unresolved.unit_report) == 0 with input as {"unit": {"documents": [send], "principals": [object.union(smtp, {"boundary_ref": ""})]}}
	count(boundary_unresolved.unit_report) == 0 with input as {"unit": {"documents": [send, send], "principals": [object.union(smtp, {"boundary": 1})]}}
}

test_principal_that_does_not_send_passes if {
	count(boundary_unresolved.unit_report) == 0 with input as {"unit": {
		"documents": [{"kind": "identity", "attached": true, "document": {"Statement": [
			{"Effect": "Allow", "Action": "ses:GetSendQuota", "Resource": "*"},
			{"Effect": "Deny", "Action": "ses:SendEmail", "Resource": "*"},
		]}}],
		"principals": [smtp],
	}}
}
