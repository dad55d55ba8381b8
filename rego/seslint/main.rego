# METADATA
# description: |
#   The entry point seslint evaluates: every violation of every rule under
#   data.seslint.rules, built-in or loaded with --rules. A document input
#   collects the rules' report sets; a unit input (input.unit, the documents
#   deployed together) collects their unit_report sets.
package seslint.main

report contains violation if {
	not input.unit
	some category, name
	some violation in data.seslint.rules[category][name].report
}

report contains violation if {
	input.unit
	some category, name
	some violation in data.seslint.rules[category][name].unit_report
}
