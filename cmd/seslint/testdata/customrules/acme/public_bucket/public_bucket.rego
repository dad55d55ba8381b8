# METADATA
# title: SES actions granted to an example account
# description: |
#   A user rule loaded with --rules: the organisation forbids granting
#   anything to the documentation account 123456789012.
# custom:
#   id: ACME001
#   severity: warning
#   seed: custom
#   remediation: Use a real account id.
package seslint.rules.acme.public_bucket

import data.seslint.lib.policy
import data.seslint.lib.result

report contains result.fail(rego.metadata.chain(), {
	"message": sprintf("%s names the documentation account 123456789012", [e.value]),
	"path": e.path,
}) if {
	some st in policy.statements
	some e in policy.entries(st, "Resource")
	contains(e.value, ":123456789012:")
}
