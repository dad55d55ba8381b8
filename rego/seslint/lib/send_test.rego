package seslint.lib.send_test

import data.seslint.lib.send

test_describe_orders_send_actions_as_the_catalog if {
	send.describe({"SendRawEmail", "SendEmail"}) == "ses:SendEmail, ses:SendRawEmail"
	send.describe({"GetSendQuota", "SendBounce"}) == "ses:SendBounce, ses:GetSendQuota"
	send.describe({"SendEmail", "SendRawEmail", "SendTemplatedEmail", "SendBulkEmail", "SendBounce"}) == "ses:SendEmail, ses:SendRawEmail, ses:SendTemplatedEmail and 2 more send actions"
}

test_could_be_identity if {
	send.could_be_identity("*")
	send.could_be_identity("arn:aws:ses:eu-west-1:123456789012:identity/example.com")
	send.could_be_identity("arn:aws:SES:eu-west-1:123456789012:configuration-set/main")
	send.could_be_identity("arn:aws:s?s:*:*:*")
	send.could_be_identity("arn:*")
	send.could_be_identity("${IdentityArn}")
	send.could_be_identity("arn:${AWS::Partition}:ses:${AWS::Region}:${AWS::AccountId}:identity/${Domain}")
	send.could_be_identity("arn:aws:${Service}:us-east-1:123456789012:identity/x")
	not send.could_be_identity("arn:aws:s3:::bucket/*")
	not send.could_be_identity("arn:${AWS::Partition}:sns:${AWS::Region}:${AWS::AccountId}:topic")
	not send.could_be_identity("arn:aws:s[:*:*:*")
	not send.could_be_identity("identity/example.com")
	not send.could_be_identity(42)
}

test_identity_scope if {
	send.identity_scope({"path": ["Statement", 0], "value": {"Resource": ["arn:aws:s3:::b", "*"]}})
	send.identity_scope({"path": ["Statement", 0], "value": {"NotResource": "arn:aws:s3:::b"}})
	not send.identity_scope({"path": ["Statement", 0], "value": {"NotResource": ["arn:aws:s3:::b", "*"]}})
	not send.identity_scope({"path": ["Statement", 0], "value": {"Resource": "arn:aws:s3:::b"}})
	not send.identity_scope({"path": ["Statement", 0], "value": {}})
}

test_locations if {
	st := {"path": ["Statement", 2], "value": {"Action": ["s3:GetObject", "ses:Send*", "ses:SendEmail"]}}
	send.locations(st, {"SendEmail"}) == [
		{"path": ["Statement", 2, "Action", 1], "key": false, "value": "ses:Send*"},
		{"path": ["Statement", 2, "Action", 2], "key": false, "value": "ses:SendEmail"},
	]
	send.locations(st, {"GetSendQuota"}) == []
	send.locations({"path": ["Statement"], "value": {"NotAction": "iam:*"}}, {"SendEmail"}) == [{"path": ["Statement", "NotAction"], "key": true, "value": null}]
}

test_at if {
	send.at({"path": ["Statement", 0, "Action", 0], "key": false}, {"message": "m"}) == {"message": "m", "path": ["Statement", 0, "Action", 0]}
	send.at({"path": ["Statement", 0, "NotAction"], "key": true}, {"message": "m"}) == {"message": "m", "path": ["Statement", 0, "NotAction"], "key": true}
}

test_negated if {
	send.negated("StringNotLike")
	send.negated("NotIpAddress")
	not send.negated("StringLike")
	not send.negated("Null")
}
