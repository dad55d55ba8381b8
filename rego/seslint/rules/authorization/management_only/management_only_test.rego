package seslint.rules.authorization.management_only_test

import data.seslint.rules.authorization.management_only

identity_arn := "arn:aws:ses:us-east-1:123456789012:identity/example.com"

statement(principal, actions) := {
	"Effect": "Allow",
	"Principal": {"AWS": principal},
	"Action": actions,
	"Resource": identity_arn,
}

policy(statements, identity) := {"kind": "sending-authorization", "identity": identity, "document": {
	"Version": "2012-10-17",
	"Statement": statements,
}}

# The example policy of the SES "policy anatomy" page (seed 004).
test_seed_example_policy if {
	management_only.report == {{
		"rule": "SES409",
		"message": "grants account 123456789012 ses:CreateEmailIdentityPolicy, ses:DeleteEmailIdentity, ses:GetEmailIdentity and 2 more but none of the sending actions (ses:SendEmail, ses:SendRawEmail, ses:SendTemplatedEmail, ses:SendBulkTemplatedEmail): the delegated sender cannot send as this identity",
		"path": ["Statement", 0, "Action"],
	}} with input as policy(
		[statement(["123456789012"], [
			"ses:GetEmailIdentity", "ses:UpdateEmailIdentityPolicy", "ses:ListRecommendations",
			"ses:CreateEmailIdentityPolicy", "ses:DeleteEmailIdentity",
		])],
		"",
	)
}

test_first_statement_of_each_account if {
	management_only.report == {
		{
			"rule": "SES409",
			"message": "grants account 111122223333 ses:GetEmailIdentity, ses:PutEmailIdentityDkimAttributes but none of the sending actions (ses:SendEmail, ses:SendRawEmail, ses:SendTemplatedEmail, ses:SendBulkTemplatedEmail): the delegated sender cannot send as this identity",
			"path": ["Statement", 0, "Action"],
		},
		{
			"rule": "SES409",
			"message": "grants account 777788889999 ses:GetEmailIdentity but none of the sending actions (ses:SendEmail, ses:SendRawEmail, ses:SendTemplatedEmail, ses:SendBulkTemplatedEmail): the delegated sender cannot send as this identity",
			"path": ["Statement", 1, "Action"],
		},
	} with input as policy(
		[
			statement("arn:aws:iam::111122223333:role/ops", "ses:GetEmailIdentity"),
			statement(["111122223333", "444455556666", "777788889999"], "ses:GetEmailIdentity"),
			statement(["444455556666", "arn:aws:iam::111122223333:root"], "ses:PutEmailIdentityDkimAttributes"),
			statement("arn:aws:iam::444455556666:role/mailer", ["ses:SendRawEmail"]),
		],
		identity_arn,
	)
}

test_accounts_sharing_a_statement if {
	management_only.report == {{
		"rule": "SES409",
		"message": "grants accounts 111122223333, 444455556666 ses:GetEmailIdentity but none of the sending actions (ses:SendEmail, ses:SendRawEmail, ses:SendTemplatedEmail, ses:SendBulkTemplatedEmail): the delegated sender cannot send as this identity",
		"path": ["Statement", "Action"],
	}} with input as {"kind": "sending-authorization", "identity": "example.com", "document": {"Statement": statement(["111122223333", "444455556666"], "ses:GetEmailIdentity")}}
}

test_own_account_is_not_a_delegated_sender if {
	count(management_only.report) == 0 with input as policy([statement("123456789012", "ses:GetEmailIdentity")], identity_arn)
	count(management_only.report) == 0 with input as policy([statement("${OpsRoleArn}", "ses:GetEmailIdentity")], identity_arn)
}

test_senders_and_other_principals_pass if {
	count(management_only.report) == 0 with input as policy([statement("111122223333", ["ses:GetEmailIdentity", "ses:SendEmail"])], "")
	count(management_only.report) == 0 with input as policy([statement("111122223333", "ses:Send*")], "")
	count(management_only.report) == 0 with input as policy(
		[{
			"Effect": "Allow",
			"Principal": {"Service": "cognito-idp.amazonaws.com"},
			"Action": "ses:GetEmailIdentity",
			"Resource": identity_arn,
		}],
		"",
	)
	count(management_only.report) == 0 with input as policy([object.union(statement("111122223333", "ses:GetEmailIdentity"), {"Effect": "Deny"})], "")
	count(management_only.report) == 0 with input as policy([statement("111122223333", "ses:SendEmails")], "")
}

test_only_sending_authorization_policies if {
	count(management_only.report) == 0 with input as object.union(policy([statement("111122223333", "ses:GetEmailIdentity")], ""), {"kind": "resource"})
}
