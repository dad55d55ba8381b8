package seslint.lib.unit_test

import data.seslint.lib.unit

doc(effect, actions) := {"kind": "identity", "document": {"Version": "2012-10-17", "Statement": [{"Effect": effect, "Action": actions, "Resource": "*"}]}}

u := {
	"documents": [doc("Allow", ["ses:SendEmail"]), doc("Allow", ["ses:SendRawEmail", "ses:GetSendQuota"]), doc("Deny", ["s3:*"]), doc("Allow", ["ses:Send*"])],
	"principals": [
		{"name": "Sender", "type": "AWS::IAM::Role", "policies": [0, 1], "boundary": -1, "boundary_ref": "", "place": 0},
		{"name": "Smtp", "type": "aws_iam_user", "policies": [1, 3], "boundary": 2, "boundary_ref": "${B}", "boundary_path": ["permissions_boundary"], "place": 1},
	],
}

test_statements_of_a_unit_document if {
	sts := unit.statements(1) with input.unit as u
	sts[0].path == ["Statement", 0]
	sts[0].actions == {"SendRawEmail", "GetSendQuota"}
	unit.statements(2) == [{"path": ["Statement", 0], "value": {"Effect": "Deny", "Action": ["s3:*"], "Resource": "*"}, "actions": set()}] with input.unit as u
}

# The statements the engine gives with a document are used as they are;
# without them, they are computed from the document.
test_given_statements_are_used if {
	given := [{"path": ["Statement", 0], "value": {"Effect": "Allow"}, "actions": {"SendBounce"}}]
	with_given := json.patch(u, [{"op": "add", "path": "/documents/0/statements", "value": given}])
	unit.statements(0) == given with input.unit as with_given
	unit.allowed(u.principals[0]) == {"SendBounce", "SendRawEmail", "GetSendQuota"} with input.unit as with_given
}

test_a_principal_takes_all_its_policies_together if {
	p := u.principals[0]
	unit.allowed(p) == {"SendEmail", "SendRawEmail", "GetSendQuota"} with input.unit as u
	unit.allowed_send(p) == {"SendEmail", "SendRawEmail"} with input.unit as u
	count(unit.grants(p)) == 2 with input.unit as u
	unit.name(p) == "role Sender"
	unit.name(u.principals[1]) == "user Smtp"
	unit.name({"name": "X", "type": "Custom::Thing"}) == "principal X"
}

test_named_send_leaves_out_wildcards if {
	unit.named_send(u.principals[0]) == {"SendEmail", "SendRawEmail"} with input.unit as u
	unit.named_send(u.principals[1]) == {"SendRawEmail"} with input.unit as u
}

test_holders_and_bounded if {
	unit.holders(1) == ["role Sender", "user Smtp"] with input.unit as u
	unit.holders(2) == [] with input.unit as u
	unit.bounded(2) == ["user Smtp"] with input.unit as u
	unit.bounded(1) == [] with input.unit as u
}

test_boundary_path if {
	unit.boundary_path(u.principals[0]) == ["PermissionsBoundary"]
	unit.boundary_path(u.principals[1]) == ["permissions_boundary"]
}

test_contexts if {
	unit.contexts(1) == [{0, 1}, {1, 3}] with input.unit as u
	unit.contexts(0) == [{0, 1}] with input.unit as u
	unit.contexts(2) == [{2}] with input.unit as u
}

test_could_name if {
	unit.could_name("*", "identity/a@example.com")
	unit.could_name("${SenderArn}", "identity/a@example.com")
	unit.could_name("arn:aws:ses:eu-west-1:123456789012:identity/a@example.com", "identity/a@example.com")
	unit.could_name("arn:aws:ses:eu-west-1:123456789012:identity/*", "identity/a@example.com")
	unit.could_name("arn:aws:ses:*:*:*", "configuration-set/events")
	unit.could_name("arn:aws:ses:eu-west-1:${AWS::AccountId}:identity/*@example.com", "identity/a@example.com")
	not unit.could_name("arn:aws:ses:eu-west-1:123456789012:identity/example.com", "identity/a@example.com")
	not unit.could_name("arn:aws:ses:eu-west-1:123456789012:identity/*", "configuration-set/events")
	not unit.could_name("arn:aws:s3:::bucket/*", "identity/a@example.com")
	not unit.could_name("identity/a@example.com", "identity/a@example.com")
	unit.could_name("arn:aws:ses:*", "configuration-set/events")
	unit.could_name("arn:*", "identity/a@example.com")
	not unit.could_name("arn:aws:s3:*", "identity/a@example.com")

	# the same ${...} is the same value; another ${...} may be anything
	not unit.could_name("arn:aws:ses:${AWS::Region}:${AWS::AccountId}:identity/${Domain}", "identity/noreply@${Domain}")
	unit.could_name("arn:aws:ses:${AWS::Region}:${AWS::AccountId}:identity/noreply@${Domain}", "identity/noreply@${Domain}")
	unit.could_name("arn:aws:ses:${AWS::Region}:${AWS::AccountId}:identity/${Sender}", "identity/noreply@example.com")
	not unit.could_name("arn:aws:ses:${AWS::Region}:${AWS::AccountId}:configuration-set/${Set}", "identity/noreply@example.com")

	# a ${...} in the resource named: only the type is compared
	unit.could_name("arn:aws:ses:eu-west-1:123456789012:configuration-set/order-events", "configuration-set/${OrderEvents}")
	unit.could_name("arn:aws:ses:eu-west-1:123456789012:*", "configuration-set/${OrderEvents}")
	not unit.could_name("arn:aws:ses:eu-west-1:123456789012:identity/example.com", "configuration-set/${OrderEvents}")
}

