package ses

import "context"

// PutIdentityPolicyOutput is the (empty) result of PutIdentityPolicy.
type PutIdentityPolicyOutput struct{}

// Options configures a Client.
type Options struct{}

// Client is the SES (v1 API) client of the AWS SDK for Go v2.
type Client struct{}

// PutIdentityPolicy attaches or replaces a sending authorization policy.
func (c *Client) PutIdentityPolicy(ctx context.Context, params *PutIdentityPolicyInput, optFns ...func(*Options)) (*PutIdentityPolicyOutput, error) {
	return &PutIdentityPolicyOutput{}, nil
}
