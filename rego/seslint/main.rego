# METADATA
# description: |
#   The entry point seslint evaluates: every violation of every rule under
#   data.seslint.rules, built-in or loaded with --rules.
package seslint.main

report contains violation if {
	some category, name
	some violation in data.seslint.rules[category][name].report
}
