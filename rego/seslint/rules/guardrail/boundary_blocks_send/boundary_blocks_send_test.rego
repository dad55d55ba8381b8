package seslint.rules.guardrail.boundary_blocks_send_test

import data.seslint.rules.guardrail.boundary_blocks_send

doc(kind, owner, statements) := {"kind": kind, "owner": owner, "attached": true, "document": {"Version": "2012-10-17", "Statement": statements}}

send := doc("identity", "Mailer", [{"Effect": "Allow", "Action": ["ses:SendEmail", "ses:SendRawEmail"], "Resource": "*"}])

boundary(statements) := doc("boundary", "Boundary", statements)

mailer := {"name": "Mailer", "type": "AWS::IAM::Role", "policies": [0], "boundary": 1, "boundary_ref": "${Boundary}", "boundary_path": ["PermissionsBoundary"], "place": 3}

unit(policy, b) := {"unit": {"documents": [policy, b], "principals": [mailer]}}

blocked(actions) := {{
	"rule": "SES502",
	"place": 3,
	"path": ["PermissionsBoundary"],
	"message": sprintf("the permissions boundary Boundary does not allow %s, which role Mailer's policies allow: every such send fails with Unauthorized", [actions]),
}}

test_boundary_without_ses if {
	boundary_blocks_send.unit_report == blocked("ses:SendEmail, ses:SendRawEmail") with input as unit(send, boundary([{"Effect": "Allow", "Action": ["s3:*"], "Resource": "*"}]))
}

test_boundary_denying_raw if {
	boundary_blocks_send.unit_report == blocked("ses:SendRawEmail") with input as unit(send, boundary([
		{"Effect": "Allow", "Action": "ses:*", "Resource": "*"},
		{"Effect": "Deny", "Action": "ses:SendRawEmail", "Resource": "*"},
	]))
}

test_boundary_denying_every_send_on_the_granted_identities if {
	p := doc("identity", "Mailer", [{"Effect": "Allow", "Action": "ses:Send*", "Resource": "arn:aws:ses:eu-west-1:${AWS::AccountId}:identity/example.com"}])
	boundary_blocks_send.unit_report == blocked("ses:SendEmail, ses:SendRawEmail, ses:SendTemplatedEmail and 4 more send actions") with input as unit(p, boundary([
		{"Effect": "Allow", "Action": "*", "Resource": "*"},
		{"Effect": "Deny", "Action": "ses:*", "Resource": "arn:aws:ses:*:${AWS::AccountId}:identity/*"},
	]))
}

test_boundary_allowing_ses_only_on_other_resources if {
	boundary_blocks_send.unit_report == blocked("ses:SendEmail, ses:SendRawEmail") with input as unit(send, boundary([{"Effect": "Allow", "Action": "ses:*", "Resource": "arn:aws:s3:::mail-archive/*"}]))
}

test_boundary_capping_a_wildcard_grant_passes if {
	# ses:* in the policy, the boundary lets the two named send actions
	# through: capping is what a boundary is for.
	p := doc("identity", "Mailer", [{"Effect": "Allow", "Action": "ses:*", "Resource": "*"}])
	count(boundary_blocks_send.unit_report) == 0 with input as unit(p, boundary([{"Effect": "Allow", "Action": ["ses:SendEmail", "ses:SendRawEmail"], "Resource": "*"}]))

	# but a send action the policy names is reported
	named := doc("identity", "Mailer", [
		{"Effect": "Allow", "Action": "ses:*", "Resource": "*"},
		{"Effect": "Allow", "Action": "ses:SendBulkEmail", "Resource": "*"},
	])
	boundary_blocks_send.unit_report == blocked("ses:SendBulkEmail") with input as unit(named, boundary([{"Effect": "Allow", "Action": ["ses:SendEmail", "ses:SendRawEmail"], "Resource": "*"}]))
}

test_boundary_allowing_ses_passes if {
	count(boundary_blocks_send.unit_report) == 0 with input as unit(send, boundary([{"Effect": "Allow", "Action": ["s3:*", "ses:Send*"], "Resource": "*"}]))
	count(boundary_blocks_send.unit_report) == 0 with input as unit(send, boundary([{"Effect": "Allow", "NotAction": "iam:*", "Resource": "*"}]))

	# a conditional Deny may not apply (SES203 names it)
	count(boundary_blocks_send.unit_report) == 0 with input as unit(send, boundary([
		{"Effect": "Allow", "Action": "*", "Resource": "*"},
		{"Effect": "Deny", "Action": "ses:*", "Resource": "*", "Condition": {"Bool": {"aws:SecureTransport": "false"}}},
	]))

	# a Deny on resources the policy does not grant on
	count(boundary_blocks_send.unit_report) == 0 with input as unit(send, boundary([
		{"Effect": "Allow", "Action": "*", "Resource": "*"},
		{"Effect": "Deny", "Action": "ses:*", "Resource": "arn:aws:ses:*:*:identity/legacy.example.com"},
	]))
}

test_no_boundary_or_no_send_passes if {
	count(boundary_blocks_send.unit_report) == 0 with input as {"unit": {"documents": [send], "principals": [object.union(mailer, {"boundary": -1})]}}
	count(boundary_blocks_send.unit_report) == 0 with input as unit(
		doc("identity", "Mailer", [{"Effect": "Allow", "Action": "s3:*", "Resource": "*"}]),
		boundary([{"Effect": "Allow", "Action": "s3:*", "Resource": "*"}]),
	)
}

test_unreadable_boundary_passes if {
	count(boundary_blocks_send.unit_report) == 0 with input as unit(send, {"kind": "boundary", "owner": "Boundary", "attached": true, "errors": [{"kind": "syntax", "message": "m", "fix": ""}]})
	count(boundary_blocks_send.unit_report) == 0 with input as unit(send, boundary([]))
}

test_terraform_principal_named_by_its_boundary_ref if {
	boundary_blocks_send.unit_report == {{
		"rule": "SES502",
		"place": 0,
		"path": ["permissions_boundary"],
		"message": "the permissions boundary ${aws_iam_policy.boundary.arn} does not allow ses:SendEmail, ses:SendRawEmail, which user aws_iam_user.smtp's policies allow: every such send fails with Unauthorized",
	}} with input as {"unit": {
		"documents": [send, object.union(boundary([{"Effect": "Allow", "Action": "s3:*", "Resource": "*"}]), {"owner": ""})],
		"principals": [{"name": "aws_iam_user.smtp", "type": "aws_iam_user", "policies": [0], "boundary": 1, "boundary_ref": "${aws_iam_policy.boundary.arn}", "boundary_path": ["permissions_boundary"], "place": 0}],
	}}
}
