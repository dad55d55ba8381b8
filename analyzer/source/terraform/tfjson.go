package terraform

import (
	"strings"

	"github.com/hashicorp/hcl/v2"
	"github.com/hashicorp/hcl/v2/hclsyntax"

	"github.com/seslint/seslint/analyzer/policy"
)

// nestedBlocks are the block types Terraform's JSON syntax writes as
// objects (or lists of objects) inside a resource, and that seslint reads.
var nestedBlocks = map[string]bool{
	"statement": true, "principals": true, "not_principals": true, "condition": true, "inline_policy": true,
}

// parseTFJSON reads a *.tf.json file (Terraform's JSON syntax, CDKTF's
// cdk.tf.json) into blocks. Strings may hold interpolations: a whole
// "${...}" string is parsed as an HCL expression (jsonencode of a literal,
// a reference), with positions mapped back into the JSON string.
func parseTFJSON(f *policy.File) ([]*block, []*policy.Directive, *policy.DecodeError) {
	dec := policy.DecodeJSON(f.Content, nil)
	// Terraform's JSON parser accepts no trailing comma or typographic
	// quote: what the decoder recovers from is still a file Terraform
	// rejects.
	for _, e := range dec.Errors {
		if e.Kind != policy.ErrDuplicateKey {
			return nil, nil, &policy.DecodeError{Kind: policy.ErrFileSyntax, Span: e.Span, Message: "JSON: " + e.Message, Fix: e.Fix}
		}
	}
	root := dec.Root
	var blocks []*block
	var dirs []*policy.Directive
	if d := jsonDirective(f, root, policy.Span{Start: 0, End: len(f.Content)}); d != nil {
		dirs = append(dirs, d)
	}
	for _, kind := range []string{"resource", "data"} {
		section, ok := root.Get(kind)
		if !ok {
			continue
		}
		// Each level may be an object or a list of objects.
		for _, byType := range objects(section) {
			for _, t := range byType.Members {
				for _, byName := range objects(t.Value) {
					for _, n := range byName.Members {
						for _, body := range objects(n.Value) {
							blocks = append(blocks, jsonBlock(f, body, kind, t.Key, n.Key))
							if d := jsonDirective(f, body, body.Span); d != nil {
								dirs = append(dirs, d)
							}
						}
					}
				}
			}
		}
	}
	if prov, ok := root.Get("provider"); ok {
		for _, p := range objects(prov) {
			for _, m := range p.Members {
				for _, body := range objects(m.Value) {
					blocks = append(blocks, jsonBlock(f, body, "provider", m.Key, ""))
				}
			}
		}
	}
	return blocks, dirs, nil
}

// objects returns an object, or the objects of a list.
func objects(n *policy.Node) []*policy.Node {
	switch n.Kind {
	case policy.Object:
		return []*policy.Node{n}
	case policy.Array:
		var out []*policy.Node
		for _, e := range n.Elems {
			if e.Kind == policy.Object {
				out = append(out, e)
			}
		}
		return out
	}
	return nil
}

func jsonBlock(f *policy.File, body *policy.Node, kind, typ, name string) *block {
	b := &block{kind: kind, typ: typ, name: name, file: f, attrs: map[string]*value{}, blocks: map[string][]*block{}, span: body.Span}
	for _, m := range body.Members {
		// "//" is a comment; null is an attribute left unset (plans list
		// every attribute).
		if m.Key == "//" || m.Value.Kind == policy.Null {
			continue
		}
		if nestedBlocks[m.Key] {
			for _, nb := range objects(m.Value) {
				b.blocks[m.Key] = append(b.blocks[m.Key], jsonBlock(f, nb, m.Key, "", ""))
			}
			continue
		}
		v := jsonValue(f, m.Value)
		v.keySpan = m.KeySpan
		b.attrs[m.Key] = v
	}
	return b
}

