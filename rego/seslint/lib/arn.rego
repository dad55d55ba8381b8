# METADATA
# description: |
#   SES ARNs as IAM matches them: arn:PARTITION:ses:REGION:ACCOUNT:TYPE/NAME,
#   with * and ? wildcards in any part (a * ending a part also runs across
#   the following colons) and ${...} deploy-time values. problem() says what
#   makes an SES ARN malformed; could_be_identity() and not_identity() tell
#   whether a Resource value can name a sending identity.
package seslint.lib.arn

import data.seslint.lib.catalog as catalog_sets
import data.seslint.lib.policy
import data.seslint.lib.text

catalog := data.seslint.catalog

# types is the set of SES resource type names (identity, configuration-set,
# template, ...).
types := catalog_sets.resource_types

partitions := catalog_sets.partitions

# is_arn is true for a string written as an ARN.
is_arn(s) if {
	is_string(s)
	startswith(s, "arn:")
}

# parts splits an ARN at its colons, except those inside ${...}
# (${AWS::Partition} is one part).
parts(s) := policy.arn_parts(s)

# is_ses is true for an ARN whose service part is ses, in any case.
is_ses(s) if {
	is_arn(s)
	p := parts(s)
	count(p) >= 3
	lower(p[2]) == "ses"
}

# resource is the part after the fifth colon (colons included); undefined
# when the ARN has fewer parts.
resource(s) := concat(":", array.slice(p, 5, count(p))) if {
	p := parts(s)
	count(p) >= 6
}

# has_wildcard is true for a value using * or ?.
has_wildcard(s) if contains(s, "*")

has_wildcard(s) if contains(s, "?")

# literal_prefix is the part of a pattern before its first wildcard.
literal_prefix(s) := substring(s, 0, min([i |
	some c in ["*", "?"]
	i := indexof(s, c)
	i >= 0
])) if has_wildcard(s)

literal_prefix(s) := s if not has_wildcard(s)

# matches is true when the IAM pattern (* any run, ? one character, nothing
# else special) matches value.
matches(pattern, value) if glob.match(glob_escape(pattern), null, value)

glob_escape(s) := strings.replace_n(
	{
		"\\": "\\\\",
		"[": "\\[",
		"]": "\\]",
		"{": "\\{",
		"}": "\\}",
	},
	s,
)

# trailing_star is true when the last part ends in *: IAM lets it run
# across the colons of the parts that follow, so fewer than six parts is
# fine.
trailing_star(p) if endswith(p[count(p) - 1], "*")

# problem is what makes an SES ARN malformed, as {"text": ..., "arn": ...}
# (arn, the corrected ARN, when the correction is certain), the first problem when there are several; undefined for
# a well-formed ARN. Parts holding ${...} are deploy-time values and never
# malformed; * and ? are allowed in every part but the service.
problem(s) := problems(s)[0]

problems(s) := [] if well_formed(s)

else := checked_problems(s)

checked_problems(s) := [x |
	p := parts(s)
	some check in [
		shape_problems(p),
		partition_problems(p),
		region_problems(p),
		account_problems(p),
		resource_problems(s, p),
	]
	some x in check
]

# well_formed is true for the usual SES ARN, which has no problem: no
# wildcard or ${...}, a known partition, a region listed for it, a
# 12-digit account and TYPE/NAME with a known type. It answers most
# values with a few tests; anything else goes through every check
# (checked_problems, which finds nothing wrong with these either).
well_formed(s) if {
	not has_wildcard(s)
	not policy.is_symbolic(s)
	p := parts(s)
	count(p) == 6
	listed(p[1])
	p[3] in catalog.regions[p[1]]
	regex.match(catalog.partitions[p[1]], p[3])
	regex.match(`^[0-9]{12}$`, p[4])
	t := slash_type(p[5])
	t in types
	p[5] != concat("", [t, "/"])
}

shape_problems(p) := [{"text": sprintf("it has %d of the 6 parts of arn:PARTITION:ses:REGION:ACCOUNT:TYPE/NAME", [count(p)])} |
	count(p) < 6
	not trailing_star(p)
]

# --- partition

partition_problems(p) := [x | x := partition_problem(p[1])]

partition_problem(v) := {"text": "the partition is empty (aws, aws-cn, aws-us-gov, ...)"} if v == ""

