# METADATA
# title: Deny of send actions in a sending authorization policy
# description: |
#   An explicit `Deny` always wins over an `Allow`. A Deny statement in a
#   sending authorization policy that covers a send action (directly, or
#   through `ses:*`, `ses:Send*`, `*` or `NotAction`) makes the delegated
#   senders it names fail with "Unauthorized" when they send as the
#   identity, whatever the rest of the policy allows; with a condition, only
#   the sends the condition matches fail. The AWS troubleshooting articles
#   for "Unauthorized" list exactly this: check the authorization policy for
#   explicit deny statements.
# related_resources:
#   - description: Resolve "Unauthorized" errors when sending email with Amazon SES
#     ref: https://repost.aws/knowledge-center/ses-unauthorized-error
#   - description: Policy evaluation logic (explicit deny)
#     ref: https://docs.aws.amazon.com/IAM/latest/UserGuide/reference_policies_evaluation-logic.html
# custom:
#   id: SES410
#   severity: warning
#   seed: "000"
#   remediation: |
#     Remove the Deny, or narrow it (fewer actions, a condition that matches
#     only the sends to block), and grant the delegated sender with Allow
#     statements only; restrict what it may send with `ses:FromAddress` or
#     `ses:Recipients` conditions on the Allow instead.
#   example:
#     bad: |
#       {"Version": "2012-10-17", "Statement": [{"Effect": "Deny",
#         "Principal": {"AWS": "111122223333"}, "Action": "ses:Send*",
#         "Resource": "arn:aws:ses:us-east-1:123456789012:identity/example.com"}]}
#     good: |
#       {"Version": "2012-10-17", "Statement": [{"Effect": "Allow",
#         "Principal": {"AWS": "111122223333"}, "Action": "ses:SendRawEmail",
#         "Resource": "arn:aws:ses:us-east-1:123456789012:identity/example.com",
#         "Condition": {"StringLike": {"ses:FromAddress": "*@example.com"}}}]}
package seslint.rules.authorization.deny_send

import data.seslint.lib.policy
import data.seslint.lib.result

# An Action entry of a Deny statement that covers send actions.
report contains result.fail(rego.metadata.chain(), {
	"message": message(st, subject(e.value, covered)),
	"path": e.path,
}) if {
	input.kind == "sending-authorization"
	some st in policy.statements
	policy.deny(st)
	some e in policy.entries(st, "Action")
	covered := policy.ses_actions_matching(e.value) & policy.send_actions
	count(covered) > 0
}

# A Deny with NotAction that leaves send actions covered.
report contains result.fail(rego.metadata.chain(), {
	"message": message(st, sprintf("Deny with NotAction covers %s", [names(covered)])),
	"path": array.concat(st.path, ["NotAction"]),
}) if {
	input.kind == "sending-authorization"
	some st in policy.statements
	policy.deny(st)
	not policy.has_key(st.value, "Action")
	policy.has_key(st.value, "NotAction")
	covered := policy.covered_send_actions(st)
	count(covered) > 0
}

message(st, what) := sprintf("%s: the principals it names get \"Unauthorized\" when they send as this identity, whatever the policy allows", [what]) if {
	not policy.conditional(st)
}

message(st, what) := sprintf("%s when %s matches: those sends as this identity fail with \"Unauthorized\"", [what, keys(st)]) if {
	policy.conditional(st)
}

# subject names the denied entry and, for a wildcard, the send actions it
# covers.
subject(action, covered) := sprintf("Deny of %s covers %s", [action, names(covered)]) if {
	policy.is_wildcard(action)
} else := sprintf("Deny of %s", [action])

names(actions) := concat(", ", sort([sprintf("ses:%s", [a]) | some a in actions]))

keys(st) := sprintf("its condition on %s", [concat(", ", sort({c.key | some c in policy.conditions(st)}))]) if {
	count(policy.conditions(st)) > 0
} else := "its condition"
