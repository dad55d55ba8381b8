# METADATA
# title: Unknown SES or global condition key
# description: |
#   IAM accepts any condition key name, but a key that SES and IAM do not
#   define is never present in a request. A misspelled `ses:FromAdress` in
#   an Allow makes the grant never apply ("Unauthorized"); in a Deny with a
#   negated operator it makes the Deny always apply. Keys are
#   case-insensitive (`aws:SourceIP` is `aws:SourceIp`); tag keys such as
#   `aws:ResourceTag/team` take any tag name. Only `ses:` and `aws:` keys
#   are checked, against the SES service keys and the global keys of the
#   catalog.
# related_resources:
#   - description: Condition keys for Amazon SES (Service Authorization Reference)
#     ref: https://docs.aws.amazon.com/service-authorization/latest/reference/list_amazonses.html#amazonses-policy-keys
#   - description: AWS global condition context keys
#     ref: https://docs.aws.amazon.com/IAM/latest/UserGuide/reference_policies_condition-keys.html
# custom:
#   id: SES207
#   severity: error
#   seed: "000"
#   remediation: |
#     Correct the key to one SES or IAM defines (the message suggests the
#     closest), or remove the condition.
#   example:
#     bad: |
#       {"Version": "2012-10-17", "Statement": [{"Effect": "Allow",
#         "Action": "ses:SendEmail", "Resource": "*",
#         "Condition": {"StringLike": {"ses:FromAdress": "*@example.com"}}}]}
#     good: |
#       {"Version": "2012-10-17", "Statement": [{"Effect": "Allow",
#         "Action": "ses:SendEmail", "Resource": "*",
#         "Condition": {"StringLike": {"ses:FromAddress": "*@example.com"}}}]}
package seslint.rules.send.unknown_condition_key

import data.seslint.lib.policy
import data.seslint.lib.result
import data.seslint.lib.send
import data.seslint.lib.text

report contains result.fail(rego.metadata.chain(), {
	"message": sprintf("%s is not a condition key of SES or IAM%s: %s", [c.key, hint(c.key), consequence(st, c)]),
	"path": c.path,
	"key": true,
}) if {
	some st in policy.statements
	some c in policy.conditions(st)
	some prefix in ["ses:", "aws:"]
	startswith(c.lkey, prefix)
	not policy.is_symbolic(c.key)
	not known(c.lkey)
}

keys := policy.catalog.condition_keys

known(k) if keys[k]

known(k) if {
	some p, e in keys
	object.get(e, "prefix", false)
	startswith(k, p)
	count(k) > count(p)
}

# hint is " (did you mean ...?)" when a catalog key is one typo away: the
# whole key, or for a tag key the part up to "/".
hint(key) := sprintf(" (did you mean %s?)", [suggestion(key)]) if suggestion(key)

hint(key) := "" if not suggestion(key)

suggestion(key) := text.closest(key, {e.name | some e in keys; not object.get(e, "prefix", false)}) if not contains(key, "/")

suggestion(key) := concat("", [head, substring(key, i + 1, -1)]) if {
	i := indexof(key, "/")
	i > 0
	head := text.closest(substring(key, 0, i + 1), {e.name | some e in keys; object.get(e, "prefix", false)})
}

# consequence says what a key that is never in the request does to the
# statement: positive operators never match, negated ones (and IfExists)
# always do.
consequence(st, c) := "this Allow never applies, so sends fail with Unauthorized" if {
	policy.allow(st)
	not always(c)
}

consequence(st, c) := "this test always matches, so it restricts nothing" if {
	policy.allow(st)
	always(c)
}

consequence(st, c) := "this Deny never applies" if {
	not policy.allow(st)
	not always(c)
}

consequence(st, c) := "this test always matches, so it does not narrow the Deny" if {
	not policy.allow(st)
	always(c)
}

# always is true when a condition matches a request that lacks the key.
always(c) if {
	c.set == ""
	send.negated(c.base)
}

always(c) if endswith(c.operator, "IfExists")

always(c) if {
	c.base == "Null"
	some v in c.values
	lower(sprintf("%v", [v])) == "true"
}

always(c) if c.set == "ForAllValues"
