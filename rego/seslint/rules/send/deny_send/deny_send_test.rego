package seslint.rules.send.deny_send_test

import data.seslint.rules.send.deny_send

doc(kind, statements) := {"kind": kind, "document": {"Version": "2012-10-17", "Statement": statements}}

allow_send := {"Effect": "Allow", "Action": ["ses:SendEmail", "ses:SendRawEmail"], "Resource": "*"}

identity_holder := "every user and role holding this policy is refused these sends (Unauthorized), whatever the Allow statements grant"

test_deny_ses_star_on_star if {
	deny_send.report == {{
		"rule": "SES202",
		"message": sprintf("unconditional Deny of ses:SendEmail, ses:SendRawEmail, ses:SendTemplatedEmail and 4 more send actions: %s", [identity_holder]),
		"path": ["Statement", 1, "Action", 0],
	}} with input as doc("identity", [allow_send, {"Effect": "Deny", "Action": "ses:*", "Resource": "*"}])
}

test_deny_points_at_the_first_entry_that_covers_a_send_action if {
	deny_send.report == {{
		"rule": "SES202",
		"message": sprintf("unconditional Deny of ses:SendEmail, ses:SendRawEmail on arn:aws:ses:eu-west-1:123456789012:identity/example.com: %s", [identity_holder]),
		"path": ["Statement", 0, "Action", 1],
	}} with input as doc("identity", [{
		"Effect": "Deny",
		"Action": ["ses:DeleteEmailIdentity", "SES:SendEmail", "ses:SendRawEmail"],
		"Resource": ["arn:aws:s3:::bucket", "arn:aws:ses:eu-west-1:123456789012:identity/example.com"],
	}])
}

test_not_action_in_a_boundary if {
	deny_send.report == {{
		"rule": "SES202",
		"message": "unconditional Deny of ses:SendEmail, ses:SendRawEmail, ses:SendTemplatedEmail and 4 more send actions: every principal with this permissions boundary is refused these sends (Unauthorized), whatever the Allow statements grant",
		"path": ["Statement", 0, "NotAction"],
		"key": true,
	}} with input as doc("boundary", [{"Effect": "Deny", "NotAction": ["iam:*", "sts:*"], "Resource": "*"}])
}

test_star_action_with_not_resource_and_symbolic_resource if {
	deny_send.report == {
		{
			"rule": "SES202",
			"message": sprintf("unconditional Deny of ses:SendBounce: %s", [identity_holder]),
			"path": ["Statement", 0, "Action", 0],
		},
		{
			"rule": "SES202",
			"message": sprintf("unconditional Deny of ses:SendEmail on arn:${AWS::Partition}:ses:${AWS::Region}:${AWS::AccountId}:identity/${Domain}: %s", [identity_holder]),
			"path": ["Statement", 1, "Action", 0],
		},
	} with input as doc("identity", [
		{"Effect": "Deny", "Action": "ses:SendBounce", "NotResource": "arn:aws:ses:*:*:identity/bounces.example.com"},
		{"Effect": "Deny", "Action": "ses:SendEmail", "Resource": "arn:${AWS::Partition}:ses:${AWS::Region}:${AWS::AccountId}:identity/${Domain}"},
	])
}

test_wildcard_service_arn_could_be_an_identity if {
	count(deny_send.report) == 1 with input as doc("identity", [{"Effect": "Deny", "Action": "*", "Resource": "arn:aws:*:*:*:*"}])
	count(deny_send.report) == 1 with input as doc("identity", [{"Effect": "Deny", "Action": "*", "Resource": "arn:*"}])
	count(deny_send.report) == 1 with input as doc("identity", [{"Effect": "Deny", "Action": "*", "Resource": "${SenderArn}"}])
}

test_deny_that_cannot_block_sending_passes if {
	# conditional (SES203)
	count(deny_send.report) == 0 with input as doc("identity", [{
		"Effect": "Deny", "Action": "ses:*", "Resource": "*",
		"Condition": {"Bool": {"aws:SecureTransport": "false"}},
	}])

	# no send action
	count(deny_send.report) == 0 with input as doc("identity", [{"Effect": "Deny", "Action": ["ses:Delete*", "ses:PutIdentityPolicy"], "Resource": "*"}])

	# NotAction that keeps the send actions out of the Deny
	count(deny_send.report) == 0 with input as doc("identity", [{"Effect": "Deny", "NotAction": ["ses:Send*", "iam:*"], "Resource": "*"}])

	# every resource is a non-SES ARN, or NotResource excludes everything
	count(deny_send.report) == 0 with input as doc("identity", [{"Effect": "Deny", "Action": "*", "Resource": ["arn:aws:s3:::bucket/*", "arn:${AWS::Partition}:sns:*:*:topic"]}])
	count(deny_send.report) == 0 with input as doc("identity", [{"Effect": "Deny", "Action": "*", "NotResource": "*"}])

	# an Allow
	count(deny_send.report) == 0 with input as doc("identity", [allow_send])
}

