// Package ses is a stub of the AWS SDK for Go v1 SES client for analyzer tests.
package ses

// PutIdentityPolicyInput attaches a sending authorization policy.
type PutIdentityPolicyInput struct {
	Identity   *string
	Policy     *string
	PolicyName *string
}
