package cfn

import (
	"errors"
	"fmt"
	"regexp"
	"strconv"
	"strings"
	"unicode/utf8"

	"gopkg.in/yaml.v3"

	"github.com/seslint/seslint/analyzer/policy"
)

// maxAliasExpansions bounds the nodes produced by YAML aliases, so an alias
// bomb ("billion laughs") is an error, not an exhausted machine.
const maxAliasExpansions = 10000

// maxYAMLDepth bounds nesting, as the JSON decoder does.
const maxYAMLDepth = policy.MaxDepth

// shortTags maps CloudFormation's YAML short-form tags to the long-form
// keys; every other tag is rejected by CloudFormation, and kept here as a
// plain value.
var shortTags = map[string]string{
	"!Ref": "Ref", "!Condition": "Condition", "!Sub": "Fn::Sub", "!GetAtt": "Fn::GetAtt",
	"!Join": "Fn::Join", "!If": "Fn::If", "!Select": "Fn::Select", "!Split": "Fn::Split",
	"!FindInMap": "Fn::FindInMap", "!ImportValue": "Fn::ImportValue", "!Base64": "Fn::Base64",
	"!Cidr": "Fn::Cidr", "!GetAZs": "Fn::GetAZs", "!Equals": "Fn::Equals", "!Not": "Fn::Not",
	"!And": "Fn::And", "!Or": "Fn::Or", "!Transform": "Fn::Transform", "!ToJsonString": "Fn::ToJsonString",
	"!Length": "Fn::Length", "!ForEach": "Fn::ForEach",
}

// yamlDoc is a YAML file converted to the JSON-like node tree.
type yamlDoc struct {
	f      *policy.File
	root   *policy.Node
	expand int
	// errs are the duplicate keys (yaml.v3 does not report them when it
	// decodes into nodes; CloudFormation keeps the last).
	errs []*policy.DecodeError
	// lines are where lines start as yaml.v3 counts them.
	lines []int
	// ascii is set when the text is ASCII with LF line breaks, where a
	// column is a byte.
	ascii bool
}

// yamlLines returns the offsets where lines start as yaml.v3 counts lines
// and columns: a line ends at LF, CRLF or CR, and also at NEL (U+0085),
// LS (U+2028) and PS (U+2029), which editors do not break at; a byte
// order mark is not a column.
func yamlLines(src []byte) []int {
	starts := []int{0}
	if len(src) >= 3 && src[0] == 0xEF && src[1] == 0xBB && src[2] == 0xBF {
		starts[0] = 3
	}
	for i := starts[0]; i < len(src); {
		n := 0
		switch c := src[i]; {
		case c == '\r' && i+1 < len(src) && src[i+1] == '\n':
			n = 2
		case c == '\r' || c == '\n':
			n = 1
		case c == 0xC2 && i+1 < len(src) && src[i+1] == 0x85:
			n = 2
		case c == 0xE2 && i+2 < len(src) && src[i+1] == 0x80 && (src[i+2] == 0xA8 || src[i+2] == 0xA9):
			n = 3
		}
		if n == 0 {
			i++
			continue
		}
		i += n
		starts = append(starts, i)
	}
	return starts
}

// yamlOffset converts a 1-based line and column (in characters) of
// yaml.v3 to a byte offset, within the line.
func yamlOffset(src []byte, lines []int, line, col int) int {
	if line < 1 {
		return 0
	}
	if line > len(lines) {
		return len(src)
	}
	off, end := lines[line-1], len(src)
	if line < len(lines) {
		end = lines[line]
	}
	for c := 1; c < col && off < end; c++ {
		_, n := utf8.DecodeRune(src[off:])
		off += n
	}
	return min(off, end)
}

var yamlLineRe = regexp.MustCompile(`^yaml: line (\d+): (.*)$`)

