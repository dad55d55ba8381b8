package seslint.rules.grammar.no_statement_test

import data.seslint.rules.grammar.no_statement

test_missing_statement_reported_at_the_document if {
	no_statement.report == {{
		"rule": "SES105",
		"message": "policy has no Statement: a policy needs at least one statement, and AWS rejects it without one",
		"path": [],
	}} with input as {"kind": "identity", "document": {"Version": "2012-10-17"}}
}

test_misspelled_statement_counts_as_missing if {
	count(no_statement.report) == 1 with input as {"kind": "identity", "document": {
		"Version": "2012-10-17",
		"Statements": [{"Effect": "Allow", "Action": "ses:SendEmail", "Resource": "*"}],
	}}
}

test_empty_list_reported_at_statement if {
	no_statement.report == {{
		"rule": "SES105",
		"message": "Statement is an empty list: a policy needs at least one statement, and AWS rejects it without one",
		"path": ["Statement"],
	}} with input as {"kind": "sending-authorization", "document": {"Version": "2012-10-17", "Statement": []}}
}

test_statements_present_pass if {
	count(no_statement.report) == 0 with input as {"kind": "identity", "document": {"Version": "2012-10-17", "Statement": [{"Effect": "Allow", "Action": "ses:SendEmail", "Resource": "*"}]}}
	count(no_statement.report) == 0 with input as {"kind": "scp", "document": {"Statement": {"Effect": "Deny", "Action": "ses:*", "Resource": "*"}}}
	count(no_statement.report) == 0 with input as {"kind": "identity", "errors": [{"kind": "syntax", "message": "unterminated object", "fix": "close the object with }"}]}
	count(no_statement.report) == 0 with input as {"kind": "identity", "document": "not a policy"}
}
