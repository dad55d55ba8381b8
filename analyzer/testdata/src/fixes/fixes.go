// Package fixes holds findings with mechanical fixes.
package fixes

// The seeds' SCP example: typographic quotes become straight quotes.
var scp = `{"Version": "2012-10-17", "Statement": [{"Effect": "Deny", "Action": “ses:*”, "Resource": "*"}]}` // want `SES101: typographic quote` `SES202: unconditional Deny`

// In an interpreted string the fix is escaped.
var escaped = "{\"Version\": \"2012-10-17\", \"Statement\": [{\"Effect\": \"Deny\", \"Action\": “ses:*”, \"Resource\": \"*\"},]}" // want `SES101: typographic quote` `SES101: trailing comma` `SES202: unconditional Deny`

var _ = []string{scp, escaped}

// SES201: ses:SendRawEmail is added next to ses:SendEmail.
var pair = `{"Version": "2012-10-17", "Statement": [{"Effect": "Allow", "Action": ["ses:SendEmail"], "Resource": "arn:aws:ses:eu-west-1:123456789012:identity/example.com"}]}` // want `SES201: ses:SendEmail is allowed but ses:SendRawEmail is not`

// SES302: the seed's split, actions without resource-level permissions on "*".
var split = "{\"Version\": \"2012-10-17\", \"Statement\": [{\"Effect\": \"Allow\", \"Action\": [\"ses:SendEmail\", \"ses:SendRawEmail\", \"ses:GetSendQuota\"], \"Resource\": \"arn:aws:ses:eu-west-1:123456789012:identity/example.com\"}]}" // want `SES302: ses:GetSendQuota has no resource-level permissions`

var _ = []string{pair, split}
