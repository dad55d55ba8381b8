package seslint.rules.send.conditional_deny_test

import data.seslint.rules.send.conditional_deny

deny(condition) := {"kind": "identity", "document": {"Version": "2012-10-17", "Statement": [{
	"Effect": "Deny",
	"Action": ["ses:SendEmail", "ses:SendRawEmail"],
	"Resource": "*",
	"Condition": condition,
}]}}

finding(op, key, message) := {
	"rule": "SES203",
	"message": message,
	"path": ["Statement", 0, "Condition", op, key],
	"key": true,
}

test_from_address_not_like if {
	conditional_deny.report == {finding(
		"StringNotLike", "ses:FromAddress",
		"Deny of ses:SendEmail, ses:SendRawEmail applies when ses:FromAddress is not like \"*@example.com\": mail from other senders is refused",
	)} with input as deny({"StringNotLike": {"ses:FromAddress": "*@example.com"}})
}

test_one_finding_per_condition_key if {
	conditional_deny.report == {
		finding(
			"ForAnyValue:StringNotLike", "ses:Recipients",
			"Deny of ses:SendEmail, ses:SendRawEmail applies when any value of ses:Recipients is not like any of \"*@example.com\", \"*@example.org\": a message with other recipients is refused as a whole, To, CC and BCC alike",
		),
		finding(
			"StringEquals", "SES:FromDisplayName",
			"Deny of ses:SendEmail, ses:SendRawEmail applies when SES:FromDisplayName is \"Marketing\": mail with this From display name is refused",
		),
		finding(
			"StringNotEqualsIfExists", "ses:FeedbackAddress",
			"Deny of ses:SendEmail, ses:SendRawEmail applies when ses:FeedbackAddress is absent or ses:FeedbackAddress is not \"bounces@example.com\": mail with another feedback (Return-Path) address is refused",
		),
	} with input as deny({
		"ForAnyValue:StringNotLike": {"ses:Recipients": ["*@example.com", "*@example.org"]},
		"StringEquals": {"SES:FromDisplayName": "Marketing"},
		"StringNotEqualsIfExists": {"ses:FeedbackAddress": "bounces@example.com"},
	})
}

test_global_keys_from_the_troubleshooting_article if {
	conditional_deny.report == {
		finding(
			"DateGreaterThan", "aws:CurrentTime",
			"Deny of ses:SendEmail, ses:SendRawEmail applies when aws:CurrentTime is after \"2030-01-01T00:00:00Z\": sending is refused during this time window",
		),
		finding(
			"NumericLessThan", "aws:EpochTime",
			"Deny of ses:SendEmail, ses:SendRawEmail applies when aws:EpochTime is less than 1564444800: sending is refused during this time window",
		),
		finding(
			"Bool", "aws:SecureTransport",
			"Deny of ses:SendEmail, ses:SendRawEmail applies when aws:SecureTransport is \"false\": requests made without TLS are refused",
		),
		finding(
			"NotIpAddress", "aws:SourceIp",
			"Deny of ses:SendEmail, ses:SendRawEmail applies when aws:SourceIp is not in any of \"192.0.2.0/24\", \"203.0.113.0/24\", \"198.51.100.7/32\" and 1 more: calls from other IP addresses are refused, and so are calls without aws:SourceIp (through a VPC endpoint) unless another condition exempts them",
		),
		finding(
			"StringNotLike", "aws:UserAgent",
			"Deny of ses:SendEmail, ses:SendRawEmail applies when aws:UserAgent is not like \"aws-sdk-go*\": calls from other clients are refused; the caller sets the User-Agent and it changes with SDK and library versions",
		),
	} with input as deny({
		"DateGreaterThan": {"aws:CurrentTime": "2030-01-01T00:00:00Z"},
		"NumericLessThan": {"aws:EpochTime": 1564444800},
		"Bool": {"aws:SecureTransport": "false"},
		"NotIpAddress": {"aws:SourceIp": ["192.0.2.0/24", "203.0.113.0/24", "198.51.100.7/32", "198.51.100.8/32"]},
		"StringNotLike": {"aws:UserAgent": "aws-sdk-go*"},
	})
}

test_other_keys_null_and_secure_transport_true if {
	conditional_deny.report == {
		finding(
			"Null", "aws:SourceVpce",
			"Deny of ses:SendEmail, ses:SendRawEmail applies when aws:SourceVpce is absent: requests without aws:SourceVpce are refused",
		),
		finding(
			"Bool", "aws:ViaAWSService",
			"Deny of ses:SendEmail, ses:SendRawEmail applies when aws:ViaAWSService is \"false\": calls the principal makes itself are refused; AWS services calling for it are exempt",
		),
		finding(
			"StringEquals", "aws:RequestedRegion",
			"Deny of ses:SendEmail, ses:SendRawEmail applies when aws:RequestedRegion is \"us-east-1\": sends for which this test holds are refused",
		),
		finding(
			"Bool", "aws:SecureTransport",
			"Deny of ses:SendEmail, ses:SendRawEmail applies when aws:SecureTransport is true: requests over TLS are refused, and every SES API call uses HTTPS: sending is blocked",
		),
	} with input as deny({
		"Null": {"aws:SourceVpce": "true"},
		"StringEquals": {"aws:RequestedRegion": "us-east-1"},
		"Bool": {"aws:SecureTransport": true, "aws:ViaAWSService": "false"},
	})
}

test_unconditional_allow_and_non_send_denies_pass if {
	# unconditional (SES202)
	count(conditional_deny.report) == 0 with input as deny({})

	# an Allow with a condition
	count(conditional_deny.report) == 0 with input as {"kind": "identity", "document": {"Statement": [{
		"Effect": "Allow", "Action": "ses:SendEmail", "Resource": "*",
		"Condition": {"StringLike": {"ses:FromAddress": "*@example.com"}},
	}]}}

	# a Deny of other actions, or on a non-SES resource
	count(conditional_deny.report) == 0 with input as {"kind": "identity", "document": {"Statement": [
		{
			"Effect": "Deny", "Action": "ses:DeleteEmailIdentity", "Resource": "*",
			"Condition": {"Bool": {"aws:MultiFactorAuthPresent": "false"}},
		},
		{
			"Effect": "Deny", "Action": "*", "Resource": "arn:aws:s3:::bucket/*",
			"Condition": {"Bool": {"aws:SecureTransport": "false"}},
		},
	]}}
}

test_boundary_is_checked_other_kinds_are_not if {
	count(conditional_deny.report) == 1 with input.kind as "boundary" with input.document as deny({"Bool": {"aws:SecureTransport": "false"}}).document
	every kind in ["scp", "sending-authorization", "resource"] {
		count(conditional_deny.report) == 0 with input.kind as kind with input.document as deny({"Bool": {"aws:SecureTransport": "false"}}).document
	}
}
