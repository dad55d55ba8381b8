# METADATA
# title: Time window of a send grant or deny is closed or open now
# description: |
#   A statement can limit itself in time with `aws:CurrentTime` (Date
#   operators) or `aws:EpochTime` (Numeric or Date operators, seconds). The
#   SES policy guide's own example stops a delegated sender with
#   `DateLessThan aws:CurrentTime 2019-07-30T00:00:00Z`. Compared with the
#   evaluation time (`--now`): an Allow of send actions whose end has passed
#   grants nothing (error), an Allow whose start is still ahead grants
#   nothing yet (warning), and a Deny of send actions whose window includes
#   now refuses every send (error). Values are RFC 3339 times, dates
#   (`2019-07-30`) or epoch seconds; deploy-time values are not checked.
# related_resources:
#   - description: Amazon SES policy anatomy (conditions)
#     ref: https://docs.aws.amazon.com/ses/latest/dg/policy-anatomy.html
#   - description: IAM JSON policy elements - date condition operators
#     ref: https://docs.aws.amazon.com/IAM/latest/UserGuide/reference_policies_elements_condition_operators.html#Conditions_Date
# custom:
#   id: SES205
#   severity: error
#   seed: "004"
#   remediation: |
#     Move the date to the window you mean, or remove the time condition
#     (and the statement, if the grant is meant to have ended).
#   example:
#     bad: |
#       {"Version": "2012-10-17", "Statement": [{"Effect": "Allow",
#         "Action": ["ses:SendEmail", "ses:SendRawEmail"], "Resource": "*",
#         "Condition": {"DateLessThan": {"aws:CurrentTime": "2019-07-30T00:00:00Z"}}}]}
#     good: |
#       {"Version": "2012-10-17", "Statement": [{"Effect": "Allow",
#         "Action": ["ses:SendEmail", "ses:SendRawEmail"], "Resource": "*",
#         "Condition": {"DateLessThan": {"aws:CurrentTime": "2099-07-30T00:00:00Z"}}}]}
package seslint.rules.send.time_window

import data.seslint.lib.policy
import data.seslint.lib.result
import data.seslint.lib.send

# bounds maps each time operator to the side of the window it closes and
# whether the bound itself is inside the window.
bounds := {
	"DateLessThan": {"side": "end", "inclusive": false},
	"DateLessThanEquals": {"side": "end", "inclusive": true},
	"DateGreaterThan": {"side": "start", "inclusive": false},
	"DateGreaterThanEquals": {"side": "start", "inclusive": true},
	"NumericLessThan": {"side": "end", "inclusive": false},
	"NumericLessThanEquals": {"side": "end", "inclusive": true},
	"NumericGreaterThan": {"side": "start", "inclusive": false},
	"NumericGreaterThanEquals": {"side": "start", "inclusive": true},
}

report contains result.fail(rego.metadata.chain(), object.union(
	{"message": message(st, c, w), "path": array.concat(c.path, [w.index])},
	level[outcome(st, w)],
)) if {
	some st in policy.statements
	blocked := policy.covered_send_actions(st)
	count(blocked) > 0
	some c in policy.conditions(st)
	time_key(c)
	w := window(c)
	outcome(st, w)
}

time_key(c) if {
	c.lkey == "aws:currenttime"
	startswith(c.base, "Date")
}

time_key(c) if c.lkey == "aws:epochtime"

# window is the bound a condition sets: its side, the instant (the latest
# value for an end, the earliest for a start: several values are ORed), the
# index of that value and whether now is inside the window. Every value
# must be understood.
window(c) := w if {
	b := bounds[c.base]
	instants := [t | some v in c.values; t := instant_ns(v); fits(c.base, v)]
	count(instants) == count(c.values)
	count(instants) > 0
	t := pick(b.side, instants)
	w := {
		"side": b.side,
		"instant": t,
		"index": [i | some i, x in instants; x == t][0],
		"open": open(b, t),
	}
}

# fits is true when a value has the form its operator compares: epoch
# seconds for Numeric operators, anything instant_ns reads for Date ones.
fits(base, _) if startswith(base, "Date")

