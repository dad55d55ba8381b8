# METADATA
# title: Send actions on any identity without a From address condition
# description: |
#   An Allow of send actions on `"Resource": "*"` with no `ses:FromAddress`
#   condition lets the holder send as any identity verified in the account,
#   in every region: a compromised application can then send as the
#   company's main domain or its billing address. This is what AWS's own
#   example policies do, so it is a note: scope the Resource to the
#   identities the principal sends from, or add a `ses:FromAddress`
#   condition, when the account holds identities the principal must not use.
# related_resources:
#   - description: Controlling access to Amazon SES (example policies)
#     ref: https://docs.aws.amazon.com/ses/latest/dg/control-user-access.html
# custom:
#   id: SES602
#   severity: note
#   seed: "000"
#   security_severity: "3.5"
#   remediation: |
#     Replace `"*"` with the ARNs of the identities the principal sends from
#     (`arn:aws:ses:REGION:ACCOUNT:identity/example.com`), or add a condition
#     on `ses:FromAddress` (`StringLike` with `*@example.com`).
#   example:
#     bad: |
#       {"Version": "2012-10-17", "Statement": [{"Effect": "Allow",
#         "Action": ["ses:SendEmail", "ses:SendRawEmail"], "Resource": "*"}]}
#     good: |
#       {"Version": "2012-10-17", "Statement": [{"Effect": "Allow",
#         "Action": ["ses:SendEmail", "ses:SendRawEmail"], "Resource": "*",
#         "Condition": {"StringLike": {"ses:FromAddress": "*@example.com"}}}]}
package seslint.rules.privilege.any_identity

import data.seslint.lib.policy
import data.seslint.lib.result

report contains result.fail(rego.metadata.chain(), {
	"message": sprintf("%s allowed on %s with no ses:FromAddress condition: the holder may send as any identity verified in the account", [phrase(sends), described(e.value)]),
	"path": e.path,
}) if {
	input.kind == "identity"
	some st in policy.statements
	policy.allow(st)
	sends := policy.covered_send_actions(st)
	count(sends) > 0
	not from_address_condition(st)
	some e in policy.entries(st, "Resource")
	any_identity(e.value)
}

# any_identity is true for a Resource that names every identity: "*", or an
# identity ARN whose name is a bare * (arn:aws:ses:REGION:ACCOUNT:identity/*).
any_identity("*")

any_identity(r) if {
	is_string(r)
	a := policy.parse_arn(r)
	lower(a.service) == "ses"
	a.resource == "identity/*"
}

from_address_condition(st) if {
	some c in policy.conditions(st)
	c.lkey == "ses:fromaddress"
}

# A Condition known only at deploy time may hold one.
from_address_condition(st) if {
	is_string(st.value.Condition)
	policy.is_symbolic(st.value.Condition)
}

# phrase names the send actions: all of them up to three, else the first
# two and how many more.
phrase(sends) := sprintf("ses:%s", [a]) if {
	[a] := ordered(sends)
}

phrase(sends) := concat(" and ", [
	concat(", ", [sprintf("ses:%s", [a]) | some a in array.slice(o, 0, count(o) - 1)]),
	sprintf("ses:%s", [o[count(o) - 1]]),
]) if {
	o := ordered(sends)
	count(o) in {2, 3}
}

phrase(sends) := sprintf("ses:%s, ses:%s and %d more send actions", [o[0], o[1], count(o) - 2]) if {
	o := ordered(sends)
	count(o) > 3
}

# ordered lists send actions in the catalog's order (SendEmail first).
ordered(sends) := [a | some a in policy.catalog.sending_actions; a in sends]

described("*") := "\"Resource\": \"*\""

described(r) := sprintf("%q (every identity)", [r]) if r != "*"
