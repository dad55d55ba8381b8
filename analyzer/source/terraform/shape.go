package terraform

import (
	"bytes"
	"fmt"

	"github.com/seslint/seslint/analyzer/policy"
)

// maxHCLDepth bounds the nesting of braces, brackets, parentheses,
// template interpolations and template directives given to the HCL
// parser. The parser recurses at every level, and a Go stack overflow is
// fatal, not a panic that could be recovered: 100,000 nested brackets
// would end the process. Real configurations nest a dozen levels.
const maxHCLDepth = policy.MaxDepth

// maxHCLTokens bounds the tokens of one HCL file or template string. The
// parser builds a few hundred bytes per token: a 10 MB file of "1,1,1,…"
// would take gigabytes. A million tokens is about 4 MB of Terraform.
const maxHCLTokens = 1_000_000

// hclFrame is one open construct while shaping HCL text.
type hclFrame struct {
	kind   byte // 'e' expression, 'q' quoted template, 'h' heredoc, 't' bare template
	closer byte // of an expression opened by a bracket or an interpolation
	marker []byte
	// lineStart is set in a heredoc at the start of a line, where its
	// closing marker may stand.
	lineStart bool
}

// hclShape reads HCL text the way its lexer does — comments skipped,
// quoted strings and heredocs read as templates with their interpolations
// — without building anything, and returns an error placed where the text
// nests deeper than maxHCLDepth or holds more than maxHCLTokens tokens.
// template is true for a bare template (a *.tf.json string), false for a
// configuration file.
func hclShape(src []byte, template bool) *policy.DecodeError {
	stack := []hclFrame{{kind: 'e'}}
	if template {
		stack[0].kind = 't'
	}
	tokens, directives := 0, 0
	push := func(f hclFrame) { stack = append(stack, f) }
	for i := 0; i < len(src); {
		top := &stack[len(stack)-1]
		start := i
		switch top.kind {
		case 'e':
			i = hclExprStep(src, i, top, &tokens, push, func() { stack = stack[:len(stack)-1] })
		default:
			i = hclTemplateStep(src, i, top, &tokens, &directives, push, func() { stack = stack[:len(stack)-1] })
		}
		if len(stack)-1+directives > maxHCLDepth {
			return shapeError(start, fmt.Sprintf("nested deeper than %d levels", maxHCLDepth))
		}
		if tokens > maxHCLTokens {
			return shapeError(start, fmt.Sprintf("more than %d tokens", maxHCLTokens))
		}
	}
	return nil
}

func shapeError(off int, what string) *policy.DecodeError {
	return &policy.DecodeError{
		Kind: policy.ErrFileSyntax, Span: policy.Span{Start: off, End: off + 1},
		Message: "HCL: not parsed: the text is " + what,
		Fix:     "split the configuration; seslint does not parse HCL this large or this deeply nested",
	}
}

// hclExprStep reads one token of an expression at src[i] and returns
// where the next one starts.
func hclExprStep(src []byte, i int, top *hclFrame, tokens *int, push func(hclFrame), pop func()) int {
	c := src[i]
	next := byte(0)
	if i+1 < len(src) {
		next = src[i+1]
	}
	switch {
	case c == ' ' || c == '\t' || c == '\r':
		return i + 1
	case c == '#' || (c == '/' && next == '/'):
		for i < len(src) && src[i] != '\n' {
			i++
		}
		return i
	case c == '/' && next == '*':
		if j := bytes.Index(src[i+2:], []byte("*/")); j >= 0 {
			return i + 2 + j + 2
		}
		return len(src)
	case c == '"':
		*tokens++
		push(hclFrame{kind: 'q'})
		return i + 1
	case c == '<' && next == '<':
		if marker, body := heredocStart(src, i); body > 0 {
			*tokens++
			push(hclFrame{kind: 'h', marker: marker, lineStart: true})
			return body
		}
	case c == '{' || c == '[' || c == '(':
		*tokens++
		push(hclFrame{kind: 'e', closer: map[byte]byte{'{': '}', '[': ']', '(': ')'}[c]})
		return i + 1
	case c == '}' || c == ']' || c == ')':
		*tokens++
		if top.closer == c {
			pop()
		}
		return i + 1
	case isIdentStart(c):
		*tokens++
		for i < len(src) && isIdentByte(src[i]) {
			i++
		}
		return i
	case c >= '0' && c <= '9':
		*tokens++
		return numberEnd(src, i)
	}
	*tokens++
	return i + 1
}

