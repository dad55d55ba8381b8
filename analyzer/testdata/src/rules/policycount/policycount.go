// Package policycount attaches one sending authorization policy per
// partner account to the platform's domain (SES408): SES keeps at most 20
// per identity, so the 21st CreateEmailIdentityPolicy call fails.
package policycount

import (
	"github.com/aws/aws-sdk-go-v2/aws"
	"github.com/aws/aws-sdk-go-v2/service/sesv2"
)

// partnerPolicy lets one partner account send as example.com.
const partnerPolicy = `{"Version": "2012-10-17", "Statement": [{"Effect": "Allow",` +
	` "Principal": {"AWS": "111122223333"}, "Action": ["ses:SendEmail", "ses:SendRawEmail"],` +
	` "Resource": "arn:aws:ses:eu-west-1:123456789012:identity/example.com"}]}`

// Partners are created in this order by the onboarding job.
var Partners = []*sesv2.CreateEmailIdentityPolicyInput{
	{EmailIdentity: aws.String("example.com"), PolicyName: aws.String("partner-01"),
		Policy: aws.String(partnerPolicy)},
	{EmailIdentity: aws.String("example.com"), PolicyName: aws.String("partner-02"),
		Policy: aws.String(partnerPolicy)},
	{EmailIdentity: aws.String("example.com"), PolicyName: aws.String("partner-03"),
		Policy: aws.String(partnerPolicy)},
	{EmailIdentity: aws.String("example.com"), PolicyName: aws.String("partner-04"),
		Policy: aws.String(partnerPolicy)},
	{EmailIdentity: aws.String("example.com"), PolicyName: aws.String("partner-05"),
		Policy: aws.String(partnerPolicy)},
	{EmailIdentity: aws.String("example.com"), PolicyName: aws.String("partner-06"),
		Policy: aws.String(partnerPolicy)},
	{EmailIdentity: aws.String("example.com"), PolicyName: aws.String("partner-07"),
		Policy: aws.String(partnerPolicy)},
	{EmailIdentity: aws.String("example.com"), PolicyName: aws.String("partner-08"),
		Policy: aws.String(partnerPolicy)},
	{EmailIdentity: aws.String("example.com"), PolicyName: aws.String("partner-09"),
		Policy: aws.String(partnerPolicy)},
	{EmailIdentity: aws.String("example.com"), PolicyName: aws.String("partner-10"),
		Policy: aws.String(partnerPolicy)},
	{EmailIdentity: aws.String("example.com"), PolicyName: aws.String("partner-11"),
		Policy: aws.String(partnerPolicy)},
	{EmailIdentity: aws.String("example.com"), PolicyName: aws.String("partner-12"),
		Policy: aws.String(partnerPolicy)},
	{EmailIdentity: aws.String("example.com"), PolicyName: aws.String("partner-13"),
		Policy: aws.String(partnerPolicy)},
	{EmailIdentity: aws.String("example.com"), PolicyName: aws.String("partner-14"),
		Policy: aws.String(partnerPolicy)},
	{EmailIdentity: aws.String("example.com"), PolicyName: aws.String("partner-15"),
		Policy: aws.String(partnerPolicy)},
	{EmailIdentity: aws.String("example.com"), PolicyName: aws.String("partner-16"),
		Policy: aws.String(partnerPolicy)},
	{EmailIdentity: aws.String("example.com"), PolicyName: aws.String("partner-17"),
		Policy: aws.String(partnerPolicy)},
	{EmailIdentity: aws.String("example.com"), PolicyName: aws.String("partner-18"),
		Policy: aws.String(partnerPolicy)},
	{EmailIdentity: aws.String("example.com"), PolicyName: aws.String("partner-19"),
		Policy: aws.String(partnerPolicy)},
	{EmailIdentity: aws.String("example.com"), PolicyName: aws.String("partner-20"),
		Policy: aws.String(partnerPolicy)},
	{EmailIdentity: aws.String("example.com"), PolicyName: aws.String("partner-21"), // want `SES408: identity example.com has 21 sending authorization policies; SES attaches at most 20 to an identity, so creating this one \(number 21 in name order\) fails`
		Policy: aws.String(partnerPolicy)},
}

// Others are on another identity: they do not count towards example.com's.
var Others = []*sesv2.CreateEmailIdentityPolicyInput{
	{EmailIdentity: aws.String("example.org"), PolicyName: aws.String("partner-01"),
		Policy: aws.String(`{"Version": "2012-10-17", "Statement": [{"Effect": "Allow", "Principal": {"AWS": "111122223333"}, "Action": ["ses:SendEmail", "ses:SendRawEmail"], "Resource": "arn:aws:ses:eu-west-1:123456789012:identity/example.org"}]}`)},
}
