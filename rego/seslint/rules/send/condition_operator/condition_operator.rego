# METADATA
# title: Condition operator misused on an SES condition key
# description: |
#   Three mistakes make SES sending conditions test something else than
#   meant. `*` and `?` are wildcards only under `StringLike`/`StringNotLike`:
#   under `StringEquals` a value such as `*@example.com` is compared
#   literally, so an Allow never matches (sends fail with "Unauthorized")
#   and a `StringNotEquals` Deny always does. `ses:Recipients` is
#   multivalued (every To, CC and BCC address), and IAM needs a set operator
#   (`ForAllValues:` or `ForAnyValue:`) to compare it. And a set operator on
#   a single-valued key such as `ses:FromAddress` is wrong the other way:
#   `ForAllValues:` also matches when the key is absent, which can grant
#   more than intended. Keys are compared case-insensitively.
# related_resources:
#   - description: Controlling access to Amazon SES (ses:FromAddress, ses:Recipients ...)
#     ref: https://docs.aws.amazon.com/ses/latest/dg/control-user-access.html
#   - description: Single-valued vs. multivalued context keys
#     ref: https://docs.aws.amazon.com/IAM/latest/UserGuide/reference_policies_condition-single-vs-multi-valued-context-keys.html
#   - description: IAM JSON policy elements - string condition operators
#     ref: https://docs.aws.amazon.com/IAM/latest/UserGuide/reference_policies_elements_condition_operators.html#Conditions_String
# custom:
#   id: SES206
#   severity: warning
#   seed: "000"
#   remediation: |
#     Use `StringLike` (`StringNotLike`) for values with `*` or `?`; write
#     `ForAllValues:` (every recipient must match) or `ForAnyValue:` (one is
#     enough) before the operator of `ses:Recipients`; drop the set prefix
#     on single-valued keys such as `ses:FromAddress`.
#   example:
#     bad: |
#       {"Version": "2012-10-17", "Statement": [{"Effect": "Allow",
#         "Action": ["ses:SendEmail", "ses:SendRawEmail"], "Resource": "*",
#         "Condition": {"StringEquals": {"ses:FromAddress": "*@example.com"},
#                       "StringLike": {"ses:Recipients": "*@example.com"}}}]}
#     good: |
#       {"Version": "2012-10-17", "Statement": [{"Effect": "Allow",
#         "Action": ["ses:SendEmail", "ses:SendRawEmail"], "Resource": "*",
#         "Condition": {"StringLike": {"ses:FromAddress": "*@example.com"},
#                       "ForAllValues:StringLike": {"ses:Recipients": "*@example.com"}}}]}
package seslint.rules.send.condition_operator

import data.seslint.lib.policy
import data.seslint.lib.result
import data.seslint.lib.send

# address_keys are the SES keys that hold addresses and names, where
# patterns are common.
address_keys := {"ses:fromaddress", "ses:recipients", "ses:feedbackaddress", "ses:fromdisplayname"}

# like maps each exact string operator to its wildcard counterpart.
like := {
	"StringEquals": "StringLike",
	"StringEqualsIgnoreCase": "StringLike",
	"StringNotEquals": "StringNotLike",
	"StringNotEqualsIgnoreCase": "StringNotLike",
}

# single_valued_globals are the global keys SES implements (seed 004),
# each with at most one value in a request.
single_valued_globals := {
	"aws:currenttime", "aws:epochtime", "aws:securetransport", "aws:sourceip",
	"aws:sourcevpc", "aws:sourcevpce", "aws:useragent", "aws:vpcsourceip",
}

# A wildcard under an exact string operator, reported at the value.
report contains result.fail(rego.metadata.chain(), {
	"message": literal_message(c, v),
	"path": array.concat(c.path, [i]),
	"fix": sprintf("use \"%s\" instead of \"%s\"", [replace(c.operator, c.base, like[c.base]), c.operator]),
}) if {
	some st in policy.statements
	some c in policy.conditions(st)
	c.lkey in address_keys
	like[c.base]
	some i, v in c.values
	is_string(v)
	wildcard(v)
}

# ses:Recipients without a set operator, reported at the key.
report contains result.fail(rego.metadata.chain(), {
	"message": sprintf("%s holds every To, CC and BCC address of a message, so %s needs ForAllValues: (every recipient must match) or ForAnyValue: (one is enough)", [c.key, c.operator]),
	"path": c.path,
	"key": true,
	"fix": sprintf("use \"%s:%s\"", [set_for(st), c.operator]),
}) if {
	some st in policy.statements
	some c in policy.conditions(st)
	c.lkey == "ses:recipients"
	c.set == ""
	c.base != "Null"
}

# A set operator on a single-valued key, reported at the key.
report contains result.fail(rego.metadata.chain(), {
	"message": sprintf("%s: on %s, which holds a single value: %s", [c.set, c.key, set_problem[c.set]]),
	"path": c.path,
	"key": true,
	"fix": sprintf("use \"%s\"", [trim_prefix(c.operator, concat("", [c.set, ":"]))]),
}) if {
	some st in policy.statements
	some c in policy.conditions(st)
	c.set in {"ForAllValues", "ForAnyValue"}
	single_valued(c.lkey)
}

literal_message(c, v) := sprintf("%s compares %s literally, so %s never equals it: * and ? are wildcards only under %s", [
	c.operator, json.marshal(v), c.key, like[c.base],
]) if not send.negated(c.base)

literal_message(c, v) := sprintf("%s compares %s literally, so every %s differs from it: * and ? are wildcards only under %s", [
	c.operator, json.marshal(v), c.key, like[c.base],
]) if send.negated(c.base)

# wildcard is true for a value with * or ? outside deploy-time and policy
# variables (${...}, which include the escapes ${*} and ${?}).
wildcard(v) if {
	plain := regex.replace(v, `\$\{[^}]*\}`, "")
	policy.is_wildcard(plain)
}

# set_for is the set operator that usually expresses the intent: an Allow
# lets a message through when every recipient passes, a Deny stops it when
# any recipient fails.
set_for(st) := "ForAnyValue" if policy.deny(st)

set_for(st) := "ForAllValues" if not policy.deny(st)

set_problem := {
	"ForAllValues": "ForAllValues: also matches a request without the key, so an Allow can grant more than intended",
	"ForAnyValue": "a set operator on a single value only makes the test harder to read and never matches a request without the key",
}

single_valued(k) if k in {"ses:fromaddress", "ses:fromdisplayname", "ses:feedbackaddress"}

single_valued(k) if k in single_valued_globals

single_valued(k) if policy.catalog.condition_keys[k].type == "String"

single_valued(k) if {
	some p, e in policy.catalog.condition_keys
	object.get(e, "prefix", false)
	e.type == "String"
	startswith(k, p)
}
