package main

import (
	"fmt"
	"strconv"
	"strings"
	"unicode/utf8"
)

// Marks: text is generated with a marker where each seeded mistake's
// finding will be reported (⟦k⟧, k indexing the file's expectations), and
// the markers are removed when the file is written, their offsets turned
// into line and column. A marker travels with the text it precedes through
// every rendering (YAML, HCL, a JSON string inside JSON), so the position
// is right whatever quoting the format needs.
const (
	markOpen  = "⟦"
	markClose = "⟧"
)

// expect is one finding the corpus must produce.
type expect struct {
	path       string
	line, col  int
	rule, frag string
}

// file is one generated file being written.
type file struct {
	path string
	kind string
	b    strings.Builder
	// wants are the findings of the file's marks, by mark index.
	wants [][]expect
}

func newFile(path, kind string) *file { return &file{path: path, kind: kind} }

// mark returns a marker for findings of rules with message fragments, to
// be put in the text where they are reported. pairs alternate a rule,
// named by its Rego package under seslint.rules ("send.send_raw_pair"),
// and a fragment.
func (f *file) mark(pairs ...string) string {
	var ws []expect
	for i := 0; i+1 < len(pairs); i += 2 {
		ws = append(ws, expect{rule: pairs[i], frag: pairs[i+1]})
	}
	f.wants = append(f.wants, ws)
	return markOpen + strconv.Itoa(len(f.wants)-1) + markClose
}

func (f *file) w(s string)                    { f.b.WriteString(s) }
func (f *file) wf(format string, args ...any) { fmt.Fprintf(&f.b, format, args...) }
func (f *file) size() int                     { return f.b.Len() }

// finish strips the marks and returns the content and the findings placed
// at line:column (columns in code points, as seslint reports them).
func (f *file) finish() ([]byte, []expect) {
	src := f.b.String()
	var out []byte
	var found []expect
	line, col := 1, 1
	for i := 0; i < len(src); {
		if strings.HasPrefix(src[i:], markOpen) {
			end := strings.Index(src[i:], markClose)
			k, err := strconv.Atoi(src[i+len(markOpen) : i+end])
			if err != nil || k >= len(f.wants) {
				panic(fmt.Sprintf("%s: bad mark %q", f.path, src[i:i+end]))
			}
			for _, w := range f.wants[k] {
				w.path, w.line, w.col = f.path, line, col
				found = append(found, w)
			}
			i += end + len(markClose)
			continue
		}
		r, n := utf8.DecodeRuneInString(src[i:])
		if r == '\n' {
			line, col = line+1, 1
		} else {
			col++
		}
		out = append(out, src[i:i+n]...)
		i += n
	}
	return out, found
}

// splitMark separates the markers leading a value from the value.
func splitMark(s string) (mark, rest string) {
	for strings.HasPrefix(s, markOpen) {
		end := strings.Index(s, markClose) + len(markClose)
		mark += s[:end]
		s = s[end:]
	}
	return mark, s
}

// stripMarks removes every marker (for text repeated in a file, of which
// only one copy is reported).
func stripMarks(s string) string {
	for {
		i := strings.Index(s, markOpen)
		if i < 0 {
			return s
		}
		j := strings.Index(s[i:], markClose)
		s = s[:i] + s[i+j+len(markClose):]
	}
}

// jq quotes s as a JSON string, markers kept before the opening quote.
func jq(s string) string {
	m, rest := splitMark(s)
	return m + jsonQuote(rest)
}

// jsonQuote quotes s as JSON, leaving non-ASCII text and markers as they
// are (a marker inside the string stays in place).
func jsonQuote(s string) string {
	var b strings.Builder
	b.WriteByte('"')
	for _, r := range s {
		switch {
		case r == '"':
			b.WriteString(`\"`)
		case r == '\\':
			b.WriteString(`\\`)
		case r == '\n':
			b.WriteString(`\n`)
		case r == '\t':
			b.WriteString(`\t`)
		case r < 0x20:
			fmt.Fprintf(&b, `\u%04x`, r)
		default:
			b.WriteRune(r)
		}
	}
	b.WriteByte('"')
	return b.String()
}

// indent prefixes every line of s but the first with pad.
func indent(s, pad string) string {
	return strings.ReplaceAll(s, "\n", "\n"+pad)
}

// obj is a JSON object with its keys in order; raw is JSON text written as
// it is (indented by the caller).
type (
	obj []kv
	kv  struct {
		k string
		v any
	}
	raw string
)

// writeJSON writes v as JSON, indented by step per level from pad, or on
// one line when step is "".
func writeJSON(b *strings.Builder, v any, pad, step string) {
	nl, sep := "\n", ": "
	if step == "" {
		nl, sep = "", ":"
	}
	switch v := v.(type) {
	case nil:
		b.WriteString("null")
	case string:
		b.WriteString(jq(v))
	case raw:
		b.WriteString(string(v))
	case bool:
		fmt.Fprint(b, v)
	case int:
		fmt.Fprint(b, v)
	case float64:
		fmt.Fprint(b, v)
	case obj:
		if len(v) == 0 {
			b.WriteString("{}")
			return
		}
		b.WriteString("{" + nl)
		for i, e := range v {
			b.WriteString(pad + step + jsonQuote(e.k) + sep)
			writeJSON(b, e.v, pad+step, step)
			if i < len(v)-1 {
				b.WriteString(",")
			}
			b.WriteString(nl)
		}
		b.WriteString(pad + "}")
	case []any:
		if len(v) == 0 {
			b.WriteString("[]")
			return
		}
		b.WriteString("[" + nl)
		for i, e := range v {
			b.WriteString(pad + step)
			writeJSON(b, e, pad+step, step)
			if i < len(v)-1 {
				b.WriteString(",")
			}
			b.WriteString(nl)
		}
		b.WriteString(pad + "]")
	case []string:
		a := make([]any, len(v))
		for i, s := range v {
			a[i] = s
		}
		writeJSON(b, a, pad, step)
	default:
		panic(fmt.Sprintf("writeJSON: %T", v))
	}
}

func jsonText(v any, pad, step string) string {
	var b strings.Builder
	writeJSON(&b, v, pad, step)
	return b.String()
}
