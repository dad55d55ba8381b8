// Package cfn extracts the SES-relevant policies of CloudFormation
// templates (YAML and JSON, SAM, Serverless output, CDK *.template.json)
// with the position of every element in the template.
package cfn

import (
	"bytes"
	"strings"

	"github.com/seslint/seslint/analyzer/policy"
)

// Template is a parsed CloudFormation template.
type Template struct {
	File      *policy.File
	Root      *policy.Node
	Resources []*Resource
	byID      map[string]*Resource
	yaml      *yamlDoc // nil for a JSON template
	// errs are the problems found while decoding the template that did not
	// stop it: trailing commas, typographic quotes, duplicate keys.
	errs []*policy.DecodeError
}

// Resource is one entry of the template's Resources section.
type Resource struct {
	ID    string
	Type  string
	Node  *policy.Node
	Props *policy.Node
}

// Sniff reports whether file content looks like a CloudFormation template,
// before parsing: cheap enough to run on every YAML and JSON file.
func Sniff(content []byte) bool {
	return bytes.Contains(content, []byte("AWSTemplateFormatVersion")) ||
		(bytes.Contains(content, []byte("Resources")) &&
			(bytes.Contains(content, []byte("AWS::")) || bytes.Contains(content, []byte("Custom::"))))
}

// IsTemplate reports whether a decoded document is a template: it has
// AWSTemplateFormatVersion, or Resources whose types are AWS:: or Custom::
// types.
func IsTemplate(root *policy.Node) bool {
	if root == nil || root.Kind != policy.Object {
		return false
	}
	if _, ok := root.Get("AWSTemplateFormatVersion"); ok {
		return true
	}
	res, ok := root.Get("Resources")
	if !ok || res.Kind != policy.Object {
		return false
	}
	for _, m := range res.Members {
		if t, ok := m.Value.Get("Type"); ok && t.Kind == policy.String &&
			(strings.HasPrefix(t.Text, "AWS::") || strings.HasPrefix(t.Text, "Custom::")) {
			return true
		}
	}
	return false
}

// ParseYAML parses a YAML template. It returns nil and no error when the
// file is YAML but not a template; a YAML syntax error is returned as a
// decode error placed in the file.
func ParseYAML(f *policy.File) (*Template, *policy.DecodeError) {
	yd, err := decodeYAML(f)
	if err != nil {
		return nil, err
	}
	if !IsTemplate(yd.root) {
		return nil, nil
	}
	t := newTemplate(f, yd.root, yd)
	t.errs = yd.errs
	return t, nil
}

// FromJSON wraps a JSON document already decoded with policy.DecodeJSON;
// nil when it is not a template.
func FromJSON(f *policy.File, dec *policy.Decoded) *Template {
	if !IsTemplate(dec.Root) {
		return nil
	}
	t := newTemplate(f, dec.Root, nil)
	t.errs = dec.Errors
	return t
}

func newTemplate(f *policy.File, root *policy.Node, yd *yamlDoc) *Template {
	t := &Template{File: f, Root: root, yaml: yd, byID: map[string]*Resource{}}
	res, _ := root.Get("Resources")
	if res == nil || res.Kind != policy.Object {
		return t
	}
	for _, m := range res.Members {
		r := &Resource{ID: m.Key, Node: m.Value}
		if typ, ok := m.Value.Get("Type"); ok && typ.Kind == policy.String {
			r.Type = typ.Text
		}
		r.Props, _ = m.Value.Get("Properties")
		t.Resources = append(t.Resources, r)
		t.byID[r.ID] = r
	}
	return t
}

// stringOffsets maps the value of a string node to file offsets.
func (t *Template) stringOffsets(n *policy.Node) []int {
	if t.yaml != nil {
		return t.yaml.stringOffsets(n)
	}
	return policy.JSONStringOffsets(t.File.Content, n.Span)
}

// prop returns a resource property.
func (r *Resource) prop(name string) *policy.Node {
	if r.Props == nil {
		return nil
	}
	v, _ := r.Props.Get(name)
	return v
}

// refTarget returns the logical id a value refers to with Ref or GetAtt,
// or "".
func refTarget(n *policy.Node) string {
	if n == nil || n.Kind != policy.Object || len(n.Members) != 1 {
		return ""
	}
	m := n.Members[0]
	switch m.Key {
	case "Ref":
		if m.Value.Kind == policy.String {
			return m.Value.Text
		}
	case "Fn::GetAtt":
		switch m.Value.Kind {
		case policy.String:
			return strings.SplitN(m.Value.Text, ".", 2)[0]
		case policy.Array:
			if len(m.Value.Elems) > 0 && m.Value.Elems[0].Kind == policy.String {
				return m.Value.Elems[0].Text
			}
		}
	}
	return ""
}

// intrinsic returns the function name and argument of a single-key
// intrinsic function object ({"Ref": x}, {"Fn::Sub": x}), or "".
func intrinsic(n *policy.Node) (string, *policy.Node) {
	if n == nil || n.Kind != policy.Object || len(n.Members) != 1 {
		return "", nil
	}
	k := n.Members[0].Key
	if k == "Ref" || strings.HasPrefix(k, "Fn::") {
		return k, n.Members[0].Value
	}
	return "", nil
}

