// Package clean sends mail with a policy that has nothing to report.
package clean

const policy = `{
  "Version": "2012-10-17",
  "Statement": [
    {"Sid": "Limits", "Effect": "Allow", "Action": ["ses:GetSendQuota"], "Resource": "*"},
    {"Sid": "Send", "Effect": "Allow", "Action": ["ses:SendEmail", "ses:SendRawEmail"],
     "Resource": "arn:aws:ses:eu-west-1:123456789012:identity/example.com"}
  ]
}`

// Policy returns the mailer's policy.
func Policy() string { return policy }

// Not a policy: JSON without statements, and ordinary strings.
const settings = `{"region": "eu-west-1", "from": "noreply@example.com"}`

var _ = settings
