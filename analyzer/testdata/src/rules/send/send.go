// Package send provisions the IAM policies of a notification service's
// roles and users, with the send-permission mistakes of SES201-SES208
// ("Unauthorized"). Each bad policy is followed by one that has nothing to
// report, or nothing for that rule.
package send

import (
	"context"

	"github.com/aws/aws-sdk-go-v2/aws"
	"github.com/aws/aws-sdk-go-v2/service/iam"
)

const exampleCom = "arn:aws:ses:eu-west-1:123456789012:identity/example.com"

// SES201: the SMTP relay needs ses:SendRawEmail too.
const smtpRelay = `{"Version": "2012-10-17", "Statement": [{"Effect": "Allow",` +
	` "Action": [` +
	`"ses:SendEmail"],` + // want `SES201: ses:SendEmail is allowed but ses:SendRawEmail is not: mail sent through the SES SMTP interface`
	` "Resource": "` + exampleCom + `"}]}`

// SES201 the other way round, in a user's inline policy.
func rawOnlyUser(ctx context.Context, c *iam.Client) {
	_ = &iam.PutUserPolicyInput{
		UserName:   aws.String("smtp-relay"),
		PolicyName: aws.String("raw"),
		PolicyDocument: aws.String(`{"Version": "2012-10-17", "Statement": [{"Effect": "Allow",` +
			` "Action": "ses:SendRawEmail",` + // want `SES201: ses:SendRawEmail is allowed but ses:SendEmail is not`
			` "Resource": "arn:aws:ses:eu-west-1:123456789012:identity/example.com"}]}`),
	}
}

// Both actions of the pair.
const pair = `{"Version": "2012-10-17", "Statement": [{"Effect": "Allow",` +
	` "Action": ["ses:SendEmail", "ses:SendRawEmail"],` +
	` "Resource": "arn:aws:ses:eu-west-1:123456789012:identity/example.com"}]}`

// SES202: an unconditional Deny of every send action in a group's policy.
func frozenGroup() *iam.PutGroupPolicyInput {
	return &iam.PutGroupPolicyInput{
		GroupName:  aws.String("contractors"),
		PolicyName: aws.String("no-mail"),
		PolicyDocument: aws.String(`{"Version": "2012-10-17", "Statement": [{"Effect": "Deny",` +
			` "Action": ["ses:GetSendQuota",` +
			` "ses:Send*"],` + // want `SES202: unconditional Deny of ses:SendEmail, ses:SendRawEmail, ses:SendTemplatedEmail and 4 more send actions: group contractors is refused these sends`
			` "Resource": "*"}]}`),
	}
}

// SES202 through NotAction, limited to one identity.
const notActionDeny = `{"Version": "2012-10-17", "Statement": [{"Effect": "Deny",` +
	` "NotAction": "ses:Get*",` + // want `SES202: unconditional Deny of ses:SendEmail, ses:SendRawEmail, ses:SendTemplatedEmail and 4 more send actions on arn:aws:ses:eu-west-1:123456789012:identity/example.org:`
	` "Resource": "arn:aws:ses:eu-west-1:123456789012:identity/example.org"}]}`

// A Deny of management actions only leaves sending alone.
const denyManagement = `{"Version": "2012-10-17", "Statement": [{"Effect": "Deny",` +
	` "Action": ["ses:DeleteIdentity", "ses:DeleteEmailIdentity"],` +
	` "Resource": "*"}]}`

// SES203: conditional Denies name the key and what they refuse.
const fromGuard = `{"Version": "2012-10-17", "Statement": [{"Effect": "Deny",` +
	` "Action": ["ses:SendEmail", "ses:SendRawEmail"], "Resource": "*",` +
	` "Condition": {"StringNotLike": {` +
	`"ses:FromAddress": "*@example.com"}}},` + // want `SES203: Deny of ses:SendEmail, ses:SendRawEmail applies when ses:FromAddress is not like "\*@example.com": mail from other senders is refused`
	`{"Effect": "Deny", "Action": "ses:*", "Resource": "*",` +
	` "Condition": {"Bool": {` +
	`"aws:SecureTransport": "true"}}}]}` // want `SES203: Deny of ses:SendEmail, ses:SendRawEmail, ses:SendTemplatedEmail and 4 more send actions applies when aws:SecureTransport is "true": requests over TLS are refused, and every SES API call uses HTTPS`

// A condition on an Allow restricts without refusing anything else.
const fromAllow = `{"Version": "2012-10-17", "Statement": [{"Effect": "Allow",` +
	` "Action": ["ses:SendEmail", "ses:SendRawEmail"], "Resource": "*",` +
	` "Condition": {"StringLike": {"ses:FromAddress": "*@example.com"}}}]}`

