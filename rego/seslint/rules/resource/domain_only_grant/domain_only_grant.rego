# METADATA
# title: Send grant names the domain identity, not the address verified on its own
# description: |
#   When an email address is verified as an identity of its own as well as
#   its domain, SES authorizes a send from that address against the
#   address identity's ARN. A grant scoped to the domain identity alone
#   (identity/example.com) then fails with "554 Access denied" for mail
#   from noreply@example.com. Seed 003, step 4: "if you verified the email
#   address identity separately from the domain identity, set the Resource
#   element to the ARN of the email address identity".
# related_resources:
#   - description: Resolving "554 Access denied" errors (AWS Knowledge Center)
#     ref: https://repost.aws/knowledge-center/ses-554-access-denied-error
# custom:
#   id: SES304
#   severity: warning
#   seed: "003"
#   remediation: |
#     Add the address identity's ARN (arn:aws:ses:REGION:ACCOUNT:identity/
#     noreply@example.com) to the grant's Resource, or use identity/* — or
#     delete the separate address identity if the domain is enough.
#   example:
#     bad: |
#       Domain: {Type: AWS::SES::EmailIdentity, Properties: {EmailIdentity: example.com}}
#       Sender: {Type: AWS::SES::EmailIdentity, Properties: {EmailIdentity: noreply@example.com}}
#       # ... Resource: !Sub "arn:aws:ses:${AWS::Region}:${AWS::AccountId}:identity/example.com"
#     good: |
#       # ... Resource:
#       #   - !Sub "arn:aws:ses:${AWS::Region}:${AWS::AccountId}:identity/example.com"
#       #   - !Sub "arn:aws:ses:${AWS::Region}:${AWS::AccountId}:identity/noreply@example.com"
package seslint.rules.resource.domain_only_grant

import data.seslint.lib.grant
import data.seslint.lib.result

unit_report contains result.fail(rego.metadata.chain(), {
	"message": sprintf("this grant names the domain identity %s, but %s is verified as an identity of its own: SES checks sends from it against identity/%s, so they fail with 554 Access denied", [domain, address, address]),
	"document": g.document,
	"path": r.path,
}) if {
	some g in grant.grants
	rs := grant.resources(g)
	some r in rs
	domain := grant.identity_name(r.arn)
	some id in input.unit.identities
	id.name == domain
	not contains(domain, "@")
	some a in input.unit.identities
	address := a.name
	endswith(address, concat("", ["@", domain]))
	not covered(rs, address)
}

# covered is true when some Resource entry of the grant can match the
# address identity.
covered(rs, _) if {
	some r in rs
	r.value == "*"
}

covered(rs, address) if {
	some r in rs
	name := grant.identity_name(r.arn)
	glob.match(name, null, address)
}
