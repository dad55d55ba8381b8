package seslint.rules.directive.suppression_test

import data.seslint.rules.directive.suppression

known := ["SES201", "SES302"]

test_reasoned_matched_suppression_is_fine if {
	count(suppression.directive_report) == 0 with input as {"known_rules": known, "directives": [{
		"place": 0,
		"entries": [{"rule": "SES201", "reason": "v2 API only", "path": ["SES201"], "key": true, "matched": true}],
	}]}
}

test_missing_reason if {
	suppression.directive_report == {{
		"rule": "SES001",
		"message": "suppression of SES201 has no reason: say why the finding does not apply",
		"place": 0, "path": [0], "key": false,
	}} with input as {"known_rules": known, "directives": [{
		"place": 0,
		"entries": [{"rule": "SES201", "reason": "", "path": [0], "key": false, "matched": true}],
	}]}
}

test_unknown_rule_with_suggestion if {
	suppression.directive_report == {{
		"rule": "SES001",
		"message": "suppression names \"SES2O1\", which is not a seslint rule (did you mean SES201?): it suppresses nothing",
		"place": 1, "path": ["SES2O1"], "key": true,
	}} with input as {"known_rules": known, "directives": [{
		"place": 1,
		"entries": [{"rule": "SES2O1", "reason": "r", "path": ["SES2O1"], "key": true, "matched": false}],
	}]}
}

test_stale_suppression if {
	suppression.directive_report == {{
		"rule": "SES001",
		"message": "suppression of SES302 matches no finding here: delete it, or it will hide the next one",
		"place": 0, "path": ["SES302"], "key": true,
	}} with input as {"known_rules": known, "directives": [{
		"place": 0,
		"entries": [{"rule": "SES302", "reason": "legacy", "path": ["SES302"], "key": true, "matched": false}],
	}]}
}

test_nolint_for_all_rules if {
	suppression.directive_report == {{
		"rule": "SES001",
		"message": "suppression of all seslint rules has no reason: say why the finding does not apply",
		"place": 0, "path": [0], "key": false,
	}} with input as {"known_rules": known, "directives": [{
		"place": 0,
		"entries": [{"rule": "*", "reason": "", "path": [0], "key": false, "matched": true}],
	}]}
}
