# METADATA
# title: Statement shape
# description: |
#   Each statement needs exactly one of `Action`/`NotAction` and exactly one
#   of `Resource`/`NotResource`. A policy attached to an IAM principal
#   (identity policy, permissions boundary) or an SCP must not name a
#   `Principal` or `NotPrincipal`: the principal is whoever holds the
#   policy. A sending authorization policy (or another resource policy)
#   must name one in every statement (seed 004: a valid principal is
#   required). AWS rejects a policy that breaks any of these, so the send
#   permission it was meant to grant never exists.
# related_resources:
#   - description: IAM JSON policy grammar
#     ref: https://docs.aws.amazon.com/IAM/latest/UserGuide/reference_policies_grammar.html
#   - description: Amazon SES sending authorization policy anatomy
#     ref: https://docs.aws.amazon.com/ses/latest/dg/policy-anatomy.html
# custom:
#   id: SES106
#   severity: error
#   seed: "004"
#   remediation: |
#     Give each statement one Action (or NotAction) and one Resource (or
#     NotResource). Remove Principal from identity policies, boundaries and
#     SCPs; to let another account send from your identity, write a sending
#     authorization policy on the identity instead, with a Principal such as
#     {"AWS": "111122223333"} in every statement.
#   example:
#     bad: |
#       {"Version": "2012-10-17", "Statement": [{"Effect": "Allow",
#         "Principal": {"AWS": "111122223333"}, "Action": "ses:SendEmail"}]}
#     good: |
#       {"Version": "2012-10-17", "Statement": [{"Effect": "Allow",
#         "Action": "ses:SendEmail",
#         "Resource": "arn:aws:ses:us-east-1:123456789012:identity/example.com"}]}
package seslint.rules.grammar.statement_shape

import data.seslint.lib.policy
import data.seslint.lib.result

pairs := [["Action", "NotAction"], ["Resource", "NotResource"]]

# kind_names are the kinds that must not name a principal.
kind_names := {
	"identity": "an identity policy",
	"boundary": "a permissions boundary",
	"scp": "a service control policy",
}

# principal_kinds are the kinds whose statements must name a principal.
principal_kinds := {
	"sending-authorization": "a sending authorization policy must name the account, user, role or service allowed to use the identity, and SES rejects it otherwise",
	"resource": "a resource policy must name who it applies to, and AWS rejects it otherwise",
}

report contains result.fail(rego.metadata.chain(), {
	"message": sprintf("statement has neither %s nor %s: AWS rejects the policy", [a, b]),
	"path": st.path,
}) if {
	some st in policy.statements
	some [a, b] in pairs
	not policy.has_key(st.value, a)
	not policy.has_key(st.value, b)
}

report contains result.fail(rego.metadata.chain(), {
	"message": sprintf("statement has both %s and %s: AWS rejects the policy; keep one", [a, b]),
	"path": array.concat(st.path, [b]),
	"key": true,
}) if {
	some st in policy.statements
	some [a, b] in pairs
	policy.has_key(st.value, a)
	policy.has_key(st.value, b)
}

report contains result.fail(rego.metadata.chain(), {
	"message": sprintf("%s in %s: AWS rejects it, as the principal is whoever the policy applies to", [k, kind_names[policy.kind]]),
	"path": array.concat(st.path, [k]),
	"key": true,
	"fix": sprintf("remove %s; to let another account send from your identity, name it in a sending authorization policy on the identity", [k]),
}) if {
	kind_names[policy.kind]
	some st in policy.statements
	some k in ["Principal", "NotPrincipal"]
	policy.has_key(st.value, k)
}

report contains result.fail(rego.metadata.chain(), {
	"message": sprintf("statement has no Principal: %s", [principal_kinds[policy.kind]]),
	"path": st.path,
}) if {
	principal_kinds[policy.kind]
	some st in policy.statements
	not policy.has_key(st.value, "Principal")
	not policy.has_key(st.value, "NotPrincipal")
}

report contains result.fail(rego.metadata.chain(), {
	"message": "statement has both Principal and NotPrincipal: AWS rejects the policy; keep one",
	"path": array.concat(st.path, ["NotPrincipal"]),
	"key": true,
}) if {
	principal_kinds[policy.kind]
	some st in policy.statements
	policy.has_key(st.value, "Principal")
	policy.has_key(st.value, "NotPrincipal")
}
