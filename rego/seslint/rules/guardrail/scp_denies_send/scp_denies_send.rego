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

scp := concat("", ["SCP", named]) if input.name == ""

scp := sprintf("SCP %q", [input.name]) if input.name != ""

named := sprintf(" %s", [input.owner]) if input.owner != ""

named := "" if input.owner == ""

report contains result.fail(rego.metadata.chain(), send.at(loc, {"message": sprintf(
	"%s denies %s for every principal of the accounts it applies to: their sends fail with Unauthorized, whatever their own policies allow",
	[scp, send.describe(blocked)],
)})) if {
	policy.kind == "scp"
	some st in policy.statements
	policy.deny(st)
	not policy.conditional(st)
	blocked := policy.covered_send_actions(st)
	count(blocked) > 0
	loc := send.locations(st, blocked)[0]
}

report contains result.fail(rego.metadata.chain(), send.at(loc, {
	"message": sprintf(
		"%s denies %s when %s: check that the accounts' senders never match it",
		[scp, send.describe(blocked), concat(", ", sort({c.key | some c in policy.conditions(st)}))],
	),
	"level": "note",
})) if {
	policy.kind == "scp"
	some st in policy.statements
	policy.deny(st)
	policy.conditional(st)
	blocked := policy.covered_send_actions(st)
	count(blocked) > 0
	loc := send.locations(st, blocked)[0]
}

# An allow-list SCP: its Allow statements name actions, and none covers a
# send action (an Allow of "*", FullAWSAccess, allows everything).
report contains result.fail(rego.metadata.chain(), {
	"message": sprintf("%s is an allow list that names no SES send action: in the accounts it applies to, every send fails with Unauthorized", [scp]),
	"path": first.path,
}) if {
	policy.kind == "scp"
	allows := [st | some st in policy.statements; policy.allow(st)]
	count(allows) > 0
	every st in allows {
		count(policy.covered_send_actions(st)) == 0
	}
	first := policy.entries(allows[0], "Action")[0]
}