test_allows_on if {
	v := {"documents": [
		{"kind": "identity", "document": {"Statement": [
			{"Effect": "Allow", "Action": ["ses:SendEmail", "ses:SendRawEmail"], "Resource": "arn:aws:ses:eu-west-1:123456789012:identity/example.com"},
			{"Effect": "Allow", "Action": "ses:SendEmail", "Resource": "arn:aws:ses:eu-west-1:123456789012:configuration-set/events"},
			{"Effect": "Deny", "Action": "ses:SendRawEmail", "Resource": "*"},
		]}},
		{"kind": "identity", "document": {"Statement": [{"Effect": "Allow", "Action": "ses:SendRawEmail", "NotResource": "arn:aws:s3:::x"}]}},
	]}
	unit.allows_on({0}, "configuration-set/events") == {"SendEmail"} with input.unit as v
	unit.allows_on({0}, "identity/example.com") == {"SendEmail", "SendRawEmail"} with input.unit as v
	unit.allows_on({0, 1}, "configuration-set/events") == {"SendEmail", "SendRawEmail"} with input.unit as v
	unit.allows_on({0}, "identity/other.com") == set() with input.unit as v
}

allow(resource) := {"value": {"Effect": "Allow", "Action": "ses:SendEmail", "Resource": resource}}

deny(element, value) := {"value": {"Effect": "Deny", "Action": "ses:*", element: value}}

identity := "arn:aws:ses:eu-west-1:${AWS::AccountId}:identity/example.com"

test_deny_covers if {
	unit.deny_covers(deny("Resource", "*"), [allow(identity)])
	unit.deny_covers(deny("Resource", ["arn:aws:ses:*:${AWS::AccountId}:identity/*"]), [allow(identity), allow([identity])])
	unit.deny_covers(deny("NotResource", "arn:aws:ses:*:*:identity/other.com"), [allow("arn:aws:ses:eu-west-1:123456789012:identity/example.com")])

	# a granted resource the Deny does not name
	not unit.deny_covers(deny("Resource", "arn:aws:ses:*:123456789012:identity/*"), [allow(identity)])
	not unit.deny_covers(deny("Resource", "arn:aws:ses:*:*:identity/*"), [allow("*")])

	# NotResource that may exclude the granted resource
	not unit.deny_covers(deny("NotResource", "arn:aws:ses:*:*:identity/example.*"), [allow("arn:aws:ses:eu-west-1:123456789012:identity/example.com")])
	not unit.deny_covers(deny("NotResource", "arn:aws:ses:*:*:identity/${Kept}"), [allow("arn:aws:ses:eu-west-1:123456789012:identity/example.com")])
	not unit.deny_covers(deny("NotResource", "arn:aws:ses:*:*:identity/other.com"), [allow(identity)])
}

test_deny_covers_only_what_can_be_an_identity if {
	set_grant := allow("arn:aws:ses:eu-west-1:123456789012:configuration-set/events")

	# the configuration-set grant is not a sending identity
	unit.deny_covers(deny("Resource", "arn:aws:ses:*:${AWS::AccountId}:identity/*"), [allow(identity), set_grant])

	# nothing that can be an identity: nothing to shadow
	not unit.deny_covers(deny("Resource", "arn:aws:ses:*:*:identity/*"), [set_grant])
	not unit.deny_covers(deny("Resource", "*"), [set_grant])

	# a NotResource grant is covered only by a Deny on "*"
	not_resource := {"value": {"Effect": "Allow", "Action": "ses:SendEmail", "NotResource": "arn:aws:s3:::x"}}
	unit.deny_covers(deny("Resource", "*"), [not_resource])
	not unit.deny_covers(deny("Resource", "arn:aws:ses:*:*:identity/*"), [not_resource])
}
