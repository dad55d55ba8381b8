// Package policies exports policy constants other packages attach.
package policies

// Marketing lets the marketing account send as the identity it is attached
// to; checked here as the plain policy it is, and again where it is
// attached.
const Marketing = `{"Version": "2012-10-17", "Statement": [{"Effect": "Allow", "Principal": {"AWS": "111122223333"}, "Action": ["ses:SendEmail", "ses:SendRawEmail"], "Resource": "arn:aws:ses:us-east-1:123456789012:identity/example.com"}]}`
