# METADATA
# title: Unconditional Deny of send actions
# description: |
#   A `Deny` statement without a `Condition` that covers a send action
#   (directly, through `ses:*`, `ses:Send*`, `*`, or a `NotAction` that does
#   not exclude it) on a resource that may be an SES identity overrides every
#   Allow: the users and roles holding this identity policy, or every
#   principal with this permissions boundary, get "Unauthorized" when they
#   send. When roles, users, groups or functions of the same stack or
#   module hold the policy (or have it as their boundary), the finding names
#   them. The AWS troubleshooting article lists such deny statements as a
#   cause of the error. SCPs are checked by SES501, sending authorization
#   policies by SES410.
# related_resources:
#   - description: How do I resolve an "Unauthorized" error when I send emails in Amazon SES?
#     ref: https://repost.aws/knowledge-center/amazon-ses-send-email-unauthorized-error
#   - description: Policy evaluation logic (an explicit deny overrides any allow)
#     ref: https://docs.aws.amazon.com/IAM/latest/UserGuide/reference_policies_evaluation-logic.html
# custom:
#   id: SES202
#   severity: error
#   seed: "000"
#   remediation: |
#     Remove the send actions from the Deny (list the actions to deny one by
#     one instead of `ses:*` or `*`, or add the send actions to its
#     `NotAction`), narrow its `Resource` to identities that must not send,
#     or add a `Condition` that limits the Deny to the requests it is meant
#     to stop.
#   example:
#     bad: |
#       {"Version": "2012-10-17", "Statement": [
#         {"Effect": "Allow", "Action": ["ses:SendEmail", "ses:SendRawEmail"], "Resource": "*"},
#         {"Effect": "Deny", "Action": "ses:*", "Resource": "*"}]}
#     good: |
#       {"Version": "2012-10-17", "Statement": [
#         {"Effect": "Allow", "Action": ["ses:SendEmail", "ses:SendRawEmail"], "Resource": "*"},
#         {"Effect": "Deny", "Action": ["ses:DeleteEmailIdentity", "ses:PutEmailIdentityDkimAttributes"],
#          "Resource": "*"}]}
package seslint.rules.send.deny_send

import data.seslint.lib.policy
import data.seslint.lib.result
import data.seslint.lib.send
import data.seslint.lib.unit

# denials are the unconditional Denies of send actions of the document.
denials contains d if {
	policy.identity_like
	some d in denials_in(policy.statements)
}

# denials_in are those of the statements sts (of an identity policy or a
# boundary).
denials_in(sts) := {{"statement": st, "blocked": blocked, "location": loc} |
	some st in sts
	policy.deny(st)
	not policy.conditional(st)
	blocked := policy.covered_send_actions(st)
	count(blocked) > 0
	send.identity_scope(st)
	loc := send.locations(st, blocked)[0]
}

report contains result.fail(rego.metadata.chain(), send.at(d.location, {"message": message(d.statement, d.blocked, holder[policy.kind])})) if {
	not input.attached
	some d in denials
}

# A policy held by principals of the unit names them.
unit_report contains result.fail(rego.metadata.chain(), object.union(
	send.at(d.location, {"message": message(d.statement, d.blocked, who)}),
	{"document": k},
)) if {
	some k, doc in input.unit.documents
	doc.attached
	doc.kind in {"identity", "boundary"}
	some d in denials_in(unit.statements(k))
	who := held_by(k)
}

# held_by names the principals holding document k as a policy or as their
# boundary, each once, with the verb.
held_by(k) := subject(names) if {
	names := sort({n | some n in array.concat(unit.holders(k), unit.bounded(k))})
	count(names) > 0
} else := holder[input.unit.documents[k].kind]

message(st, blocked, who) := sprintf("unconditional Deny of %s%s: %s refused these sends (Unauthorized), whatever the Allow statements grant", [
	send.describe(blocked),
	scope(st),
	who,
])

holder := {
	"identity": "every user and role holding this policy is",
	"boundary": "every principal with this permissions boundary is",
}

# subject names the principals holding a policy, with the verb.
subject(names) := sprintf("%s is", [names[0]]) if count(names) == 1

subject(names) := sprintf("%s and %s are", [concat(", ", array.slice(names, 0, count(names) - 1)), names[count(names) - 1]]) if count(names) > 1

# scope names the resource the Deny is limited to, if any.
scope(st) := "" if policy.resource_star(st)

scope(st) := "" if not policy.has_key(st.value, "Resource")

scope(st) := sprintf(" on %s", [r]) if {
	not policy.resource_star(st)
	r := [v | some v in policy.as_list(st.value.Resource); send.could_be_identity(v)][0]
}
