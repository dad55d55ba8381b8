package seslint.lib.policy_test

import data.seslint.lib.policy

test_as_list if {
	policy.as_list("a") == ["a"]
	policy.as_list(["a", "b"]) == ["a", "b"]
}

test_statements_array_and_object if {
	policy.statements == [{"path": ["Statement", 1], "value": {"Effect": "Deny"}, "actions": set()}] with input.document as {"Statement": ["junk", {"Effect": "Deny"}]}
	policy.statements == [{"path": ["Statement"], "value": {"Effect": "Allow", "Action": "ses:SendEmail"}, "actions": {"SendEmail"}}] with input.document as {"Statement": {"Effect": "Allow", "Action": "ses:SendEmail"}}
	policy.statements == [] with input.document as {"Version": "2012-10-17"}
}

test_entries_single_value_is_element_zero if {
	st := {"path": ["Statement", 0], "value": {"Action": "ses:SendEmail"}}
	policy.entries(st, "Action") == [{"value": "ses:SendEmail", "path": ["Statement", 0, "Action", 0]}]
}

test_action_matching_is_case_insensitive_with_wildcards if {
	policy.ses_actions_matching("SES:sendemail") == {"SendEmail"}
	policy.ses_actions_matching("ses:Send*Email") == {"SendEmail", "SendRawEmail", "SendTemplatedEmail", "SendBulkTemplatedEmail", "SendBulkEmail", "SendCustomVerificationEmail"}
	policy.ses_actions_matching("ses:Get?endQuota") == {"GetSendQuota"}
	count(policy.ses_actions_matching("*")) == count(policy.all_actions)
	count(policy.ses_actions_matching("ses:*")) == count(policy.all_actions)
	policy.ses_actions_matching("s3:GetObject") == set()
	policy.ses_actions_matching("ses:Send[Email") == set()
	policy.ses_actions_matching("ses:NoSuchThing") == set()
}

test_actions_honours_not_action if {
	st := {"path": ["Statement", 0], "value": {"NotAction": ["ses:Send*", "ses:Get*", "ses:List*"]}}
	acts := policy.actions(st)
	not "SendEmail" in acts
	"CreateEmailIdentity" in acts
	policy.covered_send_actions(st) == set()
}

test_covered_send_actions if {
	st := {"path": ["Statement", 0], "value": {"Action": ["ses:SendEmail", "ses:GetSendQuota"]}}
	policy.covered_send_actions(st) == {"SendEmail"}
}

test_parse_arn if {
	policy.parse_arn("arn:aws:ses:eu-west-1:123456789012:identity/example.com") == {
		"partition": "aws", "service": "ses", "region": "eu-west-1",
		"account": "123456789012", "resource": "identity/example.com",
	}
	policy.parse_arn("arn:aws:ses:us-east-1:123456789012:tenant/a:b").resource == "tenant/a:b"
	policy.parse_arn("arn:${AWS::Partition}:ses:us-east-1:${AWS::AccountId}:identity/${Domain}") == {
		"partition": "${AWS::Partition}", "service": "ses", "region": "us-east-1",
		"account": "${AWS::AccountId}", "resource": "identity/${Domain}",
	}
	not policy.parse_arn("identity/example.com")
}

test_conditions if {
	st := {"path": ["Statement", 0], "value": {"Condition": {"ForAllValues:StringLikeIfExists": {"ses:Recipients": "*@example.com"}}}}
	policy.conditions(st) == [{
		"operator": "ForAllValues:StringLikeIfExists", "base": "StringLike", "set": "ForAllValues",
		"key": "ses:Recipients", "lkey": "ses:recipients", "values": ["*@example.com"],
		"path": ["Statement", 0, "Condition", "ForAllValues:StringLikeIfExists", "ses:Recipients"],
	}]
	policy.conditions({"path": [], "value": {}}) == []
}

test_principals if {
	st := {"path": ["Statement", 0], "value": {"Principal": {"AWS": ["123456789012", "*"], "Service": "ses.amazonaws.com"}}}
	policy.principals(st) == [
		{"type": "AWS", "value": "123456789012", "path": ["Statement", 0, "Principal", "AWS", 0]},
		{"type": "AWS", "value": "*", "path": ["Statement", 0, "Principal", "AWS", 1]},
		{"type": "Service", "value": "ses.amazonaws.com", "path": ["Statement", 0, "Principal", "Service", 0]},
	]
	policy.public_principal(st)
	star := {"path": ["Statement", 0], "value": {"Principal": "*"}}
	policy.principals(star) == [{"type": "*", "value": "*", "path": ["Statement", 0, "Principal"]}]
	policy.public_principal(star)
}

test_symbolic if {
	policy.is_symbolic("arn:${AWS::Partition}:ses:${AWS::Region}:${AWS::AccountId}:identity/x")
	not policy.is_symbolic("arn:aws:ses:us-east-1:123456789012:identity/x")
}

test_is_action_name if {
	policy.is_action_name("ses:SendEmail")
	policy.is_action_name("SES:sendemail")
	not policy.is_action_name("ses:SendMail")
	not policy.is_action_name("ses:Send*")
	not policy.is_action_name("s3:GetObject")
	not policy.is_action_name("SendEmail")
}
