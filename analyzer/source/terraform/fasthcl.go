package terraform

import (
	"bytes"
	"fmt"
	"strings"

	"github.com/hashicorp/hcl/v2"

	"github.com/seslint/seslint/analyzer/policy"
)

// The fast path reads the HCL that Terraform modules are mostly written
// in — blocks, attributes one to a line, quoted strings whose
// interpolations are expressions of this subset, integers, true, false,
// null, references, function calls, lists, objects, comparisons,
// arithmetic, logic and conditionals — into the blocks parseHCL builds
// from hclsyntax's tree, several times faster than hclsyntax (which spends
// much of its time computing columns seslint does not use).
//
// It never decides what a file means on its own: anything else — heredocs,
// escapes, template directives, for expressions, splats, index
// expressions, fractions and exponents, block comments, several
// attributes on a line, a redefined attribute, carriage returns, non-ASCII
// text, anything it does not recognise — makes it give up, and hclsyntax
// parses the file, reporting its errors. Whenever it answers, hclsyntax
// gives the same blocks (FuzzFastHCL and the tests over the fixtures and
// the real-world corpus check it).
type fastHCL struct {
	f   *policy.File
	src []byte
	i   int
}

// fexpr is an expression the fast path read.
type fexpr struct {
	kind       fkind
	start, end int
	// text is a literal's text, a traversal's string (traversalString), a
	// function's name.
	text  string
	parts []*fexpr // a template's parts: text (kind fText, start/end) and interpolations
	elems []*fexpr // a tuple's elements, a call's arguments, an object's keys and values in turn
	inner *fexpr   // what parentheses or a lone interpolation wrap
	lit   policy.Kind
	// heredoc is set for a heredoc template, indent to the indentation
	// a flush heredoc strips.
	heredoc bool
	indent  int
}

type fkind int

const (
	fOther     fkind = iota // anything else: symbolic
	fLiteral                // a number, true, false, null, or a template's literal part
	fTemplate               // a quoted string
	fWrap                   // a quoted string that is one interpolation
	fTraversal              // a reference
	fCall
	fTuple
	fObject
	fParen
	fText // literal text of a template
)

// fblock is a block the fast path read.
type fblock struct {
	typ        string
	labels     []string
	start, end int
	attrs      map[string]*fattr
	blocks     []*fblock
}

type fattr struct {
	nameStart, nameEnd int
	expr               *fexpr
}

// fastDepth bounds nesting on the fast path.
const fastDepth = 32

type hclGiveUp struct{}

func (p *fastHCL) giveUp() { panic(hclGiveUp{}) }

// parseFastHCL returns the blocks of a .tf file as parseHCL does through
// hclsyntax, and ok false when the file is outside the fast path's subset.
func parseFastHCL(f *policy.File) (out []*block, ok bool) {
	for _, c := range f.Content {
		if c >= 0x7f || (c < ' ' && c != '\n' && c != '\t') {
			return nil, false
		}
	}
	p := &fastHCL{f: f, src: f.Content}
	defer func() {
		if r := recover(); r != nil {
			if _, is := r.(hclGiveUp); !is {
				panic(r)
			}
			out, ok = nil, false
		}
	}()
	_, blocks := p.body(0)
	for _, b := range blocks {
		switch b.typ {
		case "resource", "data":
			if len(b.labels) == 2 {
				out = append(out, p.convertBlock(b, b.typ, b.labels[0], b.labels[1]))
			}
		case "provider":
			if len(b.labels) == 1 {
				out = append(out, p.convertBlock(b, "provider", b.labels[0], ""))
			}
		}
	}
	return out, true
}

func (p *fastHCL) at(i int) byte {
	if i >= len(p.src) {
		return 0
	}
	return p.src[i]
}

// spaces skips spaces and tabs.
func (p *fastHCL) spaces() {
	for p.i < len(p.src) && (p.src[p.i] == ' ' || p.src[p.i] == '\t') {
		p.i++
	}
}

