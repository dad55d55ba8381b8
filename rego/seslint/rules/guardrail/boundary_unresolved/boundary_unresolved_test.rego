package seslint.rules.guardrail.boundary_unresolved_test

import data.seslint.rules.guardrail.boundary_unresolved

send := {"kind": "identity", "attached": true, "document": {"Statement": [{"Effect": "Allow", "Action": "ses:SendEmail", "Resource": "*"}]}}

test_unresolved_boundary if {
	boundary_unresolved.unit_report == {{
		"rule": "SES503",
		"place": 0,
		"path": ["permissions_boundary"],
		"message": "user Smtp allows ses:SendEmail but its permissions boundary arn:aws:iam::123456789012:policy/org-boundary is not defined here: check that it allows sending",
	}} with input as {"unit": {"documents": [send], "principals": [{"name": "Smtp", "type": "aws_iam_user", "policies": [0], "boundary": -1, "boundary_ref": "arn:aws:iam::123456789012:policy/org-boundary", "boundary_path": ["permissions_boundary"], "place": 0}]}}
}

test_resolved_or_absent_boundary_passes if {
	count(boundary_unresolved.unit_report) == 0 with input as {"unit": {"documents": [send], "principals": [{"name": "Smtp", "type": "aws_iam_user", "policies": [0], "boundary": -1, "boundary_ref": "", "place": 0}]}}
	count(boundary_unresolved.unit_report) == 0 with input as {"unit": {"documents": [send, send], "principals": [{"name": "Smtp", "type": "aws_iam_user", "policies": [0], "boundary": 1, "boundary_ref": "${B}", "place": 0}]}}
}
