# METADATA
# description: |
#   Builds every violation a rule reports, from the rule's own metadata, so
#   a rule id is written once: in the rule's METADATA block.
package seslint.lib.result

# fail returns a violation of the rule whose metadata chain is given
# (call it as fail(rego.metadata.chain(), {...})). details holds:
#   message  what is wrong, with the offending value
#   path     JSON path inside input.document of the offending element
#   key      true to point at the key of path instead of its value
#   error    index into input.errors, for problems found while decoding
#   level    "error", "warning" or "note" when it differs from the rule's
#            severity (rules with two levels, such as SES104)
#   fix      how to fix this occurrence, when more precise than the rule's
#            remediation
fail(chain, details) := object.union(details, {"rule": rule_id(chain)})

rule_id(chain) := id if {
	some link in chain
	link.annotations.scope == "package"
	id := link.annotations.custom.id
}
