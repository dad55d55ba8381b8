package policy

import (
	"fmt"
	"strconv"
	"strings"
	"unicode/utf16"
	"unicode/utf8"
)

// MaxDepth bounds the nesting of arrays and objects the decoder accepts. Real
// policies nest four or five levels; a deeper document is hostile or broken.
const MaxDepth = 512

// ErrorKind classifies a problem found while decoding policy text.
type ErrorKind string

// Decode problems. The recoverable ones (typographic quotes, trailing
// commas) are reported and decoding goes on as if the text were right, so
// the document is still checked; any other syntax error stops decoding.
const (
	ErrTypographicQuote ErrorKind = "typographic_quote"
	ErrTrailingComma    ErrorKind = "trailing_comma"
	ErrSyntax           ErrorKind = "syntax"
	ErrDuplicateKey     ErrorKind = "duplicate_key"
	// ErrFileSyntax is a file recognised as a template (CloudFormation,
	// Terraform) that its parser could not read.
	ErrFileSyntax ErrorKind = "file_syntax"
)

// DecodeError is one problem in policy text, placed at a byte span of the
// file.
type DecodeError struct {
	Kind    ErrorKind
	Span    Span
	Message string
	// Fix says what to change, in words a user can act on.
	Fix string
	// Path is the JSON path of the duplicated key (ErrDuplicateKey only).
	Path []PathElem
	// Edit, when set, is the mechanical fix: the text that replaces Span
	// in the policy text (empty: delete it).
	Edit *string
}

func (e *DecodeError) Error() string { return e.Message }

// Mapper maps a byte offset in the decoded text to a byte offset in the file
// the user edits. Policy text embedded in a string of another file (a
// CloudFormation !Sub, a Terraform heredoc, a Go literal) is decoded from
// the string's value; the mapper puts positions back into the file.
type Mapper func(off int) int

// Decoded is the result of decoding policy text.
type Decoded struct {
	// Root is nil when a fatal syntax error stopped decoding.
	Root *Node
	// Errors lists every problem in text order; at most one is fatal
	// (ErrSyntax) and it is the last.
	Errors []*DecodeError
}

// Fatal reports whether decoding stopped at a syntax error.
func (d *Decoded) Fatal() bool { return d.Root == nil }

// DecodeJSON decodes policy JSON, keeping the span of every key and value.
// text is the policy text; mapOff (nil for identity) maps offsets in text to
// offsets in the file.
func DecodeJSON(text []byte, mapOff Mapper) *Decoded {
	// A typographic quote inside a straight-quoted string is text (valid
	// JSON). Only when that reading fails is a closing ” taken for a
	// mistyped quote.
	out := decode(text, mapOff, false)
	if out.Fatal() {
		if lenient := decode(text, mapOff, true); !lenient.Fatal() {
			return lenient
		}
	}
	return out
}

func decode(text []byte, mapOff Mapper, lenient bool) *Decoded {
	d := &decoder{src: text, mapOff: mapOff, lenient: lenient}
	out := &Decoded{}
	d.skipBOM()
	d.ws()
	if d.pos >= len(d.src) {
		d.fail(d.pos, d.pos, "empty document: expected a JSON object", "write the policy as a JSON object: {\"Version\": \"2012-10-17\", \"Statement\": [...]}")
	} else {
		root := d.value(0)
		if d.fatal == nil {
			d.ws()
			if d.pos < len(d.src) {
				d.fail(d.pos, d.pos+1, fmt.Sprintf("unexpected %s after the end of the document", d.describe(d.pos)), "remove the text after the closing brace")
			} else {
				out.Root = root
			}
		}
	}
	out.Errors = d.errs
	if d.fatal != nil {
		out.Errors = append(out.Errors, d.fatal)
	}
	return out
}

type decoder struct {
	src    []byte
	pos    int
	mapOff Mapper
	errs   []*DecodeError
	fatal  *DecodeError
	// path is the JSON path of the value being decoded, kept only to name
	// duplicate keys.
	path []PathElem
	// lenient takes a typographic quote followed by , } ] or : inside a
	// straight-quoted string for its closing quote.
	lenient bool
}

