package cfn

import (
	"strconv"
	"strings"
	"time"

	"gopkg.in/yaml.v3"
)

// fastYAML reads the YAML that templates are written in into the node tree
// yaml.v3 builds for it, several times faster than yaml.v3: block mappings
// and sequences (compact and indentless ones too), flow collections on one
// line, plain and quoted scalars on one line, literal and folded block
// scalars, comments, and CloudFormation's short-form tags.
//
// It never decides what a file means on its own: text outside that subset
// — anchors and aliases, merge keys, escapes, scalars or flow collections
// over several lines, empty values, tabs, carriage returns, non-ASCII text,
// several documents, anything it does not recognise — makes it give up
// (parseFastYAML returns nil), and yaml.v3 parses the file. Whenever it
// answers, yaml.v3 gives the same tree (FuzzFastYAML and the tests over
// every template of the fixtures and the real-world corpus check it).
type fastYAML struct {
	src  []byte
	text string // src as a string: values are substrings of it
	i    int    // the current offset
	line int    // the current line, 1-based
	ls   int    // where the current line starts
	// resolved holds the tags yaml.v3 gave the plain scalars this parser
	// asked it about.
	resolved map[string]string
	// started is set once past the document's start: a "---" or "..."
	// line after it begins or ends a document.
	started bool
	// nodes and kids are allocated in blocks, and children gathered on
	// stack before their collection takes them.
	nodes []yaml.Node
	kids  []*yaml.Node
	stack []*yaml.Node
}

// node returns a new node.
func (p *fastYAML) node(kind yaml.Kind, tag string, style yaml.Style, value string, line, col int) *yaml.Node {
	if len(p.nodes) == cap(p.nodes) {
		// About a node for every 16 bytes of a template, at first.
		p.nodes = make([]yaml.Node, 0, min(256, 8+len(p.src)/16))
	}
	p.nodes = append(p.nodes, yaml.Node{Kind: kind, Tag: tag, Style: style, Value: value, Line: line, Column: col})
	return &p.nodes[len(p.nodes)-1]
}

// children gives a collection the nodes pushed on the stack since mark.
func (p *fastYAML) children(n *yaml.Node, mark int) {
	c := p.stack[mark:]
	if len(c) > cap(p.kids)-len(p.kids) {
		p.kids = make([]*yaml.Node, 0, max(min(1024, 8+len(p.src)/16), len(c)))
	}
	k := len(p.kids)
	p.kids = append(p.kids, c...)
	n.Content = p.kids[k:len(p.kids):len(p.kids)]
	clear(c)
	p.stack = p.stack[:mark]
}

// fastMaxDepth bounds nesting on the fast path; deeper text is left to
// yaml.v3 and convert, which report it.
const fastMaxDepth = 64

// maxKeyReach bounds how far after a mapping key's start its ":" may be.
// YAML lets an implicit key reach 1024 characters and yaml.v3 rejects
// longer ones, counting the spaces before the ":"; the fast path leaves
// anything near that limit to yaml.v3.
const maxKeyReach = 512

// giveUp is the panic value that abandons the fast path.
type giveUp struct{}

func (p *fastYAML) giveUp() { panic(giveUp{}) }

// parseFastYAML returns the document node of src as yaml.v3 would, or nil
// when src is outside the subset the fast path reads.
func parseFastYAML(src []byte) (doc *yaml.Node) {
	for _, c := range src {
		if c >= 0x7f || (c < ' ' && c != '\n') {
			return nil // tabs, CR, control characters, non-ASCII text
		}
	}
	p := &fastYAML{src: src, text: string(src), line: 1}
	defer func() {
		if r := recover(); r != nil {
			if _, ok := r.(giveUp); !ok {
				panic(r)
			}
			doc = nil
		}
	}()
	ind := p.skipBlank()
	if ind == 0 && p.marker(p.i) {
		if src[p.i] == '.' || p.at(p.i+3) != '\n' {
			p.giveUp() // content or a comment on the document start line
		}
		p.i += 3
		p.restOfLine()
	}
	p.started = true
	ind = p.skipBlank()
	if ind < 0 || src[p.i] == '%' {
		p.giveUp()
	}
	root := p.blockNode(ind, -1, 0)
	if p.skipBlank() >= 0 {
		p.giveUp() // a less indented line, a second document, "..."
	}
	return &yaml.Node{Kind: yaml.DocumentNode, Line: root.Line, Column: root.Column, Content: []*yaml.Node{root}}
}

