// Package authorization onboards the tenants of a mail platform: each
// tenant's AWS account is allowed to send as the tenant's verified domain
// through a sending authorization policy attached with the SES v2 API
// (SES401-SES407, SES409, SES410). The call says the policy's kind, its
// name and the identity it is attached to.
package authorization

import (
	"context"

	"github.com/aws/aws-sdk-go-v2/aws"
	"github.com/aws/aws-sdk-go-v2/service/sesv2"
	v1aws "github.com/aws/aws-sdk-go/aws"
	v1ses "github.com/aws/aws-sdk-go/service/ses"
)

// Tenant is a customer of the platform.
type Tenant struct {
	Name    string
	Domain  string
	Account string
}

// delegate is the policy every tenant gets: its account may send as its
// domain. The identity and the name come from the tenant at run time.
const delegate = `{"Version": "2012-10-17", "Statement": [{"Sid": "TenantSend", "Effect": "Allow",` +
	` "Principal": {"AWS": "${TenantAccount}"},` +
	` "Action": ["ses:SendEmail", "ses:SendRawEmail"],` +
	` "Resource": "arn:aws:ses:eu-west-1:123456789012:identity/${TenantDomain}"}]}`

// Onboard attaches the tenant's policy.
func Onboard(ctx context.Context, c *sesv2.Client, t Tenant) error {
	_, err := c.CreateEmailIdentityPolicy(ctx, &sesv2.CreateEmailIdentityPolicyInput{
		EmailIdentity: aws.String(t.Domain),
		PolicyName:    aws.String("tenant-" + t.Name),
		Policy:        aws.String(delegate),
	})
	return err
}

// SES401: principals SES does not accept.
const badPrincipals = `{"Version": "2012-10-17", "Statement": [{"Effect": "Allow",` +
	` "Principal": {"AWS": [` +
	`"11112222333",` + // want `SES401: principal "11112222333" is not a valid AWS principal: an account ID has exactly 12 digits; SES rejects the policy`
	` "arn:aws:iam::111122223333:group/senders"],` + // want `SES401: principal "arn:aws:iam::111122223333:group/senders" is not a valid AWS principal: an IAM group cannot be a principal`
	` "Service":` +
	` "ses.amazon.com"},` + // want `SES401: service principal "ses.amazon.com" is not an AWS service name \(NAME.amazonaws.com\): SES rejects the policy`
	` "Action": ["ses:SendEmail", "ses:SendRawEmail"],` +
	` "Resource": "arn:aws:ses:eu-west-1:123456789012:identity/example.com"},` +
	`{"Effect": "Allow", "Principal": {` +
	`"Federated": "cognito-identity.amazonaws.com"},` + // want `SES401: principal type "Federated" is not valid in an SES sending authorization policy`
	` "Action": ["ses:SendEmail", "ses:SendRawEmail"],` +
	` "Resource": "arn:aws:ses:eu-west-1:123456789012:identity/example.com"}]}`

// An account, a role and a service.
const goodPrincipals = `{"Version": "2012-10-17", "Statement": [{"Effect": "Allow",` +
	` "Principal": {"AWS": ["111122223333", "arn:aws:iam::444455556666:role/mailer"],` +
	` "Service": "cognito-idp.amazonaws.com"},` +
	` "Action": ["ses:SendEmail", "ses:SendRawEmail"],` +
	` "Resource": "arn:aws:ses:eu-west-1:123456789012:identity/example.com"}]}`

// SES402: anyone may send as the identity, in both spellings of "*"; a
// condition that does not pin the caller does not help.
const public = `{"Version": "2012-10-17", "Statement": [{"Effect": "Allow",` +
	` "Principal": {"AWS":` +
	` "*"},` + // want `SES402: principal "\*" with no condition pinning the caller \(such as aws:SourceIp or aws:SourceVpce\) lets any AWS account send email as this identity \(ses:SendEmail, ses:SendRawEmail\)`
	` "Action": ["ses:SendEmail", "ses:SendRawEmail"],` +
	` "Resource": "arn:aws:ses:eu-west-1:123456789012:identity/example.com"},` +
	`{"Effect": "Allow", "Principal":` +
	` "*",` + // want `SES402: principal "\*" with no condition pinning the caller \(such as aws:SourceIp or aws:SourceVpce\) lets any AWS account send email as this identity \(ses:SendTemplatedEmail\)`
	` "Action": "ses:SendTemplatedEmail",` +
	` "Resource": "arn:aws:ses:eu-west-1:123456789012:identity/example.com",` +
	` "Condition": {"IpAddress": {"aws:SourceIp": "0.0.0.0/0"}}}]}`