// decodeYAML parses a YAML file into the node tree, short-form tags turned
// into their long forms ({"Ref": ...}, {"Fn::Sub": ...}) so YAML and JSON
// templates look alike. The fast path reads most templates; yaml.v3 reads
// the others. Scalars keep their YAML meaning except timestamps,
// which stay strings (an unquoted Version: 2012-10-17 means the string).
func decodeYAML(f *policy.File) (*yamlDoc, *policy.DecodeError) {
	d := &yamlDoc{f: f}
	root := parseFastYAML(f.Content)
	if root != nil {
		d.ascii = true // the fast path reads nothing else
	} else {
		root = &yaml.Node{}
		if err := yaml.Unmarshal(f.Content, root); err != nil {
			return nil, yamlError(f, err)
		}
	}
	if root.Kind == 0 || len(root.Content) == 0 {
		return d, nil
	}
	n, err := d.convert(root.Content[0], 0)
	if err != nil {
		return nil, err
	}
	d.root = n
	return d, nil
}

func yamlError(f *policy.File, err error) *policy.DecodeError {
	msg := err.Error()
	line := 1
	var te *yaml.TypeError
	if errors.As(err, &te) && len(te.Errors) > 0 {
		msg = te.Errors[0]
	}
	if m := yamlLineRe.FindStringSubmatch(msg); m != nil {
		line, _ = strconv.Atoi(m[1])
		msg = m[2]
		// yaml.v3 reports parser errors that have a context (an open
		// mapping or sequence) at the context mark, which is zero-based:
		// the line it names is the one before. Scanner errors ("did not
		// find expected alphabetic or numeric character") are right.
		for _, p := range []string{"did not find expected key", "did not find expected ','", "did not find expected '-' indicator", "did not find expected node content"} {
			if strings.HasPrefix(msg, p) {
				line++
				break
			}
		}
	}
	off := yamlOffset(f.Content, yamlLines(f.Content), line, 1)
	// Point at the first non-blank character of the line.
	for off < len(f.Content) && (f.Content[off] == ' ' || f.Content[off] == '\t') {
		off++
	}
	return &policy.DecodeError{
		Kind: policy.ErrFileSyntax, Span: f.CharAt(off),
		Message: "YAML: " + strings.TrimPrefix(msg, "yaml: "),
		Fix:     "fix the YAML syntax at this line (indentation, a missing colon or an unclosed quote)",
	}
}

func (d *yamlDoc) start(n *yaml.Node) int {
	if d.lines == nil {
		d.lines = yamlLines(d.f.Content)
	}
	if d.ascii && n.Line >= 1 && n.Line <= len(d.lines) && n.Column >= 1 {
		return min(d.lines[n.Line-1]+n.Column-1, len(d.f.Content))
	}
	return yamlOffset(d.f.Content, d.lines, n.Line, n.Column)
}

func (d *yamlDoc) errAt(n *yaml.Node, msg string) *policy.DecodeError {
	return &policy.DecodeError{Kind: policy.ErrFileSyntax, Span: d.f.CharAt(d.start(n)), Message: msg, Fix: "simplify the document"}
}