func (d *decoder) span(start, end int) Span {
	// A problem at the end of the text (a missing brace) is an empty
	// span there, not a byte past it.
	end = min(end, len(d.src))
	start = min(start, end)
	if d.mapOff == nil {
		return Span{start, end}
	}
	s := d.mapOff(start)
	if end <= start {
		return Span{s, s}
	}
	// The end is where the source of the next byte starts, so a value
	// whose last character was escaped keeps the whole escape; no span
	// passes where the text's end maps to.
	limit := d.mapOff(len(d.src))
	return Span{s, max(s, min(max(s+1, d.mapOff(end)), limit))}
}

func (d *decoder) fail(start, end int, msg, fix string) {
	if d.fatal == nil {
		d.fatal = &DecodeError{Kind: ErrSyntax, Span: d.span(start, end), Message: msg, Fix: fix}
	}
}

func (d *decoder) report(kind ErrorKind, start, end int, msg, fix string) {
	d.errs = append(d.errs, &DecodeError{Kind: kind, Span: d.span(start, end), Message: msg, Fix: fix})
}

func (d *decoder) skipBOM() {
	if len(d.src) >= 3 && d.src[0] == 0xEF && d.src[1] == 0xBB && d.src[2] == 0xBF {
		d.pos = 3
	}
}

func (d *decoder) ws() {
	for d.pos < len(d.src) {
		switch d.src[d.pos] {
		case ' ', '\t', '\n', '\r':
			d.pos++
		default:
			return
		}
	}
}

// describe names the character at off for an error message.
func (d *decoder) describe(off int) string {
	if off >= len(d.src) {
		return "end of input"
	}
	r, _ := utf8.DecodeRune(d.src[off:])
	if r == utf8.RuneError {
		return fmt.Sprintf("byte 0x%02x", d.src[off])
	}
	return strconv.QuoteRune(r)
}

// typographic returns the typographic quote at off and its byte length.
func (d *decoder) typographic(off int) (rune, int) {
	if off+3 <= len(d.src) && d.src[off] == 0xE2 && d.src[off+1] == 0x80 {
		switch d.src[off+2] {
		case 0x98, 0x99, 0x9C, 0x9D:
			r, n := utf8.DecodeRune(d.src[off:])
			return r, n
		}
	}
	return 0, 0
}

func (d *decoder) value(depth int) *Node {
	if depth > MaxDepth {
		d.fail(d.pos, d.pos+1, fmt.Sprintf("document nested deeper than %d levels", MaxDepth), "flatten the document; IAM policies nest only a few levels")
		return nil
	}
	if d.pos >= len(d.src) {
		d.fail(d.pos, d.pos, "unexpected end of input: expected a value", "complete the document; a closing bracket or brace may be missing")
		return nil
	}
	start := d.pos
	switch c := d.src[d.pos]; {
	case c == '{':
		return d.object(depth)
	case c == '[':
		return d.array(depth)
	case c == '"':
		s, ok := d.str()
		if !ok {
			return nil
		}
		return &Node{Kind: String, Span: d.span(start, d.pos), Text: s}
	case c == '-' || (c >= '0' && c <= '9'):
		return d.number()
	case c|0x20 >= 'a' && c|0x20 <= 'z':
		return d.literal()
	default:
		if _, n := d.typographic(d.pos); n > 0 {
			s, ok := d.str()
			if !ok {
				return nil
			}
			return &Node{Kind: String, Span: d.span(start, d.pos), Text: s}
		}
		d.fail(d.pos, d.pos+1, fmt.Sprintf("unexpected %s: expected a value", d.describe(d.pos)), "quote strings with straight double quotes (\")")
		return nil
	}
}