// hclTemplateStep reads template text at src[i] (a quoted string, a
// heredoc or a bare template) up to and including the next construct.
func hclTemplateStep(src []byte, i int, top *hclFrame, tokens, directives *int, push func(hclFrame), pop func()) int {
	if top.kind == 'h' && top.lineStart {
		top.lineStart = false
		j := i
		for j < len(src) && (src[j] == ' ' || src[j] == '\t') {
			j++
		}
		if bytes.HasPrefix(src[j:], top.marker) {
			k := j + len(top.marker)
			if k == len(src) || src[k] == '\n' || src[k] == '\r' {
				pop()
				return k
			}
		}
	}
	*tokens++ // the literal text up to here
	for i < len(src) {
		c := src[i]
		switch {
		case c == '\\' && top.kind == 'q':
			i += 2
			continue
		case c == '"' && top.kind == 'q':
			pop()
			return i + 1
		case c == '\n':
			if top.kind == 'q' {
				// HCL reports the unterminated string; stop reading it.
				pop()
				return i + 1
			}
			if top.kind == 'h' {
				top.lineStart = true
				return i + 1
			}
		case (c == '$' || c == '%') && i+2 < len(src) && src[i+1] == c && src[i+2] == '{':
			i += 3 // $${ and %%{ are literal text
			continue
		case (c == '$' || c == '%') && i+1 < len(src) && src[i+1] == '{':
			*tokens++
			if c == '%' {
				*directives = max(0, *directives+directiveNesting(src[i+2:]))
			}
			push(hclFrame{kind: 'e', closer: '}'})
			return i + 2
		}
		i++
	}
	return i
}

// directiveNesting is +1 for a template directive that opens a block
// (%{ if …}, %{ for …}), -1 for one that closes it, 0 otherwise.
func directiveNesting(rest []byte) int {
	rest = bytes.TrimLeft(rest, "~ \t\r\n")
	word := rest
	for j, c := range rest {
		if !isIdentByte(c) {
			word = rest[:j]
			break
		}
	}
	switch string(word) {
	case "if", "for":
		return 1
	case "endif", "endfor":
		return -1
	}
	return 0
}

// heredocStart reads "<<MARKER\n" or "<<-MARKER\n" at src[i] and returns
// the marker and the offset of the heredoc's first line (0 if it is not
// a heredoc).
func heredocStart(src []byte, i int) ([]byte, int) {
	j := i + 2
	if j < len(src) && src[j] == '-' {
		j++
	}
	k := j
	for k < len(src) && isIdentByte(src[k]) {
		k++
	}
	if k == j {
		return nil, 0
	}
	marker := src[j:k]
	if k < len(src) && src[k] == '\r' {
		k++
	}
	if k >= len(src) || src[k] != '\n' {
		return nil, 0
	}
	return marker, k + 1
}

// numberEnd returns the end of the number at src[i], read as HCL reads
// one: digits, an optional fraction and an optional exponent.
func numberEnd(src []byte, i int) int {
	digits := func() {
		for i < len(src) && src[i] >= '0' && src[i] <= '9' {
			i++
		}
	}
	digits()
	if i+1 < len(src) && src[i] == '.' && src[i+1] >= '0' && src[i+1] <= '9' {
		i++
		digits()
	}
	if i < len(src) && (src[i] == 'e' || src[i] == 'E') {
		j := i + 1
		if j < len(src) && (src[j] == '+' || src[j] == '-') {
			j++
		}
		if j < len(src) && src[j] >= '0' && src[j] <= '9' {
			i = j
			digits()
		}
	}
	return i
}

// isIdentStart and isIdentByte are HCL's identifier characters (any
// non-ASCII byte counts as a letter here).
func isIdentStart(c byte) bool {
	return c == '_' || (c|0x20 >= 'a' && c|0x20 <= 'z') || c >= 0x80
}

func isIdentByte(c byte) bool {
	return isIdentStart(c) || c == '-' || (c >= '0' && c <= '9')
}
