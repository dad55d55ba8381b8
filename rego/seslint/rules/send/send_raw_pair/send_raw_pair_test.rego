package seslint.rules.send.send_raw_pair_test

import data.seslint.rules.send.send_raw_pair

identity(statements) := {"kind": "identity", "document": {"Version": "2012-10-17", "Statement": statements}}

send_email_only := concat("", [
	"ses:SendEmail is allowed but ses:SendRawEmail is not: ",
	"mail sent through the SES SMTP interface or as raw MIME with SendRawEmail fails with Unauthorized",
])

send_raw_only := concat("", [
	"ses:SendRawEmail is allowed but ses:SendEmail is not: ",
	"sends through the SES v2 API and v1 SendEmail calls fail with Unauthorized",
])

test_send_email_without_raw if {
	send_raw_pair.report == {{
		"rule": "SES201",
		"message": send_email_only,
		"path": ["Statement", 1, "Action", 1],
		"fix": "add \"ses:SendRawEmail\" next to \"ses:SendEmail\"",
		"edits": [{"path": ["Statement", 1, "Action", 1], "op": "insert_after", "text": ", \"ses:SendRawEmail\""}],
	}} with input as identity([
		{"Effect": "Allow", "Action": "ses:GetSendQuota", "Resource": "*"},
		{"Effect": "Allow", "Action": ["ses:SendTemplatedEmail", "ses:SendEmail"], "Resource": "*"},
		{"Effect": "Allow", "Action": "SES:sendemail", "Resource": "*"},
	])
}

test_raw_without_send_email_in_a_single_statement_object if {
	send_raw_pair.report == {{
		"rule": "SES201",
		"message": send_raw_only,
		"path": ["Statement", "Action", 0],
		"fix": "add \"ses:SendEmail\" next to \"ses:SendRaw*\"",
		"edits": [{"path": ["Statement", "Action"], "op": "replace", "text": "[\"ses:SendRaw*\",\"ses:SendEmail\"]"}],
	}} with input as {"kind": "identity", "document": {"Statement": {"Effect": "Allow", "Action": "ses:SendRaw*", "Resource": "*"}}}
}

test_not_action_that_excludes_the_partner if {
	send_raw_pair.report == {{
		"rule": "SES201",
		"message": send_email_only,
		"path": ["Statement", 0, "NotAction"],
		"key": true,
		"fix": "allow \"ses:SendRawEmail\" too: remove the NotAction entry that excludes it",
	}} with input as identity([{"Effect": "Allow", "NotAction": ["ses:SendRawEmail", "iam:*"], "Resource": "*"}])
}

test_sending_authorization_policy if {
	send_raw_pair.report == {{
		"rule": "SES201",
		"message": send_email_only,
		"path": ["Statement", 0, "Action", 0],
		"fix": "add \"ses:SendRawEmail\" next to \"ses:SendEmail\"",
		"edits": [{"path": ["Statement", 0, "Action"], "op": "replace", "text": "[\"ses:SendEmail\",\"ses:SendRawEmail\"]"}],
	}} with input as {"kind": "sending-authorization", "document": {"Statement": [{
		"Effect": "Allow", "Principal": {"AWS": "111122223333"},
		"Action": "ses:SendEmail", "Resource": "arn:aws:ses:us-east-1:123456789012:identity/example.com",
	}]}}
}

# Each delegated sender of a sending authorization policy is checked on
# its own: the other partners' grants of SendRawEmail do not cover the
# first one's.
test_sending_authorization_policy_per_principal if {
	send_raw_pair.report == {{
		"rule": "SES201",
		"message": send_email_only,
		"path": ["Statement", 0, "Action", 0],
		"fix": "add \"ses:SendRawEmail\" next to \"ses:SendEmail\"",
		"edits": [{"path": ["Statement", 0, "Action"], "op": "replace", "text": "[\"ses:SendEmail\",\"ses:SendRawEmail\"]"}],
	}} with input as authorization([
		{"Effect": "Allow", "Principal": {"AWS": "arn:aws:iam::111122223333:root"}, "Action": "ses:SendEmail", "Resource": identity_arn},
		{"Effect": "Allow", "Principal": {"AWS": "444455556666"}, "Action": ["ses:SendEmail", "ses:SendRawEmail"], "Resource": identity_arn},
	])
}

