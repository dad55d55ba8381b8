// Package directive holds the suppressions of a legacy mailer: the ones
// SES001 reports (no reason, an unknown rule id, nothing suppressed) and
// ones that are fine. A directive without a reason cannot carry the test's
// expectation comment (it would be read as the reason), so those
// directives end the policy's line, after a block comment that holds it.
package directive

import (
	"github.com/aws/aws-sdk-go-v2/aws"
	"github.com/aws/aws-sdk-go-v2/service/sesv2"
)

// Reasoned suppressions that match a finding: nothing to report.

//seslint:ignore SES602 the account verifies exactly one identity
const anyIdentity = `{"Version": "2012-10-17", "Statement": [{"Effect": "Allow", "Action": ["ses:SendEmail", "ses:SendRawEmail"], "Resource": "*"}]}`

const legacy = `{"Version": "2012-10-17", "Statement": [{"Effect": "Allow", "Action": "ses:SendEmail", "Resource": "*"}]}` //nolint:seslint // the legacy relay is removed in Q3

//seslint:ignore SES201,SES602 sends only through the v2 API, from one identity
const v2Only = `{"Version": "2012-10-17", "Statement": [{"Effect": "Allow", "Action": "ses:SendEmail", "Resource": "*"}]}`

// SES001: no reason. The finding is still suppressed.

const noReason = `{"Version": "2012-10-17", "Statement": [{"Effect": "Allow", "Action": ["ses:SendEmail", "ses:SendRawEmail"], "Resource": "*"}]}` /* want `SES001: suppression of SES602 has no reason: say why the finding does not apply` */ //seslint:ignore SES602

const nolintNoReason = `{"Version": "2012-10-17", "Statement": [{"Effect": "Allow", "Action": ["ses:SendEmail", "ses:SendRawEmail"], "Resource": "*"}]}` /* want `SES001: suppression of all seslint rules has no reason: say why the finding does not apply` */ //nolint:seslint

// SES001: rule ids seslint does not know. They suppress nothing, so the
// finding is reported too.

//seslint:ignore SES6O2 the account verifies exactly one identity // want `SES001: suppression names "SES6O2", which is not a seslint rule \(did you mean SES602\?\): it suppresses nothing`
const typo = `{"Version": "2012-10-17", "Statement": [{"Effect": "Allow", "Action": ["ses:SendEmail", "ses:SendRawEmail"], "Resource": "*"}]}` // want `SES602: ses:SendEmail and ses:SendRawEmail allowed on "Resource": "\*"`

//seslint:ignore SES201,S3-bucket-policy,SES602 one identity, sends through the v2 API // want `SES001: suppression names "S3-bucket-policy", which is not a seslint rule: it suppresses nothing`
const listed = `{"Version": "2012-10-17", "Statement": [{"Effect": "Allow", "Action": "ses:SendEmail", "Resource": "*"}]}`

// SES001: stale suppressions, left after the policy was fixed.

//seslint:ignore SES201 the relay only sends raw MIME // want `SES001: suppression of SES201 matches no finding here: delete it, or it will hide the next one`
const fixed = `{"Version": "2012-10-17", "Statement": [{"Effect": "Allow", "Action": ["ses:SendEmail", "ses:SendRawEmail"], "Resource": "arn:aws:ses:eu-west-1:123456789012:identity/example.com"}]}`

const fixedToo = `{"Version": "2012-10-17", "Statement": [{"Effect": "Allow", "Action": ["ses:SendEmail", "ses:SendRawEmail"], "Resource": "arn:aws:ses:eu-west-1:123456789012:identity/example.com"}]}` //nolint:seslint // legacy relay // want `SES001: suppression of all seslint rules matches no finding here`

// A suppression over a multi-line policy covers the whole declaration.

//nolint:seslint // the quota reader predates the split
const quota = `{"Version": "2012-10-17", "Statement": [{"Effect": "Allow",` +
	` "Action": ["ses:SendEmail", "ses:SendRawEmail",` +
	` "ses:GetSendQuota"],` +
	` "Resource": "arn:aws:ses:eu-west-1:123456789012:identity/example.com"}]}`

// A directive at the end of one line of a concatenation covers that line
// only: the other finding of the policy is still reported.
const partly = `{"Version": "2012-10-17", "Statement": [{"Effect": "Allow",` +
	` "Action": ["ses:SendEmail", "ses:SendRawEmail",` +
	` "ses:GetSendQuota"],` + //seslint:ignore SES302 the quota check moves to its own statement in the next release
	` "Resource": "arn:aws:ses:eu-west-1:123456789012:example.com"}]}` // want `SES301: "arn:aws:ses:eu-west-1:123456789012:example.com" is not a valid SES ARN`

// A directive above a function covers the policies attached in it; one
// naming another linter too is read for seslint's part.
//
//seslint:ignore SES407 the name predates the naming rules; SES keeps existing policies
func attachLegacy() *sesv2.CreateEmailIdentityPolicyInput {
	return &sesv2.CreateEmailIdentityPolicyInput{
		EmailIdentity: aws.String("example.com"),
		PolicyName:    aws.String("legacy relay"),
		Policy: aws.String(`{"Version": "2012-10-17", "Statement": [{"Effect": "Allow", "Principal": {"AWS": "111122223333"},` +
			` "Action": ["ses:SendEmail", "ses:SendRawEmail"], "Resource": "arn:aws:ses:eu-west-1:123456789012:identity/example.com"}]}`),
	}
}

func attachRelay() *sesv2.CreateEmailIdentityPolicyInput {
	//nolint:errcheck,seslint // the relay's name is kept for its audit trail
	return &sesv2.CreateEmailIdentityPolicyInput{
		EmailIdentity: aws.String("example.com"),
		PolicyName:    aws.String("relay (legacy)"),
		Policy: aws.String(`{"Version": "2012-10-17", "Statement": [{"Effect": "Allow", "Principal": {"AWS": "111122223333"},` +
			` "Action": ["ses:SendEmail", "ses:SendRawEmail"], "Resource": "arn:aws:ses:eu-west-1:123456789012:identity/example.com"}]}`),
	}
}

var _ = []any{anyIdentity, legacy, v2Only, noReason, nolintNoReason, typo, listed, fixed, fixedToo, quota, partly, attachLegacy, attachRelay}
