package ses

// PutIdentityPolicyOutput is the (empty) result of PutIdentityPolicy.
type PutIdentityPolicyOutput struct{}

// SES is the SES client of the AWS SDK for Go v1.
type SES struct{}

// PutIdentityPolicy attaches or replaces a sending authorization policy.
func (c *SES) PutIdentityPolicy(input *PutIdentityPolicyInput) (*PutIdentityPolicyOutput, error) {
	return &PutIdentityPolicyOutput{}, nil
}
