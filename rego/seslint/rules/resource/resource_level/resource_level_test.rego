package seslint.rules.resource.resource_level_test

import data.seslint.rules.resource.resource_level

identity := "arn:aws:ses:eu-west-1:123456789012:identity/example.com"

doc(kind, statements) := {"kind": kind, "document": {"Version": "2012-10-17", "Statement": statements}}

split_fix := concat("", [
	`split the statement: {"Effect": "Allow", "Action": ["ses:GetSendQuota","ses:GetSendStatistics"], "Resource": "*"}`,
	` and {"Effect": "Allow", "Action": ["ses:SendEmail","ses:SendRawEmail"], "Resource": "arn:aws:ses:eu-west-1:123456789012:identity/example.com"}`,
])

test_seed_actions_on_an_identity_arn if {
	resource_level.report == {
		{
			"rule": "SES302",
			"message": "ses:GetSendQuota has no resource-level permissions and is granted only on \"Resource\": \"*\": this statement, scoped to \"arn:aws:ses:eu-west-1:123456789012:identity/example.com\", never allows it",
			"path": ["Statement", 0, "Action", 1],
			"fix": split_fix,
			"edits": [{"path": ["Statement", 0], "op": "replace", "text": concat(", ", [
				`{"Action":["ses:GetSendQuota","ses:GetSendStatistics"],"Effect":"Allow","Resource":"*"}`,
				`{"Action":["ses:SendEmail","ses:SendRawEmail"],"Effect":"Allow","Resource":"arn:aws:ses:eu-west-1:123456789012:identity/example.com"}`,
			])}],
		},
		{
			"rule": "SES302",
			"message": "ses:GetSendStatistics has no resource-level permissions and is granted only on \"Resource\": \"*\": this statement, scoped to \"arn:aws:ses:eu-west-1:123456789012:identity/example.com\", never allows it",
			"path": ["Statement", 0, "Action", 2],
			"fix": split_fix,
		},
	} with input as doc("identity", [{
		"Effect": "Allow",
		"Action": ["ses:SendEmail", "ses:GetSendQuota", "ses:GetSendStatistics", "ses:SendRawEmail"],
		"Resource": identity,
	}])
}

test_only_unscoped_actions_in_a_boundary if {
	resource_level.report == {{
		"rule": "SES302",
		"message": "SES:listidentities has no resource-level permissions and is granted only on \"Resource\": \"*\": this statement, scoped to \"arn:aws:ses:eu-west-1:123456789012:identity/example.com\" and 1 more, never allows it",
		"path": ["Statement", "Action", 0],
		"fix": "set \"Resource\": \"*\" in this statement",
		"edits": [{"path": ["Statement", "Resource"], "op": "replace", "text": "\"*\""}],
	}} with input as {"kind": "boundary", "document": {"Statement": {
		"Effect": "Allow",
		"Action": "SES:listidentities",
		"Resource": [identity, "arn:aws:ses:eu-west-1:123456789012:identity/example.org"],
	}}}
}

test_seed_two_statement_split_passes if {
	count(resource_level.report) == 0 with input as doc("identity", [
		{"Effect": "Allow", "Action": ["ses:GetSendStatistics", "ses:GetSendQuota"], "Resource": "*"},
		{"Effect": "Allow", "Action": ["ses:SendEmail", "ses:SendRawEmail"], "Resource": identity},
	])
}

test_wildcards_deny_symbolic_and_other_kinds_pass if {
	count(resource_level.report) == 0 with input as doc("identity", [
		{"Effect": "Allow", "Action": ["ses:Get*", "ses:SendEmail"], "Resource": identity},
		{"Effect": "Deny", "Action": "ses:GetSendQuota", "Resource": identity},
		{"Effect": "Allow", "Action": "ses:GetSendQuota", "Resource": ["*", identity]},
		{"Effect": "Allow", "Action": "ses:GetSendQuota", "Resource": "${QuotaResource}"},
		{"Effect": "Allow", "Action": "ses:GetSendQuota", "NotResource": identity},
	])
	count(resource_level.report) == 0 with input as doc("sending-authorization", [{
		"Effect": "Allow", "Principal": {"AWS": "111122223333"},
		"Action": "ses:GetSendQuota", "Resource": identity,
	}])
	count(resource_level.report) == 0 with input as doc("scp", [{"Effect": "Allow", "Action": "ses:GetSendQuota", "Resource": identity}])
}
