package seslint.rules.grammar.statement_shape_test

import data.seslint.rules.grammar.statement_shape

identity := "arn:aws:ses:us-east-1:123456789012:identity/example.com"

policy(kind, sts) := {"kind": kind, "document": {"Version": "2012-10-17", "Statement": sts}}

test_missing_and_doubled_action_and_resource if {
	statement_shape.report == {
		{
			"rule": "SES106",
			"message": "statement has neither Action nor NotAction: AWS rejects the policy",
			"path": ["Statement", 0],
		},
		{
			"rule": "SES106",
			"message": "statement has neither Resource nor NotResource: AWS rejects the policy",
			"path": ["Statement", 1],
		},
		{
			"rule": "SES106",
			"message": "statement has both Action and NotAction: AWS rejects the policy; keep one",
			"path": ["Statement", 2, "NotAction"],
			"key": true,
		},
		{
			"rule": "SES106",
			"message": "statement has both Resource and NotResource: AWS rejects the policy; keep one",
			"path": ["Statement", 2, "NotResource"],
			"key": true,
		},
	} with input as policy("identity", [
		{"Effect": "Allow", "Resource": "*"},
		{"Effect": "Allow", "Action": ["ses:SendEmail", "ses:SendRawEmail"]},
		{"Effect": "Deny", "Action": "ses:*", "NotAction": "ses:Send*", "Resource": "*", "NotResource": identity},
	])
}

test_principal_in_identity_boundary_and_scp if {
	statement_shape.report == {{
		"rule": "SES106",
		"message": "Principal in an identity policy: AWS rejects it, as the principal is whoever the policy applies to",
		"path": ["Statement", 0, "Principal"],
		"key": true,
		"fix": "remove Principal; to let another account send from your identity, name it in a sending authorization policy on the identity",
	}} with input as policy("identity", [{"Effect": "Allow", "Principal": {"AWS": "111122223333"}, "Action": "ses:SendEmail", "Resource": identity}])

	statement_shape.report == {{
		"rule": "SES106",
		"message": "NotPrincipal in a permissions boundary: AWS rejects it, as the principal is whoever the policy applies to",
		"path": ["Statement", "NotPrincipal"],
		"key": true,
		"fix": "remove NotPrincipal; to let another account send from your identity, name it in a sending authorization policy on the identity",
	}} with input as {"kind": "boundary", "document": {"Statement": {"Effect": "Deny", "NotPrincipal": {"AWS": "111122223333"}, "Action": "ses:*", "Resource": "*"}}}

	count(statement_shape.report) == 1 with input as policy("scp", [{"Effect": "Deny", "Principal": "*", "Action": "ses:*", "Resource": "*"}])
}

test_missing_principal_in_sending_authorization_and_resource_policies if {
	statement_shape.report == {{
		"rule": "SES106",
		"message": "statement has no Principal: a sending authorization policy must name the account, user, role or service allowed to use the identity, and SES rejects it otherwise",
		"path": ["Statement", 1],
	}} with input as policy("sending-authorization", [
		{"Effect": "Allow", "Principal": {"AWS": "111122223333"}, "Action": "ses:SendRawEmail", "Resource": identity},
		{"Effect": "Allow", "Action": "ses:SendEmail", "Resource": identity},
	])

	statement_shape.report == {{
		"rule": "SES106",
		"message": "statement has no Principal: a resource policy must name who it applies to, and AWS rejects it otherwise",
		"path": ["Statement", 0],
	}} with input as policy("resource", [{"Effect": "Allow", "Action": "sns:Publish", "Resource": "*"}])

	statement_shape.report == {{
		"rule": "SES106",
		"message": "statement has both Principal and NotPrincipal: AWS rejects the policy; keep one",
		"path": ["Statement", 0, "NotPrincipal"],
		"key": true,
	}} with input as policy("sending-authorization", [{"Effect": "Deny", "Principal": "*", "NotPrincipal": {"AWS": "111122223333"}, "Action": "ses:SendEmail", "Resource": identity}])
}

test_well_shaped_statements_pass if {
	count(statement_shape.report) == 0 with input as policy("identity", [
		{"Effect": "Allow", "Action": ["ses:SendEmail", "ses:SendRawEmail"], "Resource": identity},
		{"Effect": "Deny", "NotAction": "ses:Send*", "NotResource": identity},
	])
	count(statement_shape.report) == 0 with input as policy("scp", [{"Effect": "Deny", "Action": "ses:*", "Resource": "*"}])
	count(statement_shape.report) == 0 with input as policy("sending-authorization", [
		{"Effect": "Allow", "Principal": {"AWS": "111122223333"}, "Action": "ses:SendEmail", "Resource": identity},
		{"Effect": "Deny", "NotPrincipal": {"AWS": "111122223333"}, "Action": "ses:SendEmail", "Resource": identity},
	])
	count(statement_shape.report) == 0 with input as {"kind": "identity", "errors": [{"kind": "syntax", "message": "unterminated object", "fix": "close the object with }"}]}
}
