package seslint.lib.result_test

import data.seslint.lib.result

test_fail_takes_the_id_from_the_package_metadata if {
	chain := [
		{"path": ["seslint", "rules", "x", "y", "report"]},
		{"annotations": {"scope": "package", "custom": {"id": "SES999"}}, "path": ["seslint", "rules", "x", "y"]},
	]
	result.fail(chain, {"message": "m", "path": ["Statement", 0]}) == {"rule": "SES999", "message": "m", "path": ["Statement", 0]}
}
