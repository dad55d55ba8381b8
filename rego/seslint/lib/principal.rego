# METADATA
# description: |
#   Principals of SES sending authorization policies: which values SES
#   accepts (an account ID, an account root, IAM user or role ARNs, AWS
#   service names), the account a principal belongs to, and the identity the
#   policy is attached to (input.identity, an ARN or a bare name).
package seslint.lib.principal

import data.seslint.lib.policy

# partitions is an alternation of the AWS partitions, for ARN patterns.
partitions := concat("|", sort(object.keys(policy.catalog.partitions)))

# iam_arn_pattern matches an account root or an IAM user or role ARN; a user
# or role may have a path.
iam_arn_pattern := sprintf(`^arn:(%s):iam::[0-9]{12}:(root|(user|role)/([!-~]+/)?[\w+=,.@-]+)$`, [partitions])

# service_pattern matches an AWS service principal name.
service_pattern := `^[a-z0-9][a-z0-9.-]*\.amazonaws\.com(\.cn)?$`

# text is a principal value as a string: CloudFormation YAML may give an
# unquoted account ID as a number.
text(v) := v if is_string(v)

text(v) := format_int(v, 10) if {
	is_number(v)
	v == floor(v)
	v >= 0
}

# is_account_id is true for a 12-digit AWS account ID.
is_account_id(s) if regex.match(`^[0-9]{12}$`, s)

# valid_aws is true for an "AWS" principal value SES accepts ("*" is not
# one of them: it is a public principal).
valid_aws(v) if {
	policy.is_symbolic(text(v))
	not startswith(text(v), "arn:")
}

# An ARN with deploy-time parts (arn:${AWS::Partition}:iam::${Account}:
# role/x) is valid when what is written out is: each ${...} stands for a
# value that fits where it is.
valid_aws(v) if {
	policy.is_symbolic(text(v))
	startswith(text(v), "arn:")
	regex.match(iam_arn_pattern, filled(text(v)))
}

# filled replaces the ${...} parts of an ARN by values that fit there.
filled(s) := concat(":", [fill(i, x) | some i, x in policy.arn_parts(s)])

fill(1, x) := "aws" if policy.is_symbolic(x)

fill(4, x) := "123456789012" if policy.is_symbolic(x)

fill(i, x) := regex.replace(x, `\$\{[^}]*\}`, "x") if not i in {1, 4}

fill(i, x) := x if {
	i in {1, 4}
	not policy.is_symbolic(x)
}

valid_aws(v) if is_account_id(text(v))

valid_aws(v) if regex.match(iam_arn_pattern, text(v))

# valid_service is true for a "Service" principal value SES accepts.
valid_service(v) if policy.is_symbolic(text(v))

valid_service(v) if regex.match(service_pattern, lower(text(v)))

# account is the AWS account of an "AWS" principal value: the ID itself or
# the account field of its ARN (possibly symbolic).
account(v) := text(v) if is_account_id(text(v))

account(v) := m[2] if {
	some m in regex.find_all_string_submatch_n(`^arn:[^:]+:(iam|sts)::([^:$]+|\$\{[^}]*\}):`, text(v), 1)
	m[2] != ""
}

# identity_arn is input.identity parsed as an ARN, when it is one.
identity_arn := policy.parse_arn(input.identity) if {
	startswith(input.identity, "arn:")
	not policy.is_symbolic(input.identity)
}

# identity_account is the account that owns the identity the policy is
# attached to, when input.identity is an ARN with a literal account.
identity_account := identity_arn.account if is_account_id(identity_arn.account)

# identity_name is the name of an SES identity ARN (arn:...:identity/NAME).
identity_name(arn) := substring(arn.resource, count("identity/"), -1) if startswith(arn.resource, "identity/")

# foreign_account is true when an "AWS" principal value belongs to another
# account than the identity: any valid principal when the identity's account
# is not known, and never one whose account is symbolic when it is.
foreign_account(v) if {
	not identity_account
	valid_aws(v)
	not own_account(v)
}

# own_account is true for a principal naming the deploying account itself
# (${AWS::AccountId}, data.aws_caller_identity...account_id).
own_account(v) if regex.match(own_account_pattern, account(v))

own_account(v) if {
	is_string(v)
	regex.match(own_account_pattern, v)
}

own_account_pattern := `(?i)^\$\{(AWS::AccountId|data\.aws_caller_identity\.[^}]*account_id)\}$`

foreign_account(v) if {
	a := account(v)
	not policy.is_symbolic(a)
	a != identity_account
}
