// Package fixes holds findings with mechanical fixes.
package fixes

// The seeds' SCP example: typographic quotes become straight quotes.
var scp = `{"Version": "2012-10-17", "Statement": [{"Effect": "Deny", "Action": “ses:*”, "Resource": "*"}]}` // want `SES101: typographic quote` `SES202: unconditional Deny`

// In an interpreted string the fix is escaped.
var escaped = "{\"Version\": \"2012-10-17\", \"Statement\": [{\"Effect\": \"Deny\", \"Action\": “ses:*”, \"Resource\": \"*\"},]}" // want `SES101: typographic quote` `SES101: trailing comma` `SES202: unconditional Deny`

var _ = []string{scp, escaped}
