# METADATA
# title: Malformed SES ARN
# description: |
#   An SES resource ARN has the form
#   `arn:PARTITION:ses:REGION:ACCOUNT:TYPE/NAME`. A Resource or NotResource
#   that does not (an unknown partition, a region where SES is not offered,
#   an account that is not 12 digits, a resource without its type such as
#   `arn:aws:ses:eu-west-1:123456789012:example.com` instead of
#   `.../identity/example.com`, an unknown resource type) matches no SES
#   resource: IAM accepts the policy, and the send it was meant to allow
#   fails with "554 Access denied". In a statement whose actions are all
#   `ses:` actions, a Resource that is not an ARN at all (a bare domain or
#   address) is reported too. `*` and `?` wildcards are allowed in every part
#   but the service, and `${...}` values are resolved at deploy time and
#   accepted.
# related_resources:
#   - description: Resource types defined by Amazon SES (Service Authorization Reference)
#     ref: https://docs.aws.amazon.com/service-authorization/latest/reference/list_amazonses.html#amazonses-resources-for-iam-policies
#   - description: Controlling access to Amazon SES
#     ref: https://docs.aws.amazon.com/ses/latest/dg/control-user-access.html
# custom:
#   id: SES301
#   severity: error
#   seed: "003"
#   remediation: |
#     Write the resource as `arn:PARTITION:ses:REGION:ACCOUNT:TYPE/NAME`: the
#     partition (`aws`, `aws-cn`, `aws-us-gov`, ...), a region where SES runs
#     and where the identity is verified, the 12-digit account that owns it,
#     and the resource type before the name, e.g.
#     `arn:aws:ses:eu-west-1:123456789012:identity/example.com`. Use `*` for
#     the actions that take no resource.
#   example:
#     bad: |
#       {"Version": "2012-10-17", "Statement": [{"Effect": "Allow",
#         "Action": ["ses:SendEmail", "ses:SendRawEmail"],
#         "Resource": "arn:aws:ses:eu-west-1:123456789012:example.com"}]}
#     good: |
#       {"Version": "2012-10-17", "Statement": [{"Effect": "Allow",
#         "Action": ["ses:SendEmail", "ses:SendRawEmail"],
#         "Resource": "arn:aws:ses:eu-west-1:123456789012:identity/example.com"}]}
package seslint.rules.resource.malformed_arn

import data.seslint.lib.arn
import data.seslint.lib.policy
import data.seslint.lib.result

# An SES ARN that is malformed.
report contains result.fail(rego.metadata.chain(), object.union(
	{
		"message": sprintf("%q is not a valid SES ARN: %s; it matches no SES resource, so %s", [e.value, pr.text, consequence(st, key)]),
		"path": e.path,
	},
	{"fix": sprintf("write %q", [pr.arn]) | pr.arn},
)) if {
	some st in policy.statements
	some key in ["Resource", "NotResource"]
	some e in policy.entries(st, key)
	arn.is_ses(e.value)
	pr := arn.problem(e.value)
}

# A value that is not an ARN in a statement of ses: actions only.
report contains result.fail(rego.metadata.chain(), object.union(
	{
		"message": sprintf("%s %q is not an ARN: IAM matches SES resources by ARN (or \"*\"), so %s", [key, e.value, consequence(st, key)]),
		"path": e.path,
	},
	identity_fix(e.value),
)) if {
	some st in policy.statements
	ses_only(st)
	some key in ["Resource", "NotResource"]
	some e in policy.entries(st, key)
	is_string(e.value)
	e.value != "*"
	not arn.is_arn(e.value)
	not policy.is_symbolic(e.value)
}

consequence(_, "NotResource") := "NotResource excludes nothing"

consequence(st, "Resource") := "the grant never applies (554 Access denied)" if policy.allow(st)

consequence(st, "Resource") := "the Deny never applies" if policy.deny(st)

consequence(st, "Resource") := "the statement never applies" if {
	not policy.allow(st)
	not policy.deny(st)
}

# ses_only is true when every Action of a statement is an ses: action.
ses_only(st) if {
	acts := policy.entries(st, "Action")
	count(acts) > 0
	every e in acts {
		is_string(e.value)
		policy.split_action(e.value)[0] == "ses"
	}
}

# identity_fix suggests the identity ARN for a bare domain or address (the
# ARN for a bare TYPE/NAME), with the partition, region and account of
# another SES ARN of the policy when there is one.
identity_fix(v) := {"fix": sprintf("write the identity's ARN, %s:identity/%s", [prefix, v])} if {
	regex.match(`^[^\s/:*?]+\.[A-Za-z]{2,}$`, v)
} else := {"fix": sprintf("write the ARN, %s:%s", [prefix, v])} if {
	contains(v, "/")
	substring(v, 0, indexof(v, "/")) in arn.types
} else := {}

default prefix := "arn:aws:ses:REGION:ACCOUNT_ID"

prefix := known[0] if count(known) > 0

# known lists the partition-region-account prefixes, without wildcards, of
# the well-formed SES ARNs in the policy's Resource elements.
known := [x |
	some st in policy.statements
	some e in policy.entries(st, "Resource")
	arn.is_ses(e.value)
	not arn.problem(e.value)
	p := arn.parts(e.value)
	count(p) >= 6
	x := concat(":", array.slice(p, 0, 5))
	not arn.has_wildcard(x)
]
