package seslint.rules.resource.domain_only_grant_test

import data.seslint.rules.resource.domain_only_grant

doc(resources) := {"kind": "identity", "document": {"Statement": [{"Effect": "Allow", "Action": ["ses:SendEmail", "ses:SendRawEmail"], "Resource": resources}]}}

attached(d) := object.union(d, {"attached": true})

domain_arn := "arn:aws:ses:eu-west-1:123456789012:identity/example.com"

address_arn := "arn:aws:ses:eu-west-1:123456789012:identity/noreply@example.com"

ids := [{"name": "example.com", "region": "", "place": 0}, {"name": "noreply@example.com", "region": "", "place": 1}]

noreply_message := "this grant names the domain identity example.com, but noreply@example.com is verified as an identity of its own: SES checks sends from it against identity/noreply@example.com, so they fail with 554 Access denied"

test_domain_only if {
	domain_only_grant.unit_report == {{
		"rule": "SES304",
		"document": 0,
		"path": ["Statement", 0, "Resource", 0],
		"message": noreply_message,
		"fix": sprintf("add %q to Resource", [address_arn]),
	}} with input as {"unit": {"documents": [doc(domain_arn)], "identities": ids}}
}

test_every_address_under_the_domain_in_one_finding if {
	domain_only_grant.unit_report == {{
		"rule": "SES304",
		"document": 0,
		"path": ["Statement", 0, "Resource", 1],
		"message": "this grant names the domain identity example.com, but billing@example.com, noreply@example.com are verified as identities of their own: SES checks sends from each against its own identity ARN, so they fail with 554 Access denied",
		"fix": "add \"arn:aws:ses:eu-west-1:123456789012:identity/billing@example.com\", \"arn:aws:ses:eu-west-1:123456789012:identity/noreply@example.com\" to Resource",
	}} with input as {"unit": {
		"documents": [doc(["arn:aws:ses:eu-west-1:123456789012:identity/example.org", domain_arn])],
		"identities": array.concat(ids, [
			{"name": "billing@example.com", "region": "", "place": 2},
			{"name": "news@mail.example.com", "region": "", "place": 3},
			{"name": "example.org", "region": "", "place": 4},
		]),
	}}
}

test_deploy_time_names if {
	domain_only_grant.unit_report == {{
		"rule": "SES304",
		"document": 0,
		"path": ["Statement", 0, "Resource", 0],
		"message": "this grant names the domain identity ${Domain}, but noreply@${Domain} is verified as an identity of its own: SES checks sends from it against identity/noreply@${Domain}, so they fail with 554 Access denied",
		"fix": "add \"arn:${AWS::Partition}:ses:${AWS::Region}:${AWS::AccountId}:identity/noreply@${Domain}\" to Resource",
	}} with input as {"unit": {
		"documents": [doc("arn:${AWS::Partition}:ses:${AWS::Region}:${AWS::AccountId}:identity/${Domain}")],
		"identities": [{"name": "${Domain}", "region": "", "place": 0}, {"name": "noreply@${Domain}", "region": "", "place": 1}],
	}}
}

test_address_or_wildcard_covered if {
	count(domain_only_grant.unit_report) == 0 with input as {"unit": {"documents": [doc([domain_arn, address_arn])], "identities": ids}}
	count(domain_only_grant.unit_report) == 0 with input as {"unit": {"documents": [doc([domain_arn, "arn:aws:ses:eu-west-1:123456789012:identity/*"])], "identities": ids}}
	count(domain_only_grant.unit_report) == 0 with input as {"unit": {"documents": [doc([domain_arn, "arn:aws:ses:eu-west-1:123456789012:identity/*@example.com"])], "identities": ids}}
	count(domain_only_grant.unit_report) == 0 with input as {"unit": {"documents": [doc([domain_arn, "*"])], "identities": ids}}
	count(domain_only_grant.unit_report) == 0 with input as {"unit": {"documents": [doc([domain_arn, "${SenderIdentityArn}"])], "identities": ids}}
}

test_address_granted_by_another_statement_or_policy_of_the_principal if {
	two := {"kind": "identity", "document": {"Statement": [
		{"Effect": "Allow", "Action": "ses:SendEmail", "Resource": domain_arn},
		{"Effect": "Allow", "Action": "ses:SendEmail", "Resource": address_arn},
	]}}
	count(domain_only_grant.unit_report) == 0 with input as {"unit": {"documents": [two], "identities": ids}}

	principal := {"name": "Mailer", "type": "AWS::IAM::Role", "policies": [0, 1], "boundary": -1, "boundary_ref": "", "place": 2}
	count(domain_only_grant.unit_report) == 0 with input as {"unit": {
		"documents": [attached(doc(domain_arn)), attached(doc(address_arn))],
		"principals": [principal],
		"identities": ids,
	}}

	# A second principal holding only the domain grant is still reported.
	domain_only_grant.unit_report == {{
		"rule": "SES304",
		"document": 0,
		"path": ["Statement", 0, "Resource", 0],
		"message": noreply_message,
		"fix": sprintf("add %q to Resource", [address_arn]),
	}} with input as {"unit": {
		"documents": [attached(doc(domain_arn)), attached(doc(address_arn))],
		"principals": [principal, {"name": "Other", "type": "AWS::IAM::Role", "policies": [0], "boundary": -1, "boundary_ref": "", "place": 3}],
		"identities": ids,
	}}
}

test_no_separate_address_or_no_domain_identity if {
	count(domain_only_grant.unit_report) == 0 with input as {"unit": {"documents": [doc(domain_arn)], "identities": [ids[0]]}}
	count(domain_only_grant.unit_report) == 0 with input as {"unit": {"documents": [doc(domain_arn)], "identities": [ids[1]]}}
}

test_only_send_grants_of_identity_policies if {
	count(domain_only_grant.unit_report) == 0 with input as {"unit": {
		"documents": [{"kind": "identity", "document": {"Statement": [{"Effect": "Allow", "Action": "ses:GetEmailIdentity", "Resource": domain_arn}]}}],
		"identities": ids,
	}}
	count(domain_only_grant.unit_report) == 0 with input as {"unit": {
		"documents": [{"kind": "identity", "document": {"Statement": [{"Effect": "Deny", "Action": "ses:SendEmail", "Resource": domain_arn}]}}],
		"identities": ids,
	}}
	count(domain_only_grant.unit_report) == 0 with input as {"unit": {"documents": [object.union(doc(domain_arn), {"kind": "boundary"})], "identities": ids}}
}

test_address_granted_fewer_actions_than_the_domain if {
	# "*" covers the address, but only for SendTemplatedEmail: SendEmail
	# and SendRawEmail from the address still fail.
	domain_only_grant.unit_report == {{
		"rule": "SES304",
		"document": 0,
		"path": ["Statement", 0, "Resource", 0],
		"message": noreply_message,
		"fix": sprintf("add %q to Resource", [address_arn]),
	}} with input as {"unit": {
		"documents": [{"kind": "identity", "document": {"Statement": [
			{"Effect": "Allow", "Action": ["ses:SendEmail", "ses:SendRawEmail"], "Resource": domain_arn},
			{"Effect": "Allow", "Action": "ses:SendTemplatedEmail", "Resource": "*"},
		]}}],
		"identities": ids,
	}}
}
