package seslint.rules.grammar.invalid_json_test

import data.seslint.rules.grammar.invalid_json

doc := {"Version": "2012-10-17", "Statement": [{"Effect": "Deny", "Action": "ses:*", "Resource": "*"}]}

test_typographic_quotes_and_trailing_comma_each_reported if {
	invalid_json.report == {
		{
			"rule": "SES101",
			"message": "typographic quote “ where JSON needs a straight double quote",
			"error": 0,
			"fix": "replace “ses:*” with \"ses:*\"",
		},
		{
			"rule": "SES101",
			"message": "trailing comma before ]",
			"error": 2,
			"fix": "remove the comma after the last element",
		},
	} with input as {"kind": "scp", "document": doc, "errors": [
		{"kind": "typographic_quote", "message": "typographic quote “ where JSON needs a straight double quote", "fix": "replace “ses:*” with \"ses:*\""},
		{"kind": "duplicate_key", "message": "duplicate key \"Effect\": only the last one counts", "fix": "merge the two entries into one"},
		{"kind": "trailing_comma", "message": "trailing comma before ]", "fix": "remove the comma after the last element"},
	]}
}

test_fatal_syntax_error_without_document if {
	invalid_json.report == {{
		"rule": "SES101",
		"message": "unexpected '\"' in object: expected , or }",
		"error": 0,
		"fix": "separate members with commas",
	}} with input as {"kind": "identity", "errors": [{
		"kind": "syntax",
		"message": "unexpected '\"' in object: expected , or }",
		"fix": "separate members with commas",
	}]}
}

test_sending_authorization_policy_is_checked_too if {
	count(invalid_json.report) == 1 with input as {"kind": "sending-authorization", "document": doc, "errors": [{"kind": "trailing_comma", "message": "trailing comma before }", "fix": "remove the comma after the last member"}]}
}

test_clean_text_and_duplicate_keys_pass if {
	count(invalid_json.report) == 0 with input as {"kind": "identity", "document": doc, "errors": []}
	count(invalid_json.report) == 0 with input as {"kind": "identity", "document": doc, "errors": [{"kind": "duplicate_key", "message": "duplicate key \"Sid\": only the last one counts", "fix": "merge the two entries into one"}]}
}
