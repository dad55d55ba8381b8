# METADATA
# title: Permissions boundary of a sending principal cannot be checked
# description: |
#   The principal allows send actions and has a permissions boundary that is
#   not defined in the same stack or module (a managed policy ARN, a
#   parameter, an import), so seslint cannot check that the boundary allows
#   sending too. A note: check the boundary where it is defined. Seeds
#   000-002: a boundary that does not allow SES makes every send fail with
#   "Unauthorized".
# related_resources:
#   - description: Permissions boundaries for IAM entities
#     ref: https://docs.aws.amazon.com/IAM/latest/UserGuide/access_policies_boundaries.html
#   - description: How do I resolve an "Unauthorized" error when I send emails in Amazon SES?
#     ref: https://repost.aws/knowledge-center/amazon-ses-send-email-unauthorized-error
# custom:
#   id: SES503
#   severity: note
#   seed: "000"
#   remediation: |
#     Check that the boundary allows the send actions, or scan the stack or
#     module that defines it together with this one (units: in
#     .seslint.yaml).
#   example:
#     bad: |
#       Mailer:
#         Type: AWS::IAM::Role
#         Properties:
#           PermissionsBoundary: !Ref OrgBoundaryArn
#           Policies:
#             - PolicyName: send
#               PolicyDocument:
#                 Statement: [{Effect: Allow, Action: ses:SendEmail, Resource: "*"}]
#     good: |
#       Mailer:
#         Type: AWS::IAM::Role
#         Properties:
#           PermissionsBoundary: !Ref Boundary   # a managed policy of this template
package seslint.rules.guardrail.boundary_unresolved

import data.seslint.lib.result
import data.seslint.lib.send
import data.seslint.lib.unit

unit_report contains result.fail(rego.metadata.chain(), {
	"message": sprintf("%s allows %s but its permissions boundary %s is not defined here: check that it allows sending", [unit.name(p), send.describe(wanted), p.boundary_ref]),
	"place": p.place,
	"path": unit.boundary_path(p),
}) if {
	some p in input.unit.principals
	p.boundary == -1
	p.boundary_ref != ""
	wanted := unit.allowed_send(p)
	count(wanted) > 0
}
