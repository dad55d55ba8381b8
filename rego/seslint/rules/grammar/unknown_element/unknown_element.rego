# METADATA
# title: Unknown element or wrong value type
# description: |
#   AWS rejects a policy that holds an element it does not know, a value of
#   the wrong JSON type or the same key twice: the deployment fails (IAM
#   MalformedPolicyDocument, SES InvalidPolicy) and the SES permissions it
#   was meant to grant never exist. Element names are case-sensitive:
#   `Statements`, `Actions`, `effect` and `Resources` are not the names IAM
#   reads. The policy may hold only `Version`, `Id` and `Statement`; a
#   statement only `Sid`, `Effect`, `Principal`, `NotPrincipal`, `Action`,
#   `NotAction`, `Resource`, `NotResource` and `Condition`; a principal only
#   the types `AWS`, `Service`, `Federated` and `CanonicalUser`; a condition
#   only IAM's operators (`StringEquals`, `StringLike`, ... with
#   `ForAllValues:`/`ForAnyValue:` and `...IfExists`).
# related_resources:
#   - description: IAM JSON policy grammar
#     ref: https://docs.aws.amazon.com/IAM/latest/UserGuide/reference_policies_grammar.html
#   - description: Amazon SES sending authorization policy anatomy
#     ref: https://docs.aws.amazon.com/ses/latest/dg/policy-anatomy.html
# custom:
#   id: SES102
#   severity: error
#   seed: "004"
#   remediation: |
#     Rename the element to the name IAM defines (the message suggests it
#     when the name is off by case or one typo), give each element the type
#     the grammar expects (Action, Resource: a string or a list of strings;
#     Principal: "*" or {"AWS": [...]}, {"Service": [...]}; Condition:
#     {"Operator": {"key": value}}), and merge keys written twice.
#   example:
#     bad: |
#       {"Version": "2012-10-17", "Statements": [{"Effect": "Allow",
#         "Actions": ["ses:SendEmail", "ses:SendRawEmail"], "Resource": "*"}]}
#     good: |
#       {"Version": "2012-10-17", "Statement": [{"Effect": "Allow",
#         "Action": ["ses:SendEmail", "ses:SendRawEmail"], "Resource": "*"}]}
package seslint.rules.grammar.unknown_element

import data.seslint.lib.grammar
import data.seslint.lib.policy
import data.seslint.lib.result

rejected := "AWS rejects the policy when it is deployed"

# Unknown or misspelled names, reported at the key.

report contains unknown(sprintf("policy element %q", [k]), k, grammar.top_level_elements, [k]) if {
	some k, _ in grammar.document
	not k in grammar.top_level_elements
}

report contains unknown(sprintf("statement element %q", [k]), k, grammar.statement_elements, array.concat(st.path, [k])) if {
	some st in policy.statements
	some k, _ in st.value
	not k in grammar.statement_elements
}

report contains unknown(sprintf("principal type %q in %s", [t, key]), t, grammar.principal_types, array.concat(st.path, [key, t])) if {
	some st in policy.statements
	some key in ["Principal", "NotPrincipal"]
	is_object(st.value[key])
	some t, _ in st.value[key]
	not t in grammar.principal_types
}

report contains unknown(sprintf("condition operator %q", [op]), op, grammar.condition_operators, array.concat(st.path, ["Condition", op])) if {
	some st in policy.statements
	is_object(st.value.Condition)
	some op, _ in st.value.Condition
	not grammar.known_operator(op)
}

unknown(what, name, candidates, path) := result.fail(rego.metadata.chain(), {
	"message": sprintf("unknown %s%s: %s", [what, grammar.did_you_mean(name, candidates), rejected]),
	"path": path,
	"key": true,
	"fix": sprintf("rename %q to %q", [name, grammar.suggestion(name, candidates)]),
}) if grammar.suggestion(name, candidates)

unknown(what, name, candidates, path) := result.fail(rego.metadata.chain(), {
	"message": sprintf("unknown %s: %s", [what, rejected]),
	"path": path,
	"key": true,
}) if not grammar.suggestion(name, candidates)

# Wrong value types, reported at the value.

report contains wrong_type(sprintf("the policy must be a JSON object, not %s", [grammar.a_type(input.document)]), []) if {
	not is_null(object.get(input, "document", null))
	not is_object(input.document)
}

report contains wrong_type(sprintf("%s must be a string, not %s", [k, grammar.a_type(v)]), [k]) if {
	some k in ["Version", "Id"]
	v := grammar.document[k]
	not is_string(v)
}

report contains wrong_type(sprintf("Statement must be an object or a list of objects, not %s", [grammar.a_type(v)]), ["Statement"]) if {
	v := grammar.document.Statement
	not is_object(v)
	not is_array(v)
	not deploy_time(v)
}

report contains wrong_type(sprintf("a statement must be an object, not %s", [grammar.a_type(v)]), ["Statement", i]) if {
	some i, v in grammar.document.Statement
	is_array(grammar.document.Statement)
	not is_object(v)
	not deploy_time(v)
}

