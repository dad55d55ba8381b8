package organizations

import "context"

// UpdatePolicyInput changes a policy's content or name.
type UpdatePolicyInput struct {
	Content  *string
	Name     *string
	PolicyId *string
}

// CreatePolicyOutput is the result of CreatePolicy.
type CreatePolicyOutput struct{}

// UpdatePolicyOutput is the result of UpdatePolicy.
type UpdatePolicyOutput struct{}

// Options configures a Client.
type Options struct{}

// Client is the Organizations API client.
type Client struct{}

// CreatePolicy creates a policy of the organization.
func (c *Client) CreatePolicy(ctx context.Context, params *CreatePolicyInput, optFns ...func(*Options)) (*CreatePolicyOutput, error) {
	return &CreatePolicyOutput{}, nil
}

// UpdatePolicy changes a policy of the organization.
func (c *Client) UpdatePolicy(ctx context.Context, params *UpdatePolicyInput, optFns ...func(*Options)) (*UpdatePolicyOutput, error) {
	return &UpdatePolicyOutput{}, nil
}
