# METADATA
# title: Deny shadows every send action the policy allows
# description: |
#   An explicit Deny overrides any Allow. When a `Deny` without a
#   `Condition` covers every send action the Allow statements of the same
#   identity policy (or permissions boundary) grant, on every resource they
#   grant it for, the Allow is dead code: the policy reads as a send
#   permission, yet every send fails with "Unauthorized". The AWS
#   troubleshooting article asks to look for such deny statements. Reported
#   at the Deny's `Effect`.
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

report contains result.fail(rego.metadata.chain(), {
	"message": sprintf("this Deny without a Condition covers every send action the policy allows (%s): the Allow grants nothing and every send fails with Unauthorized", [send.describe(granted)]),
	"path": array.concat(st.path, ["Effect"]),
}) if {
	policy.identity_like
	not input.attached
	count(granted) > 0
	some st in policy.statements
	shadows(st, grants, granted)
}

# Across a principal's policies: a Deny in one of them shadows what all of
# them allow.
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
	input.unit.documents[k].kind in {"identity", "boundary"}
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
	covers_granted_resources(st, gs)
}

# covers_granted_resources is true when the Deny applies to every resource
# an Allow grants send actions on: its Resource is "*", or each granted
# resource matches one of its patterns, or (NotResource) no granted
# resource is excluded.
covers_granted_resources(st, _) if policy.resource_star(st)

covers_granted_resources(st, gs) if {
	not policy.resource_star(st)
	policy.has_key(st.value, "Resource")
	every g in gs {
		policy.has_key(g.value, "Resource")
		every r in policy.as_list(g.value.Resource) {
			some p in policy.as_list(st.value.Resource)
			matches(p, r)
		}
	}
}

covers_granted_resources(st, gs) if {
	not policy.has_key(st.value, "Resource")
	policy.has_key(st.value, "NotResource")
	every g in gs {
		policy.has_key(g.value, "Resource")
		every r in policy.as_list(g.value.Resource) {
			is_string(r)
			not policy.is_wildcard(r)
			not policy.is_symbolic(r)
			not excluded(st, r)
		}
	}
}

excluded(st, r) if {
	some p in policy.as_list(st.value.NotResource)
	matches(p, r)
}

# matches is true when IAM resource pattern p (* and ? wildcards, case
# sensitive) matches r; deploy-time values only match themselves.
matches(p, r) if p == r

matches(p, r) if {
	is_string(p)
	is_string(r)
	not policy.is_symbolic(p)
	regex.match(`^[^\[\]{}\\!]*$`, p)
	glob.match(p, null, r)
}
