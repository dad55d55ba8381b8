# METADATA
# title: Action not allowed in a sending authorization policy
# description: |
#   A sending authorization policy may only grant the identity management
#   actions SES lists for identity policies (`GetEmailIdentity`,
#   `UpdateEmailIdentityPolicy`, `PutEmailIdentityDkimAttributes`, ...) and
#   the four sending authorization actions `SendEmail`, `SendRawEmail`,
#   `SendTemplatedEmail` and `SendBulkTemplatedEmail`. SES rejects a policy
#   with any other action, including a wildcard such as `ses:*` or
#   `ses:Send*` that also matches actions outside that list (`SendBounce`,
#   `SendBulkEmail`, `SendCustomVerificationEmail`), and actions of other
#   services.
# related_resources:
#   - description: Amazon SES policy anatomy
#     ref: https://docs.aws.amazon.com/ses/latest/dg/policy-anatomy.html
# custom:
#   id: SES404
#   severity: error
#   seed: "004"
#   remediation: |
#     List the allowed actions by name, e.g. `ses:SendEmail` and
#     `ses:SendRawEmail` for a delegated sender; grant anything else through
#     the sender's own IAM policies.
#   example:
#     bad: |
#       {"Version": "2012-10-17", "Statement": [{"Effect": "Allow",
#         "Principal": {"AWS": "111122223333"}, "Action": "ses:*",
#         "Resource": "arn:aws:ses:us-east-1:123456789012:identity/example.com"}]}
#     good: |
#       {"Version": "2012-10-17", "Statement": [{"Effect": "Allow",
#         "Principal": {"AWS": "111122223333"},
#         "Action": ["ses:SendEmail", "ses:SendRawEmail"],
#         "Resource": "arn:aws:ses:us-east-1:123456789012:identity/example.com"}]}
package seslint.rules.authorization.action

import data.seslint.lib.policy
import data.seslint.lib.result

# allowed is the set of actions SES accepts in an identity policy.
allowed := {a | some a in policy.catalog.identity_policy_actions}

# An ses: action, or a wildcard, matching actions outside the allowed list.
# An entry that matches no SES action at all is SES107's.
report contains result.fail(rego.metadata.chain(), object.union(
	{"message": message(e.value, outside), "path": e.path},
	fix(e.value),
)) if {
	input.kind == "sending-authorization"
	some st in policy.statements
	some e in policy.entries(st, "Action")
	is_string(e.value)
	not policy.is_symbolic(e.value)
	policy.is_ses_pattern(e.value)
	outside := policy.ses_actions_matching(e.value) - allowed
	count(outside) > 0
}

# An action of another service.
report contains result.fail(rego.metadata.chain(), {
	"message": sprintf("%s is not an SES action: a sending authorization policy can only grant ses: actions on the identity, and SES rejects the policy", [e.value]),
	"path": e.path,
}) if {
	input.kind == "sending-authorization"
	some st in policy.statements
	some e in policy.entries(st, "Action")
	is_string(e.value)
	not policy.is_symbolic(e.value)
	not policy.is_ses_pattern(e.value)
}

message(action, outside) := sprintf("ses:%s cannot be granted in a sending authorization policy (only identity management actions and SendEmail, SendRawEmail, SendTemplatedEmail, SendBulkTemplatedEmail can): SES rejects the policy", [name]) if {
	[_, n] := policy.split_action(action)
	not policy.is_wildcard(n)
	some name in outside
}

message(action, outside) := sprintf("%s matches %d SES %s a sending authorization policy cannot grant (%s): SES rejects the policy", [action, count(outside), plural(count(outside)), few(outside)]) if {
	[_, n] := policy.split_action(action)
	policy.is_wildcard(n)
}

plural(1) := "action"

plural(n) := "actions" if n != 1

# few names at most three actions, alphabetically.
few(actions) := concat(", ", sorted) if {
	sorted := sort([sprintf("ses:%s", [a]) | some a in actions])
	count(sorted) <= 3
}

few(actions) := sprintf("%s, ...", [concat(", ", array.slice(sorted, 0, 3))]) if {
	sorted := sort([sprintf("ses:%s", [a]) | some a in actions])
	count(sorted) > 3
}

# fix lists the allowed actions a wildcard matches, to write instead.
fix(action) := {"fix": sprintf("replace %s with the allowed actions it matches: %s", [action, concat(", ", sort([sprintf("ses:%s", [a]) | some a in inside]))])} if {
	[_, n] := policy.split_action(action)
	policy.is_wildcard(n)
	inside := policy.ses_actions_matching(action) & allowed
	count(inside) > 0
	count(inside) <= 6
} else := {"fix": sprintf("replace %s with the actions the delegated sender needs, such as ses:SendEmail and ses:SendRawEmail", [action])} if {
	[_, n] := policy.split_action(action)
	policy.is_wildcard(n)
} else := {}
