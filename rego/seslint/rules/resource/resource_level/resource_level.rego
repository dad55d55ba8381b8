# METADATA
# title: Action without resource-level permissions on a scoped Resource
# description: |
#   Some SES actions (`GetSendQuota`, `GetSendStatistics`, `ListIdentities`,
#   `PutIdentityPolicy`, ...) take no resource: IAM only grants them through
#   a statement whose Resource is `"*"`. Named in an Allow statement scoped
#   to identity ARNs they are never granted, and the call fails with an
#   access-denied error even though the policy seems to allow it. Seed 003's
#   fix is two statements: the non-sending actions on `"*"`, the sending
#   actions on the identity ARN.
# related_resources:
#   - description: Controlling access to Amazon SES
#     ref: https://docs.aws.amazon.com/ses/latest/dg/control-user-access.html
#   - description: Actions defined by Amazon SES (Service Authorization Reference)
#     ref: https://docs.aws.amazon.com/service-authorization/latest/reference/list_amazonses.html
# custom:
#   id: SES302
#   severity: error
#   seed: "003"
#   remediation: |
#     Split the statement in two: one that allows the actions without
#     resource-level permissions on `"Resource": "*"`, and one that allows
#     the sending actions on the identity ARN.
#   example:
#     bad: |
#       {"Version": "2012-10-17", "Statement": [{"Effect": "Allow",
#         "Action": ["ses:GetSendQuota", "ses:SendEmail"],
#         "Resource": "arn:aws:ses:eu-west-1:123456789012:identity/example.com"}]}
#     good: |
#       {"Version": "2012-10-17", "Statement": [
#         {"Effect": "Allow", "Action": "ses:GetSendQuota", "Resource": "*"},
#         {"Effect": "Allow", "Action": "ses:SendEmail",
#          "Resource": "arn:aws:ses:eu-west-1:123456789012:identity/example.com"}]}
package seslint.rules.resource.resource_level

import data.seslint.lib.policy
import data.seslint.lib.result

report contains result.fail(rego.metadata.chain(), object.union(
	{
		"message": sprintf("%s has no resource-level permissions and is granted only on \"Resource\": \"*\": this statement, scoped to %s, never allows it", [e.value, scope(st)]),
		"path": e.path,
		"fix": fix(st),
	},
	edits(st, i),
)) if {
	policy.identity_like
	some st in policy.statements
	policy.allow(st)
	scoped(st)
	some i, e in unscoped_entries(st)
}

# edits is the mechanical fix, carried by the statement's first finding
# only: the statement split in two (or its Resource set to "*" when every
# action needs it).
edits(st, 0) := {"edits": [{"path": st.path, "op": "replace", "text": split_text(st)}]} if count(kept(st)) > 0

edits(st, 0) := {"edits": [{"path": array.concat(st.path, ["Resource"]), "op": "replace", "text": "\"*\""}]} if count(kept(st)) == 0

edits(_, i) := {} if i > 0

split_text(st) := text if {
	star := json.marshal({"Effect": "Allow", "Action": moved(st), "Resource": "*"})
	rest := json.marshal(object.union(st.value, {"Action": kept(st)}))
	text := concat(", ", [star, rest])
	count(st.path) > 1
}

split_text(st) := sprintf("[%s, %s]", [
	json.marshal({"Effect": "Allow", "Action": moved(st), "Resource": "*"}),
	json.marshal(object.union(st.value, {"Action": kept(st)})),
]) if count(st.path) == 1

# scoped is true for a statement whose Resource lists neither "*" nor a
# value known only at deploy time.
scoped(st) if {
	rs := policy.entries(st, "Resource")
	count(rs) > 0
	every r in rs {
		is_string(r.value)
		r.value != "*"
		not startswith(r.value, "${")
	}
}

# unscoped_entries lists the Action entries naming (without a wildcard) an
# action that takes no resource.
unscoped_entries(st) := [e |
	some e in policy.entries(st, "Action")
	is_string(e.value)
	policy.is_ses_pattern(e.value)
	[_, name] := policy.split_action(e.value)
	not policy.is_wildcard(name)
	policy.catalog.actions[name].resource_star == true
]

scope(st) := sprintf("%q", [r]) if {
	[r] := [e.value | some e in policy.entries(st, "Resource")]
}

scope(st) := sprintf("%q and %d more", [rs[0], count(rs) - 1]) if {
	rs := [e.value | some e in policy.entries(st, "Resource")]
	count(rs) > 1
}

# fix is seed 003's split: the actions without resource-level permissions
# on "*", the others on the statement's resources.
fix(st) := sprintf("split the statement: %s and %s", [
	statement(moved(st), "\"*\""),
	statement(kept(st), json.marshal(st.value.Resource)),
]) if {
	count(kept(st)) > 0
}

fix(st) := "set \"Resource\": \"*\" in this statement" if {
	count(kept(st)) == 0
}

moved(st) := [e.value | some e in unscoped_entries(st)]

kept(st) := [e.value |
	some e in policy.entries(st, "Action")
	not e in unscoped_entries(st)
]

statement(actions, resource) := sprintf("{\"Effect\": \"Allow\", \"Action\": %s, \"Resource\": %s}", [json.marshal(actions), resource])
