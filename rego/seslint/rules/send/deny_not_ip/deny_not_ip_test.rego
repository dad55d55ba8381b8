package seslint.rules.send.deny_not_ip_test

import data.seslint.rules.send.deny_not_ip

doc(kind, condition) := {"kind": kind, "document": {"Version": "2012-10-17", "Statement": [{
	"Effect": "Deny",
	"Action": "ses:*",
	"Resource": "*",
	"Condition": condition,
}]}}

both_gaps := concat("", [
	"Deny of ses:SendEmail, ses:SendRawEmail, ses:SendTemplatedEmail and 4 more send actions with NotIpAddress on aws:SourceIp also refuses ",
	"calls through a VPC endpoint (aws:SourceIp is absent there, so the negated test matches) and ",
	"calls AWS services make with the principal's credentials from their own addresses: those sends fail with Unauthorized",
])

vpc_fix := "add \"Null\": {\"aws:SourceVpce\": \"true\"} to the Condition (and restrict VPC callers with aws:SourceVpce or aws:VpcSourceIp)"

both_fixes := concat(" and ", [vpc_fix, "add \"Bool\": {\"aws:ViaAWSService\": \"false\"} to the Condition"])

test_not_ip_address_in_an_identity_policy if {
	deny_not_ip.report == {{
		"rule": "SES204",
		"message": both_gaps,
		"path": ["Statement", 0, "Condition", "NotIpAddress", "aws:SourceIp"],
		"key": true,
		"fix": both_fixes,
	}} with input as doc("identity", {"NotIpAddress": {"aws:SourceIp": ["192.0.2.0/24", "203.0.113.0/24"]}})
}

test_if_exists_does_not_help_and_keys_are_case_insensitive if {
	deny_not_ip.report == {{
		"rule": "SES204",
		"message": concat("", [
			"Deny of ses:SendEmail with NotIpAddressIfExists on AWS:SourceIP also refuses ",
			"calls through a VPC endpoint (aws:SourceIp is absent there, so the negated test matches): those sends fail with Unauthorized",
		]),
		"path": ["Statement", "Condition", "NotIpAddressIfExists", "AWS:SourceIP"],
		"key": true,
		"fix": vpc_fix,
	}} with input as {"kind": "boundary", "document": {"Statement": {
		"Effect": "Deny",
		"Action": "ses:SendEmail",
		"Resource": "*",
		"Condition": {
			"NotIpAddressIfExists": {"AWS:SourceIP": "192.0.2.0/24"},
			"Bool": {"aws:ViaAWSService": "false"},
		},
	}}}
}

test_sending_authorization_policy_has_only_the_vpc_gap if {
	deny_not_ip.report == {{
		"rule": "SES204",
		"message": concat("", [
			"Deny of ses:SendEmail, ses:SendRawEmail with NotIpAddress on aws:SourceIp also refuses ",
			"calls through a VPC endpoint (aws:SourceIp is absent there, so the negated test matches): those sends fail with Unauthorized",
		]),
		"path": ["Statement", 1, "Condition", "NotIpAddress", "aws:SourceIp"],
		"key": true,
		"fix": vpc_fix,
	}} with input as {"kind": "sending-authorization", "document": {"Statement": [
		{
			"Effect": "Allow",
			"Principal": {"AWS": "111122223333"},
			"Action": ["ses:SendEmail", "ses:SendRawEmail"],
			"Resource": "arn:aws:ses:us-east-1:123456789012:identity/example.com",
		},
		{
			"Effect": "Deny",
			"Principal": {"AWS": "111122223333"},
			"Action": ["ses:SendEmail", "ses:SendRawEmail"],
			"Resource": "arn:aws:ses:us-east-1:123456789012:identity/example.com",
			"Condition": {"NotIpAddress": {"aws:SourceIp": "198.51.100.0/24"}},
		},
	]}}
}

test_all_kinds_are_checked if {
	every kind in ["identity", "boundary", "scp", "sending-authorization", "resource"] {
		count(deny_not_ip.report) == 1 with input as doc(kind, {"NotIpAddress": {"aws:SourceIp": "192.0.2.0/24"}})
	}
}

test_exempted_or_harmless_conditions_pass if {
	# both gaps closed, as AWS's example plus a VPC endpoint exemption
	count(deny_not_ip.report) == 0 with input as doc("identity", {
		"NotIpAddress": {"aws:SourceIp": "192.0.2.0/24"},
		"Bool": {"aws:ViaAWSService": "false"},
		"Null": {"aws:SourceVpce": "true"},
	})

	# IpAddress (not negated), another key, an Allow, a Deny without send actions
	count(deny_not_ip.report) == 0 with input as doc("identity", {"IpAddress": {"aws:SourceIp": "192.0.2.0/24"}})
	count(deny_not_ip.report) == 0 with input as doc("identity", {"NotIpAddress": {"aws:VpcSourceIp": "10.0.0.0/8"}})
	count(deny_not_ip.report) == 0 with input as {"kind": "identity", "document": {"Statement": [{
		"Effect": "Allow", "Action": "ses:SendEmail", "Resource": "*",
		"Condition": {"NotIpAddress": {"aws:SourceIp": "192.0.2.0/24"}},
	}]}}
	count(deny_not_ip.report) == 0 with input as {"kind": "identity", "document": {"Statement": [{
		"Effect": "Deny", "Action": "s3:*", "Resource": "*",
		"Condition": {"NotIpAddress": {"aws:SourceIp": "192.0.2.0/24"}},
	}]}}
}