func (d *yamlDoc) convert(n *yaml.Node, depth int) (*policy.Node, *policy.DecodeError) {
	if depth > maxYAMLDepth {
		return nil, d.errAt(n, fmt.Sprintf("YAML nested deeper than %d levels", maxYAMLDepth))
	}
	if n.Kind == yaml.AliasNode {
		d.expand++
		if d.expand > maxAliasExpansions {
			return nil, d.errAt(n, fmt.Sprintf("more than %d YAML alias expansions (an alias bomb?)", maxAliasExpansions))
		}
		if n.Alias == nil {
			return nil, d.errAt(n, "YAML alias without an anchor")
		}
		return d.convert(n.Alias, depth+1)
	}
	var out *policy.Node
	switch n.Kind {
	case yaml.MappingNode:
		out = &policy.Node{Kind: policy.Object, Members: make([]policy.Member, 0, len(n.Content)/2)}
		for i := 0; i+1 < len(n.Content); i += 2 {
			k, v := n.Content[i], n.Content[i+1]
			if k.Kind == yaml.ScalarNode && k.Tag == "!!merge" {
				// << merge keys: copy the merged mapping's members.
				m, err := d.convert(v, depth+1)
				if err != nil {
					return nil, err
				}
				if m.Kind == policy.Object {
					out.Members = append(out.Members, m.Members...)
				}
				continue
			}
			d.expand++
			if d.expand > maxAliasExpansions*100 {
				return nil, d.errAt(k, "YAML document too large")
			}
			val, err := d.convert(v, depth+1)
			if err != nil {
				return nil, err
			}
			ks := d.start(k)
			keySpan := policy.Span{Start: ks, End: min(ks+len(rawKey(d.f.Content, ks, k)), len(d.f.Content))}
			if _, dup := out.Get(k.Value); dup {
				d.errs = append(d.errs, &policy.DecodeError{
					Kind: policy.ErrDuplicateKey, Span: keySpan,
					Message: fmt.Sprintf("duplicate key %q: only the last one counts", k.Value),
					Fix:     "merge the two entries into one",
				})
			}
			out.Members = append(out.Members, policy.Member{Key: k.Value, KeySpan: keySpan, Value: val})
		}
	case yaml.SequenceNode:
		out = &policy.Node{Kind: policy.Array, Elems: make([]*policy.Node, 0, len(n.Content))}
		for _, c := range n.Content {
			v, err := d.convert(c, depth+1)
			if err != nil {
				return nil, err
			}
			out.Elems = append(out.Elems, v)
		}
	case yaml.ScalarNode:
		out = d.scalar(n)
	default:
		out = &policy.Node{Kind: policy.Null}
	}
	s := d.start(n)
	out.Span = policy.Span{Start: s, End: d.end(n, out, s)}
	if long, ok := shortTags[n.Tag]; ok {
		wrapped := &policy.Node{Kind: policy.Object, Span: out.Span, Members: []policy.Member{{
			Key: long, KeySpan: policy.Span{Start: s, End: s + len(n.Tag)}, Value: out,
		}}}
		if n.Kind == yaml.ScalarNode {
			// The value starts after the tag.
			vs := s + len(n.Tag)
			for vs < len(d.f.Content) && (d.f.Content[vs] == ' ' || d.f.Content[vs] == '\t') {
				vs++
			}
			if vs < out.Span.End {
				out.Span.Start = vs
			}
		}
		return wrapped, nil
	}
	return out, nil
}

func rawKey(src []byte, start int, k *yaml.Node) string {
	if k.Style&(yaml.DoubleQuotedStyle|yaml.SingleQuotedStyle) != 0 {
		if e := quotedEnd(src, start); e > start {
			return string(src[start:e])
		}
	}
	return k.Value
}

func (d *yamlDoc) scalar(n *yaml.Node) *policy.Node {
	out := &policy.Node{Kind: policy.String, Text: n.Value}
	switch n.Tag {
	case "!!int", "!!float":
		if _, err := strconv.ParseFloat(strings.ReplaceAll(n.Value, "_", ""), 64); err == nil && isJSONNumber(n.Value) {
			out.Kind = policy.Number
		}
	case "!!bool":
		switch strings.ToLower(n.Value) {
		case "true", "false":
			out.Kind, out.Text = policy.Bool, strings.ToLower(n.Value)
		}
	case "!!null":
		out.Kind, out.Text = policy.Null, ""
	}
	return out
}

var jsonNumberRe = regexp.MustCompile(`^-?(0|[1-9][0-9]*)(\.[0-9]+)?([eE][+-]?[0-9]+)?$`)

func isJSONNumber(s string) bool { return jsonNumberRe.MatchString(s) }

