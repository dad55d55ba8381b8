# METADATA
# title: Resource of a sending authorization policy is not its identity
# description: |
#   Each statement of a sending authorization policy must name exactly one
#   resource, and it must be the ARN of the identity the policy is attached
#   to (`arn:aws:ses:REGION:ACCOUNT:identity/NAME`). SES rejects a statement
#   with no Resource, several, a wildcard, another identity or something
#   that is not an identity ARN, so the delegated sender is never
#   authorized and gets "Unauthorized". Identity names are compared without
#   regard to case; the rest of the ARN exactly.
# related_resources:
#   - description: Amazon SES policy anatomy
#     ref: https://docs.aws.amazon.com/ses/latest/dg/policy-anatomy.html
# custom:
#   id: SES403
#   severity: error
#   seed: "004"
#   remediation: |
#     Set `Resource` to the single ARN of the identity the policy is
#     attached to, e.g. `arn:aws:ses:us-east-1:123456789012:identity/example.com`;
#     write one policy per identity when several identities need the grant.
#   example:
#     bad: |
#       {"Version": "2012-10-17", "Statement": [{"Effect": "Allow",
#         "Principal": {"AWS": "111122223333"}, "Action": "ses:SendRawEmail",
#         "Resource": "arn:aws:ses:us-east-1:123456789012:identity/*"}]}
#     good: |
#       {"Version": "2012-10-17", "Statement": [{"Effect": "Allow",
#         "Principal": {"AWS": "111122223333"}, "Action": "ses:SendRawEmail",
#         "Resource": "arn:aws:ses:us-east-1:123456789012:identity/example.com"}]}
package seslint.rules.authorization.resource

import data.seslint.lib.policy
import data.seslint.lib.principal
import data.seslint.lib.result

# Resource missing (a NotResource is SES106's).
report contains result.fail(rego.metadata.chain(), {
	"message": "statement has no Resource: a sending authorization policy must name the ARN of the identity it is attached to, or SES rejects it",
	"path": st.path,
}) if {
	input.kind == "sending-authorization"
	some st in policy.statements
	not policy.has_key(st.value, "Resource")
	not policy.has_key(st.value, "NotResource")
}

# Resource is an empty list.
report contains result.fail(rego.metadata.chain(), {
	"message": "Resource is empty: a sending authorization policy must name the ARN of the identity it is attached to, or SES rejects it",
	"path": array.concat(st.path, ["Resource"]),
}) if {
	input.kind == "sending-authorization"
	some st in policy.statements
	st.value.Resource == []
}

# More than one resource: reported at the second.
report contains result.fail(rego.metadata.chain(), {
	"message": sprintf("statement names %d resources: a sending authorization policy applies to exactly one identity, the one it is attached to, and SES rejects the policy", [count(st.value.Resource)]),
	"path": array.concat(st.path, ["Resource", 1]),
}) if {
	input.kind == "sending-authorization"
	some st in policy.statements
	is_array(st.value.Resource)
	count(st.value.Resource) > 1
}

# A resource that is not the identity's ARN.
report contains result.fail(rego.metadata.chain(), {
	"message": msg,
	"path": e.path,
}) if {
	input.kind == "sending-authorization"
	some st in policy.statements
	some e in policy.entries(st, "Resource")
	msg := problem(e.value)
	is_string(msg)
}

# problem says what is wrong with one Resource value, if anything.
problem(v) := sprintf("Resource %s is not a string: SES expects the ARN of the identity the policy is attached to", [json.marshal(v)]) if {
	not is_string(v)
} else := sprintf("Resource %q is a wildcard: SES requires the exact ARN of the identity the policy is attached to and rejects the policy", [v]) if {
	policy.is_wildcard(literal(v))
} else := sprintf("Resource %q is not the identity this policy is attached to (%s): SES rejects the policy", [v, identity]) if {
	# Region and account are deploy-time values, the identity is written.
	policy.is_symbolic(v)
	name := principal.identity_name(policy.parse_arn(v))
	not policy.is_symbolic(name)
	not attached_name(name)
} else := false if {
	policy.is_symbolic(v)
} else := sprintf("Resource %q is not an SES identity ARN (arn:PARTITION:ses:REGION:ACCOUNT:identity/NAME): SES rejects the policy", [v]) if {
	not regex.match(policy.catalog.resource_types.identity.regex, v)
} else := sprintf("Resource %q is not the identity this policy is attached to (%s): SES rejects the policy", [v, identity]) if {
	not attached_identity(v)
}

# identity is the identity the policy is attached to ("" if unknown).
identity := object.get(input, "identity", "")

# literal is a value without its ${...} placeholders (a Terraform splat
# holds a * that is not a wildcard).
literal(v) := regex.replace(v, `\$\{[^}]*\}`, "")

# attached_identity is true when the identity ARN v names the identity the
# policy is attached to, or when that identity is not known.
attached_identity(_) if identity == ""

attached_identity(_) if policy.is_symbolic(identity)

attached_identity(_) if {
	startswith(identity, "arn:")
	not principal.identity_arn
}

attached_identity(v) if {
	not startswith(identity, "arn:")
	arn := policy.parse_arn(v)
	lower(principal.identity_name(arn)) == lower(identity)
}

attached_identity(v) if {
	want := principal.identity_arn
	arn := policy.parse_arn(v)
	object.remove(arn, ["resource"]) == object.remove(want, ["resource"])
	lower(principal.identity_name(arn)) == lower(principal.identity_name(want))
}

# attached_name is true when an identity name is the attached identity's,
# or when that identity is not known.
attached_name(_) if identity == ""

attached_name(_) if policy.is_symbolic(identity)

attached_name(name) if {
	not startswith(identity, "arn:")
	lower(name) == lower(identity)
}

attached_name(_) if {
	startswith(identity, "arn:")
	not principal.identity_arn
}

attached_name(name) if lower(name) == lower(principal.identity_name(principal.identity_arn))
