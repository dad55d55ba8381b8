package seslint.rules.grammar.effect_test

import data.seslint.rules.grammar.effect

statements(sts) := {"kind": "identity", "document": {"Version": "2012-10-17", "Statement": sts}}

test_missing_effect_points_at_the_statement if {
	effect.report == {{
		"rule": "SES103",
		"message": `statement has no Effect: AWS rejects the policy; add "Effect": "Allow" or "Effect": "Deny"`,
		"path": ["Statement", 1],
	}} with input as statements([
		{"Effect": "Allow", "Action": "ses:GetSendQuota", "Resource": "*"},
		{"Action": "ses:SendEmail", "Resource": "*"},
	])
}

test_case_variant_and_typo_suggest_the_value if {
	effect.report == {
		{
			"rule": "SES103",
			"message": `Effect "allow" is not "Allow" or "Deny" (the value is case-sensitive: did you mean "Allow"?): AWS rejects the policy`,
			"path": ["Statement", 0, "Effect"],
			"fix": `replace "allow" with "Allow"`,
		},
		{
			"rule": "SES103",
			"message": `Effect "Deni" is not "Allow" or "Deny" (did you mean "Deny"?): AWS rejects the policy`,
			"path": ["Statement", 1, "Effect"],
			"fix": `replace "Deni" with "Deny"`,
		},
		{
			"rule": "SES103",
			"message": `Effect "Permit" is not "Allow" or "Deny": AWS rejects the policy`,
			"path": ["Statement", 2, "Effect"],
		},
	} with input as statements([
		{"Effect": "allow", "Action": "ses:SendEmail", "Resource": "*"},
		{"Effect": "Deni", "Action": "ses:DeleteIdentity", "Resource": "*"},
		{"Effect": "Permit", "Action": "ses:SendRawEmail", "Resource": "*"},
	])
}

test_sending_authorization_single_statement if {
	effect.report == {{
		"rule": "SES103",
		"message": `Effect "ALLOW" is not "Allow" or "Deny" (the value is case-sensitive: did you mean "Allow"?): AWS rejects the policy`,
		"path": ["Statement", "Effect"],
		"fix": `replace "ALLOW" with "Allow"`,
	}} with input as {"kind": "sending-authorization", "document": {"Statement": {
		"Effect": "ALLOW", "Principal": {"AWS": "111122223333"},
		"Action": "ses:SendEmail", "Resource": "arn:aws:ses:us-east-1:123456789012:identity/example.com",
	}}}
}

test_allow_deny_symbolic_and_non_string_effects_pass if {
	count(effect.report) == 0 with input as statements([
		{"Effect": "Allow", "Action": "ses:SendEmail", "Resource": "*"},
		{"Effect": "Deny", "Action": "ses:DeleteIdentity", "Resource": "*"},
		{"Effect": "${effect}", "Action": "ses:SendRawEmail", "Resource": "*"},
		{"Effect": 1, "Action": "ses:SendRawEmail", "Resource": "*"},
	])
	count(effect.report) == 0 with input as {"kind": "scp", "document": {"Statement": [{"Effect": "Deny", "Action": "ses:*", "Resource": "*"}]}}
}