// "*" pinned to the tenants' VPC endpoint.
const publicInVPC = `{"Version": "2012-10-17", "Statement": [{"Effect": "Allow",` +
	` "Principal": {"AWS": "*"},` +
	` "Action": ["ses:SendEmail", "ses:SendRawEmail"],` +
	` "Resource": "arn:aws:ses:eu-west-1:123456789012:identity/example.com",` +
	` "Condition": {"StringEquals": {"aws:SourceVpce": "vpce-0123456789abcdef0"}}}]}`

// SES403: the policy is attached to example.org but names example.com.
const otherIdentity = `{"Version": "2012-10-17", "Statement": [{"Effect": "Allow",` +
	` "Principal": {"AWS": "111122223333"},` +
	` "Action": ["ses:SendEmail", "ses:SendRawEmail"],` +
	` "Resource":` +
	` "arn:aws:ses:eu-west-1:123456789012:identity/example.com"}]}` // want `SES403: Resource "arn:aws:ses:eu-west-1:123456789012:identity/example.com" is not the identity this policy is attached to \(example.org\): SES rejects the policy`

func attachOther(ctx context.Context, c *sesv2.Client) error {
	_, err := c.CreateEmailIdentityPolicy(ctx, &sesv2.CreateEmailIdentityPolicyInput{
		EmailIdentity: aws.String("example.org"),
		PolicyName:    aws.String("partner"),
		Policy:        aws.String(otherIdentity),
	})
	return err
}

// SES403: a wildcard, and two identities in one policy.
func attachWildcard(ctx context.Context, c *sesv2.Client) error {
	_, err := c.UpdateEmailIdentityPolicy(ctx, &sesv2.UpdateEmailIdentityPolicyInput{
		EmailIdentity: aws.String("example.com"),
		PolicyName:    aws.String("partner"),
		Policy: aws.String(`{"Version": "2012-10-17", "Statement": [{"Effect": "Allow",` +
			` "Principal": {"AWS": "111122223333"},` +
			` "Action": ["ses:SendEmail", "ses:SendRawEmail"],` +
			` "Resource":` +
			` "arn:aws:ses:eu-west-1:123456789012:identity/*"},` + // want `SES403: Resource "arn:aws:ses:eu-west-1:123456789012:identity/\*" is a wildcard: SES requires the exact ARN of the identity`
			`{"Effect": "Allow", "Principal": {"AWS": "444455556666"},` +
			` "Action": ["ses:SendEmail", "ses:SendRawEmail"],` +
			` "Resource": ["arn:aws:ses:eu-west-1:123456789012:identity/example.com",` +
			` "arn:aws:ses:eu-west-1:123456789012:identity/example.org"]}]}`), // want `SES403: statement names 2 resources: a sending authorization policy applies to exactly one identity` `SES403: Resource "arn:aws:ses:eu-west-1:123456789012:identity/example.org" is not the identity this policy is attached to \(example.com\)`
	})
	return err
}

// SES403: a statement without Resource (SES106 reports the shape too),
// through the SDK for Go v1.
func attachV1(c *v1ses.SES) error {
	_, err := c.PutIdentityPolicy(&v1ses.PutIdentityPolicyInput{
		Identity:   v1aws.String("arn:aws:ses:eu-west-1:123456789012:identity/example.com"),
		PolicyName: v1aws.String("partner"),
		Policy: v1aws.String(`{"Version": "2012-10-17", "Statement": [` +
			`{"Effect": "Allow", "Principal": {"AWS": "111122223333"}, "Action": ["ses:SendEmail", "ses:SendRawEmail"]}` + // want `SES403: statement has no Resource: a sending authorization policy must name the ARN of the identity it is attached to` `SES106: statement has neither Resource nor NotResource`
			`]}`),
	})
	return err
}

