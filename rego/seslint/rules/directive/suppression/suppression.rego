# METADATA
# title: Suppression without a reason, for an unknown rule, or suppressing nothing
# description: |
#   An in-source suppression (CloudFormation `Metadata: {seslint: {ignore:
#   {SES201: "reason"}}}`, Terraform `"//"` keys and `# seslint:ignore`
#   comments, Go `//seslint:ignore`) must say why, name a rule seslint
#   knows, and still suppress something. A suppression without a reason
#   hides a finding nobody can review; one naming an unknown id hides
#   nothing (a typo); a stale one outlives the problem it excused and will
#   silently hide the next one.
# custom:
#   id: SES001
#   severity: warning
#   seed: seslint
#   remediation: |
#     Give every suppressed rule a reason (`ignore: {SES201: "sends only
#     through the v2 API"}`), correct misspelled rule ids, and delete
#     suppressions that no longer match a finding.
#   example:
#     bad: |
#       Metadata:
#         seslint:
#           ignore: [SES201]
#     good: |
#       Metadata:
#         seslint:
#           ignore:
#             SES201: sends only through the SES v2 API
package seslint.rules.directive.suppression

import data.seslint.lib.result
import data.seslint.lib.text

known(id) if id in input.known_rules

# "*" is a directive for every seslint rule (//nolint:seslint).
known("*")

label("*") := "all seslint rules"

label(id) := id if id != "*"

directive_report contains result.fail(rego.metadata.chain(), {
	"message": sprintf("suppression of %s has no reason: say why the finding does not apply", [label(e.rule)]),
	"place": d.place,
	"path": e.path,
	"key": e.key,
}) if {
	some d in input.directives
	some e in d.entries
	known(e.rule)
	e.reason == ""
}

directive_report contains result.fail(rego.metadata.chain(), {
	"message": sprintf("suppression names %q, which is not a seslint rule%s: it suppresses nothing", [e.rule, hint(e.rule)]),
	"place": d.place,
	"path": e.path,
	"key": e.key,
}) if {
	some d in input.directives
	some e in d.entries
	not known(e.rule)
}

directive_report contains result.fail(rego.metadata.chain(), {
	"message": sprintf("suppression of %s matches no finding here: delete it, or it will hide the next one", [label(e.rule)]),
	"place": d.place,
	"path": e.path,
	"key": e.key,
}) if {
	some d in input.directives
	some e in d.entries
	known(e.rule)
	not e.matched
}

hint(id) := sprintf(" (did you mean %s?)", [text.closest(id, input.known_rules)]) if text.closest(id, input.known_rules)

hint(id) := "" if not text.closest(id, input.known_rules)
