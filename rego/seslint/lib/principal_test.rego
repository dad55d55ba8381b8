package seslint.lib.principal_test

import data.seslint.lib.principal

test_valid_aws_principals if {
	principal.valid_aws("123456789012")
	principal.valid_aws(123456789012)
	principal.valid_aws("arn:aws:iam::123456789012:root")
	principal.valid_aws("arn:aws-cn:iam::123456789012:user/alice")
	principal.valid_aws("arn:aws:iam::123456789012:role/service-role/mailer.prod")
	principal.valid_aws("arn:aws:iam::${AWS::AccountId}:root")
	principal.valid_aws("${SenderRoleArn}")
}

test_invalid_aws_principals if {
	not principal.valid_aws("*")
	not principal.valid_aws("12345678901")
	not principal.valid_aws("arn:aws:iam::123456789012:group/senders")
	not principal.valid_aws("arn:aws:iam::123456789012:role/*")
	not principal.valid_aws("arn:aws:sts::123456789012:assumed-role/mailer/session")
	not principal.valid_aws("arn:aws:iam:us-east-1:123456789012:root")
	not principal.valid_aws("arn:aws:iam::123456789012:user/")
	not principal.valid_aws(true)
}

test_service_principals if {
	principal.valid_service("cognito-idp.amazonaws.com")
	principal.valid_service("cognito-idp.amazonaws.com.cn")
	principal.valid_service("${ServicePrincipal}")
	not principal.valid_service("cognito-idp")
	not principal.valid_service(".amazonaws.com")
	not principal.valid_service("*")
}

test_account if {
	principal.account("123456789012") == "123456789012"
	principal.account("arn:aws:iam::210987654321:role/mailer") == "210987654321"
	principal.account("arn:aws:iam::${AWS::AccountId}:root") == "${AWS::AccountId}"
	not principal.account("*")
}

test_identity_account_and_name if {
	principal.identity_account == "123456789012" with input.identity as "arn:aws:ses:eu-west-1:123456789012:identity/example.com"
	not principal.identity_account with input.identity as "example.com"
	not principal.identity_account with input.identity as "arn:aws:ses:eu-west-1:${AWS::AccountId}:identity/example.com"
	principal.identity_name(principal.identity_arn) == "example.com" with input.identity as "arn:aws:ses:eu-west-1:123456789012:identity/example.com"
}

test_foreign_account if {
	principal.foreign_account("210987654321") with input.identity as "arn:aws:ses:eu-west-1:123456789012:identity/example.com"
	not principal.foreign_account("arn:aws:iam::123456789012:root") with input.identity as "arn:aws:ses:eu-west-1:123456789012:identity/example.com"
	not principal.foreign_account("${SenderAccount}") with input.identity as "arn:aws:ses:eu-west-1:123456789012:identity/example.com"
	principal.foreign_account("123456789012") with input.identity as "example.com"
	principal.foreign_account("${SenderAccount}") with input.identity as ""
	not principal.foreign_account("*") with input.identity as ""
}

test_own_account_is_not_foreign if {
	not principal.foreign_account("${AWS::AccountId}")
	not principal.foreign_account("arn:aws:iam::${AWS::AccountId}:root")
	principal.foreign_account("111122223333")
}

test_symbolic_arn_parts_are_filled if {
	principal.valid_aws("arn:${AWS::Partition}:iam::${AWS::AccountId}:role/mailer")
	principal.valid_aws("${PartnerAccountId}")
	not principal.valid_aws("arn:aws:iam::${MarketingAccountId}:group/mailers")
}
