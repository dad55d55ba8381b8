# METADATA
# title: Deny with NotIpAddress on aws:SourceIp blocks VPC endpoint and AWS service calls
# description: |
#   A `Deny` of send actions with `NotIpAddress` on `aws:SourceIp` is meant
#   to let only the listed networks send. But `aws:SourceIp` is absent from
#   requests that come through a VPC endpoint, and it holds an AWS address
#   when an AWS service calls SES with the principal's credentials. A
#   negated operator matches when the key is absent, and `IfExists` does
#   not change that, so the Deny also refuses senders in a VPC (behind an
#   interface endpoint for SES) and AWS services acting for the principal:
#   they get "Unauthorized". `aws:SourceIp` is in the AWS troubleshooting
#   article's list of conditions to check. In a sending authorization
#   policy SES sets none of the service keys, so only the VPC endpoint part
#   is reported there.
# related_resources:
#   - description: "AWS: Denies access to AWS based on the source IP"
#     ref: https://docs.aws.amazon.com/IAM/latest/UserGuide/reference_policies_examples_aws_deny-ip.html
#   - description: AWS global condition context keys (aws:SourceIp, aws:ViaAWSService, aws:SourceVpce)
#     ref: https://docs.aws.amazon.com/IAM/latest/UserGuide/reference_policies_condition-keys.html
#   - description: How do I resolve an "Unauthorized" error when I send emails in Amazon SES?
#     ref: https://repost.aws/knowledge-center/amazon-ses-send-email-unauthorized-error
# custom:
#   id: SES204
#   severity: warning
#   seed: "000"
#   remediation: |
#     Add `"Bool": {"aws:ViaAWSService": "false"}` to the Deny's Condition so
#     that calls AWS services make for the principal are not refused (not in
#     sending authorization policies, where SES does not set that key), and
#     `"Null": {"aws:SourceVpce": "true"}` so that calls through a VPC
#     endpoint are not refused (restrict those with `aws:SourceVpce` or
#     `aws:VpcSourceIp` instead).
#   example:
#     bad: |
#       {"Version": "2012-10-17", "Statement": [{"Effect": "Deny",
#         "Action": "ses:*", "Resource": "*",
#         "Condition": {"NotIpAddress": {"aws:SourceIp": "192.0.2.0/24"}}}]}
#     good: |
#       {"Version": "2012-10-17", "Statement": [{"Effect": "Deny",
#         "Action": "ses:*", "Resource": "*",
#         "Condition": {"NotIpAddress": {"aws:SourceIp": "192.0.2.0/24"},
#                       "Bool": {"aws:ViaAWSService": "false"},
#                       "Null": {"aws:SourceVpce": "true"}}}]}
package seslint.rules.send.deny_not_ip

import data.seslint.lib.policy
import data.seslint.lib.result
import data.seslint.lib.send

report contains result.fail(rego.metadata.chain(), {
	"message": sprintf("Deny of %s with %s on %s also refuses %s: those sends fail with Unauthorized", [send.describe(blocked), c.operator, c.key, gap_text]),
	"path": c.path,
	"key": true,
	"fix": concat(" and ", fixes),
}) if {
	some st in policy.statements
	policy.deny(st)
	blocked := policy.covered_send_actions(st)
	count(blocked) > 0
	send.identity_scope(st)
	some c in policy.conditions(st)
	c.lkey == "aws:sourceip"
	c.base == "NotIpAddress"
	gaps := [g | some g in ["vpc", "service"]; applies(g); not handled(st, g)]
	count(gaps) > 0
	gap_text := concat(" and ", [gap[g].message | some g in gaps])
	fixes := [gap[g].fix | some g in gaps]
}

gap := {
	"vpc": {
		"message": "calls through a VPC endpoint (aws:SourceIp is absent there, so the negated test matches)",
		"fix": "add \"Null\": {\"aws:SourceVpce\": \"true\"} to the Condition (and restrict VPC callers with aws:SourceVpce or aws:VpcSourceIp)",
	},
	"service": {
		"message": "calls AWS services make with the principal's credentials from their own addresses",
		"fix": "add \"Bool\": {\"aws:ViaAWSService\": \"false\"} to the Condition",
	},
}

# applies is true for the gaps of this kind of policy: SES does not set
# aws:ViaAWSService when it evaluates a sending authorization policy.
applies("vpc")

applies("service") if policy.kind != "sending-authorization"

# handled is true when the statement already exempts the requests of a gap:
# a condition on a VPC key exempts VPC endpoint calls, a Bool test of
# aws:ViaAWSService exempts AWS service calls.
handled(st, "vpc") if {
	some c in policy.conditions(st)
	c.lkey in {"aws:sourcevpce", "aws:sourcevpc", "aws:vpcsourceip", "aws:sourcevpcarn"}
}

handled(st, "service") if {
	some c in policy.conditions(st)
	c.lkey == "aws:viaawsservice"
}