// SES204: an IP allow list written as a Deny (SES203 explains the
// condition too).
const officeOnly = `{"Version": "2012-10-17", "Statement": [{"Effect": "Deny",` +
	` "Action": ["ses:SendEmail", "ses:SendRawEmail"], "Resource": "*",` +
	` "Condition": {"NotIpAddress": {` +
	`"aws:SourceIp": ["203.0.113.0/24"]}}}]}` // want `SES204: Deny of ses:SendEmail, ses:SendRawEmail with NotIpAddress on aws:SourceIp also refuses calls through a VPC endpoint \(aws:SourceIp is absent there, so the negated test matches\) and calls AWS services make with the principal's credentials from their own addresses: those sends fail with Unauthorized` `SES203: Deny of ses:SendEmail, ses:SendRawEmail applies when aws:SourceIp is not in "203.0.113.0/24"`

// The allow list that exempts VPC endpoints and AWS services (SES203 still
// explains each condition of the Deny).
const officeOrVPC = `{"Version": "2012-10-17", "Statement": [{"Effect": "Deny",` +
	` "Action": ["ses:SendEmail", "ses:SendRawEmail"], "Resource": "*",` +
	` "Condition": {"NotIpAddress": {` +
	`"aws:SourceIp": ["203.0.113.0/24"]},` + // want `SES203: Deny of ses:SendEmail, ses:SendRawEmail applies when aws:SourceIp is not in "203.0.113.0/24"`
	` "Null": {` +
	`"aws:SourceVpce": "true"},` + // want `SES203: Deny of ses:SendEmail, ses:SendRawEmail applies when aws:SourceVpce is absent: requests without aws:SourceVpce are refused`
	` "Bool": {` +
	`"aws:ViaAWSService": "false"}}}]}` // want `SES203: Deny of ses:SendEmail, ses:SendRawEmail applies when aws:ViaAWSService is "false": calls the principal makes itself are refused`

// The same allow list as an Allow.
const officeAllow = `{"Version": "2012-10-17", "Statement": [{"Effect": "Allow",` +
	` "Action": ["ses:SendEmail", "ses:SendRawEmail"],` +
	` "Resource": "arn:aws:ses:eu-west-1:123456789012:identity/example.com",` +
	` "Condition": {"IpAddress": {"aws:SourceIp": ["203.0.113.0/24"]}}}]}`

// SES205: a campaign grant that expired, one not active yet, and a
// maintenance Deny in force (-now is 2026-06-01T00:00:00Z).
const campaign = `{"Version": "2012-10-17", "Statement": [` +
	`{"Effect": "Allow", "Action": ["ses:SendEmail", "ses:SendRawEmail"],` +
	` "Resource": "arn:aws:ses:eu-west-1:123456789012:identity/example.com",` +
	` "Condition": {"DateLessThan": {"aws:CurrentTime":` +
	` "2019-07-30T00:00:00Z"}}},` + // want `SES205: grant expired on 2019-07-30T00:00:00Z: this Allow of ses:SendEmail, ses:SendRawEmail needs aws:CurrentTime DateLessThan it`
	`{"Effect": "Allow", "Action": ["ses:SendEmail", "ses:SendRawEmail"],` +
	` "Resource": "arn:aws:ses:eu-west-1:123456789012:identity/example.org",` +
	` "Condition": {"NumericGreaterThan": {"aws:EpochTime":` +
	` 1798761600}}}]}` // want `SES205: not active until 1798761600 \(2027-01-01T00:00:00Z\): this Allow of ses:SendEmail, ses:SendRawEmail needs aws:EpochTime NumericGreaterThan it`

const maintenance = `{"Version": "2012-10-17", "Statement": [` +
	`{"Effect": "Deny", "Action": ["ses:SendEmail", "ses:SendRawEmail"], "Resource": "*",` +
	` "Condition": {"DateGreaterThan": {` +
	`"aws:CurrentTime":` + // want `SES203: Deny of ses:SendEmail, ses:SendRawEmail applies when aws:CurrentTime is after "2026-05-01T00:00:00Z": sending is refused during this time window`
	` "2026-05-01T00:00:00Z"}}}]}` // want `SES205: deny in force now: this Deny of ses:SendEmail, ses:SendRawEmail applies while aws:CurrentTime DateGreaterThan 2026-05-01T00:00:00Z`

// A window open now.
const openCampaign = `{"Version": "2012-10-17", "Statement": [` +
	`{"Effect": "Allow", "Action": ["ses:SendEmail", "ses:SendRawEmail"],` +
	` "Resource": "arn:aws:ses:eu-west-1:123456789012:identity/example.com",` +
	` "Condition": {"DateGreaterThan": {"aws:CurrentTime": "2026-01-01T00:00:00Z"},` +
	` "DateLessThan": {"aws:CurrentTime": "2027-01-01T00:00:00Z"}}}]}`

