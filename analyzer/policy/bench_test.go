package policy

import (
	"fmt"
	"strings"
	"testing"
)

// benchPolicy returns an identity policy of n statements, about 250 bytes
// each, as people write them (indented, a condition now and then).
func benchPolicy(n int) []byte {
	var b strings.Builder
	b.WriteString("{\n  \"Version\": \"2012-10-17\",\n  \"Statement\": [\n")
	for i := 0; i < n; i++ {
		if i > 0 {
			b.WriteString(",\n")
		}
		fmt.Fprintf(&b, `    {
      "Sid": "Statement%d",
      "Effect": "Allow",
      "Action": ["ses:SendEmail", "ses:SendRawEmail", "dynamodb:GetItem"],
      "Resource": "arn:aws:ses:eu-west-1:123456789012:identity/mail%d.example.com",
      "Condition": {"StringLike": {"ses:FromAddress": "*@mail%d.example.com"}}
    }`, i, i, i)
	}
	b.WriteString("\n  ]\n}\n")
	return []byte(b.String())
}

// BenchmarkDecodeJSONSizes decodes policy text into the position-keeping node
// tree: a typical policy (3 statements) and one at IAM's size limit.
func BenchmarkDecodeJSONSizes(b *testing.B) {
	for _, n := range []int{3, 24} {
		src := benchPolicy(n)
		b.Run(fmt.Sprintf("%dB", len(src)), func(b *testing.B) {
			b.SetBytes(int64(len(src)))
			b.ReportAllocs()
			for b.Loop() {
				if d := DecodeJSON(src, nil); d.Root == nil {
					b.Fatal(d.Errors)
				}
			}
		})
	}
}

// BenchmarkLookup maps a rule's JSON path to a span and the span to a line
// and column, as every finding is placed.
func BenchmarkLookup(b *testing.B) {
	src := benchPolicy(24)
	f := NewFile("p.json", src)
	root := DecodeJSON(src, nil).Root
	path := []PathElem{"Statement", 20, "Condition", "StringLike", "ses:FromAddress"}
	b.ReportAllocs()
	for b.Loop() {
		s, ok := root.Lookup(path, false)
		if !ok {
			b.Fatal("path not found")
		}
		_ = f.Region(s)
	}
}