func (p *fastYAML) at(i int) byte {
	if i >= len(p.src) {
		return '\n'
	}
	return p.src[i]
}

// blank reports whether the byte at i ends a token: a space, a line end
// or the end of the text.
func (p *fastYAML) blank(i int) bool {
	c := p.at(i)
	return c == ' ' || c == '\n'
}

func (p *fastYAML) col() int { return p.i - p.ls + 1 }

// marker reports whether a document marker ("---" or "...") is at i.
func (p *fastYAML) marker(i int) bool {
	if i+3 > len(p.src) || !p.blank(i+3) {
		return false
	}
	m := string(p.src[i : i+3])
	return m == "---" || m == "..."
}

// nextLine moves to the start of the line after the one holding p.i.
func (p *fastYAML) nextLine() {
	for p.i < len(p.src) && p.src[p.i] != '\n' {
		p.i++
	}
	if p.i < len(p.src) {
		p.i++
		p.line++
	}
	p.ls = p.i // at the end of the text, an empty last line
}

// skipBlank moves past blank and comment lines, from the start of the
// current line, to the first character of the next content line and
// returns its indentation, or -1 at the end of the text.
func (p *fastYAML) skipBlank() int {
	p.i = p.ls
	for {
		j := p.i
		for j < len(p.src) && p.src[j] == ' ' {
			j++
		}
		if j == len(p.src) {
			p.i = j
			return -1
		}
		if c := p.src[j]; c != '\n' && c != '#' {
			p.i = j
			if p.started && j == p.ls && p.marker(j) {
				p.giveUp() // another document, or the end of this one
			}
			return j - p.ls
		}
		p.i = j
		p.nextLine()
		if p.i == len(p.src) {
			return -1
		}
	}
}

// restOfLine checks that only spaces and a comment follow a value, and
// moves to the next line.
func (p *fastYAML) restOfLine() {
	j := p.i
	for j < len(p.src) && p.src[j] == ' ' {
		j++
	}
	if c := p.at(j); c != '\n' && !(c == '#' && j > p.ls && p.src[j-1] == ' ') {
		p.giveUp()
	}
	p.i = j
	p.nextLine()
}

// blockNode reads the block collection whose first line starts at p.i,
// indented by ind, inside a collection indented by parent.
func (p *fastYAML) blockNode(ind, parent, depth int) *yaml.Node {
	if ind <= parent || depth > fastMaxDepth {
		p.giveUp()
	}
	if p.src[p.i] == '-' && p.blank(p.i+1) {
		return p.sequence(ind, depth)
	}
	if p.keyEnd(p.i) > 0 {
		return p.mapping(ind, depth)
	}
	p.giveUp() // a scalar on a line of its own
	return nil
}

// mapping reads a block mapping whose first key is at p.i, in column
// ind+1.
func (p *fastYAML) mapping(ind, depth int) *yaml.Node {
	n := p.node(yaml.MappingNode, "!!map", 0, "", p.line, p.col())
	mark := len(p.stack)
	for {
		k := p.key()
		v := p.value(ind, depth+1)
		p.stack = append(p.stack, k, v)
		in := p.skipBlank()
		if in < ind {
			p.children(n, mark)
			return n
		}
		if in > ind {
			p.giveUp()
		}
	}
}

