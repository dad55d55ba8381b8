# METADATA
# title: Invalid principal in a sending authorization policy
# description: |
#   SES accepts only these principals in a sending authorization policy:
#   under `AWS`, a 12-digit account ID, an account root
#   (`arn:aws:iam::ACCOUNT:root`) or an IAM user or role ARN; under
#   `Service`, an AWS service name such as `cognito-idp.amazonaws.com`. Every
#   policy needs at least one valid principal: SES rejects a policy naming
#   an IAM group, a role session, a wildcard ARN, a federated or canonical
#   user, or a malformed account ID, and the delegated sender's mail fails
#   with "Unauthorized".
# related_resources:
#   - description: Amazon SES policy anatomy
#     ref: https://docs.aws.amazon.com/ses/latest/dg/policy-anatomy.html
#   - description: IAM identifiers (ARN formats)
#     ref: https://docs.aws.amazon.com/IAM/latest/UserGuide/reference_identifiers.html
# custom:
#   id: SES401
#   severity: error
#   seed: "004"
#   remediation: |
#     Name the delegated sender by its 12-digit account ID, its account root
#     ARN (`arn:aws:iam::ACCOUNT:root`) or the exact IAM user or role ARN
#     under `"AWS"`, or an AWS service (`*.amazonaws.com`) under `"Service"`.
#     Role session ARNs (`arn:aws:sts::...:assumed-role/...`) and groups are
#     not principals: use the role ARN, or the users' ARNs.
#   example:
#     bad: |
#       {"Version": "2012-10-17", "Statement": [{"Effect": "Allow",
#         "Principal": {"AWS": "arn:aws:iam::111122223333:group/mailers"},
#         "Action": "ses:SendRawEmail",
#         "Resource": "arn:aws:ses:us-east-1:123456789012:identity/example.com"}]}
#     good: |
#       {"Version": "2012-10-17", "Statement": [{"Effect": "Allow",
#         "Principal": {"AWS": "arn:aws:iam::111122223333:role/mailer"},
#         "Action": "ses:SendRawEmail",
#         "Resource": "arn:aws:ses:us-east-1:123456789012:identity/example.com"}]}
package seslint.rules.authorization.invalid_principal

import data.seslint.lib.policy
import data.seslint.lib.principal
import data.seslint.lib.result

# principal_types are the principal types SES accepts.
principal_types := {"AWS", "Service"}

# An AWS or Service principal value SES does not accept ("*" is SES402's).
report contains result.fail(rego.metadata.chain(), {
	"message": message(p),
	"path": p.path,
}) if {
	input.kind == "sending-authorization"
	some st in policy.statements
	some p in policy.principals(st)
	p.type in principal_types
	not valid(p)
}

# A principal type SES does not accept (Federated, CanonicalUser, ...).
report contains result.fail(rego.metadata.chain(), {
	"message": sprintf("principal type %q is not valid in an SES sending authorization policy: SES authorizes only \"AWS\" accounts, users and roles and \"Service\" principals, and rejects the policy", [type]),
	"path": array.concat(st.path, ["Principal", type]),
	"key": true,
}) if {
	input.kind == "sending-authorization"
	some st in policy.statements
	is_object(st.value.Principal)
	some type, _ in st.value.Principal
	not type in principal_types
}

# A Principal that names nobody: an empty object, or a value that is
# neither "*" nor an object.
report contains result.fail(rego.metadata.chain(), {
	"message": shape_message(st.value.Principal),
	"path": array.concat(st.path, ["Principal"]),
}) if {
	input.kind == "sending-authorization"
	some st in policy.statements
	policy.has_key(st.value, "Principal")
	shape_message(st.value.Principal)
}

shape_message(p) := "Principal names no principal: SES rejects a policy without a valid principal" if {
	is_object(p)
	count({v | some vs in p; some v in policy.as_list(vs)}) == 0
}

shape_message(p) := sprintf("Principal %s is neither \"*\" nor an object such as {\"AWS\": [\"ACCOUNT-ID\"]}: SES finds no valid principal and rejects the policy", [json.marshal(p)]) if {
	not is_object(p)
	p != "*"
	not symbolic_string(p)
}

symbolic_string(p) if {
	is_string(p)
	policy.is_symbolic(p)
}

valid(p) if {
	p.type == "AWS"
	p.value == "*"
}

valid(p) if {
	p.type == "AWS"
	principal.valid_aws(p.value)
}

valid(p) if {
	p.type == "Service"
	principal.valid_service(p.value)
}

message(p) := sprintf("principal %s is not a valid AWS principal: %s; SES rejects the policy", [json.marshal(p.value), aws_reason(p.value)]) if {
	p.type == "AWS"
}

message(p) := sprintf("service principal %s is not an AWS service name (NAME.amazonaws.com): SES rejects the policy", [json.marshal(p.value)]) if {
	p.type == "Service"
}

# aws_reason explains what is wrong with an AWS principal value.
aws_reason(v) := "a value that is not a string" if {
	not principal.text(v)
} else := "an account ID has exactly 12 digits" if {
	regex.match(`^[0-9]+$`, principal.text(v))
} else := "a role session is not a principal, name the role (arn:aws:iam::ACCOUNT:role/NAME)" if {
	regex.match(`^arn:[^:]+:sts::[^:]*:assumed-role/`, principal.text(v))
} else := "an IAM group cannot be a principal, name its users or a role" if {
	regex.match(`^arn:[^:]+:iam::[^:]*:group/`, principal.text(v))
} else := "wildcards are not allowed in a principal ARN" if {
	policy.is_wildcard(principal.text(v))
} else := "SES accepts a 12-digit account ID, arn:PARTITION:iam::ACCOUNT:root or an IAM user or role ARN"
