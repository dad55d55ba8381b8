package seslint.rules.authorization.policy_count_test

import data.seslint.rules.authorization.policy_count

doc(i) := {"kind": "sending-authorization", "identity": "example.com", "name": sprintf("p%02d", [i]), "document": {}}

test_twenty_policies_pass if {
	count(policy_count.unit_report) == 0 with input as {"unit": {"documents": [doc(i) | some i in numbers.range(1, 20)]}}
}

test_the_twenty_first_is_reported if {
	policy_count.unit_report == {{
		"rule": "SES408",
		"message": "identity example.com has 21 sending authorization policies; SES attaches at most 20 to an identity, so creating this one (number 21 in name order) fails",
		"document": 20,
		"path": [],
		"at": "name",
	}} with input as {"unit": {"documents": [doc(i) | some i in numbers.range(1, 21)]}}
}

test_other_identities_and_kinds_do_not_count if {
	docs := array.concat(
		[doc(i) | some i in numbers.range(1, 15)],
		[object.union(doc(i), {"identity": "example.org"}) | some i in numbers.range(16, 30)],
	)
	count(policy_count.unit_report) == 0 with input as {"unit": {"documents": docs}}
}

test_an_arn_and_a_name_are_one_identity if {
	docs := array.concat(
		[doc(i) | some i in numbers.range(1, 15)],
		[object.union(doc(i), {"identity": "arn:aws:ses:eu-west-1:123456789012:identity/Example.com"}) | some i in numbers.range(16, 21)],
	)
	[v.document | some v in policy_count.unit_report] == [20] with input as {"unit": {"documents": docs}}
}

test_two_branches_of_one_name_count_once if {
	docs := array.concat([doc(i) | some i in numbers.range(1, 20)], [doc(20)])
	count(policy_count.unit_report) == 0 with input as {"unit": {"documents": docs}}
}

test_unnamed_policies_count_each if {
	docs := [object.union(doc(i), {"name": ""}) | some i in numbers.range(1, 21)]
	count(policy_count.unit_report) == 1 with input as {"unit": {"documents": docs}}
}
