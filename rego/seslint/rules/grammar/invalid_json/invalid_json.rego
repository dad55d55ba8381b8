# METADATA
# title: Policy text is not valid JSON
# description: |
#   IAM, Organizations and SES read a policy as strict JSON: a document that
#   does not parse is rejected when it is deployed (MalformedPolicyDocument,
#   InvalidPolicy), so the sending rights it was meant to grant or deny never
#   exist. Typographic quotes `“ ” ‘ ’`, as in the seeds' own SCP example
#   `"Action": “ses:*”` (text copied from a web page or a word processor),
#   and trailing commas are recognised and reported with their own fix; the
#   rest of the document is then still checked. Any other syntax error stops
#   decoding, and no other rule can check the document until it is fixed.
# related_resources:
#   - description: IAM JSON policy grammar
#     ref: https://docs.aws.amazon.com/IAM/latest/UserGuide/reference_policies_grammar.html
#   - description: How do I resolve an "Unauthorized" error when sending email with Amazon SES? (the SCP example with typographic quotes)
#     ref: https://repost.aws/knowledge-center/ses-unauthorized-error
# custom:
#   id: SES101
#   severity: error
#   seed: "000"
#   remediation: |
#     Write the policy as strict JSON: straight double quotes (") around every
#     key and string, a comma between elements and none after the last one,
#     matching brackets and braces. Paste policies through a plain-text
#     editor, never a word processor.
#   example:
#     bad: |
#       {"Version": "2012-10-17", "Statement": [{"Effect": "Deny",
#         "Action": “ses:*”, "Resource": "*"}]}
#     good: |
#       {"Version": "2012-10-17", "Statement": [{"Effect": "Deny",
#         "Action": "ses:*", "Resource": "*"}]}
package seslint.rules.grammar.invalid_json

import data.seslint.lib.result

# kinds are the decode problems this rule reports; duplicate keys are
# SES102's.
kinds := {"syntax", "typographic_quote", "trailing_comma"}

report contains result.fail(rego.metadata.chain(), {
	"message": e.message,
	"error": i,
	"fix": e.fix,
}) if {
	some i, e in input.errors
	e.kind in kinds
}
