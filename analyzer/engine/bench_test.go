package engine

import (
	"context"
	"sync/atomic"
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

// benchEngine returns an engine and the file of benchPolicy.
func benchEngine(b *testing.B) (*Engine, *policy.File) {
	e, err := New(context.Background(), Options{})
	if err != nil {
		b.Fatal(err)
	}
	b.ReportAllocs()
	return e, policy.NewFile("bench.json", benchPolicy)
}

// benchDoc decodes benchPolicy as the scanner does for each document.
func benchDoc(f *policy.File) *policy.Document {
	return &policy.Document{File: f, Kind: policy.Identity, Size: len(benchPolicy), Decoded: policy.DecodeJSON(benchPolicy, nil)}
}

var benchNow = time.Date(2026, 6, 1, 0, 0, 0, 0, time.UTC)

// BenchmarkParseAndEvaluate measures one policy document through decoding
// and the full rule set, as the scanner runs it per document. Each
// iteration evaluates at another time (a nanosecond later), so the memo
// never answers: this is the cost of a policy seen for the first time.
func BenchmarkParseAndEvaluate(b *testing.B) {
	e, f := benchEngine(b)
	now := benchNow
	b.SetBytes(int64(len(benchPolicy)))
	for b.Loop() {
		now = now.Add(1)
		if _, err := e.Eval(context.Background(), benchDoc(f), now); err != nil {
			b.Fatal(err)
		}
	}
}

// BenchmarkEvaluateMemoized is the same policy evaluated again: the
// violations come from the memo and are placed in the file.
func BenchmarkEvaluateMemoized(b *testing.B) {
	e, f := benchEngine(b)
	for b.Loop() {
		if _, err := e.Eval(context.Background(), benchDoc(f), benchNow); err != nil {
			b.Fatal(err)
		}
	}
}

// BenchmarkEvaluateUnit measures the rules relating the documents of a
// unit: a role with two policies and a boundary, and an identity (a new
// time each iteration, as above).
func BenchmarkEvaluateUnit(b *testing.B) {
	e, f := benchEngine(b)
	boundary := []byte(`{"Version": "2012-10-17", "Statement": [{"Effect": "Allow", "Action": ["ses:*", "logs:*"], "Resource": "*"}]}`)
	bf := policy.NewFile("boundary.json", boundary)
	now := benchNow
	for b.Loop() {
		now = now.Add(1)
		u := &policy.Unit{Name: "stack.yaml", Documents: []*policy.Document{benchDoc(f), benchDoc(f),
			{File: bf, Kind: policy.Boundary, Size: len(boundary), Decoded: policy.DecodeJSON(boundary, nil)}}}
		for _, d := range u.Documents {
			d.Attached = true
		}
		u.Principals = []*policy.Principal{{Name: "Mailer", Type: "AWS::IAM::Role", Policies: []int{0, 1}, Boundary: 2}}
		u.Identities = []*policy.SESIdentity{{Named: policy.Named{Name: "example.com"}, Region: "eu-west-1"}}
		if _, err := e.EvalUnit(context.Background(), u, now); err != nil {
			b.Fatal(err)
		}
	}
}

// BenchmarkParallelEvaluate is BenchmarkParseAndEvaluate on all cores,
// as the scanner runs.
func BenchmarkParallelEvaluate(b *testing.B) {
	e, f := benchEngine(b)
	var tick atomic.Int64
	b.RunParallel(func(pb *testing.PB) {
		for pb.Next() {
			now := benchNow.Add(time.Duration(tick.Add(1)))
			if _, err := e.Eval(context.Background(), benchDoc(f), now); err != nil {
				b.Fatal(err)
			}
		}
	})
}
