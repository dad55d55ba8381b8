# METADATA
# title: Conditional Deny of send actions
# description: |
#   A `Deny` with a `Condition` that covers a send action refuses every send
#   for which the condition holds, whatever the Allow statements grant. The
#   AWS troubleshooting article asks to check such deny statements for
#   conditions on `ses:Recipients`, `ses:FromAddress`,
#   `ses:FromDisplayName`, `ses:FeedbackAddress`, `aws:CurrentTime`,
#   `aws:EpochTime`, `aws:SecureTransport`, `aws:SourceIp` and
#   `aws:UserAgent`. This note names each condition of the Deny and the
#   sends it refuses, so a reader can tell whether "Unauthorized" comes from
#   it. Applies to identity policies and permissions boundaries.
# related_resources:
#   - description: How do I resolve an "Unauthorized" error when I send emails in Amazon SES?
#     ref: https://repost.aws/knowledge-center/amazon-ses-send-email-unauthorized-error
#   - description: Controlling access to Amazon SES (SES condition keys)
#     ref: https://docs.aws.amazon.com/ses/latest/dg/control-user-access.html
#   - description: IAM JSON policy elements - condition operators
#     ref: https://docs.aws.amazon.com/IAM/latest/UserGuide/reference_policies_elements_condition_operators.html
# custom:
#   id: SES203
#   severity: note
#   seed: "000"
#   remediation: |
#     Check that the condition refuses only the sends it is meant to refuse.
#     Negated operators (`StringNotLike`, `NotIpAddress`, ...) also match
#     when the key is absent from the request. If legitimate mail is
#     refused, narrow the condition or remove the Deny.
#   example:
#     bad: |
#       {"Version": "2012-10-17", "Statement": [{"Effect": "Deny",
#         "Action": ["ses:SendEmail", "ses:SendRawEmail"], "Resource": "*",
#         "Condition": {"StringNotLike": {"ses:FromAddress": "*@example.com"}}}]}
#     good: |
#       {"Version": "2012-10-17", "Statement": [{"Effect": "Allow",
#         "Action": ["ses:SendEmail", "ses:SendRawEmail"], "Resource": "*",
#         "Condition": {"StringLike": {"ses:FromAddress": "*@example.com"}}}]}
package seslint.rules.send.conditional_deny

import data.seslint.lib.policy
import data.seslint.lib.result
import data.seslint.lib.send

report contains result.fail(rego.metadata.chain(), {
	"message": sprintf("Deny of %s applies when %s: %s", [send.describe(blocked), test(c), refused(c)]),
	"path": c.path,
	"key": true,
}) if {
	policy.identity_like
	some st in policy.statements
	policy.deny(st)
	policy.conditional(st)
	blocked := policy.covered_send_actions(st)
	count(blocked) > 0
	send.identity_scope(st)
	some c in policy.conditions(st)
}

# test says in words when a condition holds.
test(c) := sprintf("%s is absent", [c.key]) if {
	c.base == "Null"
	truthy(c.values)
}

test(c) := sprintf("%s is present", [c.key]) if {
	c.base == "Null"
	not truthy(c.values)
}

test(c) := comparison(c) if {
	c.base != "Null"
	not endswith(c.operator, "IfExists")
}

test(c) := sprintf("%s is absent or %s", [c.key, comparison(c)]) if {
	c.base != "Null"
	endswith(c.operator, "IfExists")
}

comparison(c) := sprintf("%s %s %s", [subject(c), verbs[c.base], values(c.values)]) if verbs[c.base]

comparison(c) := sprintf("%s %s %s", [subject(c), c.operator, values(c.values)]) if not verbs[c.base]

subject(c) := c.key if c.set == ""

subject(c) := sprintf("any value of %s", [c.key]) if c.set == "ForAnyValue"

subject(c) := sprintf("every value of %s", [c.key]) if c.set == "ForAllValues"

subject(c) := sprintf("%s:%s", [c.set, c.key]) if not c.set in {"", "ForAnyValue", "ForAllValues"}

