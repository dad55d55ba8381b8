// Package grammar holds the policies of a transactional mailer, written by
// hand as Go constants, with the grammar mistakes of SES101-SES108. Each
// bad policy is followed by the corrected one, which has nothing to report.
package grammar

import (
	"github.com/aws/aws-sdk-go-v2/aws"
	"github.com/aws/aws-sdk-go-v2/service/iam"
	"github.com/aws/aws-sdk-go-v2/service/ses"
)

// SES101: typographic quotes pasted from a word processor.
const pastedQuotes = `{"Version": "2012-10-17", "Statement": [{"Effect": "Allow",` +
	` "Action": [“ses:SendEmail”, "ses:SendRawEmail"],` + // want `SES101: typographic quote “ where JSON needs a straight double quote`
	` "Resource": "arn:aws:ses:eu-west-1:123456789012:identity/example.com"}]}`

// SES101: a trailing comma after the last action.
const trailingComma = `{"Version": "2012-10-17", "Statement": [{"Effect": "Allow",` +
	` "Action": ["ses:SendEmail", "ses:SendRawEmail",],` + // want `SES101: trailing comma before \]`
	` "Resource": "arn:aws:ses:eu-west-1:123456789012:identity/example.com"}]}`

// SES101: a missing comma stops decoding.
const missingComma = `{"Version": "2012-10-17", "Statement": [{"Effect": "Allow"` +
	` "Action": ["ses:SendEmail", "ses:SendRawEmail"],` + // want `SES101: unexpected '"' in object: expected , or }`
	` "Resource": "arn:aws:ses:eu-west-1:123456789012:identity/example.com"}]}`

// The same policy as strict JSON.
const strictJSON = `{"Version": "2012-10-17", "Statement": [{"Effect": "Allow",` +
	` "Action": ["ses:SendEmail", "ses:SendRawEmail"],` +
	` "Resource": "arn:aws:ses:eu-west-1:123456789012:identity/example.com"}]}`

// SES102 (and SES106: without "Action" the statement has no action).
const pluralActions = `{"Version": "2012-10-17", "Statement": [` +
	`{"Effect": "Allow",` + // want `SES106: statement has neither Action nor NotAction`
	` "Actions": ["ses:SendEmail", "ses:SendRawEmail"],` + // want `SES102: unknown statement element "Actions" \(did you mean "Action"\?\)`
	` "Resource": "arn:aws:ses:eu-west-1:123456789012:identity/example.com"}]}`

// SES102: a number where IAM expects a string or a list of strings.
const numericResource = `{"Version": "2012-10-17", "Statement": [{"Effect": "Allow",` +
	` "Action": ["ses:SendEmail", "ses:SendRawEmail"],` +
	` "Resource": 123456789012}]}` // want `SES102: Resource must be a string or a list of strings, not a number`

// SES102: the same key twice.
const duplicateKey = `{"Version": "2012-10-17", "Statement": [{"Effect": "Allow",` +
	` "Action": "ses:SendEmail",` +
	` "Action": ["ses:SendEmail", "ses:SendRawEmail"],` + // want `SES102: duplicate key "Action": only the last one counts`
	` "Resource": "arn:aws:ses:eu-west-1:123456789012:identity/example.com"}]}`

// SES102: an operator IAM does not know.
const unknownOperator = `{"Version": "2012-10-17", "Statement": [{"Effect": "Allow",` +
	` "Action": ["ses:SendEmail", "ses:SendRawEmail"],` +
	` "Resource": "arn:aws:ses:eu-west-1:123456789012:identity/example.com",` +
	` "Condition": {"StringEqual":` + // want `SES102: unknown condition operator "StringEqual" \(did you mean "StringEquals"\?\)`
	` {"ses:FromAddress": "noreply@example.com"}}}]}`

// The elements as IAM spells them.
const wellFormed = `{"Version": "2012-10-17", "Statement": [{"Effect": "Allow",` +
	` "Action": ["ses:SendEmail", "ses:SendRawEmail"],` +
	` "Resource": ["arn:aws:ses:eu-west-1:123456789012:identity/example.com"],` +
	` "Condition": {"StringEquals": {"ses:FromAddress": "noreply@example.com"}}}]}`

// SES103: Effect in the wrong case, and no Effect at all (SES102 reports
// the lower-case key).
const lowerEffect = `{"Version": "2012-10-17", "Statement": [` +
	`{"Sid": "Send", "Effect": "allow",` + // want `SES103: Effect "allow" is not "Allow" or "Deny" \(the value is case-sensitive: did you mean "Allow"\?\)`
	` "Action": ["ses:SendEmail", "ses:SendRawEmail"],` +
	` "Resource": "arn:aws:ses:eu-west-1:123456789012:identity/example.com"},` +
	`{"Sid": "Quota",` + // want `SES103: statement has no Effect`
	` "effect": "Allow",` + // want `SES102: unknown statement element "effect" \(did you mean "Effect"\?\)`
	` "Action": "ses:GetSendQuota", "Resource": "*"}]}`

