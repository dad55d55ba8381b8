package seslint.rules.grammar.unparseable_file_test

import data.seslint.rules.grammar.unparseable_file

test_template_syntax_error if {
	unparseable_file.report == {{
		"rule": "SES100",
		"message": "YAML: did not find expected key",
		"error": 0,
		"fix": "fix the YAML syntax",
	}} with input as {"kind": "identity", "errors": [{"kind": "file_syntax", "message": "YAML: did not find expected key", "fix": "fix the YAML syntax"}]}
}

test_policy_syntax_errors_are_not_template_errors if {
	count(unparseable_file.report) == 0 with input as {"kind": "identity", "errors": [{"kind": "syntax", "message": "m", "fix": "f"}]}
}

test_no_errors if {
	count(unparseable_file.report) == 0 with input as {"kind": "identity", "document": {}, "errors": []}
}
