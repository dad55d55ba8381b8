# METADATA
# title: SendEmail allowed without SendRawEmail, or the reverse
# description: |
#   `ses:SendEmail` and `ses:SendRawEmail` authorize different calls. Mail
#   sent through the SES SMTP interface, and raw MIME messages sent with the
#   v1 `SendRawEmail` API, need `ses:SendRawEmail`; the SES v2 `SendEmail`
#   API (simple, raw and templated content) and the v1 `SendEmail` API need
#   `ses:SendEmail`. A policy that allows only one of them makes the other
#   path fail with "Unauthorized". The AWS troubleshooting article checks
#   for both. Evaluated over the Allow statements that grant to the same
#   principal: all of an identity policy's (they grant to its holder), and
#   in a sending authorization policy those naming the same principal,
#   or "*". A note, not a warning: many senders only ever call one of the
#   two.
# related_resources:
#   - description: How do I resolve an "Unauthorized" error when I send emails in Amazon SES?
#     ref: https://repost.aws/knowledge-center/amazon-ses-send-email-unauthorized-error
#   - description: Obtaining Amazon SES SMTP credentials (the IAM user needs ses:SendRawEmail)
#     ref: https://docs.aws.amazon.com/ses/latest/dg/smtp-credentials.html
# custom:
#   id: SES201
#   severity: note
#   seed: "000"
#   remediation: |
#     Allow both actions in the statement that sends:
#     `"Action": ["ses:SendEmail", "ses:SendRawEmail"]`. Leave it as it is
#     only if this principal never sends over SMTP or raw MIME (or never
#     through the v2 API and v1 SendEmail).
#   example:
#     bad: |
#       {"Version": "2012-10-17", "Statement": [{"Effect": "Allow",
#         "Action": "ses:SendEmail", "Resource": "*"}]}
#     good: |
#       {"Version": "2012-10-17", "Statement": [{"Effect": "Allow",
#         "Action": ["ses:SendEmail", "ses:SendRawEmail"], "Resource": "*"}]}
package seslint.rules.send.send_raw_pair

import data.seslint.lib.policy
import data.seslint.lib.principal
import data.seslint.lib.result
import data.seslint.lib.send
import data.seslint.lib.unit

# other maps each action of the pair to its partner.
other := {"SendEmail": "SendRawEmail", "SendRawEmail": "SendEmail"}

# grants maps each grantee to every SES action the Allow statements that
# grant to it cover. The grantee of an identity policy's statements is the
# policy's holder (""); in a sending authorization policy, a statement
# grants to each principal it names, and a "*" statement to every one.
grants[g] := {a |
	some st in policy.statements
	policy.allow(st)
	grants_to(st, g)
	some a in policy.actions(st)
} if {
	some g in {g | some st in policy.statements; policy.allow(st); some g in grantees(st)}
}

# grants_to is true when statement st grants to grantee g.
grants_to(st, g) if grantees(st) & {g, "*"} != set()

grantees(st) := {grantee(p) | some p in policy.principals(st)} if {
	input.kind == "sending-authorization"
	count(policy.principals(st)) > 0
} else := {""}

# grantee names a principal by its account when it is an account (root
# ARN or ID), so that both ways of writing one account are one grantee.
grantee(p) := "*" if p.value == "*"

else := principal.account(p.value) if {
	p.type == "AWS"
	principal.is_account_id(principal.text(p.value))
}

else := principal.account(p.value) if {
	p.type == "AWS"
	endswith(principal.text(p.value), ":root")
}

else := sprintf("%s %v", [p.type, p.value])

report contains result.fail(rego.metadata.chain(), object.union(
	send.at(loc, {
		"message": message[present],
		"fix": fix(loc, present),
	}),
	edits(loc, present),
)) if {
	policy.kind in {"identity", "sending-authorization"}
	not input.attached
	some g, allowed in grants
	some present, missing in other
	present in allowed
	not missing in allowed
	loc := first_grant_to(g, present)
}

# A principal's policies are taken together: SendEmail in one and
# SendRawEmail in another is fine. Reported once per principal, in the
# first of its documents that grants the action.
unit_report contains result.fail(rego.metadata.chain(), object.union_n([
	send.at(loc, {
		"message": sprintf("%s (%s, across its policies)", [message[present], unit.name(p)]),
		"fix": fix(loc, present),
	}),
	{"document": k},
	ed,
])) if {
	some p in input.unit.principals
	allowed := unit.allowed(p)
	some present, missing in other
	present in allowed
	not missing in allowed
	k := min({k |
		some k in p.policies
		input.unit.documents[k].kind == "identity"
		some st in unit.statements(k)
		policy.allow(st)
		present in policy.actions(st)
	})
	loc := first_grant_to("", present) with input as input.unit.documents[k]
	ed := edits(loc, present) with input as input.unit.documents[k]
}

# first_grant_to is the first place, in document order, where an Allow
# statement grants action a to grantee g ("" for an identity policy's
# holder).
first_grant_to(g, a) := [loc |
	some st in policy.statements
	policy.allow(st)
	grants_to(st, g)
	some loc in send.locations(st, {a})
][0]

message := {
	"SendEmail": concat("", [
		"ses:SendEmail is allowed but ses:SendRawEmail is not: ",
		"mail sent through the SES SMTP interface or as raw MIME with SendRawEmail fails with Unauthorized",
	]),
	"SendRawEmail": concat("", [
		"ses:SendRawEmail is allowed but ses:SendEmail is not: ",
		"sends through the SES v2 API and v1 SendEmail calls fail with Unauthorized",
	]),
}

fix(loc, present) := sprintf("add \"ses:%s\" next to %s", [other[present], json.marshal(loc.value)]) if not loc.key

fix(loc, present) := sprintf("allow \"ses:%s\" too: remove the NotAction entry that excludes it", [other[present]]) if loc.key

# edits adds the missing action next to the one granted: after it in a
# list, or by turning a single action into a list. Nothing for a grant
# through NotAction.
edits(loc, present) := {"edits": [{"path": loc.path, "op": "insert_after", "text": sprintf(", \"ses:%s\"", [other[present]])}]} if {
	not loc.key
	in_list(loc.path)
}

edits(loc, present) := {"edits": [{"path": array.slice(loc.path, 0, count(loc.path) - 1), "op": "replace", "text": json.marshal([loc.value, sprintf("ses:%s", [other[present]])])}]} if {
	not loc.key
	not in_list(loc.path)
}

edits(loc, _) := {} if loc.key

# in_list is true when the Action element holding path is a list.
in_list(path) if is_array(object.get(input.document, array.slice(path, 0, count(path) - 1), null))
