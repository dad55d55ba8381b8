package seslint.rules.send.time_window_test

import data.seslint.rules.send.time_window

now := "2026-06-01T00:00:00Z"

now_ns := 1780272000000000000

statement(effect, op, key, value) := {
	"Effect": effect,
	"Action": ["ses:SendEmail", "ses:SendRawEmail"],
	"Resource": "*",
	"Condition": {op: {key: value}},
}

doc(kind, statements) := {
	"kind": kind, "now": now, "now_ns": now_ns,
	"document": {"Version": "2012-10-17", "Statement": statements},
}

identity(effect, op, key, value) := doc("identity", [statement(effect, op, key, value)])

test_seed_example_grant_has_expired if {
	time_window.report == {{
		"rule": "SES205",
		"message": "grant expired on 2019-07-30T00:00:00Z: this Allow of ses:SendEmail, ses:SendRawEmail needs aws:CurrentTime DateLessThan it, so sends fail with Unauthorized",
		"path": ["Statement", 0, "Condition", "DateLessThan", "aws:CurrentTime", 0],
	}} with input as identity("Allow", "DateLessThan", "aws:CurrentTime", "2019-07-30T00:00:00Z")
}

test_epoch_seconds_as_number_and_string if {
	time_window.report == {{
		"rule": "SES205",
		"message": "grant expired on 1564444800 (2019-07-30T00:00:00Z): this Allow of ses:SendEmail, ses:SendRawEmail needs aws:EpochTime NumericLessThanEquals it, so sends fail with Unauthorized",
		"path": ["Statement", 0, "Condition", "NumericLessThanEquals", "aws:EpochTime", 0],
	}} with input as identity("Allow", "NumericLessThanEquals", "aws:EpochTime", 1564444800)
	time_window.report == {{
		"rule": "SES205",
		"message": "grant expired on 1564444800 (2019-07-30T00:00:00Z): this Allow of ses:SendEmail, ses:SendRawEmail needs AWS:EpochTime NumericLessThan it, so sends fail with Unauthorized",
		"path": ["Statement", 0, "Condition", "NumericLessThan", "AWS:EpochTime", 0],
	}} with input as identity("Allow", "NumericLessThan", "AWS:EpochTime", "1564444800")
}

test_grant_not_active_yet_is_a_warning if {
	time_window.report == {{
		"rule": "SES205",
		"message": "not active until 2030-01-01: this Allow of ses:SendEmail, ses:SendRawEmail needs aws:CurrentTime DateGreaterThanEquals it, so sends fail with Unauthorized until then",
		"path": ["Statement", 0, "Condition", "DateGreaterThanEquals", "aws:CurrentTime", 0],
		"level": "warning",
	}} with input as identity("Allow", "DateGreaterThanEquals", "aws:CurrentTime", "2030-01-01")
}

test_deny_in_force_now if {
	time_window.report == {
		{
			"rule": "SES205",
			"message": "deny in force now: this Deny of ses:SendEmail, ses:SendRawEmail applies while aws:CurrentTime DateGreaterThan 2020-01-01T00:00:00+01:00, so sends fail with Unauthorized",
			"path": ["Statement", 0, "Condition", "DateGreaterThan", "aws:CurrentTime", 0],
		},
		{
			"rule": "SES205",
			"message": "deny in force now: this Deny of ses:SendEmail, ses:SendRawEmail applies while aws:CurrentTime DateLessThanIfExists 2027-01-01T12:00:00, so sends fail with Unauthorized",
			"path": ["Statement", 1, "Condition", "DateLessThanIfExists", "aws:CurrentTime", 0],
		},
	} with input as doc("identity", [
		statement("Deny", "DateGreaterThan", "aws:CurrentTime", "2020-01-01T00:00:00+01:00"),
		statement("Deny", "DateLessThanIfExists", "aws:CurrentTime", "2027-01-01T12:00:00"),
	])
}