func (d *decoder) literal() *Node {
	start := d.pos
	for _, lit := range []string{"true", "false", "null"} {
		if strings.HasPrefix(string(d.src[d.pos:min(len(d.src), d.pos+5)]), lit) {
			d.pos += len(lit)
			n := &Node{Span: d.span(start, d.pos), Text: lit}
			switch lit {
			case "null":
				n.Kind, n.Text = Null, ""
			default:
				n.Kind = Bool
			}
			return n
		}
	}
	end := d.pos
	for end < len(d.src) && end-d.pos < 40 && isWordByte(d.src[end]) {
		end++
	}
	d.fail(start, max(end, start+1), fmt.Sprintf("invalid literal %q: strings need double quotes", string(d.src[start:max(end, start+1)])), "put the value in double quotes")
	return nil
}

func isWordByte(c byte) bool {
	return c == '_' || c == ':' || c == '-' || c == '*' || c == '.' || (c >= '0' && c <= '9') || (c|0x20 >= 'a' && c|0x20 <= 'z')
}

func (d *decoder) number() *Node {
	start := d.pos
	if d.src[d.pos] == '-' {
		d.pos++
	}
	digits := func() int {
		n := 0
		for d.pos < len(d.src) && d.src[d.pos] >= '0' && d.src[d.pos] <= '9' {
			d.pos++
			n++
		}
		return n
	}
	if digits() == 0 {
		d.fail(start, d.pos+1, "invalid number", "write a number such as 12 or 1.5")
		return nil
	}
	if d.pos < len(d.src) && d.src[d.pos] == '.' {
		d.pos++
		if digits() == 0 {
			d.fail(start, d.pos, "invalid number: digits expected after '.'", "write a number such as 1.5")
			return nil
		}
	}
	if d.pos < len(d.src) && (d.src[d.pos] == 'e' || d.src[d.pos] == 'E') {
		d.pos++
		if d.pos < len(d.src) && (d.src[d.pos] == '+' || d.src[d.pos] == '-') {
			d.pos++
		}
		if digits() == 0 {
			d.fail(start, d.pos, "invalid number: digits expected in the exponent", "write a number such as 1e3")
			return nil
		}
	}
	return &Node{Kind: Number, Span: d.span(start, d.pos), Text: string(d.src[start:d.pos])}
}

// str decodes a string at d.pos. It accepts a typographic opening or closing
// quote, reports it, and goes on.
func (d *decoder) str() (string, bool) {
	start := d.pos
	typoOpen, n := d.typographic(d.pos)
	if n > 0 {
		d.pos += n
	} else {
		d.pos++ // the opening "
	}
	var b strings.Builder
	simpleFrom := d.pos
	simple := true
	for {
		if d.pos >= len(d.src) {
			d.fail(start, start+1, "unterminated string", "close the string with a straight double quote (\")")
			return "", false
		}
		c := d.src[d.pos]
		if typoOpen != 0 {
			// A string opened with a typographic quote ends at the next quote
			// of any kind.
			if c == '"' {
				text := d.result(&b, simple, simpleFrom, d.pos)
				d.pos++
				d.reportTypo(start, d.pos, typoOpen, text)
				return text, true
			}
			if _, m := d.typographic(d.pos); m > 0 {
				text := d.result(&b, simple, simpleFrom, d.pos)
				d.pos += m
				d.reportTypo(start, d.pos, typoOpen, text)
				return text, true
			}
			if c == '\n' || c == '\r' {
				d.fail(start, start+len("“"), "unterminated string opened with a typographic quote", "use straight double quotes (\") around strings")
				return "", false
			}
		} else {
			if c == '"' {
				d.pos++
				return d.result(&b, simple, simpleFrom, d.pos-1), true
			}
			if r, m := d.typographic(d.pos); d.lenient && m > 0 && (r == '”' || r == '’') && d.closesHere(d.pos+m) {
				end := d.pos
				d.pos += m
				text := d.result(&b, simple, simpleFrom, end)
				d.report(ErrTypographicQuote, end, d.pos,
					fmt.Sprintf("typographic quote %c closes a string; JSON needs a straight double quote", r),
					fmt.Sprintf("replace %s with %s", string(d.src[start:d.pos]), strconv.Quote(text)))
				d.edit(`"`)
				return text, true
			}
		}
		switch {
		case c == '\\':
			if simple {
				b.Write(d.src[simpleFrom:d.pos])
				simple = false
			}
			if !d.escape(&b) {
				return "", false
			}
		case c < 0x20:
			d.fail(d.pos, d.pos+1, "control character in string", "escape it (\\n, \\t) or remove it")
			return "", false
		default:
			if !simple {
				b.WriteByte(c)
			}
			d.pos++
		}
	}
}