partition_problem(v) := {"text": sprintf("unknown partition %q%s", [v, did_you_mean(v, partitions)])} if {
	v != ""
	not policy.is_symbolic(v)
	not has_wildcard(v)
	not v in partitions
}

partition_problem(v) := {"text": sprintf("partition pattern %q matches no partition", [v])} if {
	not policy.is_symbolic(v)
	has_wildcard(v)
	count(candidate_partitions(v)) == 0
}

# candidate_partitions is the set of partitions a partition part can be:
# all of them for a deploy-time value.
candidate_partitions(v) := partitions if policy.is_symbolic(v)

candidate_partitions(v) := {q | some q in partitions; matches(v, q)} if not policy.is_symbolic(v)

# --- region

region_problems(p) := [x |
	count(p) >= 4
	count(candidate_partitions(p[1])) > 0
	x := region_problem(candidate_partitions(p[1]), p[3])
]

region_problem(_, v) := {"text": "the region is empty: SES ARNs name the region of the resource (e.g. eu-west-1)"} if v == ""

region_problem(cps, v) := {"text": sprintf("region pattern %q matches no region where SES is offered", [v])} if {
	not policy.is_symbolic(v)
	has_wildcard(v)
	not some_region_matches(cps, v)
}

region_problem(cps, v) := {"text": sprintf("SES is not offered in %s%s", [v, did_you_mean(v, listed_regions(cps))])} if {
	v != ""
	not policy.is_symbolic(v)
	not has_wildcard(v)
	not region_ok(cps, v)
	some q in cps
	regex.match(catalog.partitions[q], v)
}

region_problem(cps, v) := {"text": sprintf("%q is not a region of %s%s", [v, partition_phrase(cps), did_you_mean(v, listed_regions(cps))])} if {
	v != ""
	not policy.is_symbolic(v)
	not has_wildcard(v)
	not some_regex_matches(cps, v)
}

partition_phrase(cps) := sprintf("partition %s", [q]) if {
	count(cps) == 1
	some q in cps
}

partition_phrase(cps) := "any partition" if count(cps) > 1

listed(q) if q in catalog.partitions_with_region_list

listed_regions(cps) := {r | some q in cps; some r in object.get(catalog.regions, q, [])}

some_regex_matches(cps, v) if {
	some q in cps
	regex.match(catalog.partitions[q], v)
}

region_ok(cps, v) if {
	some q in cps
	regex.match(catalog.partitions[q], v)
	not listed(q)
}

region_ok(cps, v) if {
	some q in cps
	listed(q)
	v in catalog.regions[q]
}

some_region_matches(cps, _) if {
	some q in cps
	not listed(q)
}

some_region_matches(cps, v) if {
	some q in cps
	listed(q)
	some r in catalog.regions[q]
	matches(v, r)
}

# --- account

account_problems(p) := [x |
	count(p) >= 5
	x := account_problem(p, p[4])
]

account_problem(_, v) := {"text": "the account ID is empty: SES ARNs name the 12-digit account that owns the resource"} if v == ""

account_problem(p, "aws") := {"text": "the account \"aws\" is only valid in reputation-policy ARNs"} if not reputation(p)

reputation(p) if {
	count(p) >= 6
	startswith(p[5], "reputation-policy/")
}

account_problem(p, v) := {"text": sprintf("account %q is not a 12-digit account ID", [v]), "arn": fixed} if {
	not account_ok(v)
	digits := strings.replace_n({"-": "", " ": ""}, v)
	regex.match(`^[0-9]{12}$`, digits)
	fixed := concat(":", array.concat(array.concat(array.slice(p, 0, 4), [digits]), array.slice(p, 5, count(p))))
}

account_problem(_, v) := {"text": sprintf("account %q is not a 12-digit account ID", [v])} if {
	not account_ok(v)
	not regex.match(`^[0-9]{12}$`, strings.replace_n({"-": "", " ": ""}, v))
}

account_ok(v) if v == ""

account_ok("aws")

account_ok(v) if policy.is_symbolic(v)

account_ok(v) if regex.match(`^[0-9]{12}$`, v)

account_ok(v) if {
	regex.match(`^[0-9?*]+$`, v)
	contains(v, "*")
}

account_ok(v) if {
	regex.match(`^[0-9?]{12}$`, v)
}

# --- resource

resource_problems(s, p) := [x |
	count(p) >= 6
	r := resource(s)
	checkable(r)
	x := resource_problem(p, r)
]

