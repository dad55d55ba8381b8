package seslint.rules.grammar.unknown_element_test

import data.seslint.rules.grammar.unknown_element

rejected := "AWS rejects the policy when it is deployed"

test_misspelled_top_level_and_statement_elements_suggest_the_name if {
	unknown_element.report == {
		{
			"rule": "SES102",
			"message": sprintf(`unknown policy element "Statements" (did you mean "Statement"?): %s`, [rejected]),
			"path": ["Statements"],
			"key": true,
			"fix": `rename "Statements" to "Statement"`,
		},
		{
			"rule": "SES102",
			"message": sprintf(`unknown policy element "version" (did you mean "Version"?): %s`, [rejected]),
			"path": ["version"],
			"key": true,
			"fix": `rename "version" to "Version"`,
		},
	} with input as {"kind": "identity", "document": {
		"version": "2012-10-17",
		"Statements": [{"Effect": "Allow", "Action": "ses:SendEmail", "Resource": "*"}],
	}}
}

test_misspelled_statement_elements if {
	unknown_element.report == {
		{
			"rule": "SES102",
			"message": sprintf(`unknown statement element "effect" (did you mean "Effect"?): %s`, [rejected]),
			"path": ["Statement", 0, "effect"],
			"key": true,
			"fix": `rename "effect" to "Effect"`,
		},
		{
			"rule": "SES102",
			"message": sprintf(`unknown statement element "Actions" (did you mean "Action"?): %s`, [rejected]),
			"path": ["Statement", 0, "Actions"],
			"key": true,
			"fix": `rename "Actions" to "Action"`,
		},
		{
			"rule": "SES102",
			"message": sprintf(`unknown statement element "Resources" (did you mean "Resource"?): %s`, [rejected]),
			"path": ["Statement", 0, "Resources"],
			"key": true,
			"fix": `rename "Resources" to "Resource"`,
		},
		{
			"rule": "SES102",
			"message": sprintf(`unknown statement element "Comment": %s`, [rejected]),
			"path": ["Statement", 0, "Comment"],
			"key": true,
		},
	} with input as {"kind": "identity", "document": {
		"Version": "2012-10-17",
		"Statement": [{
			"effect": "Allow", "Actions": ["ses:SendEmail"],
			"Resources": "*", "Comment": "mail sender",
		}],
	}}
}

test_single_statement_object_and_sending_authorization if {
	unknown_element.report == {
		{
			"rule": "SES102",
			"message": sprintf(`unknown principal type "Aws" in Principal (did you mean "AWS"?): %s`, [rejected]),
			"path": ["Statement", "Principal", "Aws"],
			"key": true,
			"fix": `rename "Aws" to "AWS"`,
		},
		{
			"rule": "SES102",
			"message": sprintf(`unknown condition operator "StringEqual" (did you mean "StringEquals"?): %s`, [rejected]),
			"path": ["Statement", "Condition", "StringEqual"],
			"key": true,
			"fix": `rename "StringEqual" to "StringEquals"`,
		},
		{
			"rule": "SES102",
			"message": sprintf(`unknown condition operator "NullIfExists": %s`, [rejected]),
			"path": ["Statement", "Condition", "NullIfExists"],
			"key": true,
		},
	} with input as {"kind": "sending-authorization", "document": {"Statement": {
		"Effect": "Allow",
		"Principal": {"Aws": "111122223333"},
		"Action": "ses:SendRawEmail",
		"Resource": "arn:aws:ses:us-east-1:123456789012:identity/example.com",
		"Condition": {
			"StringEqual": {"ses:FromAddress": "marketing@example.com"},
			"NullIfExists": {"ses:FromDisplayName": "true"},
		},
	}}}
}

test_wrong_types_point_at_the_value if {
	unknown_element.report == {
		{
			"rule": "SES102",
			"message": sprintf("Version must be a string, not a number: %s", [rejected]),
			"path": ["Version"],
		},
		{
			"rule": "SES102",
			"message": sprintf("a statement must be an object, not a string: %s", [rejected]),
			"path": ["Statement", 0],
		},
		{
			"rule": "SES102",
			"message": sprintf("Sid must be a string, not a number: %s", [rejected]),
			"path": ["Statement", 1, "Sid"],
		},
		{
			"rule": "SES102",
			"message": sprintf("Effect must be a string, not a boolean: %s", [rejected]),
			"path": ["Statement", 1, "Effect"],
		},
		{
			"rule": "SES102",
			"message": sprintf("Action must be a string or a list of strings, not an object: %s", [rejected]),
			"path": ["Statement", 1, "Action"],
		},
		{
			"rule": "SES102",
			"message": sprintf("Resource entries must be strings, not null: %s", [rejected]),
			"path": ["Statement", 1, "Resource", 1],
		},
		{
			"rule": "SES102",
			"message": sprintf(`Condition must be an object such as {"StringEquals": {"ses:FromAddress": "..."}}, not an array: %s`, [rejected]),
			"path": ["Statement", 1, "Condition"],
		},
	} with input as {"kind": "identity", "document": {
		"Version": 2012,
		"Statement": [
			"ses:SendEmail",
			{
				"Sid": 1, "Effect": true,
				"Action": {"ses": "SendEmail"},
				"Resource": ["arn:aws:ses:us-east-1:123456789012:identity/example.com", null],
				"Condition": [{"StringEquals": {"ses:FromAddress": "a@example.com"}}],
			},
		],
	}}
}

