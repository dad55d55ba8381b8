# METADATA
# title: Duplicate Sid
# description: |
#   A `Sid` names a statement and should be unique within its policy: IAM
#   requires it, and a duplicate makes a finding, a CloudTrail denial or a
#   review comment that names the Sid ambiguous, which is usually how a
#   copied statement (a second "SendEmail" grant, a Deny pasted next to the
#   Allow it shadows) goes unnoticed.
# related_resources:
#   - description: IAM JSON policy elements - Sid
#     ref: https://docs.aws.amazon.com/IAM/latest/UserGuide/reference_policies_elements_sid.html
#   - description: Amazon SES sending authorization policy anatomy
#     ref: https://docs.aws.amazon.com/ses/latest/dg/policy-anatomy.html
# custom:
#   id: SES108
#   severity: warning
#   seed: "004"
#   remediation: |
#     Give each statement its own Sid, or merge the statements if they are
#     copies of each other.
#   example:
#     bad: |
#       {"Version": "2012-10-17", "Statement": [
#         {"Sid": "Send", "Effect": "Allow", "Action": "ses:SendEmail", "Resource": "*"},
#         {"Sid": "Send", "Effect": "Allow", "Action": "ses:SendRawEmail", "Resource": "*"}]}
#     good: |
#       {"Version": "2012-10-17", "Statement": [
#         {"Sid": "SendEmail", "Effect": "Allow", "Action": "ses:SendEmail", "Resource": "*"},
#         {"Sid": "SendRawEmail", "Effect": "Allow", "Action": "ses:SendRawEmail", "Resource": "*"}]}
package seslint.rules.grammar.duplicate_sid

import data.seslint.lib.policy
import data.seslint.lib.result

report contains result.fail(rego.metadata.chain(), {
	"message": sprintf("Sid %q is already used by statement %d: a Sid must be unique within a policy", [sid, first]),
	"path": array.concat(st.path, ["Sid"]),
}) if {
	some st in policy.statements
	sid := st.value.Sid
	is_string(sid)
	sid != ""
	i := st.path[1]
	first := min({j |
		some other in policy.statements
		other.value.Sid == sid
		j := other.path[1]
	})
	first < i
}