// sequence reads a block sequence whose first "-" is at p.i, in column
// ind+1.
func (p *fastYAML) sequence(ind, depth int) *yaml.Node {
	n := p.node(yaml.SequenceNode, "!!seq", 0, "", p.line, p.col())
	mark := len(p.stack)
	for {
		p.i++
		p.spaces()
		if c := p.at(p.i); c == '\n' || c == '#' {
			p.giveUp() // the item on the next lines, or empty
		}
		var item *yaml.Node
		if p.keyEnd(p.i) > 0 {
			item = p.mapping(p.i-p.ls, depth+1) // "- key: value"
		} else {
			item = p.inline(ind, false, depth+1)
		}
		p.stack = append(p.stack, item)
		in := p.skipBlank()
		if in < ind || (in == ind && !(p.src[p.i] == '-' && p.blank(p.i+1))) {
			p.children(n, mark)
			return n
		}
		if in > ind {
			p.giveUp()
		}
	}
}

// isIndicator reports whether c cannot start a plain scalar (or does only
// in cases the fast path leaves to yaml.v3).
func isIndicator(c byte) bool {
	return strings.IndexByte("-?:,[]{}#&*!|>'\"%@`", c) >= 0
}

// keyEnd returns the offset of the ":" ending a mapping key that starts at
// i, or -1 when the line does not start a mapping entry there.
func (p *fastYAML) keyEnd(i int) int {
	c := p.at(i)
	if c == '"' || c == '\'' {
		e := p.quotedEnd(i)
		if e < 0 {
			return -1
		}
		for e < len(p.src) && p.src[e] == ' ' {
			e++
		}
		if p.at(e) == ':' && p.blank(e+1) {
			return e
		}
		return -1
	}
	if isIndicator(c) || c == '\n' {
		return -1
	}
	for j := i; j < len(p.src) && p.src[j] != '\n'; j++ {
		switch p.src[j] {
		case ':':
			if p.blank(j + 1) {
				return j
			}
		case '#':
			if p.src[j-1] == ' ' {
				return -1
			}
		}
	}
	return -1
}

// key reads a mapping key and its ":".
func (p *fastYAML) key() *yaml.Node {
	e := p.keyEnd(p.i)
	if e < 0 || e-p.i > maxKeyReach {
		p.giveUp()
	}
	var k *yaml.Node
	if c := p.src[p.i]; c == '"' || c == '\'' {
		k = p.quoted()
	} else {
		v := strings.TrimRight(p.text[p.i:e], " ")
		if strings.ContainsAny(v, "[]{},#") {
			p.giveUp()
		}
		k = p.node(yaml.ScalarNode, p.plainTag(v), 0, v, p.line, p.col())
	}
	p.i = e + 1
	return k
}

// value reads the value after a mapping key's ":", in a mapping indented
// by parent: on the same line, or a block collection on the next lines.
func (p *fastYAML) value(parent, depth int) *yaml.Node {
	p.spaces()
	if c := p.at(p.i); c == '\n' || c == '#' {
		p.restOfLine()
		return p.below(parent, true, depth)
	}
	return p.inline(parent, true, depth)
}

// below reads a value that starts on the next content line: a block
// collection, or a sequence at the indentation of the mapping's keys.
func (p *fastYAML) below(parent int, mapping bool, depth int) *yaml.Node {
	in := p.skipBlank()
	switch {
	case in > parent:
		return p.blockNode(in, parent, depth)
	case in == parent && mapping && p.src[p.i] == '-' && p.blank(p.i+1):
		return p.sequence(in, depth)
	}
	p.giveUp() // an empty value
	return nil
}

// inline reads a value that starts at p.i, on the line of its key or "-",
// and moves to the line after it.
func (p *fastYAML) inline(parent int, mapping bool, depth int) *yaml.Node {
	if p.src[p.i] != '!' {
		return p.untagged(parent, depth)
	}
	line, col := p.line, p.col()
	tag := p.tag()
	p.spaces()
	var n *yaml.Node
	if c := p.at(p.i); c == '\n' || c == '#' {
		p.restOfLine()
		n = p.below(parent, mapping, depth)
	} else {
		if c == '!' {
			p.giveUp()
		}
		n = p.untagged(parent, depth)
	}
	n.Tag, n.Style, n.Line, n.Column = tag, n.Style|yaml.TaggedStyle, line, col
	return n
}

