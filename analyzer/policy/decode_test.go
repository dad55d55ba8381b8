package policy

import (
	"reflect"
	"strings"
	"testing"
)

// at returns the line:column of a span's start in src.
func at(src string, s Span) Position {
	return NewFile("t.json", []byte(src)).Position(s.Start)
}

func TestDecodeSpansAndLookup(t *testing.T) {
	src := "{\n  \"Version\": \"2012-10-17\",\n  \"Statement\": [\n    {\"Effect\": \"Allow\", \"Action\": [\"ses:SendEmail\", \"ses:SendRawEmail\"], \"Resource\": \"*\"},\n    {\"Effect\": \"Deny\", \"Action\": \"ses:*\"}\n  ]\n}\n"
	d := DecodeJSON([]byte(src), nil)
	if d.Fatal() || len(d.Errors) != 0 {
		t.Fatalf("errors: %v", d.Errors)
	}
	cases := []struct {
		path []PathElem
		key  bool
		want Position
		text string
	}{
		{[]PathElem{"Version"}, false, Position{2, 14}, `"2012-10-17"`},
		{[]PathElem{"Version"}, true, Position{2, 3}, `"Version"`},
		{[]PathElem{"Statement", 0, "Action", 1}, false, Position{4, 53}, `"ses:SendRawEmail"`},
		{[]PathElem{"Statement", 1, "Action", 0}, false, Position{5, 34}, `"ses:*"`}, // single value as element 0
		{[]PathElem{"Statement", 1, "Effect"}, true, Position{5, 6}, `"Effect"`},
	}
	for _, c := range cases {
		s, ok := d.Root.Lookup(c.path, c.key)
		if !ok {
			t.Errorf("%v: not found", c.path)
			continue
		}
		if got := at(src, s); got != c.want {
			t.Errorf("%v key=%v: at %v, want %v", c.path, c.key, got, c.want)
		}
		if got := src[s.Start:s.End]; got != c.text {
			t.Errorf("%v: span text %q, want %q", c.path, got, c.text)
		}
	}
	// A path that does not exist all the way returns the deepest span.
	s, ok := d.Root.Lookup([]PathElem{"Statement", 1, "Resource"}, false)
	if ok || at(src, s) != (Position{5, 5}) {
		t.Errorf("missing key: ok=%v at %v, want false at 5:5 (the statement)", ok, at(src, s))
	}
}

func TestDecodeValues(t *testing.T) {
	src := `{"a": [1, -2.5e3, true, false, null, "x\"\n\u00e9\ud83d\ude00"], "b": {}}`
	d := DecodeJSON([]byte(src), nil)
	if d.Fatal() {
		t.Fatal(d.Errors)
	}
	want := map[string]any{
		"a": []any{NumberText("1"), NumberText("-2.5e3"), true, false, nil, "x\"\né😀"},
		"b": map[string]any{},
	}
	if got := d.Root.Interface(); !reflect.DeepEqual(got, want) {
		t.Errorf("got %#v\nwant %#v", got, want)
	}
}

func TestDecodeRecoverableErrors(t *testing.T) {
	// The seeds' own SCP example: typographic quotes around ses:*.
	src := "{\n  \"Statement\": [\n    {\n      \"Effect\": \"Deny\",\n      \"Action\": “ses:*”,\n      \"Resource\": \"*\",\n    }\n  ]\n}"
	d := DecodeJSON([]byte(src), nil)
	if d.Fatal() {
		t.Fatalf("typographic quotes and trailing commas must not stop decoding: %v", d.Errors)
	}
	if len(d.Errors) != 2 {
		t.Fatalf("want 2 errors, got %v", d.Errors)
	}
	e := d.Errors[0]
	if e.Kind != ErrTypographicQuote || at(src, e.Span) != (Position{5, 17}) {
		t.Errorf("error 0: %s at %v, want typographic_quote at 5:17", e.Kind, at(src, e.Span))
	}
	if !strings.Contains(e.Fix, `replace “ses:*” with "ses:*"`) {
		t.Errorf("fix %q", e.Fix)
	}
	e = d.Errors[1]
	if e.Kind != ErrTrailingComma || at(src, e.Span) != (Position{6, 22}) {
		t.Errorf("error 1: %s at %v, want trailing_comma at 6:22", e.Kind, at(src, e.Span))
	}
	act, _ := d.Root.Lookup([]PathElem{"Statement", 0, "Action"}, false)
	if got := src[act.Start:act.End]; got != "“ses:*”" {
		t.Errorf("value span %q", got)
	}
	if v, _ := d.Root.Get("Statement"); v.Elems[0].Members[1].Value.Text != "ses:*" {
		t.Errorf("value %q", v.Elems[0].Members[1].Value.Text)
	}
}

