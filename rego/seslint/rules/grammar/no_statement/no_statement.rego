# METADATA
# title: Policy has no statement
# description: |
#   A policy needs at least one statement (seed 004: "each policy must
#   contain at least one statement"). AWS rejects a policy without
#   `Statement` or with an empty list, so nothing it was meant to grant or
#   deny takes effect. A `Statement` key spelled wrong (`Statements`,
#   `statement`) counts as missing: SES102 reports the misspelling too.
# related_resources:
#   - description: Amazon SES sending authorization policy anatomy
#     ref: https://docs.aws.amazon.com/ses/latest/dg/policy-anatomy.html
#   - description: IAM JSON policy elements - Statement
#     ref: https://docs.aws.amazon.com/IAM/latest/UserGuide/reference_policies_elements_statement.html
# custom:
#   id: SES105
#   severity: error
#   seed: "004"
#   remediation: |
#     Add a "Statement" list with at least one statement, or delete the
#     policy if it is not needed.
#   example:
#     bad: |
#       {"Version": "2012-10-17", "Statement": []}
#     good: |
#       {"Version": "2012-10-17", "Statement": [{"Effect": "Allow",
#         "Action": ["ses:SendEmail", "ses:SendRawEmail"], "Resource": "*"}]}
package seslint.rules.grammar.no_statement

import data.seslint.lib.grammar
import data.seslint.lib.policy
import data.seslint.lib.result

report contains result.fail(rego.metadata.chain(), {
	"message": "policy has no Statement: a policy needs at least one statement, and AWS rejects it without one",
	"path": [],
}) if {
	doc := grammar.document
	not policy.has_key(doc, "Statement")
}

report contains result.fail(rego.metadata.chain(), {
	"message": "Statement is an empty list: a policy needs at least one statement, and AWS rejects it without one",
	"path": ["Statement"],
}) if {
	grammar.document.Statement == []
}
