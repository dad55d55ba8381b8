# METADATA
# description: |
#   The entry point seslint evaluates: every violation of every rule under
#   data.seslint.rules, built-in or loaded with --rules. The input says
#   which of a rule package's sets to collect: `report` for one document,
#   `unit_report` for a deployment unit (input.unit, the documents deployed
#   together), `directive_report` for the in-source suppressions
#   (input.directives), checked after the findings were matched to them.
package seslint.main

report contains violation if {
	not input.unit
	not input.directives
	some category, name
	some violation in data.seslint.rules[category][name].report
}

report contains violation if {
	input.unit
	some category, name
	some violation in data.seslint.rules[category][name].unit_report
}

report contains violation if {
	input.directives
	some category, name
	some violation in data.seslint.rules[category][name].directive_report
}
