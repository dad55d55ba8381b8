// Package sesv2 is a stub of the AWS SDK for Go v2 SES v2 client for analyzer tests.
package sesv2

// CreateEmailIdentityPolicyInput attaches a sending authorization policy.
type CreateEmailIdentityPolicyInput struct {
	EmailIdentity *string
	Policy        *string
	PolicyName    *string
}
