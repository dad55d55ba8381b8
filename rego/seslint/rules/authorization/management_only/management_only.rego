# METADATA
# title: Delegated sender granted only management actions
# description: |
#   A sending authorization policy is how an identity owner lets another
#   account send as the identity. When the policy's Allow statements grant
#   another account only management actions (`GetEmailIdentity`,
#   `UpdateEmailIdentityPolicy`, DKIM or feedback settings, ...) and none of
#   the sending authorization actions (`SendEmail`, `SendRawEmail`,
#   `SendTemplatedEmail`, `SendBulkTemplatedEmail`), the delegated sender's
#   mail fails with "Unauthorized" (seeds 000-002: "check that the
#   authorization policy grants the IAM identity the permissions it
#   needs"). The example policy of SES's own "policy anatomy" page is such a
#   policy. Another account is any principal whose account differs from the
#   identity's, or any principal when the identity's account is not known.
# related_resources:
#   - description: Amazon SES policy anatomy
#     ref: https://docs.aws.amazon.com/ses/latest/dg/policy-anatomy.html
#   - description: Sending authorization policy examples
#     ref: https://docs.aws.amazon.com/ses/latest/dg/sending-authorization-policy-examples.html
# custom:
#   id: SES409
#   severity: warning
#   seed: "004"
#   remediation: |
#     If the account is meant to send as the identity, add `ses:SendEmail`
#     and `ses:SendRawEmail` (and the templated actions it uses) to the
#     statement; if it only manages the identity, ignore this finding with a
#     reason.
#   example:
#     bad: |
#       {"Version": "2012-10-17", "Statement": [{"Effect": "Allow",
#         "Principal": {"AWS": "111122223333"},
#         "Action": ["ses:GetEmailIdentity", "ses:UpdateEmailIdentityPolicy"],
#         "Resource": "arn:aws:ses:us-east-1:123456789012:identity/example.com"}]}
#     good: |
#       {"Version": "2012-10-17", "Statement": [{"Effect": "Allow",
#         "Principal": {"AWS": "111122223333"},
#         "Action": ["ses:GetEmailIdentity", "ses:SendEmail", "ses:SendRawEmail"],
#         "Resource": "arn:aws:ses:us-east-1:123456789012:identity/example.com"}]}
package seslint.rules.authorization.management_only

import data.seslint.lib.policy
import data.seslint.lib.principal
import data.seslint.lib.result

send_actions := {a | some a in policy.catalog.sending_authorization_actions}

# grantees lists, per Allow statement, the principals of other accounts it
# names, by account (or by value when the account is symbolic).
grantees := [{"st": st, "who": who} |
	some st in policy.statements
	policy.allow(st)
	who := {grantee(p.value) |
		some p in policy.principals(st)
		p.type == "AWS"
		principal.foreign_account(p.value)
	}
]

grantee(v) := principal.account(v)

grantee(v) := principal.text(v) if not principal.account(v)

# granted is the set of SES actions each grantee is allowed.
granted[who] := {a |
	some g in grantees
	who in g.who
	some a in policy.actions(g.st)
} if {
	some g in grantees
	some who in g.who
}

# stranded are the grantees allowed something but no sending action.
stranded contains who if {
	some who, actions in granted
	count(actions) > 0
	count(actions & send_actions) == 0
}

# first_statement is the index in grantees of the first statement naming a
# grantee.
first_statement[who] := min({i | some i, g in grantees; who in g.who}) if {
	some who in stranded
}

report contains result.fail(rego.metadata.chain(), {
	"message": sprintf("grants %s %s but none of the sending actions (ses:SendEmail, ses:SendRawEmail, ses:SendTemplatedEmail, ses:SendBulkTemplatedEmail): the delegated sender cannot send as this identity", [
		accounts(whos), few(union({granted[w] | some w in whos})),
	]),
	"path": array.concat(g.st.path, [action_key(g.st)]),
}) if {
	input.kind == "sending-authorization"
	some i, g in grantees
	whos := {w | some w in stranded; first_statement[w] == i}
	count(whos) > 0
}

action_key(st) := "Action" if policy.has_key(st.value, "Action")

action_key(st) := "NotAction" if not policy.has_key(st.value, "Action")

accounts(whos) := sprintf("%s %s", [noun(count(whos)), concat(", ", sort(whos))])

noun(1) := "account"

noun(n) := "accounts" if n != 1

# few names at most three actions, alphabetically.
few(actions) := concat(", ", sorted) if {
	sorted := sort([sprintf("ses:%s", [a]) | some a in actions])
	count(sorted) <= 3
}

few(actions) := sprintf("%s and %d more", [concat(", ", array.slice(sorted, 0, 3)), count(sorted) - 3]) if {
	sorted := sort([sprintf("ses:%s", [a]) | some a in actions])
	count(sorted) > 3
}