// The corrected Effects.
const exactEffect = `{"Version": "2012-10-17", "Statement": [` +
	`{"Sid": "Send", "Effect": "Allow",` +
	` "Action": ["ses:SendEmail", "ses:SendRawEmail"],` +
	` "Resource": "arn:aws:ses:eu-west-1:123456789012:identity/example.com"},` +
	`{"Sid": "Quota", "Effect": "Allow", "Action": "ses:GetSendQuota", "Resource": "*"}]}`

// SES104: no Version, reported where the document starts.
const noVersion = `{"Statement": [{"Effect": "Allow",` + // want `SES104: policy has no Version: it is read as 2008-10-17`
	` "Action": ["ses:SendEmail", "ses:SendRawEmail"],` +
	` "Resource": "arn:aws:ses:eu-west-1:123456789012:identity/example.com"}]}`

// SES104: a date that is not a policy language version (an error in an
// identity policy).
const wrongVersion = `{` +
	`"Version": "2012-10-18",` + // want `SES104: Version "2012-10-18" is not a policy language version: AWS accepts only "2012-10-17" and "2008-10-17"`
	` "Statement": [{"Effect": "Allow",` +
	` "Action": ["ses:SendEmail", "ses:SendRawEmail"],` +
	` "Resource": "arn:aws:ses:eu-west-1:123456789012:identity/example.com"}]}`

// SES104: the old policy language.
const oldVersion = `{` +
	`"Version": "2008-10-17",` + // want `SES104: Version "2008-10-17" is the old policy language`
	` "Statement": [{"Effect": "Allow",` +
	` "Action": ["ses:SendEmail", "ses:SendRawEmail"],` +
	` "Resource": "arn:aws:ses:eu-west-1:123456789012:identity/${aws:username}.example.com"}]}`

// SES104: a sending authorization policy may carry any Version: a warning.
const delegateVersion = `{` +
	`"Version": "2012-10-18",` + // want `SES104: Version "2012-10-18" is not "2012-10-17": SES accepts it in a sending authorization policy`
	` "Statement": [{"Effect": "Allow", "Principal": {"AWS": "111122223333"},` +
	` "Action": ["ses:SendEmail", "ses:SendRawEmail"],` +
	` "Resource": "arn:aws:ses:eu-west-1:123456789012:identity/example.com"}]}`

// The current policy language, for a delegated sender.
const currentVersion = `{` +
	`"Version": "2012-10-17",` +
	` "Statement": [{"Effect": "Allow", "Principal": {"AWS": "111122223333"},` +
	` "Action": ["ses:SendEmail", "ses:SendRawEmail"],` +
	` "Resource": "arn:aws:ses:eu-west-1:123456789012:identity/example.com"}]}`

// SES105: an empty statement list.
const noStatement = `{"Version": "2012-10-17",` +
	` "Statement": []}` // want `SES105: Statement is an empty list`

// SES106: both Action and NotAction, and a statement without Resource.
const badShape = `{"Version": "2012-10-17", "Statement": [` +
	`{"Effect": "Allow", "Action": ["ses:SendEmail", "ses:SendRawEmail"],` +
	` "NotAction": "ses:SendBounce",` + // want `SES106: statement has both Action and NotAction: AWS rejects the policy; keep one`
	` "Resource": "arn:aws:ses:eu-west-1:123456789012:identity/example.com"},` +
	`{"Effect": "Allow", "Action": "ses:GetSendQuota"}` + // want `SES106: statement has neither Resource nor NotResource`
	`]}`

// One Action and one Resource per statement.
const goodShape = `{"Version": "2012-10-17", "Statement": [` +
	`{"Effect": "Allow", "Action": ["ses:SendEmail", "ses:SendRawEmail"],` +
	` "Resource": "arn:aws:ses:eu-west-1:123456789012:identity/example.com"},` +
	`{"Effect": "Allow", "Action": "ses:GetSendQuota", "Resource": "*"}` +
	`]}`

// SES106: a Principal in the inline policy of a role.
func rolePolicy() *iam.PutRolePolicyInput {
	return &iam.PutRolePolicyInput{
		RoleName:   aws.String("mailer"),
		PolicyName: aws.String("send"),
		PolicyDocument: aws.String(`{"Version": "2012-10-17", "Statement": [{"Effect": "Allow",` +
			` "Principal": {"AWS": "111122223333"},` + // want `SES106: Principal in an identity policy: AWS rejects it`
			` "Action": ["ses:SendEmail", "ses:SendRawEmail"],` +
			` "Resource": "arn:aws:ses:eu-west-1:123456789012:identity/example.com"}]}`),
	}
}

