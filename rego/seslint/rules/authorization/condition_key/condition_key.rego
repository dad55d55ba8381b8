# METADATA
# title: Condition key not supported in a sending authorization policy
# description: |
#   SES evaluates only these global condition keys in sending authorization
#   policies: `aws:CurrentTime`, `aws:EpochTime`, `aws:SecureTransport`,
#   `aws:SourceIp`, `aws:SourceVpc`, `aws:SourceVpce`, `aws:UserAgent` and
#   `aws:VpcSourceIp`, plus its own `ses:` keys (`ses:FromAddress`,
#   `ses:Recipients`, `ses:FromDisplayName`, `ses:FeedbackAddress`). Any
#   other key (`aws:PrincipalOrgID`, `aws:RequestedRegion`,
#   `aws:ResourceTag/...`) is not implemented there, so the condition does
#   not restrict what the author meant it to. AWS's own guidance for Cognito
#   sending through SES uses `aws:SourceArn` and `aws:SourceAccount` with a
#   `Service` principal: they are accepted in statements with one. Keys are
#   case-insensitive.
# related_resources:
#   - description: Amazon SES policy anatomy (conditions)
#     ref: https://docs.aws.amazon.com/ses/latest/dg/policy-anatomy.html
#   - description: Email settings for Cognito user pools (SES sending authorization)
#     ref: https://docs.aws.amazon.com/cognito/latest/developerguide/user-pool-email.html
# custom:
#   id: SES405
#   severity: error
#   seed: "004"
#   remediation: |
#     Restrict the delegated sender with a key SES supports: the principal
#     itself, `aws:SourceIp`/`aws:SourceVpce` for the network, time keys, or
#     `ses:FromAddress`/`ses:Recipients` for what may be sent. Use
#     `aws:SourceArn`/`aws:SourceAccount` only with a `Service` principal.
#   example:
#     bad: |
#       {"Version": "2012-10-17", "Statement": [{"Effect": "Allow",
#         "Principal": {"AWS": "111122223333"}, "Action": "ses:SendRawEmail",
#         "Resource": "arn:aws:ses:us-east-1:123456789012:identity/example.com",
#         "Condition": {"StringEquals": {"aws:PrincipalOrgID": "o-a1b2c3d4e5"}}}]}
#     good: |
#       {"Version": "2012-10-17", "Statement": [{"Effect": "Allow",
#         "Principal": {"AWS": "111122223333"}, "Action": "ses:SendRawEmail",
#         "Resource": "arn:aws:ses:us-east-1:123456789012:identity/example.com",
#         "Condition": {"StringLike": {"ses:FromAddress": "*@example.com"}}}]}
package seslint.rules.authorization.condition_key

import data.seslint.lib.policy
import data.seslint.lib.result

# supported is the lower-case set of keys SES evaluates in identity policies.
supported := {lower(k) | some k in policy.catalog.identity_policy_condition_keys}

# service_keys are accepted in statements with a Service principal.
service_keys := {"aws:sourcearn", "aws:sourceaccount"}

report contains result.fail(rego.metadata.chain(), {
	"message": message(c),
	"path": c.path,
	"key": true,
}) if {
	input.kind == "sending-authorization"
	some st in policy.statements
	some c in policy.conditions(st)
	not policy.is_symbolic(c.key)
	not accepted(st, c.lkey)
}

accepted(_, key) if key in supported

accepted(_, key) if startswith(key, "ses:")

accepted(st, key) if {
	key in service_keys
	some p in policy.principals(st)
	p.type == "Service"
}

message(c) := sprintf("condition key %s is only accepted in a sending authorization policy for a Service principal (such as cognito-idp.amazonaws.com): name the service in Principal, or restrict the caller with the principal itself", [c.key]) if {
	c.lkey in service_keys
}

message(c) := sprintf("condition key %s is not supported in SES sending authorization policies, which implement only aws:CurrentTime, aws:EpochTime, aws:SecureTransport, aws:SourceIp, aws:SourceVpc, aws:SourceVpce, aws:UserAgent, aws:VpcSourceIp and ses: keys: SES does not set it when it evaluates the policy, so the condition does not work as written", [c.key]) if {
	not c.lkey in service_keys
}
