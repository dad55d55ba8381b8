package policy

import (
	"bytes"
	"encoding/json"
	"fmt"
	"os"
	"path/filepath"
	"reflect"
	"strings"
	"testing"
	"unicode/utf8"
)

// maxFuzzInput bounds fuzz inputs: the decoders are linear, so larger
// inputs find nothing smaller ones do not, only slower.
const maxFuzzInput = 64 << 10

// fixtureSeeds adds every fixture file with one of the extensions to the
// corpus, read when the fuzz test starts.
func fixtureSeeds(f *testing.F, exts ...string) [][]byte {
	var out [][]byte
	err := filepath.WalkDir("../../fixtures", func(p string, d os.DirEntry, err error) error {
		if err != nil || d.IsDir() {
			return err
		}
		for _, ext := range exts {
			if strings.HasSuffix(p, ext) {
				b, err := os.ReadFile(p)
				if err != nil {
					return err
				}
				out = append(out, b)
				break
			}
		}
		return nil
	})
	if err != nil {
		f.Fatal(err)
	}
	if len(out) == 0 {
		f.Fatalf("no fixture files ending in %v", exts)
	}
	return out
}

// checkRegions checks that every span of a tree converts to a valid
// position of the file.
func checkRegions(t *testing.T, f *File, n *Node) {
	t.Helper()
	if n == nil {
		return
	}
	lines := f.Position(len(f.Content)).Line
	var walk func(n *Node, depth int)
	walk = func(n *Node, depth int) {
		r := f.Region(n.Span)
		if r.Start.Line < 1 || r.Start.Line > lines || r.Start.Column < 1 || r.End.Line < r.Start.Line ||
			(r.End.Line == r.Start.Line && r.End.Column < r.Start.Column) {
			t.Fatalf("span %v is at %v, not a position of the file (%d lines)", n.Span, r, lines)
		}
		if p := f.Offset(r.Start); p > n.Span.Start || (p < n.Span.Start && utf8.RuneStart(f.Content[n.Span.Start])) {
			// Offset(Position(x)) is x's code point, or for a byte inside
			// a code point (never a node start) the code point's start.
			t.Fatalf("span start %d is at %v, which maps back to %d", n.Span.Start, r.Start, p)
		}
		for _, m := range n.Members {
			walk(m.Value, depth+1)
		}
		for _, e := range n.Elems {
			walk(e, depth+1)
		}
	}
	walk(n, 0)
}

// plain converts a decoded tree to encoding/json's values.
func plain(v any) any {
	switch v := v.(type) {
	case NumberText:
		return json.Number(v)
	case []any:
		for i := range v {
			v[i] = plain(v[i])
		}
	case map[string]any:
		for k := range v {
			v[k] = plain(v[k])
		}
	}
	return v
}

// FuzzDecodeJSON: the position-keeping decoder never panics, keeps every
// span inside the text and every position valid, reports at most one
// fatal error (the last, exactly when there is no tree), starts each node
// where its text starts, and reads valid JSON as encoding/json does.
func FuzzDecodeJSON(f *testing.F) {
	for _, b := range fixtureSeeds(f, ".json") {
		f.Add(b)
	}
	for _, s := range []string{`{"a": “b”, "c": [1,]}`, "\xEF\xBB\xBF{\"Statement\": \"\\ud83d\\ude00\"}", `{"a":1,"a":2}`, `[1e5, -0.5, true, null]`} {
		f.Add([]byte(s))
	}
	f.Fuzz(func(t *testing.T, data []byte) {
		if len(data) > maxFuzzInput {
			return
		}
		d := DecodeJSON(data, nil)
		file := NewFile("fuzz.json", data)
		if err := (&Unit{Documents: []*Document{{File: file, Decoded: d}}}).CheckSpans(); err != nil {
			t.Fatal(err)
		}
		for i, e := range d.Errors {
			if e.Kind == ErrSyntax && i != len(d.Errors)-1 {
				t.Fatalf("fatal error %d of %d: %q", i, len(d.Errors), e.Message)
			}
		}
		fatal := len(d.Errors) > 0 && d.Errors[len(d.Errors)-1].Kind == ErrSyntax
		if fatal != (d.Root == nil) {
			t.Fatalf("root %v with errors %v", d.Root != nil, d.Errors)
		}
		checkRegions(t, file, d.Root)
		var starts func(n *Node)
		starts = func(n *Node) {
			c := data[n.Span.Start]
			ok := map[Kind]bool{Object: c == '{', Array: c == '[', Null: c == 'n', Bool: c == 't' || c == 'f',
				Number: c == '-' || (c >= '0' && c <= '9'), String: c == '"' || c == 0xE2}[n.Kind]
			if !ok {
				t.Fatalf("%s node starts with %q", n.Kind, c)
			}
			for _, m := range n.Members {
				if k := data[m.KeySpan.Start]; k != '"' && k != 0xE2 {
					t.Fatalf("key %q starts with %q", m.Key, k)
				}
				starts(m.Value)
			}
			for _, e := range n.Elems {
				starts(e)
			}
		}
		if d.Root != nil {
			starts(d.Root)
		}
		if !json.Valid(data) || !utf8.Valid(data) {
			return
		}
		if d.Root == nil {
			if strings.Contains(d.Errors[len(d.Errors)-1].Message, "nested deeper than") {
				return
			}
			t.Fatalf("valid JSON not decoded: %v", d.Errors[len(d.Errors)-1].Message)
		}
		dec := json.NewDecoder(bytes.NewReader(data))
		dec.UseNumber()
		var want any
		if err := dec.Decode(&want); err != nil {
			t.Fatal(err)
		}
		if got := plain(d.Root.Interface()); !reflect.DeepEqual(got, want) {
			t.Fatalf("decoded %#v, encoding/json %#v", got, want)
		}
	})
}

