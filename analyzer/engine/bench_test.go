package engine

import (
	"context"
	"testing"
	"time"

	"github.com/seslint/seslint/analyzer/policy"
)

// benchPolicy is a typical application sending policy: the seed's
// two-statement split plus a Deny with conditions.
var benchPolicy = []byte(`{
  "Version": "2012-10-17",
  "Statement": [
    {"Sid": "Limits", "Effect": "Allow", "Action": ["ses:GetSendQuota", "ses:GetSendStatistics"], "Resource": "*"},
    {"Sid": "Send", "Effect": "Allow", "Action": ["ses:SendEmail", "ses:SendRawEmail"],
     "Resource": "arn:aws:ses:eu-west-1:123456789012:identity/example.com",
     "Condition": {"StringLike": {"ses:FromAddress": "*@example.com"}}},
    {"Sid": "OnlyTls", "Effect": "Deny", "Action": "ses:*", "Resource": "*",
     "Condition": {"Bool": {"aws:SecureTransport": "false"}}}
  ]
}`)

// BenchmarkParseAndEvaluate measures one policy document through decoding
// and the full rule set, as the scanner runs it per document.
func BenchmarkParseAndEvaluate(b *testing.B) {
	e, err := New(context.Background(), Options{})
	if err != nil {
		b.Fatal(err)
	}
	f := policy.NewFile("bench.json", benchPolicy)
	now := time.Date(2026, 6, 1, 0, 0, 0, 0, time.UTC)
	ctx := context.Background()
	b.ReportAllocs()
	b.SetBytes(int64(len(benchPolicy)))
	for b.Loop() {
		doc := &policy.Document{File: f, Kind: policy.Identity, Size: len(benchPolicy), Decoded: policy.DecodeJSON(benchPolicy, nil)}
		if _, err := e.Eval(ctx, doc, now); err != nil {
			b.Fatal(err)
		}
	}
}

// BenchmarkParallelEvaluate is the same on all cores, as the scanner runs.
func BenchmarkParallelEvaluate(b *testing.B) {
	e, err := New(context.Background(), Options{})
	if err != nil {
		b.Fatal(err)
	}
	f := policy.NewFile("bench.json", benchPolicy)
	now := time.Date(2026, 6, 1, 0, 0, 0, 0, time.UTC)
	b.ReportAllocs()
	b.RunParallel(func(pb *testing.PB) {
		ctx := context.Background()
		for pb.Next() {
			doc := &policy.Document{File: f, Kind: policy.Identity, Size: len(benchPolicy), Decoded: policy.DecodeJSON(benchPolicy, nil)}
			if _, err := e.Eval(ctx, doc, now); err != nil {
				b.Fatal(err)
			}
		}
	})
}