verbs := {
	"StringEquals": "is",
	"StringNotEquals": "is not",
	"StringEqualsIgnoreCase": "is, ignoring case,",
	"StringNotEqualsIgnoreCase": "is not, ignoring case,",
	"StringLike": "is like",
	"StringNotLike": "is not like",
	"NumericEquals": "equals",
	"NumericNotEquals": "does not equal",
	"NumericLessThan": "is less than",
	"NumericLessThanEquals": "is at most",
	"NumericGreaterThan": "is greater than",
	"NumericGreaterThanEquals": "is at least",
	"DateEquals": "is",
	"DateNotEquals": "is not",
	"DateLessThan": "is before",
	"DateLessThanEquals": "is at or before",
	"DateGreaterThan": "is after",
	"DateGreaterThanEquals": "is at or after",
	"Bool": "is",
	"BinaryEquals": "is",
	"IpAddress": "is in",
	"NotIpAddress": "is not in",
	"ArnEquals": "is",
	"ArnLike": "is like",
	"ArnNotEquals": "is not",
	"ArnNotLike": "is not like",
}

# values quotes the values of a condition: one as it is, several as "any
# of" (for a negated operator that reads "matches none of them", which is
# what IAM does); more than three are cut.
values(vs) := json.marshal(vs[0]) if count(vs) == 1

values(vs) := "[]" if count(vs) == 0

values(vs) := sprintf("any of %s", [concat(", ", [json.marshal(v) | some v in vs])]) if {
	count(vs) > 1
	count(vs) <= 3
}

values(vs) := sprintf("any of %s and %d more", [concat(", ", [json.marshal(v) | some v in array.slice(vs, 0, 3)]), count(vs) - 3]) if count(vs) > 3

truthy(vs) if {
	some v in vs
	lower(sprintf("%v", [v])) == "true"
}

# refused says which sends the Deny refuses, for the keys the AWS
# troubleshooting article lists, and in general terms for any other key.
refused(c) := sprintf("requests without %s are refused", [c.key]) if {
	c.base == "Null"
	truthy(c.values)
}

refused(c) := sprintf("requests that carry %s are refused", [c.key]) if {
	c.base == "Null"
	not truthy(c.values)
}

refused(c) := explanation[c.lkey][polarity(c)] if {
	c.base != "Null"
	explanation[c.lkey]
}

refused(c) := by_value[c.lkey][truthy_name(c.values)] if {
	c.base != "Null"
	by_value[c.lkey]
}

refused(c) := "sends for which this test holds are refused" if {
	c.base != "Null"
	not explanation[c.lkey]
	not by_value[c.lkey]
}

polarity(c) := "other" if send.negated(c.base)

polarity(c) := "these" if not send.negated(c.base)

explanation := {
	"ses:fromaddress": {
		"other": "mail from other senders is refused",
		"these": "mail from these senders is refused",
	},
	"ses:fromdisplayname": {
		"other": "mail with another From display name is refused",
		"these": "mail with this From display name is refused",
	},
	"ses:feedbackaddress": {
		"other": "mail with another feedback (Return-Path) address is refused",
		"these": "mail with this feedback (Return-Path) address is refused",
	},
	"ses:recipients": {
		"other": "a message with other recipients is refused as a whole, To, CC and BCC alike",
		"these": "a message to these recipients is refused as a whole, To, CC and BCC alike",
	},
	"aws:currenttime": {
		"other": "sending is refused outside this time window",
		"these": "sending is refused during this time window",
	},
	"aws:epochtime": {
		"other": "sending is refused outside this time window",
		"these": "sending is refused during this time window",
	},
	"aws:sourceip": {
		"other": "calls from other IP addresses are refused, and so are calls without aws:SourceIp (through a VPC endpoint) unless another condition exempts them",
		"these": "calls from these IP addresses are refused",
	},
	"aws:useragent": {
		"other": "calls from other clients are refused; the caller sets the User-Agent and it changes with SDK and library versions",
		"these": "calls from these clients are refused; the caller sets the User-Agent and it changes with SDK and library versions",
	},
}

# by_value explains the Bool keys by the value tested.
by_value := {
	"aws:securetransport": {
		"true": "requests over TLS are refused, and every SES API call uses HTTPS: sending is blocked",
		"false": "requests made without TLS are refused",
	},
	"aws:viaawsservice": {
		"true": "calls AWS services make for the principal are refused",
		"false": "calls the principal makes itself are refused; AWS services calling for it are exempt",
	},
}

truthy_name(vs) := "true" if truthy(vs)

truthy_name(vs) := "false" if not truthy(vs)