// comment skips a line comment at p.i, up to its line break, and reports
// whether there was one.
func (p *fastHCL) comment() bool {
	c := p.at(p.i)
	if c == '/' && p.at(p.i+1) == '*' {
		p.giveUp()
	}
	if c != '#' && !(c == '/' && p.at(p.i+1) == '/') {
		return false
	}
	for p.i < len(p.src) && p.src[p.i] != '\n' {
		p.i++
	}
	return true
}

// blanks skips spaces, line breaks and comments.
func (p *fastHCL) blanks() {
	for {
		p.spaces()
		if p.comment() {
			continue
		}
		if p.at(p.i) != '\n' {
			return
		}
		p.i++
	}
}

// lineEnd checks that only spaces and a comment follow, up to a line
// break or the end of the text, and moves past it.
func (p *fastHCL) lineEnd() {
	p.spaces()
	p.comment()
	switch {
	case p.i == len(p.src):
	case p.src[p.i] == '\n':
		p.i++
	default:
		p.giveUp()
	}
}

// quotedText reads a quoted string at p.i that holds neither escapes nor
// interpolations (a block label, an index key) and returns its text.
func (p *fastHCL) quotedText() string {
	s := p.i + 1
	for p.i++; p.at(p.i) != '"'; p.i++ {
		if c := p.at(p.i); c == '\\' || c == '\n' || c == 0 || (c == '{' && (p.at(p.i-1) == '$' || p.at(p.i-1) == '%')) {
			p.giveUp()
		}
	}
	p.i++
	return string(p.src[s : p.i-1])
}

// ident reads an identifier at p.i, or returns "".
func (p *fastHCL) ident() string {
	if !isIdentStart(p.at(p.i)) {
		return ""
	}
	s := p.i
	for p.i < len(p.src) && isIdentByte(p.src[p.i]) {
		p.i++
	}
	return string(p.src[s:p.i])
}

// body reads attributes and blocks up to the "}" closing the body (left
// at p.i) or, at depth 0, the end of the text.
func (p *fastHCL) body(depth int) (map[string]*fattr, []*fblock) {
	if depth > fastDepth {
		p.giveUp()
	}
	attrs := map[string]*fattr{}
	var blocks []*fblock
	for {
		p.blanks()
		if p.i == len(p.src) {
			if depth > 0 {
				p.giveUp()
			}
			return attrs, blocks
		}
		if p.src[p.i] == '}' {
			if depth == 0 {
				p.giveUp()
			}
			return attrs, blocks
		}
		start := p.i
		name := p.ident()
		if name == "" {
			p.giveUp()
		}
		end := p.i
		p.spaces()
		if p.at(p.i) == '=' && p.at(p.i+1) != '=' {
			p.i++
			p.spaces()
			if _, dup := attrs[name]; dup {
				p.giveUp() // an error: hclsyntax reports it
			}
			attrs[name] = &fattr{nameStart: start, nameEnd: end, expr: p.expr(0)}
			p.lineEnd()
			continue
		}
		b := &fblock{typ: name, start: start}
		for p.at(p.i) != '{' {
			switch {
			case p.at(p.i) == '"':
				b.labels = append(b.labels, p.quotedText())
			case isIdentStart(p.at(p.i)):
				b.labels = append(b.labels, p.ident())
			default:
				p.giveUp()
			}
			p.spaces()
		}
		p.i++ // {
		p.spaces()
		if p.at(p.i) == '}' {
			b.attrs = map[string]*fattr{}
		} else {
			p.lineEnd()
			b.attrs, b.blocks = p.body(depth + 1)
		}
		p.i++ // }
		b.end = p.i
		for n := range b.attrs {
			for _, nb := range b.blocks {
				if nb.typ == n {
					p.giveUp()
				}
			}
		}
		blocks = append(blocks, b)
		p.lineEnd()
	}
}

// isBinary returns the length of the binary operator at p.i, or 0.
func (p *fastHCL) isBinary() int {
	c, d := p.at(p.i), p.at(p.i+1)
	switch {
	case (c == '=' || c == '!' || c == '<' || c == '>') && d == '=', c == '&' && d == '&', c == '|' && d == '|':
		return 2
	case c == '<' || c == '>' || c == '+' || c == '-' || c == '*' || c == '/' || c == '%':
		if c == '/' && (d == '/' || d == '*') {
			return 0 // a comment
		}
		return 1
	}
	return 0
}

