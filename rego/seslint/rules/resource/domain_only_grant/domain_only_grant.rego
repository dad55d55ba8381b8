# METADATA
# title: Send grant names the domain identity, not the address verified on its own
# description: |
#   When an email address is verified as an identity of its own as well as
#   its domain, SES authorizes a send from that address against the
#   address identity's ARN. A grant scoped to the domain identity alone
#   (identity/example.com) then fails with "554 Access denied" for mail
#   from noreply@example.com, unless another Allow of the same policy (or,
#   for a role, user, group or function of the stack, of its other
#   policies) names the address. Seed 003, step 4: "if you verified the email
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
import data.seslint.lib.unit

# A Resource entry of a send grant that names a domain identity of the unit
# (identity/example.com), while an address under that domain is an
# identity of its own, and the Allow statements that apply together with
# the grant (the same policy, or for a principal of the unit all its
# policies) do not grant every send action of the grant on the address
# (its ARN, identity/*, or another pattern that can match it).
unit_report contains result.fail(rego.metadata.chain(), {
	"message": message(domain, addresses),
	"fix": sprintf("add %s to Resource", [concat(", ", [sprintf("%q", [address_arn(r.value, domain, a)]) | some a in addresses])]),
	"document": g.document,
	"path": r.path,
}) if {
	some g in grant.grants
	some r in grant.resources(g)
	domain := grant.identity_name(r.arn)
	not contains(domain, "@")
	domain in identities
	addresses := sort({a |
		some a in identities
		endswith(a, concat("", ["@", domain]))
		some ks in unit.contexts(g.document)
		count(g.actions - unit.allows_on(ks, concat("/", ["identity", a]))) > 0
	})
	count(addresses) > 0
}

# identities are the names of the identities the unit defines.
identities := {id.name | some id in input.unit.identities}

# address_arn is the grant's ARN with the address in place of the domain.
address_arn(arn, domain, address) := concat("", [substring(arn, 0, count(arn) - count(domain)), address])

message(domain, [address]) := sprintf("this grant names the domain identity %s, but %s is verified as an identity of its own: SES checks sends from it against identity/%s, so they fail with 554 Access denied", [domain, address, address])

message(domain, addresses) := sprintf("this grant names the domain identity %s, but %s are verified as identities of their own: SES checks sends from each against its own identity ARN, so they fail with 554 Access denied", [domain, concat(", ", addresses)]) if count(addresses) > 1