# The grants to one principal count together however its account is
# written, and a "*" statement grants to every principal.
test_sending_authorization_policy_same_principal_pass if {
	count(send_raw_pair.report) == 0 with input as authorization([
		{"Effect": "Allow", "Principal": {"AWS": "arn:aws:iam::111122223333:root"}, "Action": "ses:SendEmail", "Resource": identity_arn},
		{"Effect": "Allow", "Principal": {"AWS": "111122223333"}, "Action": "ses:SendRawEmail", "Resource": identity_arn},
	])
	count(send_raw_pair.report) == 0 with input as authorization([
		{"Effect": "Allow", "Principal": {"AWS": ["111122223333", "444455556666"]}, "Action": "ses:SendEmail", "Resource": identity_arn},
		{
			"Effect": "Allow", "Principal": "*", "Action": ["ses:SendRawEmail", "ses:SendEmail"], "Resource": identity_arn,
			"Condition": {"StringEquals": {"aws:PrincipalOrgID": "o-abc123"}},
		},
	])
}

# A principal granted SendRawEmail only, beside one granted both: the
# finding is at its own statement.
test_sending_authorization_policy_second_principal if {
	[v.path | some v in send_raw_pair.report] == [["Statement", 1, "Action", 0]] with input as authorization([
		{"Effect": "Allow", "Principal": {"Service": "lambda.amazonaws.com"}, "Action": ["ses:SendEmail", "ses:SendRawEmail"], "Resource": identity_arn},
		{"Effect": "Allow", "Principal": {"AWS": "arn:aws:iam::111122223333:role/mailer"}, "Action": ["ses:SendRawEmail"], "Resource": identity_arn},
	])
}

identity_arn := "arn:aws:ses:us-east-1:123456789012:identity/example.com"

authorization(statements) := {"kind": "sending-authorization", "document": {"Version": "2012-10-17", "Statement": statements}}

test_pair_across_statements_and_wildcards_pass if {
	count(send_raw_pair.report) == 0 with input as identity([
		{"Effect": "Allow", "Action": "ses:SendEmail", "Resource": "*"},
		{"Effect": "Allow", "Action": "ses:SendRawEmail", "Resource": "*"},
	])
	count(send_raw_pair.report) == 0 with input as identity([{"Effect": "Allow", "Action": "ses:Send*", "Resource": "*"}])
	count(send_raw_pair.report) == 0 with input as identity([{"Effect": "Allow", "Action": "*", "Resource": "*"}])
	count(send_raw_pair.report) == 0 with input as identity([{"Effect": "Allow", "Action": "ses:GetSendQuota", "Resource": "*"}])
}

test_deny_does_not_count_as_a_grant if {
	count(send_raw_pair.report) == 0 with input as identity([{"Effect": "Deny", "Action": "ses:SendEmail", "Resource": "*"}])
}

test_other_kinds_are_not_checked if {
	every kind in ["boundary", "scp", "resource"] {
		count(send_raw_pair.report) == 0 with input as {"kind": kind, "document": {"Statement": [{"Effect": "Allow", "Action": "ses:SendEmail", "Resource": "*"}]}}
	}
}

unit_doc(actions) := {"kind": "identity", "attached": true, "document": {"Version": "2012-10-17", "Statement": [{"Effect": "Allow", "Action": actions, "Resource": "*"}]}}

test_attached_documents_are_left_to_the_unit if {
	count(send_raw_pair.report) == 0 with input as unit_doc(["ses:SendEmail"])
}

test_principal_with_both_actions_across_policies_passes if {
	count(send_raw_pair.unit_report) == 0 with input as {"unit": {
		"documents": [unit_doc(["ses:SendEmail"]), unit_doc(["ses:SendRawEmail"])],
		"principals": [{"name": "Mailer", "type": "AWS::IAM::Role", "policies": [0, 1], "boundary": -1, "boundary_ref": "", "place": 0}],
	}}
}

