package seslint.lib.grant_test

import data.seslint.lib.grant

test_grants_and_resources if {
	u := {"documents": [{"kind": "identity", "document": {"Statement": [
		{"Effect": "Allow", "Action": "ses:SendEmail", "Resource": ["arn:aws:ses:eu-west-1:123456789012:identity/example.com", "*"]},
		{"Effect": "Allow", "Action": "ses:GetSendQuota", "Resource": "*"},
	]}}]}
	gs := grant.grants with input.unit as u
	count(gs) == 1
	some g in gs
	rs := grant.resources(g)
	rs[0].arn.region == "eu-west-1"
	grant.identity_name(rs[0].arn) == "example.com"
	rs[1].arn == {}
}
