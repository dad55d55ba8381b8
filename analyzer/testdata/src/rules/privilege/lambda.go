// Package privilege is the deploy step of a Lambda function that sends
// order confirmations: it writes the function's role policy with IAM, and
// the broad grants of SES601-SES603 are what least privilege flags.
package privilege

import (
	"context"

	"github.com/aws/aws-sdk-go-v2/aws"
	"github.com/aws/aws-sdk-go-v2/service/iam"
)

// Function is the Lambda function being deployed.
type Function struct {
	Name string
	Role string
}

// quickStart is what the first version of the function was given.
const quickStart = `{"Version": "2012-10-17", "Statement": [` +
	`{"Sid": "SES", "Effect": "Allow", "Action":` +
	` "ses:*",` + // want `SES601: ses:\* also allows ses:PutIdentityPolicy, ses:DeleteEmailIdentity and 22 more SES management actions: whoever holds this policy can create, re-verify or delete identities`
	` "Resource": "arn:aws:ses:eu-west-1:123456789012:identity/example.com"},` +
	`{"Sid": "Logs", "Effect": "Allow", "Action": ["logs:CreateLogStream", "logs:PutLogEvents"],` +
	` "Resource": "arn:aws:logs:eu-west-1:123456789012:log-group:/aws/lambda/orders:*"}]}`

// everythingButIAM grants through NotAction.
const everythingButIAM = `{"Version": "2012-10-17", "Statement": [{"Effect": "Allow",` +
	` "NotAction":` + // want `SES601: NotAction also allows ses:PutIdentityPolicy, ses:DeleteEmailIdentity and 22 more SES management actions: whoever holds this policy`
	` ["iam:*", "organizations:*"],` +
	` "Resource": "arn:aws:ses:eu-west-1:123456789012:identity/example.com"}]}`

// SES602: sending as any identity of the account.
const anyIdentity = `{"Version": "2012-10-17", "Statement": [{"Effect": "Allow",` +
	` "Action": ["ses:SendEmail", "ses:SendRawEmail", "ses:SendTemplatedEmail"],` +
	` "Resource":` +
	` "*"}]}` // want `SES602: ses:SendEmail, ses:SendRawEmail and ses:SendTemplatedEmail allowed on "Resource": "\*" with no ses:FromAddress condition: the holder may send as any identity verified in the account`

// SES603: writing identity policies on every identity.
const delegator = `{"Version": "2012-10-17", "Statement": [{"Effect": "Allow", "Action": [` +
	`"ses:PutIdentityPolicy",` + // want `SES603: ses:PutIdentityPolicy is allowed on every identity \("Resource": "\*"\): the holder can attach a sending authorization policy that lets another AWS account send as your identities`
	` "ses:*EmailIdentityPolicy",` + // want `SES603: ses:\*EmailIdentityPolicy allows ses:CreateEmailIdentityPolicy, ses:UpdateEmailIdentityPolicy and ses:DeleteEmailIdentityPolicy on every identity` `SES601: ses:\*EmailIdentityPolicy also allows ses:CreateEmailIdentityPolicy, ses:UpdateEmailIdentityPolicy and ses:DeleteEmailIdentityPolicy \(SES management actions\)`
	` "ses:GetEmailIdentity"],` +
	` "Resource": "*"}]}`

// The function's policy after review: sending from one address of one
// identity, the quota on "*", and (SES v2 API) policy management on one
// identity for the onboarding job. ses:PutIdentityPolicy, of the v1 API,
// takes no resource: on an identity ARN it is SES302's, on "*" SES603's.
const leastPrivilege = `{"Version": "2012-10-17", "Statement": [` +
	`{"Sid": "Send", "Effect": "Allow", "Action": ["ses:SendEmail", "ses:SendRawEmail"], "Resource": "*",` +
	` "Condition": {"StringEquals": {"ses:FromAddress": "orders@example.com"}}},` +
	`{"Sid": "Quota", "Effect": "Allow", "Action": "ses:GetSendQuota", "Resource": "*"},` +
	`{"Sid": "Delegate", "Effect": "Allow", "Action": ["ses:CreateEmailIdentityPolicy", "ses:UpdateEmailIdentityPolicy", "ses:GetEmailIdentity"],` +
	` "Resource": "arn:aws:ses:eu-west-1:123456789012:identity/example.com"}]}`

// Deploy writes the function's role policy.
func Deploy(ctx context.Context, c *iam.Client, f Function, reviewed bool) error {
	doc := quickStart
	if reviewed {
		doc = leastPrivilege
	}
	_, err := c.PutRolePolicy(ctx, &iam.PutRolePolicyInput{
		RoleName:       aws.String(f.Role),
		PolicyName:     aws.String(f.Name + "-ses"),
		PolicyDocument: aws.String(doc),
	})
	return err
}

// Managed policies for the other teams.
func Managed(ctx context.Context, c *iam.Client) error {
	for name, doc := range map[string]string{
		"everything-but-iam": everythingButIAM,
		"any-identity":       anyIdentity,
		"delegator":          delegator,
	} {
		if _, err := c.CreatePolicy(ctx, &iam.CreatePolicyInput{PolicyName: aws.String(name), PolicyDocument: aws.String(doc)}); err != nil {
			return err
		}
	}
	return nil
}