test_several_values_are_ored if {
	# the latest end decides: one end still ahead keeps the grant open
	count(time_window.report) == 0 with input as identity("Allow", "DateLessThan", "aws:CurrentTime", ["2019-01-01", "2030-01-01"])

	time_window.report == {{
		"rule": "SES205",
		"message": "grant expired on 2020-01-01: this Allow of ses:SendEmail, ses:SendRawEmail needs aws:CurrentTime DateLessThan it, so sends fail with Unauthorized",
		"path": ["Statement", 0, "Condition", "DateLessThan", "aws:CurrentTime", 1],
	}} with input as identity("Allow", "DateLessThan", "aws:CurrentTime", ["2019-01-01", "2020-01-01", "2019-06-01"])
}

test_bound_equal_to_now if {
	count(time_window.report) == 0 with input as identity("Allow", "DateLessThanEquals", "aws:CurrentTime", now)
	count(time_window.report) == 1 with input as identity("Allow", "DateLessThan", "aws:CurrentTime", now)
	count(time_window.report) == 0 with input as identity("Deny", "DateGreaterThan", "aws:CurrentTime", now)
	count(time_window.report) == 1 with input as identity("Deny", "DateGreaterThanEquals", "aws:CurrentTime", now)
}

test_open_windows_and_values_not_understood_pass if {
	count(time_window.report) == 0 with input as identity("Allow", "DateLessThan", "aws:CurrentTime", "2099-12-31T23:59:59Z")
	count(time_window.report) == 0 with input as identity("Allow", "DateGreaterThan", "aws:CurrentTime", "2019-07-30T00:00:00Z")
	count(time_window.report) == 0 with input as identity("Deny", "DateLessThan", "aws:CurrentTime", "2019-07-30T00:00:00Z")
	count(time_window.report) == 0 with input as identity("Deny", "DateGreaterThan", "aws:CurrentTime", "2099-07-30T00:00:00Z")
	count(time_window.report) == 0 with input as identity("Allow", "DateLessThan", "aws:CurrentTime", "${ExpiryDate}")
	count(time_window.report) == 0 with input as identity("Allow", "DateLessThan", "aws:CurrentTime", "next year")
	count(time_window.report) == 0 with input as identity("Allow", "DateLessThan", "aws:CurrentTime", ["2019-01-01", "${ExpiryDate}"])
	count(time_window.report) == 0 with input as identity("Allow", "NumericLessThan", "aws:CurrentTime", 1564444800)
	count(time_window.report) == 0 with input as identity("Allow", "NumericLessThan", "aws:EpochTime", "2019-07-30")
	count(time_window.report) == 0 with input as identity("Allow", "DateEquals", "aws:CurrentTime", "2019-07-30")
}

test_statement_without_send_actions_passes if {
	count(time_window.report) == 0 with input as doc("identity", [{
		"Effect": "Allow", "Action": "ses:GetSendQuota", "Resource": "*",
		"Condition": {"DateLessThan": {"aws:CurrentTime": "2019-07-30T00:00:00Z"}},
	}])
}

test_sending_authorization_policy_of_seed_004 if {
	time_window.report == {{
		"rule": "SES205",
		"message": "grant expired on 2019-07-30T00:00:00Z: this Allow of ses:SendEmail, ses:SendRawEmail needs aws:CurrentTime DateLessThan it, so sends fail with Unauthorized",
		"path": ["Statement", 0, "Condition", "DateLessThan", "aws:CurrentTime", 0],
	}} with input as doc("sending-authorization", [object.union(
		statement("Allow", "DateLessThan", "aws:CurrentTime", "2019-07-30T00:00:00Z"),
		{"Principal": {"AWS": ["123456789012"]}, "Resource": "arn:aws:ses:us-east-1:123456789012:identity/example.com"},
	)])
}

test_all_kinds_are_checked if {
	every kind in ["identity", "boundary", "scp", "sending-authorization", "resource"] {
		count(time_window.report) == 1 with input as doc(kind, [statement("Deny", "DateGreaterThan", "aws:CurrentTime", "2020-01-01")])
	}
}
