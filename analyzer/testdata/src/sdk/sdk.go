// Package sdk attaches policies through the AWS SDK: the call says the
// policy's kind, name and identity.
package sdk

import (
	"github.com/aws/aws-sdk-go-v2/aws"
	"github.com/aws/aws-sdk-go-v2/service/iam"
	"github.com/aws/aws-sdk-go-v2/service/ses"
	"github.com/aws/aws-sdk-go-v2/service/sesv2"
	v1aws "github.com/aws/aws-sdk-go/aws"
	v1ses "github.com/aws/aws-sdk-go/service/ses"

	"policies"
)

const delegate = `{"Version": "2012-10-17", "Statement": [{"Effect": "Allow",` +
	` "Principal": "*",` + // want `SES402: principal "\*" with no condition`
	` "Action": ["ses:SendEmail", "ses:SendRawEmail"],` +
	` "Resource": "arn:aws:ses:us-east-1:123456789012:identity/other.com"}]}` // want `SES403: .*identity/other.com`

func attach() *ses.PutIdentityPolicyInput {
	return &ses.PutIdentityPolicyInput{
		Identity:   aws.String("example.com"),
		PolicyName: aws.String("send as example.com"), // want `SES407: policy name "send as example.com"`
		Policy:     aws.String(delegate),
	}
}

// A policy from another package: checked where it is attached, as the
// sending authorization policy of example.org.
func attachV2() *sesv2.CreateEmailIdentityPolicyInput {
	return &sesv2.CreateEmailIdentityPolicyInput{
		EmailIdentity: aws.String("example.org"),
		PolicyName:    aws.String("marketing"),
		Policy:        aws.String(policies.Marketing), // want `SES403: .*identity/example.com`
	}
}

// An inline role policy through the v1 SDK shape.
func v1() *v1ses.PutIdentityPolicyInput {
	p := `{"Version": "2012-10-17", "Statement": [{"Effect": "Allow", "Principal": {"AWS": "111122223333"}, "Action": ["ses:SendEmail", "ses:SendRawEmail", "ses:DeleteIdentity"], "Resource": "arn:aws:ses:us-east-1:123456789012:identity/example.com"}]}` // want `SES404: ses:DeleteIdentity`
	return &v1ses.PutIdentityPolicyInput{Identity: v1aws.String("example.com"), PolicyName: v1aws.String("v1"), Policy: &p}
}

func role() *iam.PutRolePolicyInput {
	return &iam.PutRolePolicyInput{
		RoleName:       aws.String("mailer"),
		PolicyName:     aws.String("send"),
		PolicyDocument: aws.String(`{"Version": "2012-10-17", "Statement": [{"Effect": "Allow", "Action": ["ses:SendEmail", "ses:SendRawEmail"], "Resource": "arn:aws:ses:us-east-1:123456789012:identity/example.com", "Condition": {"StringEquals": {"ses:FromAddres": "noreply@example.com"}}}]}`), // want `SES207: ses:FromAddres is not a condition key`
	}
}
