package seslint.rules.grammar.version_test

import data.seslint.rules.grammar.version

statement := {"Effect": "Allow", "Action": "ses:SendEmail", "Resource": "*"}

grant := {
	"Effect": "Allow", "Principal": {"AWS": "111122223333"}, "Action": "ses:SendEmail",
	"Resource": "arn:aws:ses:us-east-1:123456789012:identity/example.com",
}

test_missing_version_is_a_warning_at_the_document if {
	version.report == {{
		"rule": "SES104",
		"message": `policy has no Version: it is read as 2008-10-17, where policy variables such as ${aws:username} are not replaced; add "Version": "2012-10-17"`,
		"path": [],
	}} with input as {"kind": "identity", "document": {"Statement": [statement]}}
}

test_old_version_is_a_warning if {
	version.report == {{
		"rule": "SES104",
		"message": `Version "2008-10-17" is the old policy language: policy variables such as ${aws:username} are not replaced; use "2012-10-17"`,
		"path": ["Version"],
		"fix": `set "Version": "2012-10-17"`,
	}} with input as {"kind": "sending-authorization", "document": {"Version": "2008-10-17", "Statement": [grant]}}
}

test_other_version_is_an_error_for_iam_policies if {
	version.report == {{
		"rule": "SES104",
		"message": `Version "2012-10-18" is not a policy language version: AWS accepts only "2012-10-17" and "2008-10-17" and rejects the policy`,
		"path": ["Version"],
		"level": "error",
		"fix": `set "Version": "2012-10-17"`,
	}} with input as {"kind": "identity", "document": {"Version": "2012-10-18", "Statement": [statement]}}

	count(version.report) == 1 with input as {"kind": "boundary", "document": {"Version": "2012-10-18", "Statement": [statement]}}
	count(version.report) == 1 with input as {"kind": "scp", "document": {"Version": "2012-10-18", "Statement": [statement]}}
	count(version.report) == 1 with input as {"kind": "resource", "document": {"Version": "1", "Statement": [grant]}}
}

test_other_version_is_a_warning_for_sending_authorization if {
	version.report == {{
		"rule": "SES104",
		"message": `Version "2019-07-30" is not "2012-10-17": SES accepts it in a sending authorization policy, but recommends "2012-10-17"`,
		"path": ["Version"],
		"fix": `set "Version": "2012-10-17"`,
	}} with input as {"kind": "sending-authorization", "document": {"Version": "2019-07-30", "Statement": [grant]}}
}

test_current_symbolic_and_undecoded_pass if {
	count(version.report) == 0 with input as {"kind": "identity", "document": {"Version": "2012-10-17", "Statement": [statement]}}
	count(version.report) == 0 with input as {"kind": "sending-authorization", "document": {"Version": "2012-10-17", "Statement": [grant]}}
	count(version.report) == 0 with input as {"kind": "identity", "document": {"Version": "${PolicyVersion}", "Statement": [statement]}}
	count(version.report) == 0 with input as {"kind": "identity", "document": {"Version": 2012, "Statement": [statement]}}
	count(version.report) == 0 with input as {"kind": "identity", "errors": [{"kind": "syntax", "message": "unterminated object", "fix": "close the object with }"}]}
	count(version.report) == 0 with input as {"kind": "identity", "document": ["not", "a", "policy"]}
}
