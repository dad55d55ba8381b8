package iam

import "context"

// PutUserPolicyInput writes a user's inline policy.
type PutUserPolicyInput struct {
	PolicyDocument *string
	PolicyName     *string
	UserName       *string
}

// PutGroupPolicyInput writes a group's inline policy.
type PutGroupPolicyInput struct {
	GroupName      *string
	PolicyDocument *string
	PolicyName     *string
}

// CreatePolicyInput creates a customer managed policy.
type CreatePolicyInput struct {
	Description    *string
	Path           *string
	PolicyDocument *string
	PolicyName     *string
}

// CreatePolicyVersionInput adds a version to a customer managed policy.
type CreatePolicyVersionInput struct {
	PolicyArn      *string
	PolicyDocument *string
	SetAsDefault   bool
}

// PutRolePolicyOutput is the (empty) result of PutRolePolicy.
type PutRolePolicyOutput struct{}

// CreatePolicyOutput is the result of CreatePolicy.
type CreatePolicyOutput struct{}

// CreatePolicyVersionOutput is the result of CreatePolicyVersion.
type CreatePolicyVersionOutput struct{}

// Options configures a Client.
type Options struct{}

// Client is the IAM API client.
type Client struct{}

// PutRolePolicy writes a role's inline policy.
func (c *Client) PutRolePolicy(ctx context.Context, params *PutRolePolicyInput, optFns ...func(*Options)) (*PutRolePolicyOutput, error) {
	return &PutRolePolicyOutput{}, nil
}

// CreatePolicy creates a customer managed policy.
func (c *Client) CreatePolicy(ctx context.Context, params *CreatePolicyInput, optFns ...func(*Options)) (*CreatePolicyOutput, error) {
	return &CreatePolicyOutput{}, nil
}

// CreatePolicyVersion adds a version to a customer managed policy.
func (c *Client) CreatePolicyVersion(ctx context.Context, params *CreatePolicyVersionInput, optFns ...func(*Options)) (*CreatePolicyVersionOutput, error) {
	return &CreatePolicyVersionOutput{}, nil
}