test_principal_missing_raw_is_reported_once_in_its_first_granting_policy if {
	send_raw_pair.unit_report == {{
		"rule": "SES201",
		"document": 1,
		"path": ["Statement", 0, "Action", 1],
		"message": "ses:SendEmail is allowed but ses:SendRawEmail is not: mail sent through the SES SMTP interface or as raw MIME with SendRawEmail fails with Unauthorized (role Mailer, across its policies)",
		"fix": "add \"ses:SendRawEmail\" next to \"ses:SendEmail\"",
		"edits": [{"path": ["Statement", 0, "Action", 1], "op": "insert_after", "text": ", \"ses:SendRawEmail\""}],
	}} with input as {"unit": {
		"documents": [unit_doc(["ses:GetSendQuota"]), unit_doc(["ses:GetSendStatistics", "ses:SendEmail"]), unit_doc(["ses:SendEmail"])],
		"principals": [{"name": "Mailer", "type": "AWS::IAM::Role", "policies": [0, 2, 1], "boundary": -1, "boundary_ref": "", "place": 0}],
	}}
}

send_raw_only_for(who) := sprintf("%s (%s, across its policies)", [send_raw_only, who])

test_each_principal_is_judged_on_its_own_policies if {
	# Mailer holds the SendEmail policy and the SendRawEmail one: fine.
	# Smtp holds only the SendRawEmail policy; Reader sends nothing.
	send_raw_pair.unit_report == {{
		"rule": "SES201",
		"document": 1,
		"path": ["Statement", 0, "Action", 0],
		"message": send_raw_only_for("user Smtp"),
		"fix": "add \"ses:SendEmail\" next to \"ses:SendRawEmail\"",
		"edits": [{"path": ["Statement", 0, "Action", 0], "op": "insert_after", "text": ", \"ses:SendEmail\""}],
	}} with input as {"unit": {
		"documents": [unit_doc(["ses:SendEmail"]), unit_doc(["ses:SendRawEmail"]), unit_doc(["ses:GetSendQuota"])],
		"principals": [
			{"name": "Mailer", "type": "AWS::IAM::Role", "policies": [0, 1], "boundary": -1, "boundary_ref": "", "place": 0},
			{"name": "Smtp", "type": "AWS::IAM::User", "policies": [1], "boundary": -1, "boundary_ref": "", "place": 1},
			{"name": "Reader", "type": "AWS::IAM::Role", "policies": [2], "boundary": -1, "boundary_ref": "", "place": 2},
		],
	}}
}

test_a_shared_policy_is_reported_for_each_principal_lacking_the_partner if {
	send_raw_pair.unit_report == {
		{
			"rule": "SES201",
			"document": 0,
			"path": ["Statement", 0, "Action", 0],
			"message": send_raw_only_for("role Worker"),
			"fix": "add \"ses:SendEmail\" next to \"ses:SendRawEmail\"",
			"edits": [{"path": ["Statement", 0, "Action", 0], "op": "insert_after", "text": ", \"ses:SendEmail\""}],
		},
		{
			"rule": "SES201",
			"document": 0,
			"path": ["Statement", 0, "Action", 0],
			"message": send_raw_only_for("group Senders"),
			"fix": "add \"ses:SendEmail\" next to \"ses:SendRawEmail\"",
			"edits": [{"path": ["Statement", 0, "Action", 0], "op": "insert_after", "text": ", \"ses:SendEmail\""}],
		},
	} with input as {"unit": {
		"documents": [unit_doc(["ses:SendRawEmail"])],
		"principals": [
			{"name": "Worker", "type": "AWS::IAM::Role", "policies": [0], "boundary": -1, "boundary_ref": "", "place": 0},
			{"name": "Senders", "type": "AWS::IAM::Group", "policies": [0], "boundary": -1, "boundary_ref": "", "place": 1},
		],
	}}
}

test_documents_no_principal_holds_are_left_to_report if {
	doc := identity([{"Effect": "Allow", "Action": "ses:SendEmail", "Resource": "*"}])
	count(send_raw_pair.unit_report) == 0 with input as {"unit": {"documents": [doc], "principals": []}}
	count(send_raw_pair.report) == 1 with input as object.union(doc, {"attached": false})
}
