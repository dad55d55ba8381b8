# METADATA
# title: Deny shadows every send action the policy allows
# description: |
#   An explicit Deny overrides any Allow. When a `Deny` without a
#   `Condition` covers every send action the Allow statements of the same
#   identity policy (or permissions boundary) grant, on every resource they
#   grant it for, the Allow is dead code: the policy reads as a send
#   permission, yet every send fails with "Unauthorized". For a role, user,
#   group or function of the same stack or module, the Allow statements of
#   all its identity policies are taken together, and a Deny in any of them
#   counts. The AWS troubleshooting article asks to look for such deny
#   statements. Reported at the Deny's `Effect`.
# related_resources:
#   - description: How do I resolve an "Unauthorized" error when I send emails in Amazon SES?
#     ref: https://repost.aws/knowledge-center/amazon-ses-send-email-unauthorized-error
#   - description: Policy evaluation logic (an explicit deny overrides any allow)
#     ref: https://docs.aws.amazon.com/IAM/latest/UserGuide/reference_policies_evaluation-logic.html
# custom:
#   id: SES208
#   severity: warning
#   seed: "000"
#   remediation: |
#     Decide which statement is right: remove the send actions from the
#     Deny (or give it a Condition that limits it to the requests it is
#     meant to stop), or remove the Allow if sending is really forbidden.
#   example:
#     bad: |
#       {"Version": "2012-10-17", "Statement": [
#         {"Effect": "Allow", "Action": ["ses:SendEmail", "ses:SendRawEmail"], "Resource": "*"},
#         {"Effect": "Deny", "Action": "ses:*", "Resource": "*"}]}
#     good: |
#       {"Version": "2012-10-17", "Statement": [
#         {"Effect": "Allow", "Action": ["ses:SendEmail", "ses:SendRawEmail"], "Resource": "*"},
#         {"Effect": "Deny", "Action": "ses:Delete*", "Resource": "*"}]}
package seslint.rules.send.deny_shadows_allow

import data.seslint.lib.policy
import data.seslint.lib.result
import data.seslint.lib.send
import data.seslint.lib.unit

# grants are the Allow statements that grant a send action.
grants := [st |
	some st in policy.statements
	policy.allow(st)
	count(policy.covered_send_actions(st)) > 0
]

# granted is every send action the policy allows.
granted := {a | some st in grants; some a in policy.covered_send_actions(st)}

# A boundary is not one of its principals' identity policies: its own
# Allow and Deny are still compared here when it is attached (SES502 looks
# at what it lets through for the principal). An attached identity policy
# is compared with the principal's other policies in unit_report.
report contains result.fail(rego.metadata.chain(), {
	"message": sprintf("this Deny without a Condition covers every send action the policy allows (%s): the Allow grants nothing and every send fails with Unauthorized", [send.describe(granted)]),
	"path": array.concat(st.path, ["Effect"]),
}) if {
	policy.identity_like
	not per_principal
	count(granted) > 0
	some st in policy.statements
	shadows(st, grants, granted)
}

per_principal if {
	input.attached
	input.kind == "identity"
}

# Across a principal's policies: a Deny in one of them shadows what all of
# them allow. Reported once per principal holding the Deny.
unit_report contains result.fail(rego.metadata.chain(), {
	"message": sprintf("this Deny without a Condition covers every send action %s's policies allow (%s): their Allow statements grant nothing and every send fails with Unauthorized", [unit.name(p), send.describe(all_granted)]),
	"document": k,
	"path": array.concat(st.path, ["Effect"]),
}) if {
	some p in input.unit.principals
	gs := [g.statement | some g in unit.grants(p)]
	all_granted := {a | some g in gs; some a in policy.covered_send_actions(g)}
	count(all_granted) > 0
	some k in p.policies
	input.unit.documents[k].kind == "identity"
	some st in unit.statements(k)
	shadows(st, gs, all_granted)
}

# shadows is true when st is an unconditional Deny that covers every send
# action granted by the Allow statements gs, on every resource they grant.
shadows(st, gs, granted_actions) if {
	policy.deny(st)
	not policy.conditional(st)
	send.identity_scope(st)
	count(granted_actions - policy.covered_send_actions(st)) == 0
	unit.deny_covers(st, gs)
}