test_wrong_principal_and_condition_types if {
	unknown_element.report == {
		{
			"rule": "SES102",
			"message": sprintf(`Principal "123456789012" must be "*" or an object such as {"AWS": "123456789012"}: %s`, [rejected]),
			"path": ["Statement", 0, "Principal"],
		},
		{
			"rule": "SES102",
			"message": sprintf("NotPrincipal AWS entries must be strings, not a number: %s", [rejected]),
			"path": ["Statement", 1, "NotPrincipal", "AWS", 0],
		},
		{
			"rule": "SES102",
			"message": sprintf("Principal Service must be a string or a list of strings, not an object: %s", [rejected]),
			"path": ["Statement", 2, "Principal", "Service"],
		},
		{
			"rule": "SES102",
			"message": sprintf("condition StringLike must be an object of condition keys and values, not a string: %s", [rejected]),
			"path": ["Statement", 0, "Condition", "StringLike"],
		},
		{
			"rule": "SES102",
			"message": sprintf("condition value of ses:Recipients must be a string, number or boolean or a list of them, not an object: %s", [rejected]),
			"path": ["Statement", 1, "Condition", "ForAllValues:StringLike", "ses:Recipients"],
		},
		{
			"rule": "SES102",
			"message": sprintf("condition values of aws:SourceIp must be strings, numbers or booleans, not an array: %s", [rejected]),
			"path": ["Statement", 2, "Condition", "IpAddress", "aws:SourceIp", 1],
		},
	} with input as {"kind": "resource", "document": {
		"Version": "2012-10-17",
		"Statement": [
			{
				"Effect": "Allow", "Principal": "123456789012",
				"Action": "ses:SendEmail", "Resource": "*",
				"Condition": {"StringLike": "ses:FromAddress"},
			},
			{
				"Effect": "Deny", "NotPrincipal": {"AWS": [123456789012]},
				"Action": "ses:SendEmail", "Resource": "*",
				"Condition": {"ForAllValues:StringLike": {"ses:Recipients": {"a": "b"}}},
			},
			{
				"Effect": "Allow", "Principal": {"Service": {"name": "ses.amazonaws.com"}},
				"Action": "ses:SendEmail", "Resource": "*",
				"Condition": {"IpAddress": {"aws:SourceIp": ["192.0.2.0/24", ["198.51.100.0/24"]]}},
			},
		],
	}}
}

test_statement_and_document_of_the_wrong_type if {
	unknown_element.report == {{
		"rule": "SES102",
		"message": sprintf("Statement must be an object or a list of objects, not a string: %s", [rejected]),
		"path": ["Statement"],
	}} with input as {"kind": "scp", "document": {"Version": "2012-10-17", "Statement": "Deny ses:*"}}

	unknown_element.report == {{
		"rule": "SES102",
		"message": sprintf("the policy must be a JSON object, not an array: %s", [rejected]),
		"path": [],
	}} with input as {"kind": "boundary", "document": [{"Effect": "Allow"}]}
}

test_duplicate_keys_are_reported_at_the_decode_error if {
	unknown_element.report == {{
		"rule": "SES102",
		"message": `duplicate key "Effect": only the last one counts`,
		"error": 1,
		"fix": "merge the two entries into one",
	}} with input as {"kind": "identity", "document": {"Statement": [{"Effect": "Deny", "Action": "ses:*", "Resource": "*"}]}, "errors": [
		{"kind": "trailing_comma", "message": "trailing comma before ]", "fix": "remove the comma after the last element"},
		{"kind": "duplicate_key", "message": `duplicate key "Effect": only the last one counts`, "fix": "merge the two entries into one"},
	]}
}

test_well_formed_policies_pass if {
	count(unknown_element.report) == 0 with input as {"kind": "sending-authorization", "document": {
		"Id": "ExampleAuthorizationPolicy",
		"Version": "2012-10-17",
		"Statement": [{
			"Sid": "AuthorizeAccount",
			"Effect": "Allow",
			"Resource": "arn:aws:ses:us-east-1:123456789012:identity/example.com",
			"Principal": {"AWS": ["123456789012"], "Service": "cognito-idp.amazonaws.com"},
			"Action": ["ses:SendEmail", "ses:SendRawEmail"],
			"Condition": {
				"ForAllValues:StringLike": {"ses:Recipients": ["*@example.com"]},
				"stringequals": {"ses:FromAddress": "a@example.com"},
				"NumericLessThanIfExists": {"aws:EpochTime": 1893456000},
				"Bool": {"aws:SecureTransport": true},
				"Null": {"ses:FeedbackAddress": "false"},
			},
		}],
	}}
	count(unknown_element.report) == 0 with input as {"kind": "identity", "document": {"Statement": {"Effect": "Deny", "NotAction": "ses:Send*", "NotResource": ["arn:aws:ses:*:*:identity/*"], "Principal": "*"}}}
	count(unknown_element.report) == 0 with input as {"kind": "identity", "errors": [{"kind": "syntax", "message": "unterminated object", "fix": "close the object with }"}]}
}

test_deploy_time_values_may_be_of_any_type if {
	count(unknown_element.report) == 0 with input as {"kind": "identity", "document": {"Version": "2012-10-17", "Statement": "${[for s in local.statements : s]}"}}
	count(unknown_element.report) == 0 with input as {"kind": "identity", "document": {"Version": "2012-10-17", "Statement": [{"Effect": "Allow", "Action": "ses:SendEmail", "Resource": "*", "Condition": "${local.conditions}"}]}}
}