// closesHere reports whether only white space stands between off and a
// character that may follow a string.
func (d *decoder) closesHere(off int) bool {
	for off < len(d.src) {
		switch d.src[off] {
		case ' ', '\t':
			off++
		case ',', '}', ']', ':', '\n', '\r':
			return true
		default:
			return false
		}
	}
	return true
}

func (d *decoder) result(b *strings.Builder, simple bool, from, end int) string {
	if simple {
		return string(d.src[from:end])
	}
	return b.String()
}

func (d *decoder) reportTypo(start, end int, open rune, text string) {
	d.report(ErrTypographicQuote, start, end,
		fmt.Sprintf("typographic quote %c where JSON needs a straight double quote", open),
		fmt.Sprintf("replace %s with %s", string(d.src[start:end]), strconv.Quote(text)))
	d.edit(strconv.Quote(text))
}

// edit attaches a mechanical fix to the last problem reported.
func (d *decoder) edit(replacement string) {
	d.errs[len(d.errs)-1].Edit = &replacement
}

func (d *decoder) escape(b *strings.Builder) bool {
	start := d.pos
	d.pos++ // backslash
	if d.pos >= len(d.src) {
		d.fail(start, d.pos, "unterminated escape sequence", "complete or remove the backslash")
		return false
	}
	c := d.src[d.pos]
	d.pos++
	switch c {
	case '"', '\\', '/':
		b.WriteByte(c)
	case 'b':
		b.WriteByte('\b')
	case 'f':
		b.WriteByte('\f')
	case 'n':
		b.WriteByte('\n')
	case 'r':
		b.WriteByte('\r')
	case 't':
		b.WriteByte('\t')
	case 'u':
		r, ok := d.hex4()
		if !ok {
			d.fail(start, d.pos, "invalid \\u escape: four hex digits expected", "write \\u followed by four hex digits")
			return false
		}
		if utf16.IsSurrogate(r) {
			if d.pos+1 < len(d.src) && d.src[d.pos] == '\\' && d.src[d.pos+1] == 'u' {
				save := d.pos
				d.pos += 2
				r2, ok := d.hex4()
				if ok {
					if dec := utf16.DecodeRune(r, r2); dec != utf8.RuneError {
						b.WriteRune(dec)
						return true
					}
				}
				d.pos = save
			}
			r = utf8.RuneError
		}
		b.WriteRune(r)
	default:
		d.fail(start, d.pos, fmt.Sprintf("invalid escape \\%c", c), "escape only \" \\ / b f n r t u in JSON strings")
		return false
	}
	return true
}

func (d *decoder) hex4() (rune, bool) {
	if d.pos+4 > len(d.src) {
		return 0, false
	}
	v, err := strconv.ParseUint(string(d.src[d.pos:d.pos+4]), 16, 32)
	if err != nil {
		return 0, false
	}
	d.pos += 4
	return rune(v), true
}

func (d *decoder) array(depth int) *Node {
	start := d.pos
	d.pos++ // [
	n := &Node{Kind: Array}
	d.ws()
	if d.pos < len(d.src) && d.src[d.pos] == ']' {
		d.pos++
		n.Span = d.span(start, d.pos)
		return n
	}
	for {
		d.ws()
		d.path = append(d.path, len(n.Elems))
		e := d.value(depth + 1)
		d.path = d.path[:len(d.path)-1]
		if e == nil {
			return nil
		}
		n.Elems = append(n.Elems, e)
		done, ok := d.next(n, start, ']', "array", "element")
		if !ok {
			return nil
		}
		if done {
			return n
		}
	}
}

