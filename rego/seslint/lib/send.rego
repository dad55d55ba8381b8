# METADATA
# description: |
#   Helpers the send-permission rules (SES2xx) share: whether a statement
#   could apply to an SES identity, where a statement names the send actions
#   it covers, and how messages name a set of send actions.
package seslint.lib.send

import data.seslint.lib.policy

# describe names SES actions for a message, send actions in catalog order
# (ses:SendEmail first) and any other action after them in name order;
# more than four are cut to the first three and a count.
describe(acts) := concat(", ", names) if {
	names := ordered(acts)
	count(names) <= 4
}

describe(acts) := sprintf("%s and %d more send actions", [concat(", ", array.slice(names, 0, 3)), count(names) - 3]) if {
	names := ordered(acts)
	count(names) > 4
}

ordered(acts) := array.concat(
	[sprintf("ses:%s", [a]) | some a in policy.catalog.sending_actions; a in acts],
	[sprintf("ses:%s", [a]) | some a in sort(acts); not a in policy.send_actions],
)

# identity_scope is true when a statement could apply to an SES identity:
# a Resource that is "*", an SES ARN (wildcards allowed), an ARN whose
# service is a wildcard or a deploy-time value; or a NotResource that does
# not exclude everything.
identity_scope(st) if {
	some r in policy.as_list(st.value.Resource)
	could_be_identity(r)
}

identity_scope(st) if {
	not policy.has_key(st.value, "Resource")
	policy.has_key(st.value, "NotResource")
	not "*" in policy.as_list(st.value.NotResource)
}

# could_be_identity is true for a Resource value that may name an SES
# identity. Deploy-time values (${...}) are replaced by a placeholder first
# so that "arn:${AWS::Partition}:ses:..." still parses as an SES ARN.
could_be_identity(r) if r == "*"

could_be_identity(r) if {
	is_string(r)
	arn := policy.parse_arn(placeholder(r))
	service_could_be_ses(arn.service)
}

could_be_identity(r) if {
	is_string(r)
	not policy.parse_arn(placeholder(r))
	policy.is_symbolic(r)
}

could_be_identity(r) if {
	is_string(r)
	not policy.parse_arn(placeholder(r))
	startswith(r, "arn:")
	policy.is_wildcard(r)
}

# ("$$" is a literal "$" in a regex.replace replacement).
placeholder(r) := regex.replace(r, `\$\{[^}]*\}`, "$${x}") if is_string(r)

service_could_be_ses(s) if lower(s) == "ses"

service_could_be_ses(s) if policy.is_symbolic(s)

service_could_be_ses(s) if {
	not policy.is_symbolic(s)
	regex.match(`^[a-zA-Z0-9*?-]+$`, s)
	policy.is_wildcard(s)
	glob.match(lower(s), null, "ses")
}

# locations lists, in document order, where a statement names the actions
# of acts it covers: each Action entry that matches one of them, or the
# NotAction key (key: true) when the statement uses NotAction.
locations(st, acts) := [{"path": e.path, "key": false, "value": e.value} |
	some e in policy.entries(st, "Action")
	count(policy.ses_actions_matching(e.value) & acts) > 0
] if policy.has_key(st.value, "Action")

locations(st, _) := [{"path": array.concat(st.path, ["NotAction"]), "key": true, "value": null}] if {
	not policy.has_key(st.value, "Action")
	policy.has_key(st.value, "NotAction")
}

# at adds the path of a location (and "key": true when it is a key) to the
# details of a violation.
at(loc, details) := object.union(details, {"path": loc.path}) if not loc.key

at(loc, details) := object.union(details, {"path": loc.path, "key": true}) if loc.key

# negated is true for the condition operators that match when the value
# differs, and so also when the key is absent from the request.
negated(base) if base in {
	"StringNotEquals", "StringNotEqualsIgnoreCase", "StringNotLike",
	"NumericNotEquals", "DateNotEquals", "NotIpAddress", "ArnNotEquals", "ArnNotLike",
}
