package main

// conftestPolicy is the three-rule policy set conftest runs in the
// comparison: a statement allowing ses:SendEmail without ses:SendRawEmail,
// a Deny covering ses:*, and ses:GetSendQuota allowed on a resource other
// than "*" — over the policy documents of CloudFormation templates
// (PolicyDocument of a resource, and of its Policies).
const conftestPolicy = `package main

# Policy documents of a CloudFormation template: managed and inline
# policies of every resource.
documents contains doc if {
	some r in input.Resources
	doc := r.Properties.PolicyDocument
	is_object(doc)
}

documents contains doc if {
	some r in input.Resources
	some p in r.Properties.Policies
	doc := p.PolicyDocument
	is_object(doc)
}

statements contains st if {
	some doc in documents
	some st in as_list(doc.Statement)
	is_object(st)
}

as_list(x) := x if is_array(x)

as_list(x) := [x] if not is_array(x)

actions(st) := {lower(a) | some a in as_list(st.Action); is_string(a)}

# SendEmail without SendRawEmail.
deny contains msg if {
	some st in statements
	st.Effect == "Allow"
	a := actions(st)
	"ses:sendemail" in a
	not "ses:sendrawemail" in a
	msg := "statement allows ses:SendEmail without ses:SendRawEmail"
}

# A Deny covering ses:*.
deny contains msg if {
	some st in statements
	st.Effect == "Deny"
	some a in actions(st)
	a in {"ses:*", "*"}
	msg := "a Deny covers ses:*"
}

# GetSendQuota allowed on a resource other than "*".
deny contains msg if {
	some st in statements
	st.Effect == "Allow"
	"ses:getsendquota" in actions(st)
	some r in as_list(st.Resource)
	r != "*"
	msg := "ses:GetSendQuota allowed on a resource other than *"
}
`
