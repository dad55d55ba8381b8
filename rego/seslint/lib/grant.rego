# METADATA
# description: |
#   The send grants of a deployment unit: every Allow statement covering a
#   send action in an identity policy of the unit, with each Resource entry
#   parsed as an SES ARN where it is one.
package seslint.lib.grant

import data.seslint.lib.policy
import data.seslint.lib.unit

# grants are {document, statement, actions} for every Allow statement of an
# identity policy of the unit that covers a send action.
grants contains {"document": k, "statement": st, "actions": acts} if {
	some k, doc in input.unit.documents
	doc.kind == "identity"
	some st in unit.statements(k)
	policy.allow(st)
	acts := policy.covered_send_actions(st)
	count(acts) > 0
}

# resources lists a grant's Resource entries with their parsed ARN.
resources(g) := [{"value": e.value, "path": e.path, "arn": arn} |
	some e in policy.entries(g.statement, "Resource")
	is_string(e.value)
	arn := parsed(e.value)
]

parsed(v) := policy.parse_arn(v)

parsed(v) := {} if not policy.parse_arn(v)

# identity_name is the NAME of an identity ARN's resource (identity/NAME).
identity_name(arn) := substring(arn.resource, 9, -1) if {
	lower(arn.service) == "ses"
	startswith(arn.resource, "identity/")
}
