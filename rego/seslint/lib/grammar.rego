# METADATA
# description: |
#   Helpers for the grammar rules: the element names IAM knows and "did you
#   mean" suggestions for names written in the wrong case or with one typo.
package seslint.lib.grammar

import data.seslint.lib.text

# document is the policy when it decoded to an object; rules about the
# document's shape stay silent otherwise (SES101/SES102 report it).
document := input.document if is_object(input.document)

# top_level_elements are the keys a policy document may hold.
top_level_elements := {"Version", "Id", "Statement"}

# statement_elements are the keys a statement may hold.
statement_elements := {
	"Sid", "Effect", "Principal", "NotPrincipal", "Action", "NotAction",
	"Resource", "NotResource", "Condition",
}

# principal_types are the keys of a Principal or NotPrincipal object.
principal_types := {"AWS", "Service", "Federated", "CanonicalUser"}

# base_operators are the IAM condition operators without a set prefix or
# the IfExists suffix.
base_operators := {
	"StringEquals", "StringNotEquals", "StringEqualsIgnoreCase",
	"StringNotEqualsIgnoreCase", "StringLike", "StringNotLike",
	"NumericEquals", "NumericNotEquals", "NumericLessThan",
	"NumericLessThanEquals", "NumericGreaterThan", "NumericGreaterThanEquals",
	"DateEquals", "DateNotEquals", "DateLessThan", "DateLessThanEquals",
	"DateGreaterThan", "DateGreaterThanEquals", "Bool", "BinaryEquals",
	"IpAddress", "NotIpAddress", "ArnEquals", "ArnLike", "ArnNotEquals",
	"ArnNotLike", "Null",
}

# condition_operators is every operator a Condition block may be keyed by:
# a base operator, ...IfExists (not for Null), each optionally prefixed by
# ForAllValues: or ForAnyValue:.
condition_operators := {concat("", [prefix, op, suffix]) |
	some prefix in ["", "ForAllValues:", "ForAnyValue:"]
	some op in base_operators
	some suffix in ["", "IfExists"]
	concat("", [op, suffix]) != "NullIfExists"
}

# known_operator is true for a condition operator IAM knows; names are
# compared without regard to case, so only real misspellings are reported.
# It parses the name rather than looking it up in condition_operators, which
# would be built on every evaluation.
known_operator(op) if {
	rest := without_set_prefix(lower(op))
	rest != "nullifexists"
	trim_suffix(rest, "ifexists") in lower_base_operators
}

without_set_prefix(l) := substring(l, 13, -1) if startswith(l, "forallvalues:")

without_set_prefix(l) := substring(l, 12, -1) if startswith(l, "foranyvalue:")

without_set_prefix(l) := l if {
	not startswith(l, "forallvalues:")
	not startswith(l, "foranyvalue:")
}

# lower_base_operators is base_operators in lower case, written out so it
# is a constant.
lower_base_operators := {
	"stringequals", "stringnotequals", "stringequalsignorecase",
	"stringnotequalsignorecase", "stringlike", "stringnotlike",
	"numericequals", "numericnotequals", "numericlessthan",
	"numericlessthanequals", "numericgreaterthan", "numericgreaterthanequals",
	"dateequals", "datenotequals", "datelessthan", "datelessthanequals",
	"dategreaterthan", "dategreaterthanequals", "bool", "binaryequals",
	"ipaddress", "notipaddress", "arnequals", "arnlike", "arnnotequals",
	"arnnotlike", "null",
}

# suggestion is the candidate a name was meant to be: the one equal to it
# but for case, else the one a typo away.
suggestion(word, candidates) := case_variant(word, candidates)

suggestion(word, candidates) := text.closest(word, candidates) if not case_variant(word, candidates)

case_variant(word, candidates) := c if {
	some c in candidates
	c != word
	lower(c) == lower(word)
}

# did_you_mean is ` (did you mean "X"?)` for a name with a suggestion, ""
# otherwise: append it to the name in a message.
did_you_mean(word, candidates) := sprintf(" (did you mean %q?)", [suggestion(word, candidates)])

default did_you_mean(_, _) := ""

# a_type names the JSON type of x with its article: "a number", "an
# object", "null".
a_type(x) := "null" if is_null(x)

a_type(x) := sprintf("%s %s", [article(type_name(x)), type_name(x)]) if not is_null(x)

article(t) := "an" if t in {"object", "array"}

article(t) := "a" if not t in {"object", "array"}
