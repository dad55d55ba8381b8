# METADATA
# title: Send actions allowed only on resources that are not identities
# description: |
#   SES authorizes every send against the identity it sends from
#   (`arn:aws:ses:REGION:ACCOUNT:identity/NAME`); a configuration set or a
#   template named in the request is authorized in addition, not instead.
#   When a policy allows a send action only on resources that cannot be an
#   identity (a `configuration-set/...` or `template/...` ARN, or the ARN of
#   another service), the send fails with "554 Access denied ... is not
#   authorized to perform ses:SendRawEmail on resource
#   arn:aws:ses:...:identity/example.com". Statements that allow the action
#   on `"*"`, on an identity ARN, on a wildcard or deploy-time value that can
#   be one, or through NotResource count as granting it on an identity.
# related_resources:
#   - description: Controlling access to Amazon SES
#     ref: https://docs.aws.amazon.com/ses/latest/dg/control-user-access.html
#   - description: Actions defined by Amazon SES (Service Authorization Reference)
#     ref: https://docs.aws.amazon.com/service-authorization/latest/reference/list_amazonses.html
# custom:
#   id: SES303
#   severity: error
#   seed: "003"
#   remediation: |
#     Add the ARN of every identity the principal sends from
#     (`arn:aws:ses:REGION:ACCOUNT:identity/example.com`, or the address
#     identity when it is verified separately) to the Resource of the
#     sending statement; keep the configuration set ARN beside it if you
#     scope configuration sets too.
#   example:
#     bad: |
#       {"Version": "2012-10-17", "Statement": [{"Effect": "Allow",
#         "Action": ["ses:SendEmail", "ses:SendRawEmail"],
#         "Resource": "arn:aws:ses:eu-west-1:123456789012:configuration-set/marketing"}]}
#     good: |
#       {"Version": "2012-10-17", "Statement": [{"Effect": "Allow",
#         "Action": ["ses:SendEmail", "ses:SendRawEmail"],
#         "Resource": ["arn:aws:ses:eu-west-1:123456789012:identity/example.com",
#           "arn:aws:ses:eu-west-1:123456789012:configuration-set/marketing"]}]}
package seslint.rules.resource.send_not_on_identity

import data.seslint.lib.arn
import data.seslint.lib.policy
import data.seslint.lib.result
import data.seslint.lib.unit

report contains result.fail(rego.metadata.chain(), {
	"message": sprintf("%s %s allowed only on %s: SES authorizes each send on the sending identity's ARN, so the call fails with 554 Access denied", [
		names(missing),
		verb(missing),
		scope(st),
	]),
	"path": policy.entries(st, "Resource")[0].path,
	"fix": fix(st),
}) if {
	policy.identity_like
	not input.attached
	some st in policy.statements
	policy.allow(st)
	missing := named_send_actions(st) & not_on_identity
	count(missing) > 0
}

# A principal's policies are taken together: a configuration-set grant in
# one policy and the identity grant in another is the usual split.
unit_report contains result.fail(rego.metadata.chain(), {
	"message": sprintf("%s %s allowed only on %s: SES authorizes each send on the sending identity's ARN, so the call fails with 554 Access denied", [
		names(missing),
		verb(missing),
		scope(st),
	]),
	"document": k,
	"path": policy.entries(st, "Resource")[0].path,
	"fix": fix(st),
}) if {
	some p in input.unit.principals
	on_identity_p := {a |
		some j in p.policies
		some s2 in unit.statements(j)
		policy.allow(s2)
		on_identity(s2)
		some a in policy.covered_send_actions(s2)
	}
	some k in p.policies
	input.unit.documents[k].kind in {"identity", "boundary"}
	some st in unit.statements(k)
	policy.allow(st)
	missing := named_send_actions(st) - on_identity_p
	count(missing) > 0
}

# not_on_identity is the set of send actions some Allow statement names but
# no Allow statement grants on a resource that can be an identity.
not_on_identity := {a |
	some st in policy.statements
	policy.allow(st)
	some a in named_send_actions(st)
} - {a |
	some st in policy.statements
	policy.allow(st)
	on_identity(st)
	some a in policy.covered_send_actions(st)
}

# named_send_actions is the set of send actions a statement grants through
# Action entries that match sending actions only (ses:SendEmail,
# ses:Send*): a statement allowing ses:* on a configuration set is about
# managing it, not sending. SendCustomVerificationEmail is left out: the
# SES v2 API authorizes it on the custom verification template alone.
named_send_actions(st) := {a |
	some e in policy.entries(st, "Action")
	acts := policy.ses_actions_matching(e.value)
	count(acts) > 0
	count(acts - policy.send_actions) == 0
	some a in acts
	a != "SendCustomVerificationEmail"
}

# on_identity is true for a statement that can apply to an identity: a
# NotResource that does not exclude everything, a Resource entry that can
# be an identity, or no resource element at all (SES106 reports it).
on_identity(st) if {
	policy.has_key(st.value, "NotResource")
	not "*" in policy.as_list(st.value.NotResource)
}

on_identity(st) if {
	not policy.has_key(st.value, "Resource")
	not policy.has_key(st.value, "NotResource")
}

on_identity(st) if {
	some e in policy.entries(st, "Resource")
	arn.could_be_identity(e.value)
}

scope(st) := sprintf("%q, which is not an SES identity", [r]) if {
	[r] := [e.value | some e in policy.entries(st, "Resource")]
}

scope(st) := sprintf("%q and %d more, none of them an SES identity", [rs[0], count(rs) - 1]) if {
	rs := [e.value | some e in policy.entries(st, "Resource")]
	count(rs) > 1
}

# names joins the actions, in the catalog's order, as "ses:A, ses:B and
# ses:C".
names(actions) := concat(" and ", [x |
	some x in [
		concat(", ", array.slice(listed, 0, count(listed) - 1)),
		listed[count(listed) - 1],
	]
	x != ""
]) if {
	listed := [sprintf("ses:%s", [a]) | some a in policy.catalog.sending_actions; a in actions]
}

verb(actions) := "is" if count(actions) == 1

verb(actions) := "are" if count(actions) > 1

# fix names the identity ARN to add, in the partition, region and account
# of the statement's first SES ARN when it has one.
fix(st) := sprintf("add the sending identity's ARN to Resource, e.g. \"%s:identity/example.com\"", [prefixes[0]]) if {
	prefixes := [concat(":", array.slice(p, 0, 5)) |
		some e in policy.entries(st, "Resource")
		arn.is_ses(e.value)
		not arn.problem(e.value)
		p := arn.parts(e.value)
		count(p) >= 6
	]
	count(prefixes) > 0
} else := "add the sending identity's ARN (arn:aws:ses:REGION:ACCOUNT:identity/NAME) to Resource"
