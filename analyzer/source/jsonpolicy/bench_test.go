package jsonpolicy

import (
	"testing"

	"github.com/seslint/seslint/analyzer/policy"
)

// BenchmarkExtract decodes a plain policy file and extracts its document
// (kind from its statements).
func BenchmarkExtract(b *testing.B) {
	src := []byte(`{
  "Version": "2012-10-17",
  "Statement": [
    {"Sid": "AllowPartner", "Effect": "Allow", "Principal": {"AWS": "arn:aws:iam::210987654321:root"},
     "Action": ["ses:SendEmail", "ses:SendRawEmail"],
     "Resource": "arn:aws:ses:eu-west-1:123456789012:identity/example.com"}
  ]
}`)
	b.SetBytes(int64(len(src)))
	b.ReportAllocs()
	for b.Loop() {
		f := policy.NewFile("p.json", src)
		d := Extract(f, policy.DecodeJSON(src, nil))
		if d == nil || d.Kind != policy.SendingAuthorization {
			b.Fatal("not a sending authorization policy")
		}
	}
}
