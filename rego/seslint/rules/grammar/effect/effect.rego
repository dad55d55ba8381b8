# METADATA
# title: Effect missing or not Allow/Deny
# description: |
#   Every statement needs an `Effect` of exactly `Allow` or `Deny`; the
#   value is case-sensitive. AWS rejects a policy with a statement that has
#   no Effect or another value (`allow`, `ALLOW`, `Permit`), so the send
#   permission the statement was meant to grant, or the guardrail it was
#   meant to set, never exists (seed 004: Effect is required, "Allow" or
#   "Deny").
# related_resources:
#   - description: IAM JSON policy elements - Effect
#     ref: https://docs.aws.amazon.com/IAM/latest/UserGuide/reference_policies_elements_effect.html
#   - description: Amazon SES sending authorization policy anatomy
#     ref: https://docs.aws.amazon.com/ses/latest/dg/policy-anatomy.html
# custom:
#   id: SES103
#   severity: error
#   seed: "004"
#   remediation: |
#     Give every statement "Effect": "Allow" or "Effect": "Deny", spelled
#     exactly so.
#   example:
#     bad: |
#       {"Version": "2012-10-17", "Statement": [{"Effect": "allow",
#         "Action": "ses:SendRawEmail", "Resource": "*"}]}
#     good: |
#       {"Version": "2012-10-17", "Statement": [{"Effect": "Allow",
#         "Action": "ses:SendRawEmail", "Resource": "*"}]}
package seslint.rules.grammar.effect

import data.seslint.lib.grammar
import data.seslint.lib.policy
import data.seslint.lib.result

effects := {"Allow", "Deny"}

report contains result.fail(rego.metadata.chain(), {
	"message": `statement has no Effect: AWS rejects the policy; add "Effect": "Allow" or "Effect": "Deny"`,
	"path": st.path,
}) if {
	some st in policy.statements
	not policy.has_key(st.value, "Effect")
}

report contains result.fail(rego.metadata.chain(), {
	"message": sprintf(`Effect %q is not "Allow" or "Deny"%s: AWS rejects the policy`, [e, hint(e)]),
	"path": array.concat(st.path, ["Effect"]),
	"fix": sprintf("replace %q with %q", [e, grammar.suggestion(e, effects)]),
}) if {
	some st in policy.statements
	e := st.value.Effect
	is_string(e)
	not e in effects
	not policy.is_symbolic(e)
	grammar.suggestion(e, effects)
}

report contains result.fail(rego.metadata.chain(), {
	"message": sprintf(`Effect %q is not "Allow" or "Deny": AWS rejects the policy`, [e]),
	"path": array.concat(st.path, ["Effect"]),
}) if {
	some st in policy.statements
	e := st.value.Effect
	is_string(e)
	not e in effects
	not policy.is_symbolic(e)
	not grammar.suggestion(e, effects)
}

# hint says what the value was meant to be, and that case matters when
# only the case is wrong.
hint(e) := sprintf(" (the value is case-sensitive: did you mean %q?)", [grammar.case_variant(e, effects)])

hint(e) := grammar.did_you_mean(e, effects) if not grammar.case_variant(e, effects)