// expr reads an expression on one line: operands joined by binary
// operators, and a conditional.
func (p *fastHCL) expr(depth int) *fexpr {
	if depth > fastDepth {
		p.giveUp()
	}
	e := p.unary(depth)
	for {
		p.spaces()
		n := p.isBinary()
		if n == 0 {
			break
		}
		p.i += n
		p.spaces()
		r := p.unary(depth)
		e = &fexpr{kind: fOther, start: e.start, end: r.end}
	}
	if p.at(p.i) == '?' {
		p.i++
		p.spaces()
		p.expr(depth + 1)
		p.spaces()
		if p.at(p.i) != ':' {
			p.giveUp()
		}
		p.i++
		p.spaces()
		r := p.expr(depth + 1)
		e = &fexpr{kind: fOther, start: e.start, end: r.end}
	}
	return e
}

func (p *fastHCL) unary(depth int) *fexpr {
	if c := p.at(p.i); c == '!' || c == '-' {
		s := p.i
		p.i++
		p.spaces()
		r := p.unary(depth + 1)
		return &fexpr{kind: fOther, start: s, end: r.end}
	}
	e := p.term(depth)
	if c := p.at(p.i); c == '.' || c == '[' {
		p.giveUp() // an attribute or index of something other than a name
	}
	return e
}

// term reads an operand.
func (p *fastHCL) term(depth int) *fexpr {
	if depth > fastDepth {
		p.giveUp()
	}
	s := p.i
	switch c := p.at(p.i); {
	case c == '"':
		return p.template(depth)
	case c == '<' && p.at(p.i+1) == '<' && depth == 0:
		return p.heredoc()
	case c == '[':
		return p.tuple(depth)
	case c == '{':
		return p.object(depth)
	case c == '(':
		p.i++
		p.blanks()
		in := p.expr(depth + 1)
		p.blanks()
		if p.at(p.i) != ')' {
			p.giveUp()
		}
		p.i++
		return &fexpr{kind: fParen, start: s, end: p.i, inner: in}
	case c >= '0' && c <= '9':
		for p.i < len(p.src) && p.src[p.i] >= '0' && p.src[p.i] <= '9' {
			p.i++
		}
		if isIdentByte(p.at(p.i)) || p.at(p.i) == '.' || (c == '0' && p.i-s > 1) || p.i-s > 18 {
			p.giveUp() // fractions, exponents, leading zeros, big numbers
		}
		return &fexpr{kind: fLiteral, lit: policy.Number, start: s, end: p.i, text: string(p.src[s:p.i])}
	case isIdentStart(c):
		name := p.ident()
		if p.at(p.i) == '(' {
			return p.call(depth, s, name)
		}
		switch name {
		case "true", "false":
			return &fexpr{kind: fLiteral, lit: policy.Bool, start: s, end: p.i, text: name}
		case "null":
			return &fexpr{kind: fLiteral, lit: policy.Null, start: s, end: p.i}
		case "for", "if", "in", "endfor", "endif":
			p.giveUp()
		}
		return p.traversal(depth, s, name)
	}
	p.giveUp()
	return nil
}