// tag reads a local tag (!Name) at p.i and moves past it. "!", "!!type",
// "!<uri>" and tags with other characters are left to yaml.v3.
func (p *fastYAML) tag() string {
	e := p.i + 1
	for e < len(p.src) && isAlnum(p.src[e]) {
		e++
	}
	if e == p.i+1 || !p.blank(e) {
		p.giveUp()
	}
	t := p.text[p.i:e]
	p.i = e
	return t
}

func isAlnum(c byte) bool {
	return c >= 'a' && c <= 'z' || c >= 'A' && c <= 'Z' || c >= '0' && c <= '9'
}

// untagged reads a scalar or flow collection at p.i and moves to the line
// after it.
func (p *fastYAML) untagged(parent, depth int) *yaml.Node {
	switch c := p.src[p.i]; {
	case c == '|' || c == '>':
		return p.blockScalar(parent)
	case c == '[' || c == '{':
		n := p.flow(depth)
		p.restOfLine()
		return n
	case c == '"' || c == '\'':
		n := p.quoted()
		p.restOfLine()
		return n
	case isIndicator(c) && !(c == '-' && !p.blank(p.i+1)):
		p.giveUp()
	}
	line, col := p.line, p.col()
	e := p.i
	for e < len(p.src) && p.src[e] != '\n' && !(p.src[e] == '#' && p.src[e-1] == ' ') {
		if p.src[e] == ':' && p.blank(e+1) {
			p.giveUp() // a mapping where a scalar is expected
		}
		e++
	}
	v := strings.TrimRight(p.text[p.i:e], " ")
	p.i = e
	p.restOfLine()
	return p.node(yaml.ScalarNode, p.plainTag(v), 0, v, line, col)
}

// quotedEnd returns the offset after the closing quote of a quoted scalar
// at i on the same line, or -1. Double-quoted scalars with escapes are
// left to yaml.v3.
func (p *fastYAML) quotedEnd(i int) int {
	q := p.src[i]
	for j := i + 1; j < len(p.src); j++ {
		switch c := p.src[j]; {
		case c == '\n' || (c == '\\' && q == '"'):
			return -1
		case c == q:
			if q == '\'' && p.at(j+1) == '\'' {
				j++
				continue
			}
			return j + 1
		}
	}
	return -1
}

// quoted reads a quoted scalar at p.i.
func (p *fastYAML) quoted() *yaml.Node {
	e := p.quotedEnd(p.i)
	if e < 0 {
		p.giveUp()
	}
	n := p.node(yaml.ScalarNode, "!!str", yaml.DoubleQuotedStyle, p.text[p.i+1:e-1], p.line, p.col())
	if p.src[p.i] == '\'' {
		n.Style, n.Value = yaml.SingleQuotedStyle, strings.ReplaceAll(n.Value, "''", "'")
	}
	p.i = e
	return n
}

// flow reads a flow sequence or mapping at p.i, which must end on the same
// line.
func (p *fastYAML) flow(depth int) *yaml.Node {
	if depth > fastMaxDepth {
		p.giveUp()
	}
	open := p.src[p.i]
	n := p.node(yaml.SequenceNode, "!!seq", yaml.FlowStyle, "", p.line, p.col())
	closer := byte(']')
	if open == '{' {
		n.Kind, n.Tag, closer = yaml.MappingNode, "!!map", '}'
	}
	p.i++
	p.spaces()
	if p.at(p.i) == closer {
		p.i++
		return n
	}
	mark := len(p.stack)
	for {
		if open == '{' {
			p.stack = append(p.stack, p.flowKey())
			p.spaces()
		}
		p.stack = append(p.stack, p.flowItem(depth+1))
		p.spaces()
		switch p.at(p.i) {
		case ',':
			p.i++
			p.spaces()
			if c := p.at(p.i); c == closer || c == ',' {
				p.giveUp() // a trailing comma, an empty entry
			}
		case closer:
			p.i++
			p.children(n, mark)
			return n
		default:
			p.giveUp()
		}
	}
}

