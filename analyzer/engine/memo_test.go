package engine

import (
	"context"
	"fmt"
	"testing"
	"time"

	"github.com/seslint/seslint/analyzer/policy"
)

// TestMemoPlacesPerFile evaluates the same policy in two files written
// differently: the second evaluation comes from the memo, and its finding
// is placed in its own file at its own line and column.
func TestMemoPlacesPerFile(t *testing.T) {
	e, err := New(context.Background(), Options{})
	if err != nil {
		t.Fatal(err)
	}
	now := time.Date(2026, 6, 1, 0, 0, 0, 0, time.UTC)
	texts := map[string]string{
		"a.json": `{"Version": "2012-10-17", "Statement": [{"Effect": "Allow", "Action": "ses:SendEmial", "Resource": "*"}]}`,
		"b.json": "{\n  \"Version\": \"2012-10-17\",\n  \"Statement\": [\n    {\n      \"Effect\": \"Allow\",\n      \"Action\": \"ses:SendEmial\",\n      \"Resource\": \"*\"\n    }\n  ]\n}",
	}
	doc := func(name string) *policy.Document {
		src := []byte(texts[name])
		return &policy.Document{File: policy.NewFile(name, src), Kind: policy.Identity, Size: 100, Decoded: policy.DecodeJSON(src, nil)}
	}
	before := e.Counters()
	var got []string
	for _, name := range []string{"a.json", "b.json"} {
		fs, err := e.Eval(context.Background(), doc(name), now)
		if err != nil {
			t.Fatal(err)
		}
		for _, f := range fs {
			if f.Rule.ID == "SES107" {
				got = append(got, fmt.Sprintf("%s:%d:%d", f.File.Path, f.Region.Start.Line, f.Region.Start.Column))
			}
		}
	}
	if fmt.Sprint(got) != "[a.json:1:71 b.json:6:17]" {
		t.Errorf("SES107 at %v, want [a.json:1:71 b.json:6:17]", got)
	}
	after := e.Counters()
	if q, c := after.Queries-before.Queries, after.Cached-before.Cached; q != 2 || c != 1 {
		t.Errorf("%d queries, %d from the memo; want 2 and 1", q, c)
	}
	// Another time is another input: evaluated, not remembered.
	if _, err := e.Eval(context.Background(), doc("a.json"), now.Add(time.Hour)); err != nil {
		t.Fatal(err)
	}
	if c := e.Counters().Cached - after.Cached; c != 0 {
		t.Errorf("an evaluation at another time came from the memo")
	}
}
