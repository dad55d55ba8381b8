// Package resource creates the managed policies a billing service sends
// its invoices with, with the resource-scoping mistakes of SES301-SES303
// ("554 Access denied").
package resource

import (
	"context"
	"fmt"

	"github.com/aws/aws-sdk-go-v2/aws"
	"github.com/aws/aws-sdk-go-v2/service/iam"
)

// SES301: the seed's ARN without "identity/", a region that does not
// exist, an account of 11 digits, and a bare domain.
const invoices = `{"Version": "2012-10-17", "Statement": [` +
	`{"Effect": "Allow", "Action": ["ses:SendEmail", "ses:SendRawEmail"], "Resource": [` +
	`"arn:aws:ses:eu-west-1:123456789012:example.com",` + // want `SES301: "arn:aws:ses:eu-west-1:123456789012:example.com" is not a valid SES ARN: the resource "example.com" lacks its type \(identity/ for an identity\); it matches no SES resource, so the grant never applies \(554 Access denied\)`
	` "arn:aws:ses:eu-west-9:123456789012:identity/example.com",` + // want `SES301: "arn:aws:ses:eu-west-9:123456789012:identity/example.com" is not a valid SES ARN: SES is not offered in eu-west-9 \(did you mean eu-west-1\?\)`
	` "arn:aws:ses:eu-west-1:12345678901:identity/example.org"]},` + // want `SES301: "arn:aws:ses:eu-west-1:12345678901:identity/example.org" is not a valid SES ARN: account "12345678901" is not a 12-digit account ID`
	`{"Effect": "Allow", "Action": ["ses:SendEmail", "ses:SendRawEmail"], "Resource":` +
	` "example.net"}]}` // want `SES301: Resource "example.net" is not an ARN: IAM matches SES resources by ARN \(or "\*"\), so the grant never applies`

// The identities' ARNs.
const fixedInvoices = `{"Version": "2012-10-17", "Statement": [` +
	`{"Effect": "Allow", "Action": ["ses:SendEmail", "ses:SendRawEmail"], "Resource": [` +
	`"arn:aws:ses:eu-west-1:123456789012:identity/example.com",` +
	` "arn:aws:ses:eu-west-1:123456789012:identity/example.org",` +
	` "arn:aws:ses:eu-west-1:123456789012:identity/example.net"]}]}`

// SES302: the quota check sits in the statement scoped to the identity.
func managedPolicy(ctx context.Context, c *iam.Client) error {
	_, err := c.CreatePolicy(ctx, &iam.CreatePolicyInput{
		PolicyName: aws.String("invoice-sender"),
		PolicyDocument: aws.String(`{"Version": "2012-10-17", "Statement": [{"Effect": "Allow",` +
			` "Action": ["ses:SendEmail", "ses:SendRawEmail",` +
			` "ses:GetSendQuota",` + // want `SES302: ses:GetSendQuota has no resource-level permissions and is granted only on "Resource": "\*": this statement, scoped to "arn:aws:ses:eu-west-1:123456789012:identity/example.com", never allows it`
			` "ses:GetSendStatistics"],` + // want `SES302: ses:GetSendStatistics has no resource-level permissions`
			` "Resource": "arn:aws:ses:eu-west-1:123456789012:identity/example.com"}]}`),
	})
	return err
}

// The seed's split: quota and statistics on "*", sending on the identity.
func splitPolicy(ctx context.Context, c *iam.Client, arn string) error {
	_, err := c.CreatePolicyVersion(ctx, &iam.CreatePolicyVersionInput{
		PolicyArn: aws.String(arn),
		PolicyDocument: aws.String(`{"Version": "2012-10-17", "Statement": [` +
			`{"Effect": "Allow", "Action": ["ses:GetSendQuota", "ses:GetSendStatistics"], "Resource": "*"},` +
			`{"Effect": "Allow", "Action": ["ses:SendEmail", "ses:SendRawEmail"],` +
			` "Resource": "arn:aws:ses:eu-west-1:123456789012:identity/example.com"}]}`),
		SetAsDefault: true,
	})
	return err
}

// SES303: sending allowed on the configuration set only.
const configSetOnly = `{"Version": "2012-10-17", "Statement": [{"Effect": "Allow",` +
	` "Action": ["ses:SendEmail", "ses:SendRawEmail"],` +
	` "Resource": [` +
	`"arn:aws:ses:eu-west-1:123456789012:configuration-set/invoices"]}]}` // want `SES303: ses:SendEmail and ses:SendRawEmail are allowed only on "arn:aws:ses:eu-west-1:123456789012:configuration-set/invoices", which is not an SES identity`

// SES303 on another service's ARN.
const topicOnly = `{"Version": "2012-10-17", "Statement": [{"Effect": "Allow",` +
	` "Action": "ses:SendTemplatedEmail",` +
	` "Resource":` +
	` "arn:aws:sns:eu-west-1:123456789012:invoices"}]}` // want `SES303: ses:SendTemplatedEmail is allowed only on "arn:aws:sns:eu-west-1:123456789012:invoices", which is not an SES identity`

// The configuration set and the identity together.
const configSetAndIdentity = `{"Version": "2012-10-17", "Statement": [{"Effect": "Allow",` +
	` "Action": ["ses:SendEmail", "ses:SendRawEmail"],` +
	` "Resource": ["arn:aws:ses:eu-west-1:123456789012:configuration-set/invoices",` +
	` "arn:aws:ses:eu-west-1:123456789012:identity/example.com"]}]}`

// A format whose account is filled in at deploy time: the ARN is checked
// with the verb as a symbolic value.
func tenantPolicy(account string) string {
	return fmt.Sprintf(`{"Version": "2012-10-17", "Statement": [{"Effect": "Allow",`+
		` "Action": ["ses:SendEmail", "ses:SendRawEmail"],`+
		` "Resource": "arn:aws:ses:eu-west-1:%s:identity/example.com"}]}`, account)
}

var _ = []any{invoices, fixedInvoices, managedPolicy, splitPolicy, configSetOnly, topicOnly, configSetAndIdentity, tenantPolicy}
