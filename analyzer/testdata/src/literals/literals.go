// Package literals holds policies written as Go constants and strings.
package literals

import "fmt"

// sendPolicy is reported once, at its declaration, however often it is
// used; the parts of the concatenation are on their own lines.
const sendPolicy = `{"Version": "2012-10-17", "Statement": [` +
	`{"Effect": "Allow", "Action": ["ses:SendEmails", "ses:SendRawEmail"], "Resource": "*"}` + // want `SES107: ses:SendEmails matches no SES action; did you mean ses:SendEmail\?` `SES201: ses:SendRawEmail is allowed but ses:SendEmail is not` `SES602: ses:SendRawEmail allowed on "Resource": "\*"`
	`]}`

func use() []string { return []string{sendPolicy, sendPolicy} }

// An interpreted string: positions step over the escapes.
var escaped = "{\"Version\": \"2012-10-17\", \"Statement\": [{\"Effect\": \"Allow\", \"Action\": \"ses:Sned*\", \"Resource\": \"*\"}]}" // want `SES107: ses:Sned\* matches no SES action; did you mean ses:Send\*\?`

// A \u escape inside the offending value.
var unicode = "{\"Version\": \"2012-10-17\", \"Statement\": [{\"Effect\": \"Allow\", \"Action\": \"ses:Get\u0053endQuotas\", \"Resource\": \"*\"}]}" // want `SES107: ses:GetSendQuotas matches no SES action; did you mean ses:GetSendQuota\?`

// The seeds' own SCP example, typographic quotes and all.
var quoted = `{"Version": "2012-10-17", "Statement": [{"Effect": "Deny", "Action": “ses:*”, "Resource": "*"}]}` // want `SES101: typographic quote “ where JSON needs a straight double quote` `SES202: unconditional Deny of ses:SendEmail`

// typed is a typed constant.
type policyText string

const typed policyText = `{"Version": "2012-10-17", "Statement": [{"Effect": "Allow", "Action": "ses:GetSendQuota", "Resource": "arn:aws:ses:eu-west-1:123456789012:identity/example.com"}]}` // want `SES302: ses:GetSendQuota has no resource-level permissions`

// A format whose verbs are deploy-time values.
func tenant(account string) string {
	return fmt.Sprintf(`{"Version": "2012-10-17", "Statement": [{"Effect": "Allow", "Principal": {"AWS": "%s"}, "Action": ["ses:SendEmail", "ses:SendRawEmail"], "Resource": "*"}]}`, account) // want `SES403: Resource "\*" is a wildcard`
}

var _ = []any{use, escaped, unicode, quoted, typed, tenant}
