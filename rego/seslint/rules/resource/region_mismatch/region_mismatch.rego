# METADATA
# title: Send grant hard-codes another region than the identity's
# description: |
#   SES identities are regional: a send is authorized against the identity
#   in the region of the endpoint called, and SMTP credentials are region
#   specific. A grant whose ARN hard-codes a region different from where the
#   identity it names is created never matches, and sends fail with
#   "Unauthorized" or "554 Access denied". Seeds 000-002: "the sender must
#   use the same Amazon SES endpoint in the AWS Region where the identity
#   was verified".
# custom:
#   id: SES305
#   severity: warning
#   seed: "003"
#   remediation: |
#     Build the ARN from the deployment region (${AWS::Region} in
#     CloudFormation, data.aws_region in Terraform), or correct the region.
#   example:
#     bad: |
#       Resource: !Sub "arn:aws:ses:us-east-1:${AWS::AccountId}:identity/${SenderIdentity}"
#     good: |
#       Resource: !Sub "arn:aws:ses:${AWS::Region}:${AWS::AccountId}:identity/${SenderIdentity}"
package seslint.rules.resource.region_mismatch

import data.seslint.lib.grant
import data.seslint.lib.policy
import data.seslint.lib.result

unit_report contains result.fail(rego.metadata.chain(), {
	"message": message(r.arn.region, name, id.region),
	"document": g.document,
	"path": r.path,
}) if {
	some g in grant.grants
	some r in grant.resources(g)
	name := grant.identity_name(r.arn)
	region := r.arn.region
	not policy.is_symbolic(region)
	not policy.is_wildcard(region)
	region != ""
	some id in input.unit.identities
	id.name == name
	id.region != region
}

message(region, name, "") := sprintf("this grant hard-codes region %s, but identity %s is created in the region this stack or module is deployed to: sends are authorized only when that is %s", [region, name, region])

message(region, name, idregion) := sprintf("this grant hard-codes region %s, but identity %s is created in %s: SES authorizes sends against the identity in the endpoint's region, so they fail", [region, name, idregion]) if idregion != ""