// The identity the policy is attached to, by ARN.
func attachOwn(ctx context.Context, c *sesv2.Client) error {
	_, err := c.CreateEmailIdentityPolicy(ctx, &sesv2.CreateEmailIdentityPolicyInput{
		EmailIdentity: aws.String("example.org"),
		PolicyName:    aws.String("partner"),
		Policy: aws.String(`{"Version": "2012-10-17", "Statement": [{"Effect": "Allow",` +
			` "Principal": {"AWS": "111122223333"},` +
			` "Action": ["ses:SendEmail", "ses:SendRawEmail"],` +
			` "Resource": "arn:aws:ses:eu-west-1:123456789012:identity/example.org"}]}`),
	})
	return err
}

// SES404: actions an identity policy cannot grant.
const tooMuch = `{"Version": "2012-10-17", "Statement": [{"Effect": "Allow",` +
	` "Principal": {"AWS": "111122223333"}, "Action": [` +
	`"ses:SendEmail", "ses:SendRawEmail",` +
	` "ses:DeleteIdentity",` + // want `SES404: ses:DeleteIdentity cannot be granted in a sending authorization policy \(only identity management actions and SendEmail, SendRawEmail, SendTemplatedEmail, SendBulkTemplatedEmail can\): SES rejects the policy`
	` "ses:List*",` + // want `SES404: ses:List\* matches 35 SES actions a sending authorization policy cannot grant \(ses:ListAddonInstances, ses:ListAddonSubscriptions, ses:ListAddressListImportJobs, \.\.\.\): SES rejects the policy`
	` "sns:Publish"],` + // want `SES404: sns:Publish is not an SES action: a sending authorization policy can only grant ses: actions on the identity`
	` "Resource": "arn:aws:ses:eu-west-1:123456789012:identity/example.com"}]}`

// The delegated sender's actions, and the identity's own settings.
const enough = `{"Version": "2012-10-17", "Statement": [{"Effect": "Allow",` +
	` "Principal": {"AWS": "111122223333"}, "Action": [` +
	`"ses:SendEmail", "ses:SendRawEmail", "ses:SendTemplatedEmail", "ses:GetEmailIdentity"],` +
	` "Resource": "arn:aws:ses:eu-west-1:123456789012:identity/example.com"}]}`

// SES405: condition keys SES does not set.
const orgOnly = `{"Version": "2012-10-17", "Statement": [{"Effect": "Allow",` +
	` "Principal": {"AWS": "111122223333"},` +
	` "Action": ["ses:SendEmail", "ses:SendRawEmail"],` +
	` "Resource": "arn:aws:ses:eu-west-1:123456789012:identity/example.com",` +
	` "Condition": {"StringEquals": {` +
	`"aws:PrincipalOrgID": "o-a1b2c3d4e5",` + // want `SES405: condition key aws:PrincipalOrgID is not supported in SES sending authorization policies`
	` "aws:SourceAccount": "111122223333"}}}]}` // want `SES405: condition key aws:SourceAccount is only accepted in a sending authorization policy for a Service principal`

// aws:SourceArn and aws:SourceAccount for Cognito, as AWS documents it.
const cognito = `{"Version": "2012-10-17", "Statement": [{"Effect": "Allow",` +
	` "Principal": {"Service": "cognito-idp.amazonaws.com"},` +
	` "Action": ["ses:SendEmail", "ses:SendRawEmail"],` +
	` "Resource": "arn:aws:ses:eu-west-1:123456789012:identity/example.com",` +
	` "Condition": {"StringEquals": {"aws:SourceAccount": "123456789012"},` +
	` "ArnLike": {"aws:SourceArn": "arn:aws:cognito-idp:eu-west-1:123456789012:userpool/*"}}}]}`

// SES407: policy names SES rejects, reported at the PolicyName the call
// writes.
const named = `{"Version": "2012-10-17", "Statement": [{"Effect": "Allow",` +
	` "Principal": {"AWS": "111122223333"},` +
	` "Action": ["ses:SendEmail", "ses:SendRawEmail"],` +
	` "Resource": "arn:aws:ses:eu-west-1:123456789012:identity/example.com"}]}`

func attachNamed(ctx context.Context, c *sesv2.Client) error {
	_, err := c.CreateEmailIdentityPolicy(ctx, &sesv2.CreateEmailIdentityPolicyInput{
		EmailIdentity: aws.String("example.com"),
		PolicyName:    aws.String("send as example.com"), // want `SES407: policy name "send as example.com" contains " " "." \(only letters, digits, - and _ are allowed\): SES rejects the policy`
		Policy:        aws.String(named),
	})
	return err
}

