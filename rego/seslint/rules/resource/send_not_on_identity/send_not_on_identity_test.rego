package seslint.rules.resource.send_not_on_identity_test

import data.seslint.rules.resource.send_not_on_identity

config_set := "arn:aws:ses:eu-west-1:123456789012:configuration-set/marketing"

identity := "arn:aws:ses:eu-west-1:123456789012:identity/example.com"

doc(kind, statements) := {"kind": kind, "document": {"Version": "2012-10-17", "Statement": statements}}

test_send_only_on_a_configuration_set if {
	send_not_on_identity.report == {{
		"rule": "SES303",
		"message": "ses:SendEmail and ses:SendRawEmail are allowed only on \"arn:aws:ses:eu-west-1:123456789012:configuration-set/marketing\", which is not an SES identity: SES authorizes each send on the sending identity's ARN, so the call fails with 554 Access denied",
		"path": ["Statement", 0, "Resource", 0],
		"fix": "add the sending identity's ARN to Resource, e.g. \"arn:aws:ses:eu-west-1:123456789012:identity/example.com\"",
	}} with input as doc("identity", [{
		"Effect": "Allow",
		"Action": ["ses:SendEmail", "ses:SendRawEmail"],
		"Resource": config_set,
	}])
}

test_each_statement_and_only_the_actions_missing if {
	send_not_on_identity.report == {
		{
			"rule": "SES303",
			"message": "ses:SendTemplatedEmail and ses:SendBulkTemplatedEmail are allowed only on \"arn:aws:ses:eu-west-1:123456789012:template/welcome\" and 1 more, none of them an SES identity: SES authorizes each send on the sending identity's ARN, so the call fails with 554 Access denied",
			"path": ["Statement", 1, "Resource", 0],
			"fix": "add the sending identity's ARN to Resource, e.g. \"arn:aws:ses:eu-west-1:123456789012:identity/example.com\"",
		},
		{
			"rule": "SES303",
			"message": "ses:SendTemplatedEmail is allowed only on \"arn:aws:s3:::mail-templates/*\", which is not an SES identity: SES authorizes each send on the sending identity's ARN, so the call fails with 554 Access denied",
			"path": ["Statement", 2, "Resource", 0],
			"fix": "add the sending identity's ARN (arn:aws:ses:REGION:ACCOUNT:identity/NAME) to Resource",
		},
	} with input as doc("boundary", [
		{"Effect": "Allow", "Action": "ses:SendEmail", "Resource": identity},
		{"Effect": "Allow", "Action": ["ses:SendEmail", "ses:SendTemplatedEmail", "ses:SendBulkTemplatedEmail"], "Resource": ["arn:aws:ses:eu-west-1:123456789012:template/welcome", config_set]},
		{"Effect": "Allow", "Action": "ses:SendTemplatedEmail", "Resource": "arn:aws:s3:::mail-templates/*"},
	])
}

test_identity_grant_elsewhere_passes if {
	count(send_not_on_identity.report) == 0 with input as doc("identity", [
		{"Effect": "Allow", "Action": ["ses:SendEmail", "ses:SendRawEmail"], "Resource": [identity, config_set]},
		{"Effect": "Allow", "Action": "ses:SendRawEmail", "Resource": config_set},
	])
}

test_resources_that_can_be_identities_pass if {
	every resource in [
		"*",
		"arn:aws:ses:*:*:*",
		"arn:aws:ses:eu-west-1:123456789012:identity/*",
		"arn:${AWS::Partition}:ses:${AWS::Region}:${AWS::AccountId}:identity/${Domain}",
		"${SenderIdentityArn}",
		"arn:aws:ses:eu-west-1:123456789012:example.com",
	] {
		count(send_not_on_identity.report) == 0 with input as doc("identity", [{"Effect": "Allow", "Action": "ses:SendEmail", "Resource": resource}])
	}
	count(send_not_on_identity.report) == 0 with input as doc("identity", [{"Effect": "Allow", "Action": "ses:SendEmail", "NotResource": config_set}])
}

test_management_wildcards_deny_and_other_kinds_pass if {
	count(send_not_on_identity.report) == 0 with input as doc("identity", [
		{"Effect": "Allow", "Action": "ses:*", "Resource": "arn:aws:ses:eu-west-1:123456789012:configuration-set/*"},
		{"Effect": "Allow", "Action": "ses:SendCustomVerificationEmail", "Resource": "arn:aws:ses:eu-west-1:123456789012:custom-verification-email-template/welcome"},
		{"Effect": "Deny", "Action": "ses:SendEmail", "Resource": config_set},
	])
	count(send_not_on_identity.report) == 0 with input as doc("sending-authorization", [{
		"Effect": "Allow", "Principal": {"AWS": "111122223333"},
		"Action": "ses:SendEmail", "Resource": config_set,
	}])
}

unit_doc(statement) := {"kind": "identity", "attached": true, "document": {"Version": "2012-10-17", "Statement": [statement]}}

test_identity_grant_in_another_policy_of_the_principal_passes if {
	count(send_not_on_identity.report) == 0 with input as unit_doc({"Effect": "Allow", "Action": "ses:SendEmail", "Resource": "arn:aws:ses:eu-west-1:123456789012:configuration-set/events"})
	count(send_not_on_identity.unit_report) == 0 with input as {"unit": {
		"documents": [
			unit_doc({"Effect": "Allow", "Action": "ses:SendEmail", "Resource": "arn:aws:ses:eu-west-1:123456789012:configuration-set/events"}),
			unit_doc({"Effect": "Allow", "Action": "ses:SendEmail", "Resource": "arn:aws:ses:eu-west-1:123456789012:identity/example.com"}),
		],
		"principals": [{"name": "Mailer", "type": "AWS::IAM::Role", "policies": [0, 1], "boundary": -1, "boundary_ref": "", "place": 0}],
	}}
}

test_principal_without_identity_grant if {
	count(send_not_on_identity.unit_report) == 1 with input as {"unit": {
		"documents": [unit_doc({"Effect": "Allow", "Action": "ses:SendEmail", "Resource": "arn:aws:ses:eu-west-1:123456789012:configuration-set/events"})],
		"principals": [{"name": "Mailer", "type": "AWS::IAM::Role", "policies": [0], "boundary": -1, "boundary_ref": "", "place": 0}],
	}}
}