// jsonValue turns a JSON attribute value into a value, reading the HCL
// inside "${...}" strings.
func jsonValue(f *policy.File, n *policy.Node) *value {
	v := &value{node: unknownNulls(n)}
	switch n.Kind {
	case policy.String:
		if expr, offs, ok := interpolation(f, n); ok {
			switch x := expr.(type) {
			case *hclsyntax.ScopeTraversalExpr:
				v.ref = traversalString(x.Traversal)
			case *hclsyntax.FunctionCallExpr:
				if x.Name == "jsonencode" && len(x.Args) == 1 {
					v.jsonencode = true
					v.node = remap(exprNode(policy.NewFile(f.Path, []byte(n.Text)), x.Args[0], 0), offs)
				}
			}
			return v
		}
		v.text, v.offsets, v.isText = n.Text, policy.JSONStringOffsets(f.Content, n.Span), true
	case policy.Array:
		for _, e := range n.Elems {
			if e.Kind != policy.String {
				continue
			}
			if expr, _, ok := interpolation(f, e); ok {
				if st, ok := expr.(*hclsyntax.ScopeTraversalExpr); ok {
					v.refs = append(v.refs, traversalString(st.Traversal))
				}
			}
		}
	}
	return v
}

// interpolation parses a string that is exactly one "${...}" (it may hold
// nested strings, and the rest of the file $${...} escapes) as an HCL
// expression; offs maps the string's bytes to the file.
func interpolation(f *policy.File, n *policy.Node) (hclsyntax.Expression, []int, bool) {
	s := n.Text
	if !strings.HasPrefix(s, "${") || !strings.HasSuffix(s, "}") || hclShape([]byte(s), true) != nil {
		return nil, nil, false
	}
	tmpl, diags := hclsyntax.ParseTemplate([]byte(s), f.Path, hcl.Pos{Line: 1, Column: 1, Byte: 0})
	if diags.HasErrors() {
		return nil, nil, false
	}
	wrap, ok := tmpl.(*hclsyntax.TemplateWrapExpr)
	if !ok {
		return nil, nil, false
	}
	return wrap.Wrapped, policy.JSONStringOffsets(f.Content, n.Span), true
}

// remap moves the spans of a tree built over a string's text into the file.
func remap(n *policy.Node, offs []int) *policy.Node {
	m := policy.OffsetMapper(offs)
	var walk func(*policy.Node)
	walk = func(x *policy.Node) {
		x.Span = policy.Span{Start: m(x.Span.Start), End: max(m(x.Span.Start)+1, m(x.Span.End))}
		for i := range x.Members {
			k := &x.Members[i].KeySpan
			*k = policy.Span{Start: m(k.Start), End: max(m(k.Start)+1, m(k.End))}
			walk(x.Members[i].Value)
		}
		for _, e := range x.Elems {
			walk(e)
		}
	}
	walk(n)
	return n
}

// jsonDirective reads a "//": {"seslint": {"ignore": {...}}} comment key.
func jsonDirective(f *policy.File, holder *policy.Node, scope policy.Span) *policy.Directive {
	c, ok := holder.Get("//")
	if !ok {
		return nil
	}
	s, ok := c.Get("seslint")
	if !ok {
		return nil
	}
	ign, ok := s.Get("ignore")
	if !ok {
		return nil
	}
	return policy.NewDirective(f, ign, scope)
}

// unknownNulls returns a list whose null elements (values a plan knows only
// after apply) are symbolic, so they are not read as wrong types.
func unknownNulls(n *policy.Node) *policy.Node {
	if n.Kind != policy.Array {
		return n
	}
	out := *n
	out.Elems = make([]*policy.Node, len(n.Elems))
	for i, e := range n.Elems {
		if e.Kind == policy.Null {
			e = &policy.Node{Kind: policy.String, Span: e.Span, Text: "${(known after apply)}"}
		}
		out.Elems[i] = e
	}
	return &out
}
