# METADATA
# title: Sending authorization policy larger than 4 KB
# description: |
#   SES accepts sending authorization policies of at most 4 KB (4096 bytes
#   of policy text). `PutIdentityPolicy` / `CreateEmailIdentityPolicy`
#   reject a larger one, the deployment fails, and the delegated sender is
#   never authorized.
# related_resources:
#   - description: Amazon SES policy anatomy (policy requirements)
#     ref: https://docs.aws.amazon.com/ses/latest/dg/policy-anatomy.html
#   - description: PutIdentityPolicy (Amazon SES API reference)
#     ref: https://docs.aws.amazon.com/ses/latest/APIReference/API_PutIdentityPolicy.html
# custom:
#   id: SES406
#   severity: error
#   seed: "004"
#   remediation: |
#     Shorten the policy: merge statements that differ only in their
#     principals into one statement listing the accounts, drop `Sid`s and
#     whitespace, or split the grants into several policies on the identity
#     (up to 20 per identity).
#   example:
#     bad: |
#       A 5 KB policy with one statement per delegated sender account.
#     good: |
#       {"Version": "2012-10-17", "Statement": [{"Effect": "Allow",
#         "Principal": {"AWS": ["111122223333", "444455556666"]},
#         "Action": ["ses:SendEmail", "ses:SendRawEmail"],
#         "Resource": "arn:aws:ses:us-east-1:123456789012:identity/example.com"}]}
package seslint.rules.authorization.size

import data.seslint.lib.result

# limit is the largest policy SES accepts, in bytes.
limit := 4096

report contains result.fail(rego.metadata.chain(), {
	"message": sprintf("sending authorization policy is %d bytes, over the 4 KB (%d bytes) SES accepts: SES rejects the policy", [input.size, limit]),
	"path": [],
}) if {
	input.kind == "sending-authorization"
	is_number(input.size)
	input.size > limit
}
