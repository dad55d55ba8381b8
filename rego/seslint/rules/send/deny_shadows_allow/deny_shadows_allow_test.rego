package seslint.rules.send.deny_shadows_allow_test

import data.seslint.rules.send.deny_shadows_allow

doc(kind, statements) := {"kind": kind, "document": {"Version": "2012-10-17", "Statement": statements}}

identity := "arn:aws:ses:eu-west-1:123456789012:identity/example.com"

allow_send(resource) := {"Effect": "Allow", "Action": ["ses:SendEmail", "ses:SendRawEmail"], "Resource": resource}

shadowed(names) := sprintf("this Deny without a Condition covers every send action the policy allows (%s): the Allow grants nothing and every send fails with Unauthorized", [names])

test_deny_ses_star_shadows_the_allow if {
	deny_shadows_allow.report == {{
		"rule": "SES208",
		"message": shadowed("ses:SendEmail, ses:SendRawEmail"),
		"path": ["Statement", 1, "Effect"],
	}} with input as doc("identity", [allow_send("*"), {"Effect": "Deny", "Action": "ses:*", "Resource": "*"}])
}

test_deny_with_matching_resource_pattern_and_not_action if {
	deny_shadows_allow.report == {
		{
			"rule": "SES208",
			"message": shadowed("ses:SendEmail, ses:SendRawEmail, ses:SendTemplatedEmail"),
			"path": ["Statement", 2, "Effect"],
		},
		{
			"rule": "SES208",
			"message": shadowed("ses:SendEmail, ses:SendRawEmail, ses:SendTemplatedEmail"),
			"path": ["Statement", 3, "Effect"],
		},
	} with input as doc("boundary", [
		allow_send(identity),
		{"Effect": "Allow", "Action": "ses:SendTemplatedEmail", "Resource": [identity]},
		{"Effect": "Deny", "Action": "ses:Send*", "Resource": "arn:aws:ses:*:123456789012:identity/*"},
		{"Effect": "Deny", "NotAction": "iam:*", "NotResource": "arn:aws:ses:eu-west-1:123456789012:identity/other.example.com"},
	])
}

test_deny_that_leaves_something_granted_passes if {
	# a send action the Deny does not cover
	count(deny_shadows_allow.report) == 0 with input as doc("identity", [
		allow_send("*"),
		{"Effect": "Deny", "Action": "ses:SendRawEmail", "Resource": "*"},
	])

	# a granted resource the Deny does not cover
	count(deny_shadows_allow.report) == 0 with input as doc("identity", [
		allow_send("*"),
		{"Effect": "Deny", "Action": "ses:*", "Resource": "arn:aws:ses:eu-west-1:123456789012:identity/legacy.example.com"},
	])
	count(deny_shadows_allow.report) == 0 with input as doc("identity", [
		allow_send([identity, "arn:aws:ses:eu-west-1:123456789012:identity/example.org"]),
		{"Effect": "Deny", "Action": "ses:*", "Resource": identity},
	])
	count(deny_shadows_allow.report) == 0 with input as doc("identity", [
		allow_send(identity),
		{"Effect": "Deny", "Action": "ses:*", "NotResource": "arn:aws:ses:*:*:identity/example.*"},
	])

	# a conditional Deny
	count(deny_shadows_allow.report) == 0 with input as doc("identity", [
		allow_send("*"),
		{"Effect": "Deny", "Action": "ses:*", "Resource": "*", "Condition": {"Bool": {"aws:SecureTransport": "false"}}},
	])

	# nothing allowed to shadow
	count(deny_shadows_allow.report) == 0 with input as doc("identity", [{"Effect": "Deny", "Action": "ses:*", "Resource": "*"}])
}

test_other_kinds_are_not_checked if {
	every kind in ["scp", "sending-authorization", "resource"] {
		count(deny_shadows_allow.report) == 0 with input as doc(kind, [allow_send("*"), {"Effect": "Deny", "Action": "ses:*", "Resource": "*"}])
	}
}

allow_doc := {"kind": "identity", "attached": true, "document": {"Version": "2012-10-17", "Statement": [{"Effect": "Allow", "Action": ["ses:SendEmail", "ses:SendRawEmail"], "Resource": "*"}]}}

deny_doc := {"kind": "identity", "attached": true, "document": {"Version": "2012-10-17", "Statement": [{"Effect": "Deny", "Action": "ses:Send*", "Resource": "*"}]}}

principal(policies) := {"name": "Mailer", "type": "AWS::IAM::Role", "policies": policies, "boundary": -1, "boundary_ref": "", "place": 0}

test_deny_in_another_policy_of_the_principal if {
	count(deny_shadows_allow.report) == 0 with input as deny_doc
	deny_shadows_allow.unit_report == {{
		"rule": "SES208",
		"document": 1,
		"path": ["Statement", 0, "Effect"],
		"message": "this Deny without a Condition covers every send action role Mailer's policies allow (ses:SendEmail, ses:SendRawEmail): their Allow statements grant nothing and every send fails with Unauthorized",
	}} with input as {"unit": {"documents": [allow_doc, deny_doc], "principals": [principal([0, 1])]}}
}

test_deny_held_by_another_principal_shadows_nothing if {
	count(deny_shadows_allow.unit_report) == 0 with input as {"unit": {"documents": [allow_doc, deny_doc], "principals": [principal([0]), object.union(principal([1]), {"name": "Other"})]}}
}
