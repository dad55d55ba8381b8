package seslint.lib.grammar_test

import data.seslint.lib.grammar

test_suggestion_prefers_case_variant_then_one_typo if {
	grammar.suggestion("effect", grammar.statement_elements) == "Effect"
	grammar.suggestion("Statements", grammar.top_level_elements) == "Statement"
	grammar.suggestion("Resources", grammar.statement_elements) == "Resource"
	grammar.suggestion("Condtion", grammar.statement_elements) == "Condition"
	grammar.suggestion("aws", grammar.principal_types) == "AWS"
	not grammar.suggestion("Comment", grammar.statement_elements)
	not grammar.suggestion("Effect", grammar.statement_elements)
}

test_did_you_mean if {
	grammar.did_you_mean("Actions", grammar.statement_elements) == ` (did you mean "Action"?)`
	grammar.did_you_mean("Comment", grammar.statement_elements) == ""
}

test_condition_operators if {
	grammar.known_operator("StringEquals")
	grammar.known_operator("ForAllValues:StringLike")
	grammar.known_operator("ForAnyValue:StringEqualsIgnoreCaseIfExists")
	grammar.known_operator("stringlike")
	grammar.known_operator("Null")
	not grammar.known_operator("NullIfExists")
	not grammar.known_operator("StringEqual")
	not grammar.known_operator("ForAnyValues:StringLike")
	count(grammar.condition_operators) == 159
}

test_a_type if {
	grammar.a_type(null) == "null"
	grammar.a_type({}) == "an object"
	grammar.a_type([]) == "an array"
	grammar.a_type(1) == "a number"
	grammar.a_type(true) == "a boolean"
	grammar.a_type("x") == "a string"
}

test_document_only_when_an_object if {
	grammar.document == {"Version": "2012-10-17"} with input.document as {"Version": "2012-10-17"}
	not grammar.document with input.document as ["Version"]
	not grammar.document with input as {"errors": []}
}

test_known_operator_parses_prefixes_and_suffixes if {
	grammar.known_operator("StringEquals")
	grammar.known_operator("forallvalues:stringlikeifexists")
	grammar.known_operator("ForAnyValue:StringEquals")
	grammar.known_operator("Null")
	not grammar.known_operator("NullIfExists")
	not grammar.known_operator("StringEqual")
	not grammar.known_operator("ForAllValues:")
	not grammar.known_operator("IfExists")
}

test_lower_base_operators_match_base_operators if {
	grammar.lower_base_operators == {lower(o) | some o in grammar.base_operators}
}
