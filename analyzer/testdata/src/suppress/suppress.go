// Package suppress exercises //seslint:ignore and //nolint:seslint.
package suppress

//seslint:ignore SES602 the account verifies exactly one identity
const any = `{"Version": "2012-10-17", "Statement": [{"Effect": "Allow", "Action": ["ses:SendEmail", "ses:SendRawEmail"], "Resource": "*"}]}`

const line = `{"Version": "2012-10-17", "Statement": [{"Effect": "Allow", "Action": ["ses:SendEmail", "ses:SendRawEmail"], "Resource": "*"}]}` //nolint:seslint // legacy sender, removed in Q3

//seslint:ignore SES107 // want `SES001: suppression of SES107 matches no finding here`
const stale = `{"Version": "2012-10-17", "Statement": [{"Effect": "Allow", "Action": "ses:GetSendQuota", "Resource": "*"}]}`

//seslint:ignore SES6O2 typo // want `SES001: suppression names "SES6O2", which is not a seslint rule \(did you mean SES602\?\)`
var typo = `{"Version": "2012-10-17", "Statement": [{"Effect": "Allow", "Action": ["ses:SendEmail", "ses:SendRawEmail"], "Resource": "*"}]}` // want `SES602: ses:SendEmail and ses:SendRawEmail allowed`

var _ = []string{any, line, stale, typo}
