package seslint.rules.authorization.policy_name_test

import data.seslint.rules.authorization.policy_name

policy(kind, name) := {"kind": kind, "name": name, "document": {"Version": "2012-10-17", "Statement": [{
	"Effect": "Allow",
	"Principal": {"AWS": "111122223333"},
	"Action": "ses:SendRawEmail",
	"Resource": "arn:aws:ses:us-east-1:123456789012:identity/example.com",
}]}}

long_name := concat("", [x | some _ in numbers.range(1, 13); x := "Allow"])

test_name_with_space_and_dot if {
	policy_name.report == {{
		"rule": "SES407",
		"message": "policy name \"allow sending.marketing\" contains \" \" \".\" (only letters, digits, - and _ are allowed): SES rejects the policy",
		"path": [],
		"at": "name",
	}} with input as policy("sending-authorization", "allow sending.marketing")
}

test_name_too_long if {
	policy_name.report == {{
		"rule": "SES407",
		"message": sprintf("policy name %q is 65 characters long (at most 64): SES rejects the policy", [long_name]),
		"path": [],
		"at": "name",
	}} with input as policy("sending-authorization", long_name)
}

test_name_too_long_and_bad_characters if {
	name := concat("", [long_name, ":x"])
	policy_name.report == {{
		"rule": "SES407",
		"message": sprintf("policy name %q is 67 characters long (at most 64) and contains \":\" (only letters, digits, - and _ are allowed): SES rejects the policy", [name]),
		"path": [],
		"at": "name",
	}} with input as policy("sending-authorization", name)
}

test_symbolic_name_checks_its_literal_part if {
	count(policy_name.report) == 0 with input as policy("sending-authorization", "${AWS::StackName}-send")
	policy_name.report == {{
		"rule": "SES407",
		"message": "policy name \"${AWS::StackName} send\" contains \" \" (only letters, digits, - and _ are allowed): SES rejects the policy",
		"path": [],
		"at": "name",
	}} with input as policy("sending-authorization", "${AWS::StackName} send")
}

test_valid_and_unknown_names_pass if {
	count(policy_name.report) == 0 with input as policy("sending-authorization", "Allow_Marketing-Send01")
	count(policy_name.report) == 0 with input as policy("sending-authorization", substring(long_name, 0, 64))
	count(policy_name.report) == 0 with input as policy("sending-authorization", "")
}

test_only_sending_authorization_policies if {
	count(policy_name.report) == 0 with input as policy("identity", "allow sending.marketing")
	count(policy_name.report) == 0 with input as policy("resource", long_name)
}