test_other_kinds_are_not_checked if {
	every kind in ["scp", "sending-authorization", "resource"] {
		count(deny_send.report) == 0 with input as doc(kind, [{"Effect": "Deny", "Action": "ses:*", "Resource": "*"}])
	}
}

deny_doc := {"kind": "identity", "attached": true, "document": {"Version": "2012-10-17", "Statement": [{"Effect": "Deny", "Action": "ses:*", "Resource": "*"}]}}

test_attached_deny_names_its_principals if {
	count(deny_send.report) == 0 with input as deny_doc
	deny_send.unit_report == {{
		"rule": "SES202",
		"document": 0,
		"path": ["Statement", 0, "Action", 0],
		"message": "unconditional Deny of ses:SendEmail, ses:SendRawEmail, ses:SendTemplatedEmail and 4 more send actions: role Mailer and user Smtp are refused these sends (Unauthorized), whatever the Allow statements grant",
	}} with input as {"unit": {
		"documents": [deny_doc],
		"principals": [
			{"name": "Smtp", "type": "AWS::IAM::User", "policies": [0], "boundary": -1, "boundary_ref": "", "place": 1},
			{"name": "Mailer", "type": "AWS::IAM::Role", "policies": [0], "boundary": -1, "boundary_ref": "", "place": 0},
		],
	}}
}

test_attached_boundary_names_the_principals_it_bounds if {
	boundary := {"kind": "boundary", "attached": true, "document": {"Version": "2012-10-17", "Statement": [
		{"Effect": "Allow", "Action": "ses:*", "Resource": "*"},
		{"Effect": "Deny", "Action": "ses:SendRawEmail", "Resource": "*"},
	]}}
	count(deny_send.report) == 0 with input as boundary
	deny_send.unit_report == {{
		"rule": "SES202",
		"document": 1,
		"path": ["Statement", 1, "Action", 0],
		"message": "unconditional Deny of ses:SendRawEmail: role Mailer is refused these sends (Unauthorized), whatever the Allow statements grant",
	}} with input as {"unit": {
		"documents": [doc("identity", [allow_send]), boundary],
		"principals": [{"name": "Mailer", "type": "AWS::IAM::Role", "policies": [0], "boundary": 1, "boundary_ref": "${Boundary}", "place": 0}],
	}}
}

test_a_principal_holding_the_policy_twice_is_named_once if {
	deny_send.unit_report == {{
		"rule": "SES202",
		"document": 0,
		"path": ["Statement", 0, "Action", 0],
		"message": "unconditional Deny of ses:SendEmail, ses:SendRawEmail, ses:SendTemplatedEmail and 4 more send actions: role Mailer is refused these sends (Unauthorized), whatever the Allow statements grant",
	}} with input as {"unit": {
		"documents": [deny_doc],
		"principals": [{"name": "Mailer", "type": "AWS::IAM::Role", "policies": [0], "boundary": 0, "boundary_ref": "${Deny}", "place": 0}],
	}}
}

test_unattached_documents_of_a_unit_are_left_to_report if {
	count(deny_send.unit_report) == 0 with input as {"unit": {
		"documents": [object.union(deny_doc, {"attached": false})],
		"principals": [{"name": "Reader", "type": "AWS::IAM::Role", "policies": [], "boundary": -1, "boundary_ref": "", "place": 0}],
	}}
	count(deny_send.report) == 1 with input as object.union(deny_doc, {"attached": false})
}

test_attached_document_without_a_holder_in_the_unit if {
	# attached says a principal holds it; if the unit lists none, the
	# per-document wording is kept rather than losing the finding.
	deny_send.unit_report == {{
		"rule": "SES202",
		"document": 0,
		"path": ["Statement", 0, "Action", 0],
		"message": sprintf("unconditional Deny of ses:SendEmail, ses:SendRawEmail, ses:SendTemplatedEmail and 4 more send actions: %s", [identity_holder]),
	}} with input as {"unit": {"documents": [deny_doc], "principals": []}}
}