// resolver turns intrinsic functions inside a policy into plain values:
// what the template determines is resolved, what only deployment knows
// stays symbolic (${...}), and Fn::If takes the branch the variant says.
type resolver struct {
	t *Template
	// branch is the Fn::If branch to take: true for the first.
	branch bool
	// sawIf records whether any Fn::If was met.
	sawIf bool
}

// value returns the resolved copy of n, or nil for AWS::NoValue.
func (rv *resolver) value(n *policy.Node, depth int) *policy.Node {
	if n == nil || depth > policy.MaxDepth {
		return n
	}
	if fn, arg := intrinsic(n); fn != "" {
		return rv.call(n, fn, arg, depth)
	}
	switch n.Kind {
	case policy.Object:
		out := &policy.Node{Kind: policy.Object, Span: n.Span, Members: make([]policy.Member, 0, len(n.Members))}
		for _, m := range n.Members {
			if v := rv.value(m.Value, depth+1); v != nil {
				out.Members = append(out.Members, policy.Member{Key: m.Key, KeySpan: m.KeySpan, Value: v})
			}
		}
		return out
	case policy.Array:
		out := &policy.Node{Kind: policy.Array, Span: n.Span, Elems: make([]*policy.Node, 0, len(n.Elems))}
		for _, e := range n.Elems {
			if v := rv.value(e, depth+1); v != nil {
				out.Elems = append(out.Elems, v)
			}
		}
		return out
	}
	return n
}

func symbolic(span policy.Span, text string) *policy.Node {
	return &policy.Node{Kind: policy.String, Span: span, Text: "${" + text + "}"}
}

func (rv *resolver) call(n *policy.Node, fn string, arg *policy.Node, depth int) *policy.Node {
	switch fn {
	case "Ref":
		if arg.Kind != policy.String {
			return symbolic(n.Span, "Ref")
		}
		if arg.Text == "AWS::NoValue" {
			return nil
		}
		if s, ok := rv.t.resolveRef(arg.Text); ok {
			return &policy.Node{Kind: policy.String, Span: n.Span, Text: s}
		}
		return symbolic(n.Span, arg.Text)
	case "Fn::Sub":
		tmpl := arg
		if arg.Kind == policy.Array && len(arg.Elems) > 0 {
			tmpl = arg.Elems[0]
		}
		if tmpl.Kind != policy.String {
			return symbolic(n.Span, fn)
		}
		return &policy.Node{Kind: policy.String, Span: tmpl.Span, Text: rv.t.substitute(tmpl.Text)}
	case "Fn::GetAtt":
		switch arg.Kind {
		case policy.String:
			return symbolic(n.Span, arg.Text)
		case policy.Array:
			var parts []string
			for _, e := range arg.Elems {
				if e.Kind == policy.String {
					parts = append(parts, e.Text)
				}
			}
			return symbolic(n.Span, strings.Join(parts, "."))
		}
		return symbolic(n.Span, fn)
	case "Fn::Join":
		if arg.Kind == policy.Array && len(arg.Elems) == 2 && arg.Elems[0].Kind == policy.String && arg.Elems[1].Kind == policy.Array {
			var b strings.Builder
			for i, p := range arg.Elems[1].Elems {
				if i > 0 {
					b.WriteString(arg.Elems[0].Text)
				}
				v := rv.value(p, depth+1)
				if v != nil && v.Kind == policy.String {
					b.WriteString(v.Text)
				} else if v != nil {
					b.WriteString("${" + fn + "}")
				}
			}
			return &policy.Node{Kind: policy.String, Span: n.Span, Text: b.String()}
		}
		return symbolic(n.Span, fn)
	case "Fn::If":
		rv.sawIf = true
		if arg.Kind == policy.Array && len(arg.Elems) == 3 {
			if rv.branch {
				return rv.value(arg.Elems[1], depth+1)
			}
			return rv.value(arg.Elems[2], depth+1)
		}
		return symbolic(n.Span, fn)
	}
	return symbolic(n.Span, fn)
}

// resolveRef returns what Ref of a logical id means when the template says
// it: the address of an AWS::SES::EmailIdentity.
func (t *Template) resolveRef(id string) (string, bool) {
	r, ok := t.byID[id]
	if !ok || r.Type != "AWS::SES::EmailIdentity" {
		return "", false
	}
	if v := r.prop("EmailIdentity"); v != nil && v.Kind == policy.String {
		return v.Text, true
	}
	return "", false
}

// substitute resolves the ${Name} references of a Fn::Sub template that
// the template determines; the others stay as written.
func (t *Template) substitute(s string) string {
	if !strings.Contains(s, "${") {
		return s
	}
	var b strings.Builder
	for {
		i := strings.Index(s, "${")
		if i < 0 {
			b.WriteString(s)
			return b.String()
		}
		j := strings.IndexByte(s[i:], '}')
		if j < 0 {
			b.WriteString(s)
			return b.String()
		}
		name := s[i+2 : i+j]
		b.WriteString(s[:i])
		if v, ok := t.resolveRef(name); ok {
			b.WriteString(v)
		} else {
			b.WriteString(s[i : i+j+1])
		}
		s = s[i+j+1:]
	}
}