# checkable is true for a resource part whose type is written out: all of
# it literal, or TYPE/${Name} (templates nearly always pass the name as a
# parameter; the type is still checked).
checkable(r) if not policy.is_symbolic(r)

checkable(r) if {
	policy.is_symbolic(r)
	t := slash_type(r)
	not policy.is_symbolic(t)
}

resource_problem(_, "") := {"text": "the resource is empty: it must end in TYPE/NAME, e.g. identity/example.com"}

# A wildcard with no / must be able to match some TYPE/.
resource_problem(_, r) := {"text": sprintf("resource pattern %q matches no SES resource type", [r])} if {
	has_wildcard(r)
	not contains(r, "/")
	not some_type_starts(literal_prefix(r))
}

# TYPE/NAME: the type must exist and the name must not be empty.
resource_problem(_, r) := {"text": sprintf("unknown SES resource type %q%s", [t, did_you_mean(t, types)])} if {
	t := slash_type(r)
	not has_wildcard(t)
	not t in types
}

resource_problem(_, r) := {"text": sprintf("resource type pattern %q matches no SES resource type", [t])} if {
	t := slash_type(r)
	has_wildcard(t)
	not some_type_matches(t)
}

resource_problem(_, r) := {"text": sprintf("nothing follows %q: name the resource (%s/NAME)", [r, t])} if {
	t := slash_type(r)
	t in types
	r == concat("", [t, "/"])
}

# No / and no wildcard: a bare type, TYPE:NAME, or a bare name such as the
# identity example.com.
resource_problem(p, r) := {"text": sprintf("it names the resource type %q but no resource: write %s/NAME", [r, r])} if {
	not has_wildcard(r)
	not contains(r, "/")
	r in types
	count(p) >= 6
}

resource_problem(p, r) := {
	"text": sprintf("the resource type %q is followed by \":\" instead of \"/\"", [t]),
	"arn": replace_resource(p, concat("/", [t, substring(r, count(t) + 1, -1)])),
} if {
	not has_wildcard(r)
	not contains(r, "/")
	not r in types
	t := substring(r, 0, indexof(r, ":"))
	t in types
}

resource_problem(p, r) := {
	"text": sprintf("the resource %q lacks its type (identity/ for an identity)", [r]),
	"arn": replace_resource(p, concat("/", ["identity", r])),
} if {
	r != ""
	not has_wildcard(r)
	not contains(r, "/")
	not r in types
	not colon_type(r)
}

slash_type(r) := substring(r, 0, indexof(r, "/")) if contains(r, "/")

colon_type(r) if {
	i := indexof(r, ":")
	i > 0
	substring(r, 0, i) in types
}

some_type_starts(pre) if {
	some t in types
	startswith(t, pre)
}

some_type_matches(pattern) if {
	some t in types
	matches(pattern, t)
}

replace_resource(p, r) := concat(":", array.concat(array.slice(p, 0, 5), [r]))

did_you_mean(word, candidates) := sprintf(" (did you mean %s?)", [c]) if {
	c := suggestion(word, candidates)
} else := ""

# suggestion is the candidate equal to word but for case, else one typo
# away, else the one sharing the longest prefix (at least 5 characters).
suggestion(word, candidates) := c if {
	some c in candidates
	lower(word) == lower(c)
} else := text.closest(word, candidates) if {
	text.closest(word, candidates)
} else := best if {
	n := max({k | some c in candidates; k := common_prefix(lower(word), c)})
	n >= 5
	best := sort([c | some c in candidates; common_prefix(lower(word), c) == n])[0]
}

common_prefix(a, b) := max({n |
	some n in numbers.range(0, min([count(a), count(b)]))
	substring(a, 0, n) == substring(b, 0, n)
})

# could_be_identity is true when a Resource value may match the ARN of a
# sending identity: "*", a wildcard that can match identity/..., a
# deploy-time value, and anything not clearly another resource.
could_be_identity(s) if not not_identity(s)

# not_identity is true when a Resource value clearly names something other
# than an SES identity: an ARN of another service, or an SES ARN of another
# resource type (configuration-set/..., template/...).
not_identity(s) if {
	is_arn(s)
	p := parts(s)
	count(p) >= 3
	not policy.is_symbolic(p[2])
	not matches(lower(p[2]), "ses")
}

not_identity(s) if {
	is_ses(s)
	r := resource(s)
	checkable(r)
	t := slash_type(literal_prefix(r))
	t in types
	t != "identity"
}
