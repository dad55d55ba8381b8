// Package organizations is a stub of the AWS SDK for Go v2 Organizations client for analyzer tests.
package organizations

// CreatePolicyInput creates a service control policy.
type CreatePolicyInput struct {
	Content *string
	Name    *string
}
