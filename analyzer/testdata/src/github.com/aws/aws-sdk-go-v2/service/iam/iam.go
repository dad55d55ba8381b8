// Package iam is a stub of the AWS SDK for Go v2 IAM client for analyzer tests.
package iam

// PutRolePolicyInput writes a role's inline policy.
type PutRolePolicyInput struct {
	PolicyDocument *string
	PolicyName     *string
	RoleName       *string
}