func TestDecodeTypographicCloseOnly(t *testing.T) {
	src := `{"Action": "ses:SendEmail”, "Resource": "*"}`
	d := DecodeJSON([]byte(src), nil)
	if d.Fatal() || len(d.Errors) != 1 || d.Errors[0].Kind != ErrTypographicQuote {
		t.Fatalf("errors %v", d.Errors)
	}
	if got := at(src, d.Errors[0].Span); got != (Position{1, 26}) {
		t.Errorf("at %v", got)
	}
	if v, _ := d.Root.Get("Action"); v.Text != "ses:SendEmail" {
		t.Errorf("value %q", v.Text)
	}
}

func TestDecodeFatalErrors(t *testing.T) {
	cases := []struct {
		src  string
		want Position
		msg  string
	}{
		{"{\n  \"Effect\": \"Allow\"\n  \"Action\": \"ses:SendEmail\"\n}", Position{3, 3}, "expected , or }"},
		{`{"Effect": Allow}`, Position{1, 12}, "invalid literal"},
		{`{"a": [1, 2}`, Position{1, 12}, "expected , or ]"},
		{`{"a": "x`, Position{1, 7}, "unterminated string"},
		{``, Position{1, 1}, "empty document"},
		{`{"a": 1} x`, Position{1, 10}, "after the end"},
		{`{"a": "\q"}`, Position{1, 8}, "invalid escape"},
		{"{'a': 1}", Position{1, 2}, "expected a quoted key"},
	}
	for _, c := range cases {
		d := DecodeJSON([]byte(c.src), nil)
		if !d.Fatal() {
			t.Errorf("%q: decoded", c.src)
			continue
		}
		e := d.Errors[len(d.Errors)-1]
		if e.Kind != ErrSyntax || at(c.src, e.Span) != c.want || !strings.Contains(e.Message, c.msg) {
			t.Errorf("%q: %s %q at %v, want %q at %v", c.src, e.Kind, e.Message, at(c.src, e.Span), c.msg, c.want)
		}
	}
}

func TestDecodeDuplicateKeys(t *testing.T) {
	src := `{"Statement": [{"Effect": "Allow", "Effect": "Deny"}]}`
	d := DecodeJSON([]byte(src), nil)
	if d.Fatal() || len(d.Errors) != 1 {
		t.Fatalf("errors %v", d.Errors)
	}
	e := d.Errors[0]
	if e.Kind != ErrDuplicateKey || !reflect.DeepEqual(e.Path, []PathElem{"Statement", 0, "Effect"}) || at(src, e.Span) != (Position{1, 36}) {
		t.Errorf("got %s %v at %v", e.Kind, e.Path, at(src, e.Span))
	}
	if v, _ := d.Root.Get("Statement"); v.Elems[0].Members[1].Value.Text != "Deny" {
		t.Error("last key must win")
	}
	if s, _ := d.Root.Lookup([]PathElem{"Statement", 0, "Effect"}, false); src[s.Start:s.End] != `"Deny"` {
		t.Error("lookup must find the last key")
	}
}

func TestDecodeDepthLimit(t *testing.T) {
	src := strings.Repeat("[", 100000) + strings.Repeat("]", 100000)
	d := DecodeJSON([]byte(src), nil)
	if !d.Fatal() || !strings.Contains(d.Errors[0].Message, "nested deeper") {
		t.Fatalf("errors %v", d.Errors)
	}
}

