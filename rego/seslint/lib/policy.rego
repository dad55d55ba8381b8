# METADATA
# description: |
#   The policy grammar as IAM reads it: statements normalized to lists,
#   case-insensitive action matching with * and ?, NotAction and
#   NotResource, ARN, principal and condition parsing. Every helper returns
#   JSON paths into input.document so rules can report exact positions.
package seslint.lib.policy

import data.seslint.lib.catalog as catalog_sets

catalog := data.seslint.catalog

# kind is what the document is for: identity, boundary, scp,
# sending-authorization or resource. A rule for one kind tests
# `input.kind == "..."` itself: OPA indexes a package's rules on such
# tests of input, so the rules of other kinds are not entered at all.
kind := input.kind

# identity_like is true for documents attached to an IAM principal.
identity_like if kind in {"identity", "boundary"}

# as_list returns x as a list: IAM accepts a single value where a list is
# expected.
as_list(x) := x if is_array(x)

else := [x]

# has_key is true when object o holds key k (whatever its value, null too).
has_key(o, k) if {
	is_object(o)
	_ = o[k]
}

# statements lists every statement that is an object, with its path.
default statements := []

# Each entry also carries "actions", the SES actions the statement covers,
# computed once per evaluation (rules are cached, functions are not).
statements := [with_actions({"path": ["Statement", i], "value": st}) |
	some i, st in input.document.Statement
	is_object(st)
] if is_array(input.document.Statement)

statements := [with_actions({"path": ["Statement"], "value": input.document.Statement})] if is_object(input.document.Statement)

with_actions(st) := object.union(st, {"actions": compute_actions(st)})

# entries lists the values of a statement element (Action, Resource, ...)
# with their paths, a single value as element 0.
entries(st, key) := [{"value": v, "path": array.concat(st.path, [key, i])} |
	some i, v in as_list(st.value[key])
]

# allow and deny pick statements by effect.
allow(st) if st.value.Effect == "Allow"

deny(st) if st.value.Effect == "Deny"

# all_actions is every SES action name in the catalog.
all_actions := catalog_sets.all_actions

# send_actions is every sending action in the catalog.
send_actions := catalog_sets.send_actions

# split_action splits "service:Action" into lower-case service and action
# patterns; "*" alone matches every service.
split_action(pattern) := ["*", "*"] if pattern == "*"

split_action(pattern) := [lower(substring(pattern, 0, i)), lower(substring(pattern, i + 1, -1))] if {
	i := indexof(pattern, ":")
	i > 0
}

# is_action_name is true for an SES action written in full (in any case):
# one lookup, which lets rules pass over most Action entries at once.
is_action_name(s) if catalog_sets.action_names[lower(s)]

# is_wildcard is true for a pattern using * or ?.
is_wildcard(p) if contains(p, "*")

is_wildcard(p) if contains(p, "?")

# is_ses_pattern is true when the service part of pattern matches "ses".
is_ses_pattern(pattern) if {
	is_string(pattern)
	[svc, _] := split_action(pattern)
	regex.match(`^[a-z0-9*?-]+$`, svc)
	glob.match(svc, null, "ses")
}

# ses_actions_matching is the set of SES action names an action pattern
# matches: service and action are case-insensitive, * matches any run and
# ? one character. An action written in full, the common case, is one
# lookup.
ses_actions_matching(pattern) := {name} if {
	is_string(pattern)
	name := catalog_sets.action_names[lower(pattern)]
} else := set() if {
	not is_ses_pattern(pattern)
} else := all_actions if {
	[_, "*"] = split_action(pattern)
} else := {catalog.actions[name].name} if {
	[_, name] := split_action(pattern)
	not is_wildcard(name)
	catalog.actions[name]
} else := set() if {
	[_, name] := split_action(pattern)
	not is_wildcard(name)
} else := {a.name |
	some k, a in catalog.actions
	glob.match(name, null, k)
} if {
	[_, name] := split_action(pattern)
	regex.match(`^[a-z0-9*?]+$`, name)
} else := set()

# actions is the set of SES actions a statement covers: what its Action
# patterns match, or, with NotAction, every SES action the patterns do not
# match. Entries of statements carry it precomputed.
actions(st) := st.actions if has_key(st, "actions")

