# METADATA
# title: More than 20 sending authorization policies on one identity
# description: |
#   SES attaches at most 20 policies to an identity (seed 004, "Policy
#   requirements"); creating the 21st fails, and the delegated sender it was
#   meant for gets "Unauthorized". The policies of one identity are counted
#   across the stack, module or package (.seslint.yaml units: joins more).
# related_resources:
#   - description: Amazon SES policy anatomy
#     ref: https://docs.aws.amazon.com/ses/latest/dg/policy-anatomy.html
# custom:
#   id: SES408
#   severity: error
#   seed: "004"
#   remediation: |
#     Merge policies: one policy may hold several statements, one per
#     delegated sender, up to the 4 KB limit.
#   example:
#     bad: |
#       resource "aws_ses_identity_policy" "partner" {
#         count    = 21 # one policy per partner account
#         identity = aws_ses_domain_identity.main.arn
#         name     = "partner-${count.index}"
#         policy   = data.aws_iam_policy_document.partner[count.index].json
#       }
#     good: |
#       resource "aws_ses_identity_policy" "partners" {
#         identity = aws_ses_domain_identity.main.arn
#         name     = "partners"
#         policy   = data.aws_iam_policy_document.partners.json # a statement per partner
#       }
package seslint.rules.authorization.policy_count

import data.seslint.lib.result

# The documents of each identity, as [index, name] pairs (a policy written
# with Fn::If is two documents of one name: counted once).
by_identity[id] := docs if {
	some doc in input.unit.documents
	doc.kind == "sending-authorization"
	id := identity_name(doc.identity)
	id != ""
	docs := {[k, name(k)] |
		some k, d in input.unit.documents
		d.kind == "sending-authorization"
		identity_name(d.identity) == id
	}
}

# An identity is named by its ARN or by its name: both count as one.
identity_name(s) := lower(substring(s, i + 10, -1)) if {
	i := indexof(s, ":identity/")
	i >= 0
} else := lower(s)

name(k) := input.unit.documents[k].name if input.unit.documents[k].name != ""

name(k) := sprintf("#%d", [k]) if input.unit.documents[k].name == ""

unit_report contains result.fail(rego.metadata.chain(), {
	"message": sprintf("identity %s has %d sending authorization policies; SES attaches at most 20 to an identity, so creating this one (number %d in name order) fails", [input.unit.documents[k].identity, count(names), i + 1]),
	"document": k,
	"path": [],
	"at": "name",
}) if {
	some docs in by_identity
	names := {n | some d in docs; n := d[1]}
	count(names) > 20
	ordered := sort(names)
	some i, n in ordered
	i >= 20
	k := min({d[0] | some d in docs; d[1] == n})
}
