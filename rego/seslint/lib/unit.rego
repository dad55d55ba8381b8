# METADATA
# description: |
#   Helpers for rules that relate the documents of a deployment unit
#   (input.unit): a document's statements, evaluated with the per-document
#   library as if that document were the input, a principal's policies
#   taken together, which documents apply together with a given one, and
#   whether a Resource value can name a given SES resource.
package seslint.lib.unit

import data.seslint.lib.arn
import data.seslint.lib.policy
import data.seslint.lib.send

# document_statements[k] are the statements of input.unit.documents[k],
# computed once per evaluation (rules are cached, functions are not).
document_statements := [sts |
	some doc in input.unit.documents
	sts := given_statements(doc)
]

# given_statements are a document's statements as the engine gives them
# (from evaluating the document on its own), else computed here.
given_statements(doc) := sts if {
	sts := doc.statements
} else := sts if {
	sts := policy.statements with input as doc
}

# statements(k) are the statements of input.unit.documents[k], with the
# paths and covered actions policy.statements gives a single document.
statements(k) := document_statements[k]

# documents(p) are the indexes of a principal's identity policies.
documents(p) := {k | some k in p.policies}

# allowed(p) is every SES action some Allow statement of the principal's
# policies covers.
allowed(p) := {a |
	some k in p.policies
	some st in statements(k)
	policy.allow(st)
	some a in policy.actions(st)
}

# allowed_send(p) is the send actions among them.
allowed_send(p) := allowed(p) & policy.send_actions

# named_send(p) is the send actions the principal's Allow statements name
# one by one (an Action entry without wildcard, such as ses:SendRawEmail):
# what its author meant to grant, as opposed to what ses:* happens to
# cover.
named_send(p) := {a |
	some k in p.policies
	some st in statements(k)
	policy.allow(st)
	some e in policy.entries(st, "Action")
	is_string(e.value)
	not policy.is_wildcard(e.value)
	some a in (policy.ses_actions_matching(e.value) & policy.send_actions)
}

# grants(p) are the Allow statements of the principal's policies that grant
# a send action, each with the index of its document.
grants(p) := [{"document": k, "statement": st} |
	some k in p.policies
	some st in statements(k)
	policy.allow(st)
	count(policy.covered_send_actions(st)) > 0
]

# name describes a principal for messages ("role SenderRole").
name(p) := sprintf("%s %s", [kind_word(p.type), p.name])

kind_word(t) := "role" if t in {"AWS::IAM::Role", "aws_iam_role"}

kind_word(t) := "user" if t in {"AWS::IAM::User", "aws_iam_user"}

kind_word(t) := "group" if t in {"AWS::IAM::Group", "aws_iam_group"}

kind_word(t) := "function" if t == "AWS::Serverless::Function"

kind_word(t) := "principal" if not t in {
	"AWS::IAM::Role", "aws_iam_role", "AWS::IAM::User", "aws_iam_user",
	"AWS::IAM::Group", "aws_iam_group", "AWS::Serverless::Function",
}

# holders(k) names the principals that hold document k as one of their
# policies, sorted.
holders(k) := sort([name(p) |
	some p in input.unit.principals
	k in p.policies
])

# bounded(k) names the principals whose permissions boundary is document
# k, sorted.
bounded(k) := sort([name(p) |
	some p in input.unit.principals
	p.boundary == k
])

# boundary_path is where a principal's definition sets its boundary
# (["PermissionsBoundary"], ["permissions_boundary"]).
boundary_path(p) := object.get(p, "boundary_path", ["PermissionsBoundary"])

# contexts(k) lists the sets of documents whose Allow statements apply
# together with document k: for each principal holding k, all its
# policies; k alone when no principal of the unit holds it (a plain file,
# a managed policy attached elsewhere).
contexts(k) := cs if {
	cs := [documents(p) | some p in input.unit.principals; k in p.policies]
	count(cs) > 0
} else := [{k}]

# allows_on(ks, res) is the set of send actions the Allow statements of
# documents ks grant on a resource that can be res ("identity/NAME",
# "configuration-set/NAME"): a Resource entry that can name it, or a
# NotResource (taken as covering it).
allows_on(ks, res) := allows_among(candidates(ks, substring(res, 0, indexof(res, "/"))), res)

# candidates(ks, t) lists, for the Allow statements of documents ks that
# grant send actions, each Resource entry that can name some resource of
# type t, with the send actions granted ("*" for a NotResource). Rules
# that test many resources of one type filter with it once.
candidates(ks, t) := [{"actions": acts, "value": v} |
	some k in ks
	some st in statements(k)
	policy.allow(st)
	acts := policy.covered_send_actions(st)
	count(acts) > 0
	some v in candidate_values(st, concat("/", [t, "${?}"]))
]

candidate_values(st, any) := [e.value |
	some e in policy.entries(st, "Resource")
	could_name(e.value, any)
] if policy.has_key(st.value, "Resource")