// traversal reads the steps of a reference after its root name. An
// index that is not a literal makes it an expression Terraform evaluates
// (hclsyntax's IndexExpr or RelativeTraversalExpr).
func (p *fastHCL) traversal(depth, s int, root string) *fexpr {
	var b strings.Builder
	b.WriteString(root)
	kind := fTraversal
	for {
		switch p.at(p.i) {
		case '.':
			p.i++
			name := p.ident()
			if name == "" {
				p.giveUp() // .0, .*
			}
			b.WriteString("." + name)
			continue
		case '[':
			p.i++
			switch c := p.at(p.i); {
			case c >= '1' && c <= '9' || c == '0' && p.at(p.i+1) == ']':
				ns := p.i
				for p.i < len(p.src) && p.src[p.i] >= '0' && p.src[p.i] <= '9' {
					p.i++
				}
				if p.i-ns > 18 {
					p.giveUp()
				}
				b.WriteString("[" + string(p.src[ns:p.i]) + "]")
			case c == '"':
				fmt.Fprintf(&b, "[%q]", p.quotedText())
			case c == '*':
				p.giveUp() // splats
			default:
				p.spaces()
				if k := p.expr(depth + 1); k.kind == fLiteral || k.kind == fTemplate {
					p.giveUp() // a literal index hclsyntax may read as a step
				}
				p.spaces()
				kind = fOther
			}
			if p.at(p.i) != ']' {
				p.giveUp()
			}
			p.i++
			continue
		}
		return &fexpr{kind: kind, start: s, end: p.i, text: b.String()}
	}
}

// list reads the expressions after an opening bracket or parenthesis,
// separated by commas, up to closer, and moves past it. A trailing comma
// is read only where trailing is set. A for expression is left to
// hclsyntax by term, which gives up on the keyword.
func (p *fastHCL) list(depth int, closer byte, trailing bool) []*fexpr {
	var out []*fexpr
	p.i++
	p.blanks()
	for p.at(p.i) != closer {
		out = append(out, p.expr(depth+1))
		p.blanks()
		switch p.at(p.i) {
		case ',':
			p.i++
			p.blanks()
			if !trailing && p.at(p.i) == closer {
				p.giveUp()
			}
		case closer:
		default:
			p.giveUp() // "...", or anything else
		}
	}
	p.i++
	return out
}

// call reads a function call's arguments.
func (p *fastHCL) call(depth, s int, name string) *fexpr {
	e := &fexpr{kind: fCall, start: s, text: name, elems: p.list(depth, ')', false)}
	e.end = p.i
	return e
}

func (p *fastHCL) tuple(depth int) *fexpr {
	e := &fexpr{kind: fTuple, start: p.i}
	e.elems = p.list(depth, ']', true)
	e.end = p.i
	return e
}

func (p *fastHCL) object(depth int) *fexpr {
	e := &fexpr{kind: fObject, start: p.i}
	p.i++
	p.blanks()
	for p.at(p.i) != '}' {
		var k *fexpr
		switch c := p.at(p.i); {
		case c == '"':
			k = p.template(depth + 1)
			if k.kind != fTemplate {
				p.giveUp()
			}
		case isIdentStart(c):
			s := p.i
			name := p.ident()
			switch name {
			case "true", "false", "null", "for", "if", "in":
				p.giveUp()
			}
			k = &fexpr{kind: fTraversal, start: s, end: p.i, text: name}
		default:
			p.giveUp()
		}
		p.spaces()
		if c := p.at(p.i); (c != '=' && c != ':') || p.at(p.i+1) == '=' {
			p.giveUp()
		}
		p.i++
		p.spaces()
		e.elems = append(e.elems, k, p.expr(depth+1))
		p.spaces()
		switch p.at(p.i) {
		case ',':
			p.i++
		case '}', '\n', '#', '/':
		default:
			p.giveUp()
		}
		p.blanks()
	}
	p.i++
	e.end = p.i
	return e
}

// template reads a quoted string: literal text and ${...}
// interpolations.
func (p *fastHCL) template(depth int) *fexpr {
	e := &fexpr{kind: fTemplate, start: p.i}
	p.i++
	lit := p.i
	for {
		at := p.i
		switch c := p.at(p.i); {
		case c == '"':
			if p.i > lit {
				e.parts = append(e.parts, &fexpr{kind: fText, start: lit, end: p.i})
			}
			p.i++
			e.end = p.i
			if len(e.parts) == 1 && e.parts[0].kind != fText {
				return &fexpr{kind: fWrap, start: e.start, end: e.end, inner: e.parts[0]}
			}
			return e
		case c == '\\' || c == '\n' || c == 0:
			p.giveUp()
		default:
			in := p.interp(depth)
			if in == nil {
				p.i++
				continue
			}
			if at > lit {
				e.parts = append(e.parts, &fexpr{kind: fText, start: lit, end: at})
			}
			e.parts = append(e.parts, in)
			lit = p.i
		}
	}
}

