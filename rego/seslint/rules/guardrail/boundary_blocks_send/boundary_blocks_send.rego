# METADATA
# title: Permissions boundary does not allow what the principal's policies allow
# description: |
#   A permissions boundary caps what a role or user may do: an action is
#   allowed only when both its identity policies and its boundary allow it.
#   When the principal's policies allow send actions that its boundary
#   (defined in the same stack or module) does not allow, or denies, every
#   send fails with "Unauthorized" although the policies look right. Seeds
#   000-002: "check whether the action is allowed in the IAM policy but not
#   in the permissions boundary".
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

unit_report contains result.fail(rego.metadata.chain(), {
	"message": sprintf("the permissions boundary %s does not allow %s, which %s's policies allow: every such send fails with Unauthorized", [boundary_name(p), send.describe(blocked), unit.name(p)]),
	"place": p.place,
	"path": p.boundary_path,
}) if {
	some p in input.unit.principals
	p.boundary >= 0
	wanted := unit.allowed_send(p)
	count(wanted) > 0
	blocked := wanted - boundary_allows(p.boundary)
	count(blocked) > 0
}

# boundary_allows is what the boundary lets through: the send actions its
# Allow statements cover, less those an unconditional Deny covers.
boundary_allows(k) := allowed - denied if {
	sts := unit.statements(k)
	allowed := {a | some st in sts; policy.allow(st); some a in policy.covered_send_actions(st)}
	denied := {a | some st in sts; policy.deny(st); not policy.conditional(st); some a in policy.covered_send_actions(st)}
}

boundary_name(p) := sprintf("%s", [input.unit.documents[p.boundary].owner]) if input.unit.documents[p.boundary].owner != ""

boundary_name(p) := p.boundary_ref if input.unit.documents[p.boundary].owner == ""
