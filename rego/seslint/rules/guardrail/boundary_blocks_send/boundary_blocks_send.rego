# METADATA
# title: Permissions boundary does not allow what the principal's policies allow
# description: |
#   A permissions boundary caps what a role or user may do: an action is
#   allowed only when both its identity policies and its boundary allow it.
#   When the principal's policies allow send actions that its boundary
#   (defined in the same stack or module) does not allow, or denies, every
#   send fails with "Unauthorized" although the policies look right.
#   Reported when the boundary lets none of the allowed send actions
#   through, or blocks one the policies name explicitly
#   (`ses:SendRawEmail`); a boundary that only narrows a wildcard such as
#   `ses:*` is doing its job. Seeds 000-002: "check whether the action is
#   allowed in the IAM policy but not in the permissions boundary".
# related_resources:
#   - description: Permissions boundaries for IAM entities
#     ref: https://docs.aws.amazon.com/IAM/latest/UserGuide/access_policies_boundaries.html
# custom:
#   id: SES502
#   severity: error
#   seed: "000"
#   remediation: |
#     Add the send actions (ses:SendEmail, ses:SendRawEmail, ...) to an Allow
#     statement of the permissions boundary, or remove them from its Deny.
#   example:
#     bad: |
#       Boundary:
#         Type: AWS::IAM::ManagedPolicy
#         Properties:
#           PolicyDocument:
#             Statement: [{Effect: Allow, Action: ["s3:*", "logs:*"], Resource: "*"}]
#       Mailer:
#         Type: AWS::IAM::Role
#         Properties:
#           PermissionsBoundary: !Ref Boundary
#           Policies:
#             - PolicyName: send
#               PolicyDocument:
#                 Statement: [{Effect: Allow, Action: ["ses:SendEmail", "ses:SendRawEmail"], Resource: "*"}]
#     good: |
#       Boundary:
#         Type: AWS::IAM::ManagedPolicy
#         Properties:
#           PolicyDocument:
#             Statement: [{Effect: Allow, Action: ["s3:*", "logs:*", "ses:Send*"], Resource: "*"}]
package seslint.rules.guardrail.boundary_blocks_send

import data.seslint.lib.policy
import data.seslint.lib.result
import data.seslint.lib.send
import data.seslint.lib.unit

# A principal whose boundary is a document of the unit: reported when the
# boundary lets none of the send actions its policies allow through, or
# blocks a send action its policies name one by one (ses:SendRawEmail, as
# opposed to one that ses:* or ses:Send* happens to cover: a boundary is
# meant to cap those).
unit_report contains result.fail(rego.metadata.chain(), {
	"message": sprintf("the permissions boundary %s does not allow %s, which %s's policies allow: every such send fails with Unauthorized", [boundary_name(p), send.describe(blocked), unit.name(p)]),
	"place": p.place,
	"path": unit.boundary_path(p),
}) if {
	some p in input.unit.principals
	p.boundary >= 0
	decoded(p.boundary)
	gs := [g.statement | some g in unit.grants(p); send.identity_scope(g.statement)]
	wanted := {a | some st in gs; some a in policy.covered_send_actions(st)}
	count(wanted) > 0
	blocked := blocked_actions(wanted, unit.named_send(p), passes(p.boundary, gs))
	count(blocked) > 0
}

# blocked_actions is every wanted action when none passes the boundary,
# else the named ones that do not pass.
blocked_actions(wanted, _, passing) := wanted if count(wanted & passing) == 0

blocked_actions(wanted, named, passing) := (wanted & named) - passing if count(wanted & passing) > 0

# passes is what the boundary lets through for Allow statements gs: the
# send actions its Allow statements cover on a resource that can be an
# identity, less those an unconditional Deny covers on every resource gs
# grant on. A conditional Deny may not apply (SES203 names it).
passes(k, gs) := allowed - denied if {
	sts := unit.statements(k)
	allowed := {a |
		some st in sts
		policy.allow(st)
		send.identity_scope(st)
		some a in policy.covered_send_actions(st)
	}
	denied := {a |
		some st in sts
		policy.deny(st)
		not policy.conditional(st)
		send.identity_scope(st)
		unit.deny_covers(st, gs)
		some a in policy.covered_send_actions(st)
	}
}

# decoded is true when document k was read and has statements: a boundary
# that could not be parsed (SES100/SES101) or has none (SES105) is
# reported as such, not as blocking.
decoded(k) if count(unit.statements(k)) > 0

boundary_name(p) := input.unit.documents[p.boundary].owner if input.unit.documents[p.boundary].owner != ""

boundary_name(p) := p.boundary_ref if input.unit.documents[p.boundary].owner == ""