// The role's policy without a Principal.
func fixedRolePolicy() *iam.PutRolePolicyInput {
	return &iam.PutRolePolicyInput{
		RoleName:   aws.String("mailer"),
		PolicyName: aws.String("send"),
		PolicyDocument: aws.String(`{"Version": "2012-10-17", "Statement": [{"Effect": "Allow",` +
			` "Action": ["ses:SendEmail", "ses:SendRawEmail"],` +
			` "Resource": "arn:aws:ses:eu-west-1:123456789012:identity/example.com"}]}`),
	}
}

// SES106: a sending authorization policy whose statement names nobody.
func delegation() *ses.PutIdentityPolicyInput {
	return &ses.PutIdentityPolicyInput{
		Identity:   aws.String("example.com"),
		PolicyName: aws.String("partner"),
		Policy: aws.String(`{"Version": "2012-10-17", "Statement": [` +
			`{"Effect": "Allow", "Action": ["ses:SendEmail", "ses:SendRawEmail"],` + // want `SES106: statement has no Principal: a sending authorization policy must name the account`
			` "Resource": "arn:aws:ses:eu-west-1:123456789012:identity/example.com"}]}`),
	}
}

// The delegation naming the partner account.
func fixedDelegation() *ses.PutIdentityPolicyInput {
	return &ses.PutIdentityPolicyInput{
		Identity:   aws.String("example.com"),
		PolicyName: aws.String("partner"),
		Policy: aws.String(`{"Version": "2012-10-17", "Statement": [` +
			`{"Effect": "Allow", "Principal": {"AWS": "111122223333"},` +
			` "Action": ["ses:SendEmail", "ses:SendRawEmail"],` +
			` "Resource": "arn:aws:ses:eu-west-1:123456789012:identity/example.com"}]}`),
	}
}

// SES107: misspelled actions and a wildcard that matches nothing.
const typos = `{"Version": "2012-10-17", "Statement": [{"Effect": "Allow", "Action": [` +
	`"ses:SendEmails",` + // want `SES107: ses:SendEmails matches no SES action; did you mean ses:SendEmail\?`
	` "ses:SendRawEmial",` + // want `SES107: ses:SendRawEmial matches no SES action; did you mean ses:SendRawEmail\?`
	` "ses:SnedTemplated*"],` + // want `SES107: ses:SnedTemplated\* matches no SES action; did you mean ses:SendTemplated\*\?`
	` "Resource": "arn:aws:ses:eu-west-1:123456789012:identity/example.com"}]}`

// Actions SES defines, in any case.
const spelled = `{"Version": "2012-10-17", "Statement": [{"Effect": "Allow", "Action": [` +
	`"ses:sendemail",` +
	` "ses:SendRawEmail",` +
	` "ses:SendTemplated*"],` +
	` "Resource": "arn:aws:ses:eu-west-1:123456789012:identity/example.com"}]}`

// SES108: a statement copied with its Sid.
const duplicateSid = `{"Version": "2012-10-17", "Statement": [` +
	`{"Sid": "Send", "Effect": "Allow", "Action": ["ses:SendEmail", "ses:SendRawEmail"],` +
	` "Resource": "arn:aws:ses:eu-west-1:123456789012:identity/example.com"},` +
	`{"Sid": "Send", "Effect": "Allow", "Action": ["ses:SendEmail", "ses:SendRawEmail"],` + // want `SES108: Sid "Send" is already used by statement 0`
	` "Resource": "arn:aws:ses:eu-west-1:123456789012:identity/example.org"}]}`

// Each statement with its own Sid.
const uniqueSids = `{"Version": "2012-10-17", "Statement": [` +
	`{"Sid": "SendExampleCom", "Effect": "Allow", "Action": ["ses:SendEmail", "ses:SendRawEmail"],` +
	` "Resource": "arn:aws:ses:eu-west-1:123456789012:identity/example.com"},` +
	`{"Sid": "SendExampleOrg", "Effect": "Allow", "Action": ["ses:SendEmail", "ses:SendRawEmail"],` +
	` "Resource": "arn:aws:ses:eu-west-1:123456789012:identity/example.org"}]}`

// Policies returns the mailer's policies.
func Policies() []string {
	return []string{
		pastedQuotes, trailingComma, missingComma, strictJSON,
		pluralActions, numericResource, duplicateKey, unknownOperator, wellFormed,
		lowerEffect, exactEffect,
		noVersion, wrongVersion, oldVersion, delegateVersion, currentVersion,
		noStatement, badShape, goodShape,
		typos, spelled, duplicateSid, uniqueSids,
	}
}

var _ = []any{rolePolicy, fixedRolePolicy, delegation, fixedDelegation}
