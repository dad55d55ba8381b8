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
#   at       "name": the finding is about the document's name; it is placed
#            where the source writes the name (path [] otherwise)
#   edits    the mechanical fix: [{"path", "op": "replace"|"insert_after",
#            "text"}], JSON text put at a path of the document
#   document, place
#            for unit_report: which document the path is in, or which
#            definition (principal, identity, configuration set)
fail(chain, details) := object.union(details, {"rule": rule_id(chain)})

rule_id(chain) := id if {
	some link in chain
	link.annotations.scope == "package"
	id := link.annotations.custom.id
}
