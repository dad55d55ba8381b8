package seslint.rules.send.unknown_condition_key_test

import data.seslint.rules.send.unknown_condition_key

doc(kind, effect, condition) := {"kind": kind, "document": {"Version": "2012-10-17", "Statement": [{
	"Effect": effect,
	"Action": ["ses:SendEmail", "ses:SendRawEmail"],
	"Resource": "*",
	"Condition": condition,
}]}}

finding(op, key, message) := {
	"rule": "SES207",
	"message": message,
	"path": ["Statement", 0, "Condition", op, key],
	"key": true,
}

test_misspelled_ses_key_suggests_the_real_one if {
	unknown_condition_key.report == {finding(
		"StringLike", "ses:FromAdress",
		"ses:FromAdress is not a condition key of SES or IAM (did you mean ses:FromAddress?): this Allow never applies, so sends fail with Unauthorized",
	)} with input as doc("identity", "Allow", {"StringLike": {"ses:FromAdress": "*@example.com"}})
}

test_unknown_global_key_without_a_near_name if {
	unknown_condition_key.report == {finding(
		"NotIpAddress", "aws:SourceIpAddress",
		"aws:SourceIpAddress is not a condition key of SES or IAM: this test always matches, so it does not narrow the Deny",
	)} with input as doc("boundary", "Deny", {"NotIpAddress": {"aws:SourceIpAddress": "192.0.2.0/24"}})
}

test_misspelled_tag_key_prefix if {
	unknown_condition_key.report == {finding(
		"StringEquals", "aws:ResouceTag/Team",
		"aws:ResouceTag/Team is not a condition key of SES or IAM (did you mean aws:ResourceTag/Team?): this Deny never applies",
	)} with input as doc("scp", "Deny", {"StringEquals": {"aws:ResouceTag/Team": "mail"}})
}

test_consequences_by_operator if {
	unknown_condition_key.report == {
		finding(
			"StringNotLikeIfExists", "ses:Sender",
			"ses:Sender is not a condition key of SES or IAM: this test always matches, so it restricts nothing",
		),
		finding(
			"ForAllValues:StringLike", "ses:Recipient",
			"ses:Recipient is not a condition key of SES or IAM (did you mean ses:Recipients?): this test always matches, so it restricts nothing",
		),
		finding(
			"ForAnyValue:StringNotLike", "ses:FromAddres",
			"ses:FromAddres is not a condition key of SES or IAM (did you mean ses:FromAddress?): this Allow never applies, so sends fail with Unauthorized",
		),
	} with input as doc("sending-authorization", "Allow", {
		"StringNotLikeIfExists": {"ses:Sender": "*@example.com"},
		"ForAllValues:StringLike": {"ses:Recipient": "*@example.com"},
		"ForAnyValue:StringNotLike": {"ses:FromAddres": "*@example.com"},
	})
}

test_known_keys_any_case_tag_keys_and_other_services_pass if {
	count(unknown_condition_key.report) == 0 with input as doc("identity", "Allow", {
		"StringLike": {"SES:fromaddress": "*@example.com", "ses:FromDisplayName": "Team*"},
		"IpAddress": {"aws:SourceIP": "192.0.2.0/24"},
		"StringEquals": {
			"aws:ResourceTag/team": "mail",
			"aws:PrincipalTag/${TagKey}": "x",
			"s3:prefix": "home/",
			"iam:PassedToService": "ses.amazonaws.com",
			"${ConditionKey}": "x",
		},
		"Bool": {"aws:ViaAWSService": "false"},
		"ForAllValues:StringLike": {"ses:Recipients": "*@example.com"},
	})
}

test_all_kinds_are_checked if {
	every kind in ["identity", "boundary", "scp", "sending-authorization", "resource"] {
		count(unknown_condition_key.report) == 1 with input as doc(kind, "Allow", {"StringLike": {"ses:FromAdress": "*@example.com"}})
	}
}