func TestDecodeMapper(t *testing.T) {
	// Policy text embedded at offset 10 of a file.
	d := DecodeJSON([]byte(`{"a": "b"}`), func(off int) int { return off + 10 })
	s, _ := d.Root.Lookup([]PathElem{"a"}, false)
	if s != (Span{16, 19}) {
		t.Errorf("span %v", s)
	}
}

func TestPositionsCountCodePointsAndCRLF(t *testing.T) {
	src := "{\r\n  \"Sid\": \"é\", \"X\": 1\r\n}"
	d := DecodeJSON([]byte(src), nil)
	f := NewFile("t.json", []byte(src))
	s, _ := d.Root.Lookup([]PathElem{"X"}, true)
	if got := f.Position(s.Start); got != (Position{2, 15}) {
		t.Errorf("got %v", got)
	}
	r := f.Region(Span{s.Start, s.Start})
	if r.End.Column != r.Start.Column+1 {
		t.Errorf("empty span must cover one character: %v", r)
	}
	if off := f.Offset(Position{2, 15}); off != s.Start {
		t.Errorf("Offset %d, want %d", off, s.Start)
	}
}

func TestDecodeBOM(t *testing.T) {
	d := DecodeJSON([]byte("\xEF\xBB\xBF{\"a\": 1}"), nil)
	if d.Fatal() {
		t.Fatal(d.Errors)
	}
}

func BenchmarkDecodeJSON(b *testing.B) {
	src := []byte(`{"Version": "2012-10-17", "Statement": [{"Sid": "Send", "Effect": "Allow", "Action": ["ses:SendEmail", "ses:SendRawEmail"], "Resource": "arn:aws:ses:eu-west-1:123456789012:identity/example.com", "Condition": {"StringLike": {"ses:FromAddress": "*@example.com"}}}, {"Effect": "Allow", "Action": ["ses:GetSendQuota", "ses:GetSendStatistics"], "Resource": "*"}]}`)
	b.SetBytes(int64(len(src)))
	b.ReportAllocs()
	for b.Loop() {
		if DecodeJSON(src, nil).Fatal() {
			b.Fatal("fatal")
		}
	}
}

func TestTypographicQuotesInsideValidStringsAreText(t *testing.T) {
	src := `{"Description": "say “hi”, then go", "Statement": []}`
	d := DecodeJSON([]byte(src), nil)
	if d.Fatal() || len(d.Errors) != 0 {
		t.Fatalf("valid JSON reported: %v", d.Errors)
	}
	if v, _ := d.Root.Get("Description"); v.Text != "say “hi”, then go" {
		t.Errorf("value %q", v.Text)
	}
}

func TestAlignOffsetsEscapedBackslash(t *testing.T) {
	// The Go literal "a\\u0041b" holds the six characters a\u0041b.
	src := []byte(`"a\\u0041b"`)
	value := `a\u0041b`
	offs := AlignOffsets(src, 1, len(src)-1, value, true)
	if got := offs[len(value)-1]; got != 9 {
		t.Errorf("the b maps to %d, want 9 (%v)", got, offs)
	}
}

// TestScopeToTheEndCoversTheEnd: a suppression whose scope reaches the
// end of the file (a template's top-level Metadata) covers a finding
// placed at the very end, such as an unterminated document's.
func TestScopeToTheEndCoversTheEnd(t *testing.T) {
	f := NewFile("t.yaml", []byte("Resources: {"))
	d := &Directive{File: f, Scope: Span{Start: 0, End: len(f.Content)}, Entries: []DirectiveEntry{{Rule: "SES100"}}}
	if !d.Covers(0, "SES100", f, Span{Start: len(f.Content), End: len(f.Content)}) {
		t.Error("a finding at the end of the file is not covered")
	}
	inner := &Directive{File: f, Scope: Span{Start: 0, End: 5}, Entries: []DirectiveEntry{{Rule: "SES100"}}}
	if inner.Covers(0, "SES100", f, Span{Start: 5, End: 6}) {
		t.Error("a scope that ends before the end of the file covers its end")
	}
}
