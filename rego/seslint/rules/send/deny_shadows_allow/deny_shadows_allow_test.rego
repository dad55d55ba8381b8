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