// end finds where a node's text ends in the file.
func (d *yamlDoc) end(n *yaml.Node, out *policy.Node, start int) int {
	src := d.f.Content
	switch n.Kind {
	case yaml.ScalarNode:
		s := start
		if strings.HasPrefix(n.Tag, "!") && !strings.HasPrefix(n.Tag, "!!") {
			s += len(n.Tag)
			for s < len(src) && (src[s] == ' ' || src[s] == '\t') {
				s++
			}
		}
		switch {
		case n.Style&(yaml.DoubleQuotedStyle|yaml.SingleQuotedStyle) != 0:
			if e := quotedEnd(src, s); e > s {
				return e
			}
		case n.Style&(yaml.LiteralStyle|yaml.FoldedStyle) != 0:
			if offs := d.blockOffsets(n.Value, start); len(offs) > 0 {
				return offs[len(offs)-1]
			}
		default:
			// A plain scalar: its text on this line.
			e := s
			for e < len(src) && src[e] != '\n' && e-s < len(n.Value) {
				e++
			}
			if e > s {
				return e
			}
		}
		return min(start+1, len(src))
	default:
		e := start + 1
		for _, m := range out.Members {
			e = max(e, m.Value.Span.End)
		}
		for _, c := range out.Elems {
			e = max(e, c.Span.End)
		}
		if n.Style&yaml.FlowStyle != 0 {
			// Include the closing bracket or brace.
			for e < len(src) && (src[e] == ' ' || src[e] == '\t') {
				e++
			}
			if e < len(src) && (src[e] == ']' || src[e] == '}') {
				e++
			}
		}
		return min(e, len(src))
	}
}

// quotedEnd returns the offset after the closing quote of a quoted scalar
// starting at s, or -1.
func quotedEnd(src []byte, s int) int {
	if s >= len(src) {
		return -1
	}
	q := src[s]
	if q != '"' && q != '\'' {
		return -1
	}
	for i := s + 1; i < len(src); i++ {
		switch {
		case q == '"' && src[i] == '\\':
			i++
		case src[i] == q:
			if q == '\'' && i+1 < len(src) && src[i+1] == '\'' {
				i++
				continue
			}
			return i + 1
		}
	}
	return -1
}

// stringOffsets maps each byte of a string node's value to its file
// offset (plus one entry for the end), for policy text embedded in a YAML
// string. It returns nil when the value cannot be aligned with the source.
// The scalar's style is read from the file: a string node's span starts
// at its quote or block indicator, or at a plain scalar's first
// character, which can be neither.
func (d *yamlDoc) stringOffsets(n *policy.Node) []int {
	src := d.f.Content
	if n.Kind != policy.String || n.Span.Start >= len(src) {
		return nil
	}
	switch src[n.Span.Start] {
	case '|', '>':
		return d.blockOffsets(n.Text, n.Span.Start)
	case '"':
		return policy.AlignOffsets(src, n.Span.Start+1, n.Span.End-1, n.Text, true)
	case '\'':
		return policy.AlignOffsets(src, n.Span.Start+1, n.Span.End-1, n.Text, false)
	default:
		return policy.AlignOffsets(src, n.Span.Start, n.Span.End, n.Text, false)
	}
}

// blockOffsets aligns a literal or folded block scalar's value with the
// lines that follow its indicator (| or >, with its modifiers, on the line
// holding start); the indentation the scalar strips is stepped over.
func (d *yamlDoc) blockOffsets(value string, start int) []int {
	src := d.f.Content
	i := start
	for i < len(src) && src[i] != '\n' {
		i++
	}
	if i < len(src) {
		i++
	}
	offs := policy.AlignOffsets(src, i, len(src), value, false)
	// End the block at its last line break rather than after it.
	if n := len(value); n > 0 && value[n-1] == '\n' && len(offs) > 1 {
		offs[len(offs)-1] = offs[len(offs)-2]
	}
	return offs
}
