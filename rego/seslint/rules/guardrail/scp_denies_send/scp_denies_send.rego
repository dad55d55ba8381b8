# METADATA
# title: SCP denies sending, or leaves SES out of its allow list
# description: |
#   A service control policy applies to every principal of the accounts it
#   is attached to, whatever their own policies allow. A Deny of send
#   actions in an SCP makes every SendEmail of those accounts fail with
#   "Unauthorized"; an allow-list SCP (one that replaces FullAWSAccess with
#   Allow statements naming services) that names no SES send action does
#   the same. Seeds 000-002: "check for SCPs that explicitly deny Amazon SES
#   actions".
# related_resources:
#   - description: Service control policies (AWS Organizations)
#     ref: https://docs.aws.amazon.com/organizations/latest/userguide/orgs_manage_policies_scps.html
# custom:
#   id: SES501
#   severity: warning
#   seed: "000"
#   remediation: |
#     If the accounts this SCP applies to send mail, remove the send actions
#     from its Deny (or add a condition that exempts the sending roles, such
#     as aws:PrincipalArn), or add the send actions to its allow list.
#   example:
#     bad: |
#       {"Version": "2012-10-17", "Statement": [{"Effect": "Deny",
#         "Action": "ses:*", "Resource": "*"}]}
#     good: |
#       {"Version": "2012-10-17", "Statement": [{"Effect": "Deny",
#         "Action": ["ses:DeleteIdentity", "ses:DeleteEmailIdentity"], "Resource": "*"}]}
package seslint.rules.guardrail.scp_denies_send

import data.seslint.lib.policy
import data.seslint.lib.result
import data.seslint.lib.send

# An SCP needs nothing but itself, so this rule works per document
# (report): every document is evaluated on its own, in a unit or not, and
# an SCP is never attached to a principal, so each SCP is checked once,
# whether it comes from a stack, a module, a plain JSON file or Go source.

# scp names the SCP for messages: its name, else the resource that holds it.
scp := concat("", ["SCP", named]) if input.name == ""

scp := sprintf("SCP %q", [input.name]) if input.name != ""

named := sprintf(" %s", [input.owner]) if input.owner != ""

named := "" if input.owner == ""

# denies are the SCP's Deny statements that cover send actions on a
# resource that can be an identity.
denies contains {"statement": st, "blocked": blocked, "location": send.locations(st, blocked)[0]} if {
	input.kind == "scp"
	some st in policy.statements
	policy.deny(st)
	blocked := policy.covered_send_actions(st)
	count(blocked) > 0
	send.identity_scope(st)
}

report contains result.fail(rego.metadata.chain(), send.at(d.location, {"message": sprintf(
	"%s denies %s for every principal of the accounts it applies to: their sends fail with Unauthorized, whatever their own policies allow",
	[scp, send.describe(d.blocked)],
)})) if {
	some d in denies
	not policy.conditional(d.statement)
}

report contains result.fail(rego.metadata.chain(), send.at(d.location, {
	"message": sprintf(
		"%s denies %s when %s: check that the accounts' senders never match it",
		[scp, send.describe(d.blocked), concat(", ", sort({c.key | some c in policy.conditions(d.statement)}))],
	),
	"level": "note",
})) if {
	some d in denies
	policy.conditional(d.statement)
}

# An allow-list SCP: it has Allow statements, and none covers a send
# action (an Allow of "*", as FullAWSAccess, covers them all). Reported at
# the first Allow's first Action entry (its NotAction key if it has one).
report contains result.fail(rego.metadata.chain(), send.at(first, {
	"message": sprintf("%s is an allow list that names no SES send action: in the accounts it applies to, every send fails with Unauthorized (unless another SCP attached at the same level allows SES)", [scp]),
	"fix": "add the send actions (ses:SendEmail, ses:SendRawEmail, ...) to an Allow statement of the SCP",
})) if {
	input.kind == "scp"
	allows := [st | some st in policy.statements; policy.allow(st)]
	count(allows) > 0
	every st in allows {
		count(policy.covered_send_actions(st)) == 0
	}
	first := action_location(allows[0])
}

action_location(st) := {"path": e.path, "key": false} if {
	e := policy.entries(st, "Action")[0]
} else := {"path": array.concat(st.path, ["NotAction"]), "key": true} if {
	policy.has_key(st.value, "NotAction")
} else := {"path": array.concat(st.path, ["Effect"]), "key": false}
