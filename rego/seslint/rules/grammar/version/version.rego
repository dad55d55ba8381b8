# METADATA
# title: Version missing or not 2012-10-17
# description: |
#   `Version` names the policy language. Without it IAM reads the policy as
#   `2008-10-17`, the old language in which policy variables such as
#   `${aws:username}` or `${aws:PrincipalTag/team}` are plain text, so a
#   `Resource` or `ses:FromAddress` condition built from them matches
#   nothing and sending fails with "Unauthorized". IAM, Organizations and
#   other resource policies accept only `2012-10-17` and `2008-10-17`: any
#   other value makes AWS reject the policy (error). SES sending
#   authorization policies accept any string, with `2012-10-17` as the best
#   practice (seed 004), so there another value is a warning.
# related_resources:
#   - description: IAM JSON policy elements - Version
#     ref: https://docs.aws.amazon.com/IAM/latest/UserGuide/reference_policies_elements_version.html
#   - description: Amazon SES sending authorization policy anatomy
#     ref: https://docs.aws.amazon.com/ses/latest/dg/policy-anatomy.html
# custom:
#   id: SES104
#   severity: warning
#   seed: "004"
#   remediation: |
#     Put "Version": "2012-10-17" at the top of the policy.
#   example:
#     bad: |
#       {"Version": "2012-10-18", "Statement": [{"Effect": "Allow",
#         "Action": "ses:SendEmail", "Resource": "*"}]}
#     good: |
#       {"Version": "2012-10-17", "Statement": [{"Effect": "Allow",
#         "Action": "ses:SendEmail", "Resource": "*"}]}
package seslint.rules.grammar.version

import data.seslint.lib.grammar
import data.seslint.lib.policy
import data.seslint.lib.result

current := "2012-10-17"

old := "2008-10-17"

fix := sprintf("set \"Version\": %q", [current])

report contains result.fail(rego.metadata.chain(), {
	"message": sprintf("policy has no Version: it is read as %s, where policy variables such as ${aws:username} are not replaced; add \"Version\": %q", [old, current]),
	"path": [],
}) if {
	doc := grammar.document
	not policy.has_key(doc, "Version")
}

report contains result.fail(rego.metadata.chain(), {
	"message": sprintf("Version %q is the old policy language: policy variables such as ${aws:username} are not replaced; use %q", [old, current]),
	"path": ["Version"],
	"fix": fix,
}) if {
	grammar.document.Version == old
}

# IAM and the other AWS services accept only the two versions.
report contains result.fail(rego.metadata.chain(), {
	"message": sprintf("Version %q is not a policy language version: AWS accepts only %q and %q and rejects the policy", [v, current, old]),
	"path": ["Version"],
	"level": "error",
	"fix": fix,
}) if {
	policy.kind != "sending-authorization"
	v := unknown_version
}

# SES accepts any string in a sending authorization policy.
report contains result.fail(rego.metadata.chain(), {
	"message": sprintf("Version %q is not %q: SES accepts it in a sending authorization policy, but recommends %q", [v, current, current]),
	"path": ["Version"],
	"fix": fix,
}) if {
	input.kind == "sending-authorization"
	v := unknown_version
}

unknown_version := v if {
	v := grammar.document.Version
	is_string(v)
	not v in {current, old}
	not policy.is_symbolic(v)
}
