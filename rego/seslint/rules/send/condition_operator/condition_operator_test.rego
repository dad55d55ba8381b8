package seslint.rules.send.condition_operator_test

import data.seslint.rules.send.condition_operator

doc(kind, effect, condition) := {"kind": kind, "document": {"Version": "2012-10-17", "Statement": [{
	"Effect": effect,
	"Action": ["ses:SendEmail", "ses:SendRawEmail"],
	"Resource": "*",
	"Condition": condition,
}]}}

test_wildcard_under_string_equals_is_reported_at_the_value if {
	condition_operator.report == {{
		"rule": "SES206",
		"message": "StringEquals compares \"*@example.com\" literally, so ses:FromAddress never equals it: * and ? are wildcards only under StringLike",
		"path": ["Statement", 0, "Condition", "StringEquals", "ses:FromAddress", 1],
		"fix": "use \"StringLike\" instead of \"StringEquals\"",
	}} with input as doc("identity", "Allow", {"StringEquals": {"ses:FromAddress": ["noreply@example.com", "*@example.com"]}})
}

test_wildcard_under_negated_operators_and_if_exists if {
	condition_operator.report == {
		{
			"rule": "SES206",
			"message": "StringNotEqualsIgnoreCaseIfExists compares \"bounce?@example.com\" literally, so every SES:FeedbackAddress differs from it: * and ? are wildcards only under StringNotLike",
			"path": ["Statement", 0, "Condition", "StringNotEqualsIgnoreCaseIfExists", "SES:FeedbackAddress", 0],
			"fix": "use \"StringNotLikeIfExists\" instead of \"StringNotEqualsIgnoreCaseIfExists\"",
		},
		{
			"rule": "SES206",
			"message": "StringEquals compares \"Team *\" literally, so ses:FromDisplayName never equals it: * and ? are wildcards only under StringLike",
			"path": ["Statement", 0, "Condition", "StringEquals", "ses:FromDisplayName", 0],
			"fix": "use \"StringLike\" instead of \"StringEquals\"",
		},
	} with input as doc("identity", "Deny", {
		"StringNotEqualsIgnoreCaseIfExists": {"SES:FeedbackAddress": "bounce?@example.com"},
		"StringEquals": {"ses:FromDisplayName": "Team *"},
	})
}

test_recipients_without_a_set_operator if {
	condition_operator.report == {{
		"rule": "SES206",
		"message": "ses:Recipients holds every To, CC and BCC address of a message, so StringLike needs ForAllValues: (every recipient must match) or ForAnyValue: (one is enough)",
		"path": ["Statement", 0, "Condition", "StringLike", "ses:Recipients"],
		"key": true,
		"fix": "use \"ForAllValues:StringLike\"",
	}} with input as doc("identity", "Allow", {"StringLike": {"ses:Recipients": "*@example.com"}})
	condition_operator.report == {{
		"rule": "SES206",
		"message": "ses:recipients holds every To, CC and BCC address of a message, so StringNotLike needs ForAllValues: (every recipient must match) or ForAnyValue: (one is enough)",
		"path": ["Statement", 0, "Condition", "StringNotLike", "ses:recipients"],
		"key": true,
		"fix": "use \"ForAnyValue:StringNotLike\"",
	}} with input as doc("boundary", "Deny", {"StringNotLike": {"ses:recipients": "*@example.com"}})
}

test_recipients_with_a_wildcard_under_string_equals_gets_both_findings if {
	count(condition_operator.report) == 2 with input as doc("identity", "Allow", {"StringEquals": {"ses:Recipients": "*@example.com"}})
}

test_set_operator_on_a_single_valued_key if {
	condition_operator.report == {
		{
			"rule": "SES206",
			"message": "ForAllValues: on ses:FromAddress, which holds a single value: ForAllValues: also matches a request without the key, so an Allow can grant more than intended",
			"path": ["Statement", 0, "Condition", "ForAllValues:StringLike", "ses:FromAddress"],
			"key": true,
			"fix": "use \"StringLike\"",
		},
		{
			"rule": "SES206",
			"message": "ForAnyValue: on aws:SourceIp, which holds a single value: a set operator on a single value only makes the test harder to read and never matches a request without the key",
			"path": ["Statement", 0, "Condition", "ForAnyValue:IpAddress", "aws:SourceIp"],
			"key": true,
			"fix": "use \"IpAddress\"",
		},
		{
			"rule": "SES206",
			"message": "ForAnyValue: on aws:ResourceTag/team, which holds a single value: a set operator on a single value only makes the test harder to read and never matches a request without the key",
			"path": ["Statement", 0, "Condition", "ForAnyValue:StringEquals", "aws:ResourceTag/team"],
			"key": true,
			"fix": "use \"StringEquals\"",
		},
	} with input as doc("sending-authorization", "Allow", {
		"ForAllValues:StringLike": {"ses:FromAddress": "*@example.com"},
		"ForAnyValue:IpAddress": {"aws:SourceIp": "192.0.2.0/24"},
		"ForAnyValue:StringEquals": {"aws:ResourceTag/team": "mail", "aws:TagKeys": "team"},
	})
}

test_correct_operators_pass if {
	count(condition_operator.report) == 0 with input as doc("identity", "Allow", {
		"StringLike": {"ses:FromAddress": "*@example.com", "ses:FromDisplayName": "Team *"},
		"StringEquals": {"ses:FeedbackAddress": ["bounces@example.com", "${BounceAddress}", "${aws:username}@example.com"]},
		"ForAllValues:StringLike": {"ses:Recipients": ["*@example.com", "*@example.org"]},
		"ForAnyValue:StringEquals": {"aws:TagKeys": "team", "ses:ReplicaRegion": "eu-west-1"},
		"Null": {"ses:Recipients": "false"},
		"StringEqualsIfExists": {"ses:FromAddress": "${*}@example.com"},
	})
	count(condition_operator.report) == 0 with input as doc("scp", "Deny", {"StringEquals": {"aws:PrincipalTag/team": "*"}})
}

test_all_kinds_are_checked if {
	every kind in ["identity", "boundary", "scp", "sending-authorization", "resource"] {
		count(condition_operator.report) == 1 with input as doc(kind, "Allow", {"StringEquals": {"ses:FromAddress": "*@example.com"}})
	}
}