fits(base, v) if {
	startswith(base, "Numeric")
	is_number(v)
}

fits(base, v) if {
	startswith(base, "Numeric")
	is_string(v)
	regex.match(`^[0-9]+$`, v)
}

pick("end", instants) := max(instants)

pick("start", instants) := min(instants)

default open(_, _) := false

open(b, t) if {
	b.side == "end"
	input.now_ns < t
}

open(b, t) if {
	b.side == "end"
	b.inclusive
	input.now_ns == t
}

open(b, t) if {
	b.side == "start"
	input.now_ns > t
}

open(b, t) if {
	b.side == "start"
	b.inclusive
	input.now_ns == t
}

# outcome names what is wrong: an expired or not yet active Allow, or a
# Deny in force now.
outcome(st, w) := "expired" if {
	policy.allow(st)
	w.side == "end"
	not w.open
}

outcome(st, w) := "pending" if {
	policy.allow(st)
	w.side == "start"
	not w.open
}

outcome(st, w) := "denied" if {
	policy.deny(st)
	w.open
}

level := {"expired": {}, "pending": {"level": "warning"}, "denied": {}}

message(st, c, w) := sprintf("grant expired on %s: this Allow of %s needs %s %s it, so sends fail with Unauthorized", [
	shown(c.values[w.index]), send.describe(policy.covered_send_actions(st)), c.key, c.operator,
]) if outcome(st, w) == "expired"

message(st, c, w) := sprintf("not active until %s: this Allow of %s needs %s %s it, so sends fail with Unauthorized until then", [
	shown(c.values[w.index]), send.describe(policy.covered_send_actions(st)), c.key, c.operator,
]) if outcome(st, w) == "pending"

message(st, c, w) := sprintf("deny in force now: this Deny of %s applies while %s %s %s, so sends fail with Unauthorized", [
	send.describe(policy.covered_send_actions(st)), c.key, c.operator, shown(c.values[w.index]),
]) if outcome(st, w) == "denied"

# shown is a value as written, with its time when it is epoch seconds.
shown(v) := v if {
	is_string(v)
	not regex.match(`^[0-9]+$`, v)
}

shown(v) := sprintf("%v (%s)", [v, time.format(instant_ns(v))]) if {
	not is_string(v)
	instant_ns(v)
}

shown(v) := sprintf("%v (%s)", [v, time.format(instant_ns(v))]) if {
	is_string(v)
	regex.match(`^[0-9]+$`, v)
	instant_ns(v)
}

# instant_ns reads a condition value as nanoseconds since the epoch: an
# RFC 3339 time, a time without zone (UTC), a date, or epoch seconds as a
# number or a string of digits. Anything else (deploy-time values too) is
# undefined.
instant_ns(v) := round(v * 1000000000) if {
	is_number(v)
	v >= 0
	v < 100000000000
}

instant_ns(v) := to_number(v) * 1000000000 if {
	is_string(v)
	regex.match(`^[0-9]{1,12}$`, v)
}

instant_ns(v) := time.parse_rfc3339_ns(v) if {
	is_string(v)
	regex.match(`^[0-9]{4}-(0[1-9]|1[0-2])-(0[1-9]|[12][0-9]|3[01])T([01][0-9]|2[0-3]):[0-5][0-9]:[0-5][0-9](\.[0-9]+)?(Z|[+-][0-9]{2}:[0-9]{2})$`, v)
}

instant_ns(v) := time.parse_rfc3339_ns(concat("", [v, "Z"])) if {
	is_string(v)
	regex.match(`^[0-9]{4}-(0[1-9]|1[0-2])-(0[1-9]|[12][0-9]|3[01])T([01][0-9]|2[0-3]):[0-5][0-9]:[0-5][0-9](\.[0-9]+)?$`, v)
}

instant_ns(v) := time.parse_rfc3339_ns(concat("", [v, "T00:00:00Z"])) if {
	is_string(v)
	regex.match(`^[0-9]{4}-(0[1-9]|1[0-2])-(0[1-9]|[12][0-9]|3[01])$`, v)
}
