# METADATA
# title: Identity policy management allowed on every identity
# description: |
#   `ses:PutIdentityPolicy`, `ses:CreateEmailIdentityPolicy`,
#   `ses:UpdateEmailIdentityPolicy` and `ses:DeleteEmailIdentityPolicy`
#   write the sending authorization policies attached to SES identities.
#   Allowed on `"Resource": "*"`, they let the holder attach a policy to any
#   identity of the account that authorizes another AWS account to send as
#   it, or delete the policies delegated senders rely on. Grant them only to
#   the administrators of SES, on the identities they administer.
# related_resources:
#   - description: Sending authorization in Amazon SES
#     ref: https://docs.aws.amazon.com/ses/latest/dg/sending-authorization.html
#   - description: Amazon SES policy anatomy
#     ref: https://docs.aws.amazon.com/ses/latest/dg/policy-anatomy.html
# custom:
#   id: SES603
#   severity: warning
#   seed: "004"
#   security_severity: "7.5"
#   remediation: |
#     Remove the identity policy actions from the principal's policy, or
#     scope the v2 actions (`CreateEmailIdentityPolicy`,
#     `UpdateEmailIdentityPolicy`, `DeleteEmailIdentityPolicy`) to the
#     identity ARNs the principal administers and keep
#     `PutIdentityPolicy` (which takes no resource) for SES administrators.
#   example:
#     bad: |
#       {"Version": "2012-10-17", "Statement": [{"Effect": "Allow",
#         "Action": ["ses:SendEmail", "ses:PutIdentityPolicy"], "Resource": "*"}]}
#     good: |
#       {"Version": "2012-10-17", "Statement": [{"Effect": "Allow",
#         "Action": "ses:SendEmail", "Resource": "*"}]}
package seslint.rules.privilege.policy_management

import data.seslint.lib.policy
import data.seslint.lib.result

# policy_actions are the actions that write identity policies, in the
# order they are named.
policy_actions := [
	"PutIdentityPolicy",
	"CreateEmailIdentityPolicy",
	"UpdateEmailIdentityPolicy",
	"DeleteEmailIdentityPolicy",
]

report contains result.fail(rego.metadata.chain(), {
	"message": message(e.value, covered),
	"path": e.path,
}) if {
	input.kind == "identity"
	some st in policy.statements
	policy.allow(st)
	policy.resource_star(st)
	some e in policy.entries(st, "Action")
	matched := policy.ses_actions_matching(e.value)
	covered := [a | some a in policy_actions; a in matched]
	count(covered) > 0
}

report contains result.fail(rego.metadata.chain(), {
	"message": message("NotAction", covered),
	"path": array.concat(st.path, ["NotAction"]),
	"key": true,
}) if {
	input.kind == "identity"
	some st in policy.statements
	policy.allow(st)
	policy.resource_star(st)
	not policy.has_key(st.value, "Action")
	policy.has_key(st.value, "NotAction")
	actions := policy.actions(st)
	covered := [a | some a in policy_actions; a in actions]
	count(covered) > 0
}

message(what, covered) := sprintf("%s allows %s on every identity (\"Resource\": \"*\"): %s", [what, names(covered), why]) if {
	generic(what)
}

message(what, _) := sprintf("%s is allowed on every identity (\"Resource\": \"*\"): %s", [what, why]) if {
	not generic(what)
}

why := "the holder can attach a sending authorization policy that lets another AWS account send as your identities"

# generic is true for an entry that covers actions without naming them.
generic("NotAction")

generic(what) if policy.is_wildcard(what)

# names joins the actions as "ses:A, ses:B and ses:C".
names(covered) := concat(" and ", [x |
	some x in [
		concat(", ", array.slice(listed, 0, count(listed) - 1)),
		listed[count(listed) - 1],
	]
	x != ""
]) if {
	listed := [sprintf("ses:%s", [a]) | some a in covered]
}