func (d *decoder) object(depth int) *Node {
	start := d.pos
	d.pos++ // {
	n := &Node{Kind: Object}
	d.ws()
	if d.pos < len(d.src) && d.src[d.pos] == '}' {
		d.pos++
		n.Span = d.span(start, d.pos)
		return n
	}
	var seen map[string]bool // built once the object is too large to scan
	for {
		d.ws()
		if d.pos >= len(d.src) {
			d.fail(start, start+1, "unterminated object", "close the object with }")
			return nil
		}
		keyStart := d.pos
		if _, m := d.typographic(d.pos); d.src[d.pos] != '"' && m == 0 {
			d.fail(d.pos, d.pos+1, fmt.Sprintf("unexpected %s: expected a quoted key", d.describe(d.pos)), "quote keys with straight double quotes (\")")
			return nil
		}
		key, ok := d.str()
		if !ok {
			return nil
		}
		keySpan := d.span(keyStart, d.pos)
		d.ws()
		if d.pos >= len(d.src) || d.src[d.pos] != ':' {
			d.fail(d.pos, d.pos+1, fmt.Sprintf("unexpected %s after key %q: expected :", d.describe(d.pos), key), "put a colon between the key and its value")
			return nil
		}
		d.pos++
		d.ws()
		d.path = append(d.path, key)
		v := d.value(depth + 1)
		d.path = d.path[:len(d.path)-1]
		if v == nil {
			return nil
		}
		if d.hasKey(n, seen, key) {
			d.errs = append(d.errs, &DecodeError{
				Kind: ErrDuplicateKey, Span: keySpan,
				Message: fmt.Sprintf("duplicate key %q: only the last one counts", key),
				Fix:     "merge the two entries into one",
				Path:    append(append([]PathElem(nil), d.path...), key),
			})
		}
		if len(n.Members) >= 16 {
			if seen == nil {
				seen = make(map[string]bool, 32)
				for _, m := range n.Members {
					seen[m.Key] = true
				}
			}
			seen[key] = true
		}
		n.Members = append(n.Members, Member{Key: key, KeySpan: keySpan, Value: v})
		done, ok := d.next(n, start, '}', "object", "member")
		if !ok {
			return nil
		}
		if done {
			return n
		}
	}
}

// next reads what follows an element of an array or a member of an
// object: a comma (reporting a trailing one, which IAM rejects) or the
// closing bracket. done is true once the container is closed; ok is false
// on a syntax error.
func (d *decoder) next(n *Node, start int, closer byte, kind, elem string) (done, ok bool) {
	d.ws()
	if d.pos >= len(d.src) {
		d.fail(start, start+1, "unterminated "+kind, fmt.Sprintf("close the %s with %c", kind, closer))
		return false, false
	}
	switch d.src[d.pos] {
	case ',':
		comma := d.pos
		d.pos++
		d.ws()
		if d.pos < len(d.src) && d.src[d.pos] == closer {
			d.report(ErrTrailingComma, comma, comma+1, fmt.Sprintf("trailing comma before %c", closer), "remove the comma after the last "+elem)
			d.edit("")
			d.pos++
			n.Span = d.span(start, d.pos)
			return true, true
		}
		return false, true
	case closer:
		d.pos++
		n.Span = d.span(start, d.pos)
		return true, true
	}
	d.fail(d.pos, d.pos+1, fmt.Sprintf("unexpected %s in %s: expected , or %c", d.describe(d.pos), kind, closer), "separate "+elem+"s with commas")
	return false, false
}

func (d *decoder) hasKey(n *Node, seen map[string]bool, key string) bool {
	if seen != nil {
		return seen[key]
	}
	for _, m := range n.Members {
		if m.Key == key {
			return true
		}
	}
	return false
}
