package seslint.rules.guardrail.boundary_blocks_send_test

import data.seslint.rules.guardrail.boundary_blocks_send

doc(kind, owner, statements) := {"kind": kind, "owner": owner, "attached": true, "document": {"Version": "2012-10-17", "Statement": statements}}

send := doc("identity", "Mailer", [{"Effect": "Allow", "Action": ["ses:SendEmail", "ses:SendRawEmail"], "Resource": "*"}])

mailer := {"name": "Mailer", "type": "AWS::IAM::Role", "policies": [0], "boundary": 1, "boundary_ref": "${Boundary}", "boundary_path": ["PermissionsBoundary"], "place": 3}

test_boundary_without_ses if {
	boundary_blocks_send.unit_report == {{
		"rule": "SES502",
		"place": 3,
		"path": ["PermissionsBoundary"],
		"message": "the permissions boundary Boundary does not allow ses:SendEmail, ses:SendRawEmail, which role Mailer's policies allow: every such send fails with Unauthorized",
	}} with input as {"unit": {"documents": [send, doc("boundary", "Boundary", [{"Effect": "Allow", "Action": ["s3:*"], "Resource": "*"}])], "principals": [mailer]}}
}

test_boundary_denying_raw if {
	boundary_blocks_send.unit_report == {{
		"rule": "SES502",
		"place": 3,
		"path": ["PermissionsBoundary"],
		"message": "the permissions boundary Boundary does not allow ses:SendRawEmail, which role Mailer's policies allow: every such send fails with Unauthorized",
	}} with input as {"unit": {
		"documents": [send, doc("boundary", "Boundary", [
			{"Effect": "Allow", "Action": "ses:*", "Resource": "*"},
			{"Effect": "Deny", "Action": "ses:SendRawEmail", "Resource": "*"},
		])],
		"principals": [mailer],
	}}
}

test_boundary_allowing_ses_passes if {
	count(boundary_blocks_send.unit_report) == 0 with input as {"unit": {"documents": [send, doc("boundary", "Boundary", [{"Effect": "Allow", "Action": ["s3:*", "ses:Send*"], "Resource": "*"}])], "principals": [mailer]}}
}

test_no_boundary_or_no_send_passes if {
	count(boundary_blocks_send.unit_report) == 0 with input as {"unit": {"documents": [send], "principals": [object.union(mailer, {"boundary": -1})]}}
	count(boundary_blocks_send.unit_report) == 0 with input as {"unit": {
		"documents": [doc("identity", "Mailer", [{"Effect": "Allow", "Action": "s3:*", "Resource": "*"}]), doc("boundary", "Boundary", [{"Effect": "Allow", "Action": "s3:*", "Resource": "*"}])],
		"principals": [mailer],
	}}
}