// interp reads the interpolation at p.i, returning its expression with
// p.i after its "}", or returns nil when none starts there. Directives
// (%{), strip markers (${~) and the $${ and %%{ escapes are left to
// hclsyntax.
func (p *fastHCL) interp(depth int) *fexpr {
	c := p.at(p.i)
	if c != '$' && c != '%' {
		return nil
	}
	switch p.at(p.i + 1) {
	case c:
		p.giveUp()
	case '{':
		if c == '%' || p.at(p.i+2) == '~' {
			p.giveUp()
		}
		p.i += 2
		p.spaces()
		in := p.expr(depth + 1)
		p.spaces()
		if p.at(p.i) != '}' {
			p.giveUp()
		}
		p.i++
		return in
	}
	return nil
}

// heredoc reads a heredoc (<<MARKER or <<-MARKER) that is an attribute's
// whole value. Interpolations are expressions of the subset; a flush
// heredoc (<<-) must be indented with spaces, hold no blank line, and have
// no interpolation at the start of a line.
func (p *fastHCL) heredoc() *fexpr {
	e := &fexpr{kind: fTemplate, start: p.i, heredoc: true}
	p.i += 2
	flush := p.at(p.i) == '-'
	if flush {
		p.i++
	}
	marker := p.ident()
	if marker == "" || p.at(p.i) != '\n' {
		p.giveUp()
	}
	p.i++
	// The lines of the body, up to the closing marker.
	body := p.i
	var lines [][2]int
	for {
		ls := p.i
		le := ls
		for le < len(p.src) && p.src[le] != '\n' {
			le++
		}
		if le == len(p.src) {
			p.giveUp() // no closing marker
		}
		t, te := ls, le
		for t < le && (p.src[t] == ' ' || p.src[t] == '\t') {
			t++
		}
		for te > t && (p.src[te-1] == ' ' || p.src[te-1] == '\t') {
			te--
		}
		if string(p.src[t:te]) == marker {
			// hclsyntax closes any heredoc on an indented marker.
			if te != le || (t != ls && !flush) || bytes.IndexByte(p.src[ls:t], '\t') >= 0 {
				p.giveUp()
			}
			p.i = le
			e.end = le
			break
		}
		lines = append(lines, [2]int{ls, le})
		p.i = le + 1
	}
	if len(lines) == 0 {
		p.giveUp()
	}
	indent := 0
	if flush {
		indent = -1
		for _, l := range lines {
			t := l[0]
			for t < l[1] && p.src[t] == ' ' {
				t++
			}
			if t == l[1] || p.src[t] == '\t' || (p.src[t] == '$' && p.at(t+1) == '{') {
				p.giveUp() // blank lines, tabs, interpolations at a line start
			}
			if indent < 0 || t-l[0] < indent {
				indent = t - l[0]
			}
		}
	}
	e.indent = indent
	// The parts: text runs (their value drops each line's indentation)
	// and interpolations.
	lit := body + indent
	for p.i = lit; p.i < e.end; {
		at := p.i
		if p.src[at] == '\n' {
			p.i++
			if p.i < lines[len(lines)-1][1]+1 {
				p.i += indent
			}
			continue
		}
		in := p.interp(0)
		if in == nil {
			p.i++
			continue
		}
		if p.i > e.end {
			p.giveUp() // an interpolation past the closing marker
		}
		if at > lit {
			e.parts = append(e.parts, &fexpr{kind: fText, start: lit, end: at})
		}
		e.parts = append(e.parts, in)
		lit = p.i
	}
	last := lines[len(lines)-1][1] + 1 // after the last line's break
	if last > lit {
		e.parts = append(e.parts, &fexpr{kind: fText, start: lit, end: last})
	}
	p.i = e.end
	return e
}

// text is the value of a template's text part: the source, less the
// indentation a flush heredoc strips from each line.
func (p *fastHCL) text(e, part *fexpr) string {
	if e.indent == 0 {
		return string(p.src[part.start:part.end])
	}
	var b strings.Builder
	for i := part.start; i < part.end; i++ {
		b.WriteByte(p.src[i])
		if p.src[i] == '\n' && i+1 < part.end {
			i += e.indent
		}
	}
	return b.String()
}