else := compute_actions(st)

compute_actions(st) := {a |
	some e in entries(st, "Action")
	some a in ses_actions_matching(e.value)
} if has_key(st.value, "Action")

else := all_actions - {a |
	some e in entries(st, "NotAction")
	some a in ses_actions_matching(e.value)
} if {
	has_key(st.value, "NotAction")
}

else := set()

# covered_send_actions is the set of sending actions a statement covers.
covered_send_actions(st) := actions(st) & send_actions

# resource_star is true when a statement's Resource is or holds "*".
resource_star(st) if {
	some r in as_list(st.value.Resource)
	r == "*"
}

# all_resources is true when a statement applies to every resource: a
# Resource of "*" (a NotResource excludes something, so it does not).
all_resources(st) if resource_star(st)

# conditional is true when a statement has a non-empty Condition.
conditional(st) if count(object.get(st.value, "Condition", {})) > 0

# conditions lists every condition of a statement as operator, base
# operator (without ForAllValues:/ForAnyValue: and IfExists), set prefix,
# key (as written), lower-case key, values and the path of the key.
conditions(st) := [c |
	some op, block in st.value.Condition
	is_object(block)
	some key, v in block
	c := {
		"operator": op,
		"base": base_operator(op),
		"set": set_prefix(op),
		"key": key,
		"lkey": lower(key),
		"values": as_list(v),
		"path": array.concat(st.path, ["Condition", op, key]),
	}
] if is_object(st.value.Condition)

else := []

# set_prefix is "ForAllValues", "ForAnyValue" or "" for a condition operator.
set_prefix(op) := p if {
	i := indexof(op, ":")
	i > 0
	p := substring(op, 0, i)
}

set_prefix(op) := "" if indexof(op, ":") < 0

# base_operator strips the set prefix and the IfExists suffix.
base_operator(op) := trim_suffix(after_colon(op), "IfExists")

after_colon(op) := substring(op, indexof(op, ":") + 1, -1) if indexof(op, ":") >= 0

after_colon(op) := op if indexof(op, ":") < 0

# is_symbolic is true for a value only known at deploy time: a
# CloudFormation ${...} substitution, a Terraform interpolation or a Go
# format verb the extractor replaced.
is_symbolic(s) if contains(s, "${")

# parse_arn splits an ARN into its parts; the resource keeps any colons,
# and a ${...} deploy-time value (${AWS::AccountId}) stays one part.
parse_arn(s) := {
	"partition": p[1],
	"service": p[2],
	"region": p[3],
	"account": p[4],
	"resource": concat(":", array.slice(p, 5, count(p))),
} if {
	is_string(s)
	p := arn_parts(s)
	count(p) >= 6
	p[0] == "arn"
}

# arn_parts splits an ARN at its colons, except those inside ${...}.
arn_parts(s) := split(s, ":") if plain_arn(s)

arn_parts(s) := [strings.replace_n({"\u001f": ":"}, x) | some x in split(protect_symbols(s), ":")] if {
	not plain_arn(s)
}

# plain_arn is true for a value with no ${...} (and no unit separator, which
# protect_symbols uses): its parts are what split finds.
plain_arn(s) if {
	not contains(s, "${")
	not contains(s, "\u001f")
}

protect_symbols(s) := strings.replace_n(
	{m: strings.replace_n({":": "\u001f"}, m) |
		some m in regex.find_n(`\$\{[^}]*\}`, s, -1)
	},
	s,
)

# principals lists the principals of a statement as type ("AWS",
# "Service", "Federated", "CanonicalUser", or "*" for a bare "*"), value and
# path.
principals(st) := [{"type": "*", "value": "*", "path": array.concat(st.path, ["Principal"])}] if st.value.Principal == "*"

else := [{"type": t, "value": v, "path": array.concat(st.path, ["Principal", t, i])} |
	some t, vs in st.value.Principal
	some i, v in as_list(vs)
] if {
	is_object(st.value.Principal)
}

else := []

# public_principal is true when a statement's principal includes everyone.
public_principal(st) if {
	some p in principals(st)
	p.value == "*"
}