// spaces moves past spaces on the current line.
func (p *fastYAML) spaces() {
	for p.i < len(p.src) && p.src[p.i] == ' ' {
		p.i++
	}
}

// flowKey reads a key of a flow mapping and its ":".
func (p *fastYAML) flowKey() *yaml.Node {
	var k *yaml.Node
	start := p.i
	switch c := p.at(p.i); {
	case c == '"' || c == '\'':
		k = p.quoted()
		p.spaces()
		if p.at(p.i) != ':' {
			p.giveUp()
		}
	case isIndicator(c) || c == '\n':
		p.giveUp()
	default:
		k = p.flowPlain()
		if p.at(p.i) != ':' {
			p.giveUp()
		}
	}
	if p.i-start > maxKeyReach {
		p.giveUp()
	}
	p.i++
	p.spaces()
	if c := p.at(p.i); c == ',' || c == '}' || c == '\n' || c == '#' {
		p.giveUp() // an empty value
	}
	return k
}

// flowItem reads an entry of a flow sequence or a value of a flow
// mapping.
func (p *fastYAML) flowItem(depth int) *yaml.Node {
	switch c := p.at(p.i); {
	case c == '!':
		line, col := p.line, p.col()
		tag := p.tag()
		p.spaces()
		if c := p.at(p.i); c == '!' || c == ',' || c == ']' || c == '}' || c == '\n' || c == '#' {
			p.giveUp()
		}
		n := p.flowItem(depth)
		n.Tag, n.Style, n.Line, n.Column = tag, n.Style|yaml.TaggedStyle, line, col
		return n
	case c == '[' || c == '{':
		return p.flow(depth)
	case c == '"' || c == '\'':
		return p.quoted()
	case isIndicator(c) && !(c == '-' && !p.blank(p.i+1)), c == '\n':
		p.giveUp()
	}
	n := p.flowPlain()
	if p.at(p.i) == ':' {
		p.giveUp() // a single-pair mapping in a sequence
	}
	return n
}

// flowPlain reads a plain scalar inside a flow collection: it ends before
// a flow indicator, a ": " or a comment, and must not reach the end of
// the line.
func (p *fastYAML) flowPlain() *yaml.Node {
	line, col := p.line, p.col()
	e := p.i
loop:
	for ; e < len(p.src); e++ {
		switch p.src[e] {
		case ',', '[', ']', '{', '}', '\n':
			break loop
		case '?':
			p.giveUp() // yaml.v3 ends a plain scalar there, inside flow
		case ':':
			switch p.at(e + 1) {
			case ' ':
				break loop
			case ',', '?', '[', ']', '{', '}', '\n':
				p.giveUp()
			}
		case '#':
			if p.src[e-1] == ' ' {
				p.giveUp()
			}
		}
	}
	if p.at(e) == '\n' {
		p.giveUp()
	}
	v := strings.TrimRight(p.text[p.i:e], " ")
	p.i = e
	return p.node(yaml.ScalarNode, p.plainTag(v), 0, v, line, col)
}

