// Package aws is a stub of the AWS SDK for Go v1 for analyzer tests.
package aws

// String returns a pointer to v.
func String(v string) *string { return &v }
