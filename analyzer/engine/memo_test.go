package engine

import (
	"context"
	"fmt"
	"strings"
	"testing"
	"time"

	"github.com/open-policy-agent/opa/v1/ast"

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

// TestUnitGetsTheDocumentsStatements: evaluating a document returns its
// statements, and the unit rules given them find what they find computing
// them themselves.
func TestUnitGetsTheDocumentsStatements(t *testing.T) {
	e, err := New(context.Background(), Options{})
	if err != nil {
		t.Fatal(err)
	}
	now := time.Date(2026, 6, 1, 0, 0, 0, 0, time.UTC)
	boundary := []byte(`{"Version": "2012-10-17", "Statement": [{"Effect": "Allow", "Action": "s3:*", "Resource": "*"}]}`)
	u := &policy.Unit{Name: "stack.yaml", Documents: []*policy.Document{
		{File: policy.NewFile("p.json", benchPolicy), Kind: policy.Identity, Size: len(benchPolicy), Decoded: policy.DecodeJSON(benchPolicy, nil), Attached: true},
		{File: policy.NewFile("b.json", boundary), Kind: policy.Boundary, Size: len(boundary), Decoded: policy.DecodeJSON(boundary, nil)},
	}}
	u.Principals = []*policy.Principal{{Name: "Mailer", Type: "AWS::IAM::Role", Policies: []int{0}, Boundary: 1, Node: u.Documents[0].Decoded.Root, File: u.Documents[0].File}}
	statements := make([]*ast.Term, len(u.Documents))
	for i, d := range u.Documents {
		if _, statements[i], err = e.evalDocument(context.Background(), d, now); err != nil {
			t.Fatal(err)
		}
		st, _ := d.Decoded.Root.Get("Statement")
		if a, ok := statements[i].Value.(*ast.Array); !ok || a.Len() != len(st.Elems) {
			t.Fatalf("document %d: statements %v", i, statements[i])
		}
	}
	input, _, docs := unitInput(u, now)
	giveStatements(docs, statements)
	for i := range u.Documents {
		got := input.(ast.Object).Get(ast.StringTerm("unit")).Value.(ast.Object).Get(ast.StringTerm("documents")).Value.(*ast.Array).Elem(i).Value.(ast.Object).Get(ast.StringTerm("statements"))
		if got != statements[i] {
			t.Errorf("document %d of the unit input: statements %v", i, got)
		}
	}
	given, err := e.evalUnit(context.Background(), u, now.Add(1), statements)
	if err != nil {
		t.Fatal(err)
	}
	computed, err := e.EvalUnit(context.Background(), u, now.Add(2))
	if err != nil {
		t.Fatal(err)
	}
	describe := func(fs []*Finding) string {
		var b strings.Builder
		for _, f := range fs {
			fmt.Fprintf(&b, "%s %s %d %s\n", f.Rule.ID, f.File.Path, f.Span.Start, f.Message)
		}
		return b.String()
	}
	if g, c := describe(given), describe(computed); g != c || !strings.Contains(g, "boundary") {
		t.Errorf("with the statements given:\n%s\ncomputed by the rules:\n%s", g, c)
	}
}
