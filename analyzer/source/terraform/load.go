package terraform

import (
	"bytes"
	"regexp"
	"strings"

	"github.com/seslint/seslint/analyzer/policy"
)

// Relevant reports whether a Terraform file may hold what seslint reads:
// an IAM, SES or Organizations resource or a policy document.
func Relevant(content []byte) bool {
	return bytes.Contains(content, []byte("aws_iam_")) || bytes.Contains(content, []byte("aws_ses")) ||
		bytes.Contains(content, []byte("aws_organizations_policy")) || bytes.Contains(content, []byte("provider"))
}

// LoadModule reads the .tf and .tf.json files of one directory as a
// deployment unit.
// A file that does not parse yields a document holding the parse error
// (SES100), and the rest of the module is still read.
func LoadModule(dir string, files []*policy.File) *policy.Unit {
	return ParseModule(files).Unit(dir)
}

// Parsed is the files of a module, parsed but not yet read as a unit.
type Parsed struct {
	blocks []*block
	broken []*policy.Document
	dirs   []*policy.Directive
}

// ParseModule parses the .tf and .tf.json files of one directory; Unit
// then builds the module's deployment unit. (LoadModule does both: they
// are apart so a scan can time them apart.)
func ParseModule(files []*policy.File) *Parsed {
	p := &Parsed{}
	for _, f := range files {
		var bs []*block
		var err *policy.DecodeError
		if strings.HasSuffix(strings.ToLower(f.Path), ".json") {
			var ds []*policy.Directive
			bs, ds, err = parseTFJSON(f)
			p.dirs = append(p.dirs, ds...)
		} else {
			bs, err = parseHCL(f)
		}
		if err != nil {
			p.broken = append(p.broken, &policy.Document{File: f, Kind: policy.Identity, Start: err.Span, Decoded: &policy.Decoded{Errors: []*policy.DecodeError{err}}})
			continue
		}
		p.blocks = append(p.blocks, bs...)
		if !strings.HasSuffix(strings.ToLower(f.Path), ".json") {
			p.dirs = append(p.dirs, commentDirectives(f, bs)...)
		}
	}
	return p
}

// Unit builds the deployment unit of the parsed module in directory dir.
func (p *Parsed) Unit(dir string) *policy.Unit {
	u := newModule(dir, p.blocks).Unit()
	u.Documents = append(u.Documents, p.broken...)
	u.Directives = p.dirs
	return u
}

var directiveRe = regexp.MustCompile(`^\s*(?:#|//)\s*seslint:ignore\s+(\S+)\s*(.*)$`)

// commentDirectives reads `# seslint:ignore SES201 reason` (or //) on the
// line before a block or an attribute: the directive covers that block or
// attribute.
func commentDirectives(f *policy.File, blocks []*block) []*policy.Directive {
	var out []*policy.Directive
	lines := bytes.Split(f.Content, []byte("\n"))
	off := 0
	for i, line := range lines {
		lineStart := off
		off += len(line) + 1
		m := directiveRe.FindSubmatch(line)
		if m == nil {
			continue
		}
		idStart := lineStart + bytes.Index(line, m[1])
		// The directive applies to what starts on the next non-comment line.
		next := off
		for j := i + 1; j < len(lines); j++ {
			t := strings.TrimSpace(string(lines[j]))
			if t != "" && !strings.HasPrefix(t, "#") && !strings.HasPrefix(t, "//") {
				break
			}
			next += len(lines[j]) + 1
		}
		scope := f.CharAt(next)
		for _, b := range blocks {
			if b.file != f {
				continue
			}
			if s := coveringSpan(b, next); s.End > s.Start {
				scope = s
				break
			}
		}
		node := &policy.Node{Kind: policy.Array, Span: policy.Span{Start: idStart, End: lineStart + len(line)}}
		var entries []policy.DirectiveEntry
		at := idStart
		for k, id := range strings.Split(string(m[1]), ",") {
			node.Elems = append(node.Elems, &policy.Node{Kind: policy.String, Text: id, Span: policy.Span{Start: at, End: at + len(id)}})
			entries = append(entries, policy.DirectiveEntry{Rule: strings.TrimSpace(id), Reason: strings.TrimSpace(string(m[2])), Path: []policy.PathElem{k}})
			at += len(id) + 1
		}
		out = append(out, &policy.Directive{File: f, Node: node, Scope: scope, Entries: entries})
	}
	return out
}

// coveringSpan returns the span of the block, or of an attribute or nested
// block of it, that starts on the line at off.
func coveringSpan(b *block, off int) policy.Span {
	if b.span.Start < off || b.span.Start > lineEnd(b.file.Content, off) {
		// Not this block; try inside it.
		if off < b.span.Start || off >= b.span.End {
			return policy.Span{}
		}
		for _, v := range b.attrs {
			if v.node.Span.Start >= off && v.node.Span.Start <= lineEnd(b.file.Content, off) {
				return policy.Span{Start: off, End: v.node.Span.End}
			}
		}
		for _, nbs := range b.blocks {
			for _, nb := range nbs {
				if s := coveringSpan(nb, off); s.End > s.Start {
					return s
				}
			}
		}
		return policy.Span{}
	}
	return b.span
}

func lineEnd(src []byte, off int) int {
	for off < len(src) && src[off] != '\n' {
		off++
	}
	return off
}
