# METADATA
# title: Template cannot be parsed
# description: |
#   A file seslint recognises as a CloudFormation or Terraform template
#   could not be parsed, so none of its policies were checked — and
#   CloudFormation or Terraform will reject it too. The finding is placed
#   where the parser stopped.
# custom:
#   id: SES100
#   severity: error
#   seed: iam
#   remediation: |
#     Fix the syntax error the message names (indentation, a missing colon,
#     an unclosed quote or bracket); `cfn-lint` or `terraform validate`
#     give more detail on the file as a whole.
#   example:
#     bad: |
#       Resources:
#         SenderPolicy:
#           Type: AWS::IAM::ManagedPolicy
#           Properties:
#             PolicyDocument: {Version: "2012-10-17"
#     good: |
#       Resources:
#         SenderPolicy:
#           Type: AWS::IAM::ManagedPolicy
#           Properties:
#             PolicyDocument: {Version: "2012-10-17", Statement: []}
package seslint.rules.grammar.unparseable_file

import data.seslint.lib.result

report contains result.fail(rego.metadata.chain(), {
	"message": e.message,
	"error": i,
	"fix": e.fix,
}) if {
	some i, e in input.errors
	e.kind == "file_syntax"
}
