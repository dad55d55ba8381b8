# METADATA
# title: Unknown SES action
# description: |
#   An `ses:` action that does not exist, or a wildcard that matches no SES
#   action, grants nothing: IAM accepts the policy, and the call the author
#   meant to allow still fails with "Unauthorized". Action names are
#   case-insensitive; `*` matches any run of characters and `?` one.
# related_resources:
#   - description: Actions defined by Amazon SES (Service Authorization Reference)
#     ref: https://docs.aws.amazon.com/service-authorization/latest/reference/list_amazonses.html
# custom:
#   id: SES107
#   severity: error
#   seed: "000"
#   remediation: |
#     Correct the action name to one SES defines (the message suggests the
#     closest), or remove it.
#   example:
#     bad: |
#       {"Version": "2012-10-17", "Statement": [{"Effect": "Allow",
#         "Action": "ses:SendEmails", "Resource": "*"}]}
#     good: |
#       {"Version": "2012-10-17", "Statement": [{"Effect": "Allow",
#         "Action": "ses:SendEmail", "Resource": "*"}]}
package seslint.rules.grammar.unknown_action

import data.seslint.lib.policy
import data.seslint.lib.result
import data.seslint.lib.text

report contains result.fail(rego.metadata.chain(), {
	"message": message(e.value),
	"path": e.path,
}) if {
	some st in policy.statements
	some key in ["Action", "NotAction"]
	some e in policy.entries(st, key)
	is_string(e.value)
	not policy.is_action_name(e.value)
	policy.is_ses_pattern(e.value)
	not policy.is_symbolic(e.value)
	count(policy.ses_actions_matching(e.value)) == 0
}

message(action) := sprintf("%s matches no SES action; did you mean ses:%s?", [action, suggestion(action)]) if {
	suggestion(action)
}

message(action) := sprintf("%s matches no SES action", [action]) if {
	not suggestion(action)
}

# suggestion is the SES action (or, for a pattern ending in *, the action
# prefix) one typo away from what was written.
suggestion(action) := text.closest(name, policy.all_actions) if {
	[_, name] := policy.split_action(action)
	not policy.is_wildcard(name)
}

suggestion(action) := concat("", [prefix, "*"]) if {
	[_, name] := policy.split_action(action)
	endswith(name, "*")
	stem := trim_suffix(name, "*")
	not policy.is_wildcard(stem)
	prefix := text.closest(stem, {substring(a.name, 0, n) |
		some a in policy.catalog.actions
		some n in {count(stem) - 1, count(stem), count(stem) + 1}
		n > 0
	})
}
