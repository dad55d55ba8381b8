# METADATA
# title: Wildcard or NotAction grants SES identity management
# description: |
#   An Allow with `*`, `ses:*`, a wildcard such as `ses:Put*`, or a
#   NotAction, in an identity policy, grants more than sending: it also
#   covers the SES management actions that create, verify and delete
#   identities, change their DKIM and MAIL FROM settings and rewrite their
#   sending authorization policies. A principal that only sends mail (an
#   application, an SMTP user) rarely needs them, and whoever holds its
#   credentials can then take over or remove the identities. Actions named
#   one by one are a deliberate choice and are not reported.
# related_resources:
#   - description: Controlling access to Amazon SES
#     ref: https://docs.aws.amazon.com/ses/latest/dg/control-user-access.html
#   - description: Security best practices in IAM (grant least privilege)
#     ref: https://docs.aws.amazon.com/IAM/latest/UserGuide/best-practices.html#grant-least-privilege
# custom:
#   id: SES601
#   severity: warning
#   seed: iam
#   security_severity: "5.5"
#   remediation: |
#     List the actions the principal needs (for a sender: `ses:SendEmail`,
#     `ses:SendRawEmail`, ...) instead of a wildcard or NotAction, and grant
#     identity management only to the roles that administer SES.
#   example:
#     bad: |
#       {"Version": "2012-10-17", "Statement": [{"Effect": "Allow",
#         "Action": "ses:*", "Resource": "*"}]}
#     good: |
#       {"Version": "2012-10-17", "Statement": [{"Effect": "Allow",
#         "Action": ["ses:SendEmail", "ses:SendRawEmail"],
#         "Resource": "arn:aws:ses:eu-west-1:123456789012:identity/example.com"}]}
package seslint.rules.privilege.broad_management

import data.seslint.lib.policy
import data.seslint.lib.result

management := {a | some a in policy.catalog.management_actions}

# A wildcard Action entry.
report contains result.fail(rego.metadata.chain(), {
	"message": message(e.value, included),
	"path": e.path,
}) if {
	input.kind == "identity"
	some st in policy.statements
	policy.allow(st)
	some e in policy.entries(st, "Action")
	is_string(e.value)
	policy.is_wildcard(e.value)
	included := policy.ses_actions_matching(e.value) & management
	count(included) > 0
}

# A NotAction: its complement.
report contains result.fail(rego.metadata.chain(), {
	"message": message("NotAction", included),
	"path": array.concat(st.path, ["NotAction"]),
	"key": true,
}) if {
	input.kind == "identity"
	some st in policy.statements
	policy.allow(st)
	not policy.has_key(st.value, "Action")
	policy.has_key(st.value, "NotAction")
	included := policy.actions(st) & management
	count(included) > 0
}

message(what, included) := sprintf("%s also allows %s: whoever holds this policy can create, re-verify or delete identities and change their DKIM and sending authorization", [what, phrase(included)])

# first is the order management actions are named in: the most damaging
# first, then the others alphabetically.
first := [
	"PutIdentityPolicy",
	"DeleteEmailIdentity",
	"CreateEmailIdentityPolicy",
	"UpdateEmailIdentityPolicy",
	"DeleteIdentity",
	"PutEmailIdentityDkimSigningAttributes",
]

ordered(included) := array.concat(
	[a | some a in first; a in included],
	sort(included - {a | some a in first}),
)

phrase(included) := sprintf("the SES management action ses:%s", [a]) if {
	[a] := ordered(included)
}

phrase(included) := sprintf("%s (SES management actions)", [english(ordered(included))]) if {
	count(included) in {2, 3}
}

phrase(included) := sprintf("ses:%s, ses:%s and %d more SES management actions", [o[0], o[1], count(o) - 2]) if {
	o := ordered(included)
	count(o) > 3
}

# english joins action names as "ses:A, ses:B and ses:C".
english(names) := concat(" and ", [
	concat(", ", [sprintf("ses:%s", [a]) | some a in array.slice(names, 0, count(names) - 1)]),
	sprintf("ses:%s", [names[count(names) - 1]]),
])
