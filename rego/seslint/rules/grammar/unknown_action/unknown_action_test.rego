package seslint.rules.grammar.unknown_action_test

import data.seslint.rules.grammar.unknown_action

policy(actions) := {"kind": "identity", "document": {
	"Version": "2012-10-17",
	"Statement": [{"Effect": "Allow", "Action": actions, "Resource": "*"}],
}}

test_misspelled_action_suggests_the_real_one if {
	unknown_action.report == {{
		"rule": "SES107",
		"message": "ses:SendEmails matches no SES action; did you mean ses:SendEmail?",
		"path": ["Statement", 0, "Action", 0],
	}} with input as policy(["ses:SendEmails"])
}

test_wildcard_matching_nothing_suggests_a_prefix if {
	unknown_action.report == {{
		"rule": "SES107",
		"message": "ses:Sned* matches no SES action; did you mean ses:Send*?",
		"path": ["Statement", 0, "Action", 1],
	}} with input as policy(["ses:SendEmail", "ses:Sned*"])
}

test_unknown_action_without_a_near_name if {
	unknown_action.report == {{
		"rule": "SES107",
		"message": "ses:Frobnicate matches no SES action",
		"path": ["Statement", "NotAction", 0],
	}} with input as {"kind": "identity", "document": {"Statement": {"Effect": "Deny", "NotAction": "ses:Frobnicate", "Resource": "*"}}}
}

test_single_statement_object_is_path_statement if {
	unknown_action.report == {{
		"rule": "SES107",
		"message": "ses:sendemial matches no SES action; did you mean ses:SendEmail?",
		"path": ["Statement", "Action", 0],
	}} with input as {"kind": "identity", "document": {"Statement": {"Effect": "Allow", "Action": "ses:sendemial", "Resource": "*"}}}
}

test_known_actions_any_case_and_wildcards_pass if {
	count(unknown_action.report) == 0 with input as policy([
		"ses:SendEmail", "SES:sendrawemail", "ses:Send*", "ses:Get?endQuota",
		"ses:*", "*", "s3:GetObject", "${AWS::Partition}:x",
	])
}
