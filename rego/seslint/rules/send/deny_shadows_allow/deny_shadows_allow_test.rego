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

test_same_deploy_time_value_in_allow_and_deny if {
	deny_shadows_allow.report == {{
		"rule": "SES208",
		"message": shadowed("ses:SendEmail, ses:SendRawEmail"),
		"path": ["Statement", 1, "Effect"],
	}} with input as doc("identity", [
		allow_send("arn:aws:ses:eu-west-1:${AWS::AccountId}:identity/news.example.com"),
		{"Effect": "Deny", "Action": "ses:Send*", "Resource": "arn:aws:ses:*:${AWS::AccountId}:identity/*"},
	])

	# another deploy-time value may be another account
	count(deny_shadows_allow.report) == 0 with input as doc("identity", [
		allow_send("arn:aws:ses:eu-west-1:${AWS::AccountId}:identity/news.example.com"),
		{"Effect": "Deny", "Action": "ses:Send*", "Resource": "arn:aws:ses:*:${OtherAccount}:identity/*"},
	])
}

test_attached_boundary_is_still_checked_on_its_own if {
	b := object.union(doc("boundary", [allow_send("*"), {"Effect": "Deny", "Action": "ses:*", "Resource": "*"}]), {"attached": true})
	deny_shadows_allow.report == {{
		"rule": "SES208",
		"message": shadowed("ses:SendEmail, ses:SendRawEmail"),
		"path": ["Statement", 1, "Effect"],
	}} with input as b

	# and not again as one of the principal's policies
	count(deny_shadows_allow.unit_report) == 0 with input as {"unit": {"documents": [allow_doc, b], "principals": [object.union(principal([0]), {"boundary": 1})]}}
}

test_allow_in_another_policy_that_the_deny_does_not_cover if {
	# The Deny covers what its own policy allows, but the principal's other
	# policy grants SendBounce: the principal can still send bounces.
	own := {"kind": "identity", "attached": true, "document": {"Version": "2012-10-17", "Statement": [
		{"Effect": "Allow", "Action": "ses:SendEmail", "Resource": "*"},
		{"Effect": "Deny", "Action": "ses:SendEmail", "Resource": "*"},
	]}}
	bounce := {"kind": "identity", "attached": true, "document": {"Version": "2012-10-17", "Statement": [{"Effect": "Allow", "Action": "ses:SendBounce", "Resource": "*"}]}}
	count(deny_shadows_allow.report) == 0 with input as own
	count(deny_shadows_allow.unit_report) == 0 with input as {"unit": {"documents": [own, bounce], "principals": [principal([0, 1])]}}

	# Without the other policy the principal sends nothing.
	deny_shadows_allow.unit_report == {{
		"rule": "SES208",
		"document": 0,
		"path": ["Statement", 1, "Effect"],
		"message": "this Deny without a Condition covers every send action role Mailer's policies allow (ses:SendEmail): their Allow statements grant nothing and every send fails with Unauthorized",
	}} with input as {"unit": {"documents": [own, bounce], "principals": [principal([0])]}}
}

test_a_shared_deny_is_reported_for_each_principal if {
	deny_shadows_allow.unit_report == {
		{
			"rule": "SES208",
			"document": 1,
			"path": ["Statement", 0, "Effect"],
			"message": "this Deny without a Condition covers every send action role Mailer's policies allow (ses:SendEmail, ses:SendRawEmail): their Allow statements grant nothing and every send fails with Unauthorized",
		},
		{
			"rule": "SES208",
			"document": 1,
			"path": ["Statement", 0, "Effect"],
			"message": "this Deny without a Condition covers every send action user Smtp's policies allow (ses:SendEmail, ses:SendRawEmail): their Allow statements grant nothing and every send fails with Unauthorized",
		},
	} with input as {"unit": {"documents": [allow_doc, deny_doc], "principals": [
		principal([0, 1]),
		{"name": "Smtp", "type": "AWS::IAM::User", "policies": [1, 0], "boundary": -1, "boundary_ref": "", "place": 1},
	]}}
}

test_conditional_deny_across_policies_passes if {
	conditional := {"kind": "identity", "attached": true, "document": {"Version": "2012-10-17", "Statement": [{
		"Effect": "Deny", "Action": "ses:*", "Resource": "*",
		"Condition": {"StringNotLike": {"ses:FromAddress": "*@example.com"}},
	}]}}
	count(deny_shadows_allow.unit_report) == 0 with input as {"unit": {"documents": [allow_doc, conditional], "principals": [principal([0, 1])]}}
}

test_configuration_set_grant_is_not_an_identity_to_shadow if {
	identity_grant := {"kind": "identity", "attached": true, "document": {"Version": "2012-10-17", "Statement": [{"Effect": "Allow", "Action": "ses:SendEmail", "Resource": identity}]}}
	set_grant := {"kind": "identity", "attached": true, "document": {"Version": "2012-10-17", "Statement": [{"Effect": "Allow", "Action": "ses:SendEmail", "Resource": "arn:aws:ses:eu-west-1:123456789012:configuration-set/events"}]}}
	guard := {"kind": "identity", "attached": true, "document": {"Version": "2012-10-17", "Statement": [{"Effect": "Deny", "Action": "ses:Send*", "Resource": "arn:aws:ses:*:123456789012:identity/*"}]}}
	deny_shadows_allow.unit_report == {{
		"rule": "SES208",
		"document": 2,
		"path": ["Statement", 0, "Effect"],
		"message": "this Deny without a Condition covers every send action role Mailer's policies allow (ses:SendEmail): their Allow statements grant nothing and every send fails with Unauthorized",
	}} with input as {"unit": {"documents": [identity_grant, set_grant, guard], "principals": [principal([0, 1, 2])]}}

	# only the configuration set is granted: nothing to shadow (SES303)
	count(deny_shadows_allow.unit_report) == 0 with input as {"unit": {"documents": [identity_grant, set_grant, guard], "principals": [principal([1, 2])]}}
}
