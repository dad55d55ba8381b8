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
# related_resources:
#   - description: How do I resolve an "Unauthorized" error when I send emails in Amazon SES?
#     ref: https://repost.aws/knowledge-center/amazon-ses-send-email-unauthorized-error
#   - description: Amazon SES Regions and endpoints
#     ref: https://docs.aws.amazon.com/ses/latest/dg/regions.html
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

# A Resource entry of a send grant whose ARN writes a region (not a
# deploy-time value, not a wildcard) and names an identity the unit
# defines, when no definition of that identity is in that region. An
# identity defined without a region ("") is created where the stack or
# module is deployed: the grant then works only there.
unit_report contains result.fail(rego.metadata.chain(), object.union(
	{
		"message": message(region, name, regions),
		"document": g.document,
		"path": r.path,
	},
	fix(r.value, regions),
)) if {
	some g in grant.grants
	some r in grant.resources(g)
	name := grant.identity_name(r.arn)
	region := r.arn.region
	region != ""
	not policy.is_symbolic(region)
	not policy.is_wildcard(region)
	regions := {id.region | some id in input.unit.identities; id.name == name}
	count(regions) > 0
	not region in regions
}

message(region, name, regions) := sprintf("this grant hard-codes region %s, but identity %s is created in the region this stack or module is deployed to: sends are authorized only when that is %s", [region, name, region]) if "" in regions

message(region, name, regions) := sprintf("this grant hard-codes region %s, but identity %s is created in %s: SES authorizes sends against the identity in the endpoint's region, so they fail", [region, name, concat(" and ", sort(regions))]) if not "" in regions

# fix names the corrected ARN when the identity has one known region; the
# remediation (the deployment's region) otherwise.
fix(arn, regions) := {"fix": sprintf("write the identity's region: %q", [with_region(arn, r)])} if {
	[r] := [x | some x in regions]
	r != ""
} else := {}

# with_region is the ARN with its region part replaced.
with_region(arn, region) := concat(":", array.concat(array.concat(array.slice(p, 0, 3), [region]), array.slice(p, 4, count(p)))) if {
	p := policy.arn_parts(arn)
}
