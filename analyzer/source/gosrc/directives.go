package gosrc

import (
	"go/ast"
	"go/token"
	"regexp"
	"strings"

	"github.com/seslint/seslint/analyzer/policy"
)

var (
	ignoreRe = regexp.MustCompile(`^//\s*seslint:ignore\s+(\S+)\s*(.*)$`)
	nolintRe = regexp.MustCompile(`^//\s*nolint:([A-Za-z0-9_,-]+)\s*(?://\s*(.*))?$`)
)

// directives reads //seslint:ignore SES201 reason and //nolint:seslint //
// reason comments. A comment at the end of a line covers that line; a
// comment on its own line covers the declaration or statement that starts
// on the next line (a whole const block, function or composite literal).
func (x *extractor) directives(f *ast.File) []*policy.Directive {
	tf := x.tokFile(f.Pos())
	if tf == nil {
		return nil
	}
	var out []*policy.Directive
	for _, cg := range f.Comments {
		for _, c := range cg.List {
			var entries []policy.DirectiveEntry
			if m := ignoreRe.FindStringSubmatch(c.Text); m != nil {
				for i, id := range strings.Split(m[1], ",") {
					entries = append(entries, policy.DirectiveEntry{Rule: strings.TrimSpace(id), Reason: strings.TrimSpace(m[2]), Path: []policy.PathElem{i}})
				}
			} else if m := nolintRe.FindStringSubmatch(c.Text); m != nil {
				for _, l := range strings.Split(m[1], ",") {
					if strings.TrimSpace(l) == "seslint" {
						entries = append(entries, policy.DirectiveEntry{Rule: "*", Reason: strings.TrimSpace(m[2]), Path: []policy.PathElem{0}})
					}
				}
			}
			if len(entries) == 0 {
				continue
			}
			pf := x.file(tf)
			start := tf.Offset(c.Pos())
			node := &policy.Node{Kind: policy.Array, Span: policy.Span{Start: start, End: tf.Offset(c.End())}}
			for range entries {
				node.Elems = append(node.Elems, &policy.Node{Kind: policy.String, Span: node.Span})
			}
			out = append(out, &policy.Directive{File: pf, Node: node, Scope: x.scope(f, tf, c), Entries: entries})
		}
	}
	return out
}

// scope is the part of the file a directive comment covers.
func (x *extractor) scope(f *ast.File, tf *token.File, c *ast.Comment) policy.Span {
	line := tf.Line(c.Pos())
	content := x.contents[tf]
	lineStart := tf.Offset(tf.LineStart(line))
	if strings.TrimSpace(string(content[lineStart:tf.Offset(c.Pos())])) != "" {
		// A trailing comment: its own line.
		end := tf.Offset(c.End())
		if line < tf.LineCount() {
			end = tf.Offset(tf.LineStart(line + 1))
		}
		return policy.Span{Start: lineStart, End: end}
	}
	next := line + 1
	for next <= tf.LineCount() {
		s := tf.Offset(tf.LineStart(next))
		e := len(content)
		if next < tf.LineCount() {
			e = tf.Offset(tf.LineStart(next + 1))
		}
		t := strings.TrimSpace(string(content[s:e]))
		if t != "" && !strings.HasPrefix(t, "//") {
			break
		}
		next++
	}
	if next > tf.LineCount() {
		return policy.Span{}
	}
	// The outermost node starting on that line.
	var best ast.Node
	ast.Inspect(f, func(n ast.Node) bool {
		if n == nil || best != nil {
			return best == nil
		}
		if _, ok := n.(*ast.File); ok {
			return true
		}
		if tf.Line(n.Pos()) == next {
			best = n
			return false
		}
		return tf.Line(n.Pos()) <= next && tf.Line(n.End()) >= next
	})
	if best == nil {
		s := tf.Offset(tf.LineStart(next))
		return policy.Span{Start: s, End: s + 1}
	}
	return policy.Span{Start: tf.Offset(best.Pos()), End: tf.Offset(best.End())}
}