func attachLongName(ctx context.Context, c *sesv2.Client) error {
	_, err := c.CreateEmailIdentityPolicy(ctx, &sesv2.CreateEmailIdentityPolicyInput{
		EmailIdentity: aws.String("example.com"),
		PolicyName:    aws.String("tenant_marketing_newsletter_and_transactional_mail_from_example_com"), // want `SES407: policy name "tenant_marketing_newsletter_and_transactional_mail_from_example_com" is 67 characters long \(at most 64\): SES rejects the policy`
		Policy: aws.String(`{"Version": "2012-10-17", "Statement": [{"Effect": "Allow",` +
			` "Principal": {"AWS": "111122223333"},` +
			` "Action": ["ses:SendEmail", "ses:SendRawEmail"],` +
			` "Resource": "arn:aws:ses:eu-west-1:123456789012:identity/example.com"}]}`),
	})
	return err
}

func attachGoodName(ctx context.Context, c *sesv2.Client) error {
	_, err := c.CreateEmailIdentityPolicy(ctx, &sesv2.CreateEmailIdentityPolicyInput{
		EmailIdentity: aws.String("example.com"),
		PolicyName:    aws.String("tenant_marketing-1"),
		Policy: aws.String(`{"Version": "2012-10-17", "Statement": [{"Effect": "Allow",` +
			` "Principal": {"AWS": "111122223333"},` +
			` "Action": ["ses:SendEmail", "ses:SendRawEmail"],` +
			` "Resource": "arn:aws:ses:eu-west-1:123456789012:identity/example.com"}]}`),
	})
	return err
}

// SES409: the tenant may read and configure the identity, not send.
const manageOnly = `{"Version": "2012-10-17", "Statement": [{"Effect": "Allow",` +
	` "Principal": {"AWS": "111122223333"},` +
	` "Action":` +
	` ["ses:GetEmailIdentity", "ses:PutEmailIdentityFeedbackAttributes"],` + // want `SES409: grants account 111122223333 ses:GetEmailIdentity, ses:PutEmailIdentityFeedbackAttributes but none of the sending actions \(ses:SendEmail, ses:SendRawEmail, ses:SendTemplatedEmail, ses:SendBulkTemplatedEmail\): the delegated sender cannot send as this identity`
	` "Resource": "arn:aws:ses:eu-west-1:123456789012:identity/example.com"}]}`

// SES410: a Deny of sending inside the identity's own policy, always and
// outside office hours.
const denied = `{"Version": "2012-10-17", "Statement": [` +
	`{"Effect": "Allow", "Principal": {"AWS": "111122223333"},` +
	` "Action": ["ses:SendEmail", "ses:SendRawEmail"],` +
	` "Resource": "arn:aws:ses:eu-west-1:123456789012:identity/example.com"},` +
	`{"Effect": "Deny", "Principal": {"AWS": "444455556666"}, "Action": [` +
	`"ses:SendRaw*"],` + // want `SES410: Deny of ses:SendRaw\* covers ses:SendRawEmail: the principals it names get "Unauthorized" when they send as this identity, whatever the policy allows`
	` "Resource": "arn:aws:ses:eu-west-1:123456789012:identity/example.com"},` +
	`{"Effect": "Deny", "Principal": {"AWS": "111122223333"}, "Action": [` +
	`"ses:SendEmail"],` + // want `SES410: Deny of ses:SendEmail when its condition on aws:SourceIp matches: those sends as this identity fail with "Unauthorized"`
	` "Resource": "arn:aws:ses:eu-west-1:123456789012:identity/example.com",` +
	` "Condition": {"IpAddress": {"aws:SourceIp": "198.51.100.0/24"}}}]}`

// SES410's counterpart: the grant alone, limited by its own condition.
const limited = `{"Version": "2012-10-17", "Statement": [` +
	`{"Effect": "Allow", "Principal": {"AWS": "111122223333"},` +
	` "Action": ["ses:SendEmail", "ses:SendRawEmail"],` +
	` "Resource": "arn:aws:ses:eu-west-1:123456789012:identity/example.com",` +
	` "Condition": {"IpAddress": {"aws:SourceIp": "203.0.113.0/24"}}}]}`

var _ = []any{
	badPrincipals, goodPrincipals, public, publicInVPC, attachOther, attachWildcard, attachV1, attachOwn,
	tooMuch, enough, orgOnly, cognito, attachNamed, attachLongName, attachGoodName, manageOnly, denied, limited,
}