report contains wrong_type(sprintf("%s must be a string, not %s", [k, grammar.a_type(v)]), array.concat(st.path, [k])) if {
	some st in policy.statements
	some k in ["Sid", "Effect"]
	v := object.get(st.value, k, "")
	not is_string(v)
}

# Action, NotAction, Resource, NotResource: a string or a list of strings.
report contains wrong_type(sprintf("%s must be a string or a list of strings, not %s", [k, grammar.a_type(v)]), array.concat(st.path, [k])) if {
	some st in policy.statements
	some k in ["Action", "NotAction", "Resource", "NotResource"]
	v := object.get(st.value, k, "")
	not is_string(v)
	not is_array(v)
}

report contains wrong_type(sprintf("%s entries must be strings, not %s", [k, grammar.a_type(e)]), array.concat(st.path, [k, i])) if {
	some st in policy.statements
	some k in ["Action", "NotAction", "Resource", "NotResource"]
	is_array(st.value[k])
	some i, e in st.value[k]
	not is_string(e)
}

# Principal, NotPrincipal: "*" or {"AWS": ..., "Service": ...} whose values
# are strings or lists of strings.
report contains wrong_type(sprintf(`%s %q must be "*" or an object such as {"AWS": %q}`, [k, v, v]), array.concat(st.path, [k])) if {
	some st in policy.statements
	some k in ["Principal", "NotPrincipal"]
	v := st.value[k]
	is_string(v)
	v != "*"
}

report contains wrong_type(sprintf(`%s must be "*" or an object such as {"AWS": "123456789012"}, not %s`, [k, grammar.a_type(v)]), array.concat(st.path, [k])) if {
	some st in policy.statements
	some k in ["Principal", "NotPrincipal"]
	v := object.get(st.value, k, "*")
	not is_string(v)
	not is_object(v)
}

report contains wrong_type(sprintf("%s %s must be a string or a list of strings, not %s", [k, t, grammar.a_type(v)]), array.concat(st.path, [k, t])) if {
	some st in policy.statements
	some k in ["Principal", "NotPrincipal"]
	is_object(st.value[k])
	some t, v in st.value[k]
	not is_string(v)
	not is_array(v)
}

report contains wrong_type(sprintf("%s %s entries must be strings, not %s", [k, t, grammar.a_type(e)]), array.concat(st.path, [k, t, i])) if {
	some st in policy.statements
	some k in ["Principal", "NotPrincipal"]
	is_object(st.value[k])
	some t, v in st.value[k]
	is_array(v)
	some i, e in v
	not is_string(e)
}

# Condition: {"Operator": {"key": value or list of values}}.
report contains wrong_type(sprintf(`Condition must be an object such as {"StringEquals": {"ses:FromAddress": "..."}}, not %s`, [grammar.a_type(v)]), array.concat(st.path, ["Condition"])) if {
	some st in policy.statements
	v := object.get(st.value, "Condition", {})
	not is_object(v)
	not deploy_time(v)
}

report contains wrong_type(sprintf(`condition %s must be an object of condition keys and values, not %s`, [op, grammar.a_type(block)]), array.concat(st.path, ["Condition", op])) if {
	some st in policy.statements
	is_object(st.value.Condition)
	some op, block in st.value.Condition
	not is_object(block)
	not deploy_time(block)
}

report contains wrong_type(sprintf("condition value of %s must be a string, number or boolean or a list of them, not %s", [key, grammar.a_type(v)]), array.concat(st.path, ["Condition", op, key])) if {
	some st in policy.statements
	is_object(st.value.Condition)
	some op, block in st.value.Condition
	is_object(block)
	some key, v in block
	not scalar(v)
	not is_array(v)
}

report contains wrong_type(sprintf("condition values of %s must be strings, numbers or booleans, not %s", [key, grammar.a_type(e)]), array.concat(st.path, ["Condition", op, key, i])) if {
	some st in policy.statements
	is_object(st.value.Condition)
	some op, block in st.value.Condition
	is_object(block)
	some key, v in block
	is_array(v)
	some i, e in v
	not scalar(e)
}

scalar(v) if is_string(v)

scalar(v) if is_number(v)

scalar(v) if is_boolean(v)

# deploy_time is true for a value only known at deploy time (a Terraform
# expression or CloudFormation intrinsic kept as "${...}"): it may be of any
# type.
deploy_time(v) if {
	is_string(v)
	policy.is_symbolic(v)
}

wrong_type(message, path) := result.fail(rego.metadata.chain(), {
	"message": sprintf("%s: %s", [message, rejected]),
	"path": path,
})

# Keys written twice, found while decoding.

report contains result.fail(rego.metadata.chain(), {
	"message": e.message,
	"error": i,
	"fix": e.fix,
}) if {
	some i, e in input.errors
	e.kind == "duplicate_key"
}
