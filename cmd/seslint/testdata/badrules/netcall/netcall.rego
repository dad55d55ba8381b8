# METADATA
# title: Calls out to the network
# description: "A rule that must not load, because http.send is not available to rules."
# custom:
#   id: EVIL001
#   severity: error
#   seed: custom
#   remediation: None.
package seslint.rules.evil.netcall

import data.seslint.lib.result

report contains result.fail(rego.metadata.chain(), {"message": "x", "path": []}) if {
	http.send({"method": "GET", "url": "http://127.0.0.1:1/"})
}
