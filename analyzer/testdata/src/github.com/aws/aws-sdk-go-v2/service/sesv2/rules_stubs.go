package sesv2

import "context"

// UpdateEmailIdentityPolicyInput replaces a sending authorization policy.
type UpdateEmailIdentityPolicyInput struct {
	EmailIdentity *string
	Policy        *string
	PolicyName    *string
}

// CreateEmailIdentityPolicyOutput is the (empty) result of CreateEmailIdentityPolicy.
type CreateEmailIdentityPolicyOutput struct{}

// UpdateEmailIdentityPolicyOutput is the (empty) result of UpdateEmailIdentityPolicy.
type UpdateEmailIdentityPolicyOutput struct{}

// Options configures a Client.
type Options struct{}

// Client is the SES v2 API client.
type Client struct{}

// CreateEmailIdentityPolicy attaches a sending authorization policy to an identity.
func (c *Client) CreateEmailIdentityPolicy(ctx context.Context, params *CreateEmailIdentityPolicyInput, optFns ...func(*Options)) (*CreateEmailIdentityPolicyOutput, error) {
	return &CreateEmailIdentityPolicyOutput{}, nil
}

// UpdateEmailIdentityPolicy replaces a sending authorization policy of an identity.
func (c *Client) UpdateEmailIdentityPolicy(ctx context.Context, params *UpdateEmailIdentityPolicyInput, optFns ...func(*Options)) (*UpdateEmailIdentityPolicyOutput, error) {
	return &UpdateEmailIdentityPolicyOutput{}, nil
}
