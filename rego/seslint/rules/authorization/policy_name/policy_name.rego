# METADATA
# title: Invalid sending authorization policy name
# description: |
#   SES policy names are at most 64 characters of letters, digits, `-` and
#   `_`. `PutIdentityPolicy` / `CreateEmailIdentityPolicy` reject any other
#   name (a space, a dot or a colon is a common slip), so the deployment
#   fails and the delegated sender is never authorized. Names built from
#   deploy-time values (`${...}`) are checked on their literal part only.
# related_resources:
#   - description: Amazon SES policy anatomy (policy requirements)
#     ref: https://docs.aws.amazon.com/ses/latest/dg/policy-anatomy.html
# custom:
#   id: SES407
#   severity: error
#   seed: "004"
#   remediation: |
#     Rename the policy with at most 64 letters, digits, `-` and `_`, for
#     example `AllowMarketingAccountSend`.
#   example:
#     bad: |
#       aws_ses_identity_policy with name = "allow sending.marketing"
#     good: |
#       aws_ses_identity_policy with name = "allow-sending-marketing"
package seslint.rules.authorization.policy_name

import data.seslint.lib.policy
import data.seslint.lib.result

# max_length is the longest policy name SES accepts.
max_length := 64

report contains result.fail(rego.metadata.chain(), {
	"message": sprintf("policy name %q %s: SES rejects the policy", [name, concat(" and ", problems)]),
	"path": [],
	"at": "name",
}) if {
	input.kind == "sending-authorization"
	name := object.get(input, "name", "")
	is_string(name)
	name != ""
	problems := [p | some p in [too_long(name), bad_characters(name)]; p != ""]
	count(problems) > 0
}

# literal is the name without its ${...} placeholders.
literal(name) := regex.replace(name, `\$\{[^}]*\}`, "")

too_long(name) := sprintf("is %d characters long (at most %d)", [count(name), max_length]) if {
	not policy.is_symbolic(name)
	count(name) > max_length
} else := sprintf("is over %d characters long even before its ${...} values are filled in", [max_length]) if {
	count(literal(name)) > max_length
} else := ""

bad_characters(name) := sprintf("contains %s (only letters, digits, - and _ are allowed)", [concat(" ", quoted)]) if {
	chars := {c | some c in regex.find_n(`[^A-Za-z0-9_-]`, literal(name), -1)}
	count(chars) > 0
	quoted := [sprintf("%q", [c]) | some c in sort(chars)]
} else := ""