func (p *fastHCL) span(e *fexpr) policy.Span { return policy.Span{Start: e.start, End: e.end} }

func byteRange(s, e int) hcl.Range {
	return hcl.Range{Start: hcl.Pos{Byte: s}, End: hcl.Pos{Byte: e}}
}

// convertBlock is convertBlock for a block the fast path read.
func (p *fastHCL) convertBlock(b *fblock, kind, typ, name string) *block {
	out := &block{kind: kind, typ: typ, name: name, file: p.f, attrs: map[string]*value{}, blocks: map[string][]*block{}, span: policy.Span{Start: b.start, End: b.end}}
	for n, a := range b.attrs {
		v := p.convertExpr(a.expr)
		v.keySpan = policy.Span{Start: a.nameStart, End: a.nameEnd}
		out.attrs[n] = v
	}
	for _, nb := range b.blocks {
		if nb.typ == "dynamic" {
			continue
		}
		out.blocks[nb.typ] = append(out.blocks[nb.typ], p.convertBlock(nb, nb.typ, "", ""))
	}
	return out
}

// convertExpr is convertExpr for an expression the fast path read.
func (p *fastHCL) convertExpr(e *fexpr) *value {
	v := &value{}
	switch e.kind {
	case fTraversal:
		v.ref = e.text
	case fWrap:
		if e.inner.kind == fTraversal {
			v.ref = e.inner.text
		}
	case fCall:
		v.jsonencode = e.text == "jsonencode" && len(e.elems) == 1
	case fTemplate:
		v.text, v.offsets = p.templateText(e)
		v.isText = true
	case fTuple:
		for _, el := range e.elems {
			if el.kind == fTraversal {
				v.refs = append(v.refs, el.text)
			}
		}
	}
	if v.jsonencode {
		v.node = p.node(e.elems[0])
	} else {
		v.node = p.node(e)
	}
	return v
}

// node is exprNode for an expression the fast path read.
func (p *fastHCL) node(e *fexpr) *policy.Node {
	span := p.span(e)
	switch e.kind {
	case fLiteral:
		return &policy.Node{Kind: e.lit, Span: span, Text: e.text}
	case fTemplate:
		text, _ := p.templateText(e)
		return &policy.Node{Kind: policy.String, Span: span, Text: text}
	case fWrap:
		return symbolicNode(p.f, byteRange(e.inner.start, e.inner.end), span)
	case fObject:
		n := &policy.Node{Kind: policy.Object, Span: span}
		for i := 0; i+1 < len(e.elems); i += 2 {
			k, val := e.elems[i], e.elems[i+1]
			key := k.text
			if k.kind == fTemplate {
				key, _ = p.templateText(k)
			}
			n.Members = append(n.Members, policy.Member{Key: key, KeySpan: p.span(k), Value: p.node(val)})
		}
		return n
	case fTuple:
		n := &policy.Node{Kind: policy.Array, Span: span}
		for _, el := range e.elems {
			n.Elems = append(n.Elems, p.node(el))
		}
		return n
	case fParen:
		return p.node(e.inner)
	}
	return symbolicNode(p.f, byteRange(e.start, e.end), span)
}

// templateText is templateText for a quoted string the fast path read,
// which holds no escapes.
func (p *fastHCL) templateText(e *fexpr) (string, []int) {
	var b strings.Builder
	var offs []int
	for _, part := range e.parts {
		if part.kind == fText {
			s := p.text(e, part)
			o := policy.AlignOffsets(p.src, part.start, part.end, s, !e.heredoc)
			b.WriteString(s)
			offs = append(offs, o[:len(s)]...)
			continue
		}
		ph := symbolicNode(p.f, byteRange(part.start, part.end), p.span(part)).Text
		b.WriteString(ph)
		for range ph {
			offs = append(offs, part.start)
		}
	}
	return b.String(), append(offs, e.end)
}
