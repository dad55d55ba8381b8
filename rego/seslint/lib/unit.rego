# METADATA
# description: |
#   Helpers for rules that relate the documents of a deployment unit
#   (input.unit): a document's statements, evaluated with the per-document
#   library as if that document were the input, and a principal's
#   policies taken together.
package seslint.lib.unit

import data.seslint.lib.policy

# statements(k) are the statements of input.unit.documents[k], with the
# paths and covered actions policy.statements gives a single document.
statements(k) := sts if {
	sts := policy.statements with input as input.unit.documents[k]
}

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

# holders(k) names the principals that hold document k, sorted.
holders(k) := sort([name(p) |
	some p in input.unit.principals
	k in p.policies
])