// quoteJSON writes s as a JSON string literal, escaping the runes whose
// bit in escape is set (and every rune JSON requires to be escaped) as
// \uXXXX or a short escape.
func quoteJSON(s string, escape uint64) string {
	var b strings.Builder
	b.WriteByte('"')
	for i, r := range s {
		esc := escape>>(uint(i)%64)&1 == 1
		switch {
		case r == '"' || r == '\\':
			b.WriteByte('\\')
			b.WriteRune(r)
		case r == '\n' && esc:
			b.WriteString(`\n`)
		case r < 0x20 || esc || r == utf8.RuneError:
			if r > 0xFFFF {
				r -= 0x10000
				fmt.Fprintf(&b, `\u%04x\u%04x`, 0xD800+(r>>10), 0xDC00+(r&0x3FF))
			} else {
				fmt.Fprintf(&b, `\u%04x`, r)
			}
		default:
			b.WriteRune(r)
		}
	}
	b.WriteByte('"')
	return b.String()
}

// FuzzJSONStringOffsets: the offsets of a JSON string literal's value
// map each byte to the source that produced it — itself, or the
// backslash of its escape — in order, and a policy decoded from the value
// through them has every span inside the file.
func FuzzJSONStringOffsets(f *testing.F) {
	for _, b := range fixtureSeeds(f, ".json") {
		if len(b) < 4096 {
			f.Add(string(b), uint64(0))
			f.Add(string(b), uint64(0x5555555555555555))
		}
	}
	f.Add(`{"Statement": [{"Action": "ses:SendEmail"}]} 𝄞 é`, uint64(1<<50|1<<3))
	f.Fuzz(func(t *testing.T, s string, escape uint64) {
		if len(s) > maxFuzzInput || !utf8.ValidString(s) {
			return
		}
		lit := quoteJSON(s, escape)
		src := []byte(`{"k": ` + lit + "}\n")
		d := DecodeJSON(src, nil)
		if d.Root == nil {
			t.Fatalf("%s does not decode: %v", src, d.Errors)
		}
		v := d.Root.Members[0].Value
		if v.Text != s {
			t.Fatalf("decoded %q, want %q", v.Text, s)
		}
		offs := JSONStringOffsets(src, v.Span)
		if len(offs) != len(s)+1 {
			t.Fatalf("%d offsets for %d bytes", len(offs), len(s))
		}
		for i, o := range offs {
			if o < v.Span.Start+1 || o > v.Span.End-1 || (i > 0 && o < offs[i-1]) {
				t.Fatalf("offset %d of %d is %d, outside [%d, %d] or before %d", i, len(offs), o, v.Span.Start+1, v.Span.End-1, offs[max(i-1, 0)])
			}
			if i < len(s) && src[o] != '\\' && src[o] != s[i] {
				t.Fatalf("byte %d %q maps to %q at %d", i, s[i], src[o], o)
			}
		}
		if offs[len(s)] != v.Span.End-1 {
			t.Fatalf("end maps to %d, want the closing quote %d", offs[len(s)], v.Span.End-1)
		}
		inner := DecodeJSON([]byte(s), OffsetMapper(offs))
		file := NewFile("fuzz.json", src)
		if err := (&Unit{Documents: []*Document{{File: file, Decoded: inner}}}).CheckSpans(); err != nil {
			t.Fatal(err)
		}
		checkRegions(t, file, inner.Root)
	})
}

// FuzzAlignOffsets: whatever the source, the value and the bounds, the
// alignment has one offset per value byte plus the end, in order, inside
// the bounds, and maps a byte to an equal source byte or an escape's
// backslash.
func FuzzAlignOffsets(f *testing.F) {
	f.Add([]byte("x := \"a\\tb\\u00e9\\U0001F600\\x41\"\n"), 6, 30, "a\tbé😀A", true)
	f.Add([]byte("  |\n    line one\n    line two\n"), 4, 31, "line one\nline two\n", false)
	f.Add([]byte(`"\\u0041"`), 1, 8, `\u0041`, true)
	f.Fuzz(func(t *testing.T, src []byte, start, end int, value string, escapes bool) {
		if len(src) > maxFuzzInput || len(value) > maxFuzzInput {
			return
		}
		offs := AlignOffsets(src, start, end, value, escapes)
		lo, hi := max(0, min(start, end, len(src))), max(0, min(end, len(src)))
		if len(offs) != len(value)+1 {
			t.Fatalf("%d offsets for %d bytes", len(offs), len(value))
		}
		for i, o := range offs {
			if o < lo || o > hi || (i > 0 && o < offs[i-1]) {
				t.Fatalf("offset %d is %d, outside [%d, %d] or before the previous", i, o, lo, hi)
			}
			if i < len(value) && o < hi && src[o] != value[i] && !(escapes && src[o] == '\\') {
				t.Fatalf("byte %d %q maps to %q", i, value[i], src[o])
			}
		}
	})
}