// SES206: condition operators that do not do what they say.
const operators = `{"Version": "2012-10-17", "Statement": [{"Effect": "Allow",` +
	` "Action": ["ses:SendEmail", "ses:SendRawEmail"], "Resource": "*",` +
	` "Condition": {"StringEquals": {"ses:FromAddress": [` +
	`"*@example.com"]},` + // want `SES206: StringEquals compares "\*@example.com" literally, so ses:FromAddress never equals it: \* and \? are wildcards only under StringLike`
	` "StringLike": {` +
	`"ses:Recipients": ["*@example.com"]},` + // want `SES206: ses:Recipients holds every To, CC and BCC address of a message, so StringLike needs ForAllValues:`
	` "ForAnyValue:StringLike": {` +
	`"ses:FromDisplayName": ["Example*"]}}}]}` // want `SES206: ForAnyValue: on ses:FromDisplayName, which holds a single value`

// The operators the keys need.
const rightOperators = `{"Version": "2012-10-17", "Statement": [{"Effect": "Allow",` +
	` "Action": ["ses:SendEmail", "ses:SendRawEmail"], "Resource": "*",` +
	` "Condition": {"StringLike": {"ses:FromAddress": "*@example.com", "ses:FromDisplayName": "Example*"},` +
	` "ForAllValues:StringLike": {"ses:Recipients": ["*@example.com"]}}}]}`

// SES207: condition keys that are never in the request (and without its
// ses:FromAddress condition the grant is SES602's too).
const keys = `{"Version": "2012-10-17", "Statement": [{"Effect": "Allow",` +
	` "Action": ["ses:SendEmail", "ses:SendRawEmail"], "Resource": "*",` + // want `SES602: ses:SendEmail and ses:SendRawEmail allowed on "Resource": "\*" with no ses:FromAddress condition`
	` "Condition": {"StringEquals": {` +
	`"ses:FromAdress": "noreply@example.com"},` + // want `SES207: ses:FromAdress is not a condition key of SES or IAM \(did you mean ses:FromAddress\?\): this Allow never applies, so sends fail with Unauthorized`
	` "IpAddress": {` +
	`"aws:SourceIpAddress": "203.0.113.0/24"}}}]}` // want `SES207: aws:SourceIpAddress is not a condition key of SES or IAM: this Allow never applies, so sends fail with Unauthorized`

// Keys are case-insensitive: aws:SourceIP is aws:SourceIp.
const knownKeys = `{"Version": "2012-10-17", "Statement": [{"Effect": "Allow",` +
	` "Action": ["ses:SendEmail", "ses:SendRawEmail"], "Resource": "*",` +
	` "Condition": {"StringEquals": {"ses:FromAddress": "noreply@example.com"},` +
	` "IpAddress": {"aws:SourceIP": "203.0.113.0/24"}}}]}`

// SES208: a Deny pasted next to the Allow it shadows (SES202 reports the
// Deny of send actions as well).
func lambdaRole(ctx context.Context, c *iam.Client) error {
	_, err := c.PutRolePolicy(ctx, &iam.PutRolePolicyInput{
		RoleName:   aws.String("notifier"),
		PolicyName: aws.String("ses"),
		PolicyDocument: aws.String(`{"Version": "2012-10-17", "Statement": [` +
			`{"Effect": "Allow", "Action": ["ses:SendEmail", "ses:SendRawEmail"],` +
			` "Resource": "arn:aws:ses:eu-west-1:123456789012:identity/example.com"},` +
			`{"Effect":` +
			` "Deny",` + // want `SES208: this Deny without a Condition covers every send action role notifier's policies allow \(ses:SendEmail, ses:SendRawEmail\)`
			` "Action": "ses:*",` + // want `SES202: unconditional Deny of ses:SendEmail, ses:SendRawEmail, ses:SendTemplatedEmail and 4 more send actions: role notifier is refused these sends`
			` "Resource": "*"}]}`),
	})
	return err
}

// A Deny that leaves the granted sends alone.
func fixedLambdaRole(ctx context.Context, c *iam.Client) error {
	_, err := c.PutRolePolicy(ctx, &iam.PutRolePolicyInput{
		RoleName:   aws.String("notifier"),
		PolicyName: aws.String("ses"),
		PolicyDocument: aws.String(`{"Version": "2012-10-17", "Statement": [` +
			`{"Effect": "Allow", "Action": ["ses:SendEmail", "ses:SendRawEmail"],` +
			` "Resource": "arn:aws:ses:eu-west-1:123456789012:identity/example.com"},` +
			`{"Effect": "Deny", "Action": ["ses:PutIdentityPolicy", "ses:DeleteIdentity"], "Resource": "*"}]}`),
	})
	return err
}

var _ = []any{
	smtpRelay, rawOnlyUser, pair, frozenGroup, notActionDeny, denyManagement,
	fromGuard, fromAllow, officeOnly, officeOrVPC, officeAllow,
	campaign, maintenance, openCampaign, operators, rightOperators, keys, knownKeys,
	lambdaRole, fixedLambdaRole,
}
