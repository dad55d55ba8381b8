// Package guardrail bootstraps an AWS organization: the service control
// policies it creates decide what the member accounts' senders can do
// whatever their own policies allow (SES501).
package guardrail

import (
	"context"

	"github.com/aws/aws-sdk-go-v2/aws"
	"github.com/aws/aws-sdk-go-v2/service/organizations"
)

// sandboxSCP is the seeds' SCP, with straight quotes: it blocks every SES
// action in the sandbox OU, sending included.
const sandboxSCP = `{"Version": "2012-10-17", "Statement": [{"Sid": "NoSES", "Effect": "Deny",` +
	` "Action":` +
	` "ses:*",` + // want `SES501: SCP "sandbox-guardrails" denies ses:SendEmail, ses:SendRawEmail, ses:SendTemplatedEmail and 4 more send actions for every principal of the accounts it applies to: their sends fail with Unauthorized, whatever their own policies allow`
	` "Resource": "*"}]}`

// regionSCP denies SES outside the EU: a note naming the condition key.
const regionSCP = `{"Version": "2012-10-17", "Statement": [{"Sid": "EUOnly", "Effect": "Deny",` +
	` "Action": [` +
	`"ses:SendEmail", "ses:SendRawEmail"],` + // want `SES501: SCP "eu-only" denies ses:SendEmail, ses:SendRawEmail when aws:RequestedRegion: check that the accounts' senders never match it`
	` "Resource": "*",` +
	` "Condition": {"StringNotEquals": {"aws:RequestedRegion": ["eu-west-1", "eu-central-1"]}}}]}`

// allowListSCP replaced FullAWSAccess with an allow list that forgot SES.
const allowListSCP = `{"Version": "2012-10-17", "Statement": [{"Effect": "Allow",` +
	` "Action": [` +
	`"s3:*",` + // want `SES501: SCP "workloads" is an allow list that names no SES send action: in the accounts it applies to, every send fails with Unauthorized`
	` "lambda:*", "sqs:*", "ses:Get*"],` +
	` "Resource": "*"}]}`

// protectSCP keeps member accounts from removing the organization's
// identities: it denies management, not sending.
const protectSCP = `{"Version": "2012-10-17", "Statement": [{"Sid": "KeepIdentities", "Effect": "Deny",` +
	` "Action": ["ses:DeleteIdentity", "ses:DeleteEmailIdentity", "ses:PutIdentityPolicy"],` +
	` "Resource": "*"}]}`

// workloadsSCP is the allow list with SES sending in it.
const workloadsSCP = `{"Version": "2012-10-17", "Statement": [{"Effect": "Allow",` +
	` "Action": ["s3:*", "lambda:*", "sqs:*", "ses:Get*", "ses:Send*"],` +
	` "Resource": "*"}]}`

// Bootstrap creates the organization's SCPs.
func Bootstrap(ctx context.Context, c *organizations.Client) error {
	scps := []*organizations.CreatePolicyInput{
		{Name: aws.String("sandbox-guardrails"), Content: aws.String(sandboxSCP)},
		{Name: aws.String("eu-only"), Content: aws.String(regionSCP)},
		{Name: aws.String("protect-identities"), Content: aws.String(protectSCP)},
	}
	for _, in := range scps {
		if _, err := c.CreatePolicy(ctx, in); err != nil {
			return err
		}
	}
	return nil
}

// Tighten replaces the workloads OU's allow list: the first version left
// SES out, the second lets the accounts send.
func Tighten(ctx context.Context, c *organizations.Client, id string) error {
	if _, err := c.UpdatePolicy(ctx, &organizations.UpdatePolicyInput{
		PolicyId: aws.String(id),
		Name:     aws.String("workloads"),
		Content:  aws.String(allowListSCP),
	}); err != nil {
		return err
	}
	_, err := c.UpdatePolicy(ctx, &organizations.UpdatePolicyInput{
		PolicyId: aws.String(id),
		Name:     aws.String("workloads"),
		Content:  aws.String(workloadsSCP),
	})
	return err
}

// An SCP written inline in the call, with a Principal (SES106) and a Deny
// of sending through NotAction.
func Quarantine(ctx context.Context, c *organizations.Client) error {
	_, err := c.CreatePolicy(ctx, &organizations.CreatePolicyInput{
		Name: aws.String("quarantine"),
		Content: aws.String(`{"Version": "2012-10-17", "Statement": [{"Effect": "Deny",` +
			` "Principal": "*",` + // want `SES106: Principal in a service control policy: AWS rejects it`
			` "NotAction":` + // want `SES501: SCP "quarantine" denies ses:SendEmail, ses:SendRawEmail, ses:SendTemplatedEmail and 4 more send actions for every principal`
			` ["iam:*", "sts:*", "ses:Get*"],` +
			` "Resource": "*"}]}`),
	})
	return err
}
