package seslint.rules.authorization.size_test

import data.seslint.rules.authorization.size

policy(kind, bytes) := {"kind": kind, "size": bytes, "document": {"Version": "2012-10-17", "Statement": [{
	"Effect": "Allow",
	"Principal": {"AWS": "111122223333"},
	"Action": "ses:SendRawEmail",
	"Resource": "arn:aws:ses:us-east-1:123456789012:identity/example.com",
}]}}

test_policy_over_4_kb if {
	size.report == {{
		"rule": "SES406",
		"message": "sending authorization policy is 4097 bytes, over the 4 KB (4096 bytes) SES accepts: SES rejects the policy",
		"path": [],
	}} with input as policy("sending-authorization", 4097)
}

test_policy_of_4_kb_passes if {
	count(size.report) == 0 with input as policy("sending-authorization", 4096)
	count(size.report) == 0 with input as policy("sending-authorization", 312)
}

test_only_sending_authorization_policies if {
	count(size.report) == 0 with input as policy("identity", 5000)
	count(size.report) == 0 with input as policy("resource", 5000)
}

test_policy_that_could_not_be_decoded if {
	size.report == {{
		"rule": "SES406",
		"message": "sending authorization policy is 5000 bytes, over the 4 KB (4096 bytes) SES accepts: SES rejects the policy",
		"path": [],
	}} with input as {"kind": "sending-authorization", "size": 5000, "errors": [{"kind": "syntax", "message": "x", "fix": ""}]}
}