candidate_values(st, _) := ["*"] if {
	not policy.has_key(st.value, "Resource")
	policy.has_key(st.value, "NotResource")
}

# allows_among is the set of send actions candidates (from candidates())
# grant on resource res.
allows_among(cands, res) := {a |
	some c in cands
	could_name(c.value, res)
	some a in c.actions
}

# could_name is true when Resource value r may be the ARN of the SES
# resource res, written TYPE/NAME (NAME may hold ${...}). Region and
# account are not compared. A ${...} in r that res also holds stands for
# the same value (one deployment unit); any other ${...} in r may be
# anything. When res holds a ${...} that r does not, only the resource
# type is compared.
could_name(r, _) if r == "*"

could_name(r, _) if {
	is_string(r)
	policy.is_symbolic(r)
	not policy.parse_arn(r)
}

# An ARN cut short by a trailing * ("arn:aws:ses:*") runs across the
# colons that follow.
could_name(r, _) if {
	is_string(r)
	startswith(r, "arn:")
	not policy.parse_arn(r)
	endswith(r, "*")
	p := policy.arn_parts(r)
	service_could_be_ses(p)
}

could_name(r, res) if {
	a := policy.parse_arn(r)
	send.service_could_be_ses(a.service)
	resource_could_be(a.resource, res)
}

service_could_be_ses(p) if count(p) < 3

service_could_be_ses(p) if {
	count(p) >= 3
	send.service_could_be_ses(p[2])
}

resource_could_be(pattern, res) if {
	count(symbols(res) - symbols(pattern)) == 0
	arn.matches(loosen(pattern, res), res)
}

resource_could_be(pattern, res) if {
	count(symbols(res) - symbols(pattern)) > 0
	type_could_be(loosen(pattern, res), substring(res, 0, indexof(res, "/")))
}

# symbols is the set of ${...} values a string holds.
symbols(s) := {m | some m in regex.find_n(`\$\{[^}]*\}`, s, -1)}

# loosen turns each ${...} of pattern that res does not hold into *.
loosen(pattern, res) := strings.replace_n({m: "*" | some m in (symbols(pattern) - symbols(res))}, pattern)

type_could_be(pattern, t) if {
	i := indexof(pattern, "/")
	i >= 0
	arn.matches(substring(pattern, 0, i), t)
}

type_could_be(pattern, t) if {
	indexof(pattern, "/") < 0
	arn.matches(pattern, concat("/", [t, "x"]))
}

# deny_covers is true when Deny statement st applies to every identity the
# Allow statements gs grant on: its Resource is "*", or each granted
# Resource entry that can be an identity matches one of its patterns, or
# (NotResource) none of them is excluded. Entries that are clearly another
# resource (configuration-set/..., a bucket) are not sends' identities; if
# no entry can be an identity there is nothing to shadow. A ${...} matches
# only the same ${...}.
deny_covers(st, gs) if {
	policy.resource_star(st)
	some g in gs
	grants_identity(g)
}

deny_covers(st, gs) if {
	not policy.resource_star(st)
	policy.has_key(st.value, "Resource")
	every g in gs {
		policy.has_key(g.value, "Resource")
	}
	ids := granted_identities(gs)
	count(ids) > 0
	every r in ids {
		some p in policy.as_list(st.value.Resource)
		resource_matches(p, r)
	}
}

deny_covers(st, gs) if {
	not policy.has_key(st.value, "Resource")
	policy.has_key(st.value, "NotResource")
	every g in gs {
		policy.has_key(g.value, "Resource")
	}
	ids := granted_identities(gs)
	count(ids) > 0
	every r in ids {
		is_string(r)
		not policy.is_wildcard(r)
		not policy.is_symbolic(r)
		not excluded(st, r)
	}
}

grants_identity(g) if {
	some r in policy.as_list(g.value.Resource)
	arn.could_be_identity(r)
}

grants_identity(g) if {
	not policy.has_key(g.value, "Resource")
	policy.has_key(g.value, "NotResource")
}

# granted_identities is the set of Resource values of gs that can be an
# identity.
granted_identities(gs) := {r |
	some g in gs
	some r in policy.as_list(object.get(g.value, "Resource", []))
	arn.could_be_identity(r)
}

# excluded is true when a NotResource pattern may match r: a ${...} in
# the pattern may be anything.
excluded(st, r) if {
	some p in policy.as_list(st.value.NotResource)
	resource_matches(p, r)
}

excluded(st, _) if {
	some p in policy.as_list(st.value.NotResource)
	is_string(p)
	policy.is_symbolic(p)
}

# resource_matches is true when IAM resource pattern p (* and ?, case
# sensitive) matches r, each ${...} standing for itself.
resource_matches(p, r) if p == r

resource_matches(p, r) if {
	is_string(p)
	is_string(r)
	arn.matches(p, r)
}