// blockScalar reads a literal (|) or folded (>) block scalar whose
// indicator is at p.i, in a collection indented by parent. Indentation
// indicators, keep chomping (+), comments after the indicator, leading
// blank lines, and folded lines indented more than the first are left to
// yaml.v3.
func (p *fastYAML) blockScalar(parent int) *yaml.Node {
	n := p.node(yaml.ScalarNode, "!!str", yaml.LiteralStyle, "", p.line, p.col())
	folded := p.src[p.i] == '>'
	if folded {
		n.Style = yaml.FoldedStyle
	}
	p.i++
	strip := p.at(p.i) == '-'
	if strip {
		p.i++
	}
	if p.i >= len(p.src) || p.src[p.i] != '\n' {
		p.giveUp()
	}
	p.nextLine()
	ind := -1
	var b []byte
	empty := 0 // blank lines since the last content line
	for p.ls < len(p.src) {
		s := p.ls
		for s < len(p.src) && p.src[s] == ' ' {
			s++
		}
		if s == len(p.src) {
			if s > p.ls {
				p.giveUp() // spaces on a last line without a line break
			}
			break
		}
		if p.src[s] == '\n' {
			if ind < 0 || s-p.ls > ind {
				p.giveUp()
			}
			empty++
			p.i = s
			p.nextLine()
			continue
		}
		if ind < 0 {
			ind = s - p.ls
			if ind <= parent {
				p.giveUp() // an empty scalar
			}
		}
		if s-p.ls < ind {
			break
		}
		e := s
		for e < len(p.src) && p.src[e] != '\n' {
			e++
		}
		if e == len(p.src) {
			p.giveUp() // the text ends without a line break
		}
		text := p.src[p.ls+ind : e]
		switch {
		case folded && text[0] == ' ':
			p.giveUp()
		case b == nil:
			b = make([]byte, 0, 2*len(text))
		case folded && empty == 0:
			b = append(b, ' ')
		case folded:
			b = append(b, strings.Repeat("\n", empty)...)
		default:
			b = append(b, strings.Repeat("\n", empty+1)...)
		}
		b = append(b, text...)
		empty = 0
		p.i = e
		p.nextLine()
	}
	if ind < 0 {
		p.giveUp()
	}
	if !strip {
		b = append(b, '\n')
	}
	n.Value = string(b)
	p.i = p.ls
	return n
}

// plainTag returns the tag yaml.v3 resolves a plain scalar to. Values
// yaml.v3 may read as numbers or dates are resolved here when their form
// is plain (decimal integers, dates), and by yaml.v3 otherwise.
func (p *fastYAML) plainTag(v string) string {
	if v == "" || v == "<<" {
		p.giveUp() // empty values, merge keys
	}
	switch c := v[0]; {
	case c >= '0' && c <= '9' || c == '-' || c == '+':
		if isDecimal(v) {
			return "!!int"
		}
		if len(v) == 10 && isDigits(v[:4]) && v[4] == '-' && isDigits(v[5:7]) && v[7] == '-' && isDigits(v[8:]) {
			if _, err := time.Parse("2006-1-2", v); err == nil {
				return "!!timestamp"
			}
		}
		return p.resolveWithYAML(v)
	case c == '.':
		switch v {
		case ".nan", ".NaN", ".NAN", ".inf", ".Inf", ".INF":
			return "!!float"
		}
		if _, err := strconv.ParseFloat(v, 64); err == nil {
			return "!!float"
		}
	case strings.IndexByte("yYnNtTfFoO~", c) >= 0:
		switch v {
		case "true", "True", "TRUE", "false", "False", "FALSE":
			return "!!bool"
		case "~", "null", "Null", "NULL":
			return "!!null"
		}
	}
	return "!!str"
}

// isDecimal reports whether s is a decimal integer without leading zeros
// that fits in an int64.
func isDecimal(s string) bool {
	d := s
	if d[0] == '-' || d[0] == '+' {
		d = d[1:]
	}
	if d == "" || len(d) > 18 || !isDigits(d) || (d[0] == '0' && len(d) > 1) {
		return false
	}
	return true
}

func isDigits(s string) bool {
	for i := 0; i < len(s); i++ {
		if s[i] < '0' || s[i] > '9' {
			return false
		}
	}
	return s != ""
}

// resolveWithYAML asks yaml.v3 for the tag of a plain scalar.
func (p *fastYAML) resolveWithYAML(v string) string {
	if t, ok := p.resolved[v]; ok {
		return t
	}
	var n yaml.Node
	if err := yaml.Unmarshal([]byte(v), &n); err != nil || len(n.Content) != 1 {
		p.giveUp()
	}
	c := n.Content[0]
	if c.Kind != yaml.ScalarNode || c.Style != 0 || c.Value != v {
		p.giveUp()
	}
	if p.resolved == nil {
		p.resolved = map[string]string{}
	}
	p.resolved[v] = c.Tag
	return c.Tag
}
