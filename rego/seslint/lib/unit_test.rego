package seslint.lib.unit_test

import data.seslint.lib.unit

doc(effect, actions) := {"kind": "identity", "document": {"Version": "2012-10-17", "Statement": [{"Effect": effect, "Action": actions, "Resource": "*"}]}}

u := {
	"documents": [doc("Allow", ["ses:SendEmail"]), doc("Allow", ["ses:SendRawEmail", "ses:GetSendQuota"]), doc("Deny", ["s3:*"])],
	"principals": [{"name": "Sender", "type": "AWS::IAM::Role", "policies": [0, 1], "boundary": -1, "boundary_ref": "", "place": 0}],
}

test_statements_of_a_unit_document if {
	sts := unit.statements(1) with input.unit as u
	sts[0].path == ["Statement", 0]
	sts[0].actions == {"SendRawEmail", "GetSendQuota"}
}

test_a_principal_takes_all_its_policies_together if {
	p := u.principals[0]
	unit.allowed(p) == {"SendEmail", "SendRawEmail", "GetSendQuota"} with input.unit as u
	unit.allowed_send(p) == {"SendEmail", "SendRawEmail"} with input.unit as u
	count(unit.grants(p)) == 2 with input.unit as u
	unit.name(p) == "role Sender"
	unit.holders(1) == ["role Sender"] with input.unit as u
	unit.holders(2) == [] with input.unit as u
}
