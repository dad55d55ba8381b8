# METADATA
# title: Public principal in a sending authorization policy
# description: |
#   A sending authorization policy that allows `"Principal": "*"` (or
#   `{"AWS": "*"}`) without a condition restricting the caller lets every
#   AWS account act on your identity: anyone can send email as your domain
#   or address, with your reputation and your bill. A condition on the
#   caller's account, organization, ARN or network (`aws:SourceAccount`,
#   `aws:SourceArn`, `aws:SourceOrgID`, `aws:SourceOrgPaths`,
#   `aws:PrincipalOrgID`, `aws:PrincipalOrgPaths`, `aws:PrincipalAccount`,
#   `aws:PrincipalArn`, `aws:SourceIp`, `aws:SourceVpc`, `aws:SourceVpce`,
#   `aws:VpcSourceIp`) is what makes `*` safe. `Null` checks, negated
#   operators (`StringNotEquals`, `NotIpAddress`: everyone but a few),
#   `...IfExists` and `ForAllValues:` (true when the key is absent) and
#   values of `*` or `0.0.0.0/0` restrict nothing.
# related_resources:
#   - description: Amazon SES policy anatomy
#     ref: https://docs.aws.amazon.com/ses/latest/dg/policy-anatomy.html
#   - description: Sending authorization policy examples
#     ref: https://docs.aws.amazon.com/ses/latest/dg/sending-authorization-policy-examples.html
# custom:
#   id: SES402
#   severity: error
#   security_severity: "8.6"
#   seed: "004"
#   remediation: |
#     Name the delegated sender's account, user or role in `Principal`
#     instead of `"*"`, or keep `"*"` only together with a condition that
#     pins the caller (for example `aws:SourceIp` to your mail relays, or
#     `aws:SourceVpce` to your VPC endpoint).
#   example:
#     bad: |
#       {"Version": "2012-10-17", "Statement": [{"Effect": "Allow",
#         "Principal": "*", "Action": "ses:SendRawEmail",
#         "Resource": "arn:aws:ses:us-east-1:123456789012:identity/example.com"}]}
#     good: |
#       {"Version": "2012-10-17", "Statement": [{"Effect": "Allow",
#         "Principal": {"AWS": "111122223333"}, "Action": "ses:SendRawEmail",
#         "Resource": "arn:aws:ses:us-east-1:123456789012:identity/example.com"}]}
package seslint.rules.authorization.public_principal

import data.seslint.lib.policy
import data.seslint.lib.result

# caller_keys are the condition keys that restrict who the caller is.
caller_keys := {
	"aws:sourceaccount", "aws:sourcearn", "aws:sourceorgid", "aws:sourceorgpaths",
	"aws:principalorgid", "aws:principalorgpaths", "aws:principalaccount", "aws:principalarn",
	"aws:sourceip", "aws:sourcevpc", "aws:sourcevpce", "aws:vpcsourceip",
}

# unrestricted_values match every caller.
unrestricted_values := {"*", "0.0.0.0/0", "::/0"}

report contains result.fail(rego.metadata.chain(), {
	"message": message(st),
	"path": p.path,
}) if {
	input.kind == "sending-authorization"
	some st in policy.statements
	policy.allow(st)
	some p in policy.principals(st)
	p.type in {"*", "AWS"}
	p.value == "*"
	not restricted(st)
}

# restricted is true when a condition of the statement pins the caller.
restricted(st) if {
	some c in policy.conditions(st)
	c.lkey in caller_keys
	pins(c)
	some v in c.values
	not v in unrestricted_values
}

# pins is true for a condition that holds only for the callers it names: not
# a Null check, a negated operator (everyone but the values), ...IfExists or
# ForAllValues: (true when the key is absent, as it is for most callers).
pins(c) if {
	c.base != "Null"
	not contains(c.base, "Not")
	not endswith(c.operator, "IfExists")
	c.set != "ForAllValues"
}

message(st) := sprintf("principal \"*\" with no condition pinning the caller (such as aws:SourceIp or aws:SourceVpce) lets any AWS account send email as this identity (%s)", [names(sends)]) if {
	sends := policy.actions(st) & {a | some a in policy.catalog.sending_authorization_actions}
	count(sends) > 0
}

message(st) := "principal \"*\" with no condition pinning the caller (such as aws:SourceIp or aws:SourceVpce) grants every AWS account this statement's actions on your identity" if {
	count(policy.actions(st) & {a | some a in policy.catalog.sending_authorization_actions}) == 0
}

names(actions) := concat(", ", sort([sprintf("ses:%s", [a]) | some a in actions]))
