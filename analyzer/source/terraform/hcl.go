// Package terraform extracts the SES-relevant policies of Terraform
// configurations — HCL `.tf` files and `*.tf.json` (CDKTF's `cdk.tf.json`
// too), one module (directory) per deployment unit — and of plans written
// by `terraform show -json`, with the position of every element.
package terraform

import (
	"fmt"
	"math/big"
	"strconv"
	"strings"

	"github.com/hashicorp/hcl/v2"
	"github.com/hashicorp/hcl/v2/hclsyntax"
	"github.com/zclconf/go-cty/cty"

	"github.com/seslint/seslint/analyzer/policy"
)

// block is a resource or data block of the module, in either syntax.
type block struct {
	kind string // "resource", "data", "provider"
	typ  string
	name string
	// addr is the address when the source gives it (a plan's
	// module.x.aws_iam_role.app[0]); otherwise it is built from type and
	// name.
	addr  string
	file  *policy.File
	attrs map[string]*value
	// blocks are the nested blocks by type, in order.
	blocks map[string][]*block
	span   policy.Span
	// index is the block's position in the module, for stable order.
	index int
}

func (b *block) address() string {
	if b.addr != "" {
		return configAddress(b.addr)
	}
	if b.kind == "data" {
		return "data." + b.typ + "." + b.name
	}
	return b.typ + "." + b.name
}

// value is an attribute's expression, already turned into a policy node
// (strings, numbers, lists, objects; what only `terraform apply` knows
// stays a symbolic ${...} string), with what is needed to read policy JSON
// written inside a string, or a reference to another block.
type value struct {
	node *policy.Node
	// keySpan is where the attribute's name is written.
	keySpan policy.Span
	// text and offsets hold a string's source for policy text embedded in
	// it (heredoc, quoted string); offsets map each byte to the file.
	text    string
	offsets []int
	isText  bool
	// ref is the address a bare reference names
	// ("data.aws_iam_policy_document.send.json", "aws_iam_role.app.name").
	ref string
	// jsonencode is true for jsonencode(...) of a literal.
	jsonencode bool
	// refs lists the references inside a list value.
	refs []string
}

// parseHCL reads a .tf file into blocks: through the fast path
// (parseFastHCL) when the file is in its subset, through hclsyntax
// otherwise.
func parseHCL(f *policy.File) ([]*block, *policy.DecodeError) {
	if err := hclShape(f.Content, false); err != nil {
		err.Span = f.CharAt(err.Span.Start)
		return nil, err
	}
	if blocks, ok := parseFastHCL(f); ok {
		return blocks, nil
	}
	return parseHCLSyntax(f)
}

// parseHCLSyntax reads a .tf file into blocks with hclsyntax.
func parseHCLSyntax(f *policy.File) ([]*block, *policy.DecodeError) {
	hf, diags := hclsyntax.ParseConfig(f.Content, f.Path, hcl.InitialPos)
	if diags.HasErrors() {
		d := diags[0]
		for _, x := range diags {
			if x.Severity == hcl.DiagError {
				d = x
				break
			}
		}
		start := 0
		if d.Subject != nil {
			start = d.Subject.Start.Byte
		}
		return nil, &policy.DecodeError{
			Kind: policy.ErrFileSyntax, Span: f.CharAt(start),
			Message: "HCL: " + d.Summary + detail(d.Detail),
			Fix:     "fix the HCL syntax here; terraform validate shows the same error",
		}
	}
	body, ok := hf.Body.(*hclsyntax.Body)
	if !ok {
		return nil, nil
	}
	var out []*block
	for _, b := range body.Blocks {
		switch b.Type {
		case "resource", "data":
			if len(b.Labels) == 2 {
				out = append(out, convertBlock(f, b, b.Type, b.Labels[0], b.Labels[1]))
			}
		case "provider":
			if len(b.Labels) == 1 {
				out = append(out, convertBlock(f, b, "provider", b.Labels[0], ""))
			}
		}
	}
	return out, nil
}

func detail(s string) string {
	if s == "" {
		return ""
	}
	return ": " + strings.TrimSuffix(s, ".")
}

func rangeSpan(r hcl.Range) policy.Span { return policy.Span{Start: r.Start.Byte, End: r.End.Byte} }

func convertBlock(f *policy.File, b *hclsyntax.Block, kind, typ, name string) *block {
	out := &block{kind: kind, typ: typ, name: name, file: f, attrs: map[string]*value{}, blocks: map[string][]*block{}, span: rangeSpan(b.Range())}
	for n, a := range b.Body.Attributes {
		v := convertExpr(f, a.Expr)
		v.keySpan = rangeSpan(a.NameRange)
		out.attrs[n] = v
	}
	for _, nb := range b.Body.Blocks {
		if nb.Type == "dynamic" {
			continue
		}
		out.blocks[nb.Type] = append(out.blocks[nb.Type], convertBlock(f, nb, nb.Type, "", ""))
	}
	return out
}

// convertExpr turns an HCL expression into a value.
func convertExpr(f *policy.File, e hclsyntax.Expression) *value {
	v := &value{}
	switch x := e.(type) {
	case *hclsyntax.ScopeTraversalExpr:
		v.ref = traversalString(x.Traversal)
	case *hclsyntax.TemplateWrapExpr:
		if st, ok := x.Wrapped.(*hclsyntax.ScopeTraversalExpr); ok {
			v.ref = traversalString(st.Traversal)
		}
	case *hclsyntax.FunctionCallExpr:
		if x.Name == "jsonencode" && len(x.Args) == 1 {
			v.jsonencode = true
		}
	case *hclsyntax.TemplateExpr:
		v.text, v.offsets = templateText(f, x)
		v.isText = true
	case *hclsyntax.TupleConsExpr:
		for _, el := range x.Exprs {
			if st, ok := el.(*hclsyntax.ScopeTraversalExpr); ok {
				v.refs = append(v.refs, traversalString(st.Traversal))
			}
		}
	}
	if v.jsonencode {
		v.node = exprNode(f, e.(*hclsyntax.FunctionCallExpr).Args[0], 0)
	} else {
		v.node = exprNode(f, e, 0)
	}
	return v
}

// exprNode converts an expression to a node, keeping its source range.
func exprNode(f *policy.File, e hclsyntax.Expression, depth int) *policy.Node {
	span := rangeSpan(e.Range())
	if depth > policy.MaxDepth {
		return &policy.Node{Kind: policy.String, Span: span, Text: "${...}"}
	}
	switch x := e.(type) {
	case *hclsyntax.LiteralValueExpr:
		return literalNode(x.Val, span)
	case *hclsyntax.TemplateExpr:
		text, _ := templateText(f, x)
		return &policy.Node{Kind: policy.String, Span: span, Text: text}
	case *hclsyntax.TemplateWrapExpr:
		return symbolicNode(f, x.Wrapped.Range(), span)
	case *hclsyntax.ObjectConsExpr:
		n := &policy.Node{Kind: policy.Object, Span: span}
		for _, it := range x.Items {
			key, ok := objectKey(f, it.KeyExpr)
			if !ok {
				continue
			}
			n.Members = append(n.Members, policy.Member{Key: key, KeySpan: rangeSpan(it.KeyExpr.Range()), Value: exprNode(f, it.ValueExpr, depth+1)})
		}
		return n
	case *hclsyntax.TupleConsExpr:
		n := &policy.Node{Kind: policy.Array, Span: span}
		for _, el := range x.Exprs {
			n.Elems = append(n.Elems, exprNode(f, el, depth+1))
		}
		return n
	case *hclsyntax.ParenthesesExpr:
		return exprNode(f, x.Expression, depth+1)
	}
	return symbolicNode(f, e.Range(), span)
}

// symbolicNode stands for a value only Terraform knows: its source text in
// ${...}.
func symbolicNode(f *policy.File, r hcl.Range, span policy.Span) *policy.Node {
	text := "..."
	if r.Start.Byte >= 0 && r.End.Byte <= len(f.Content) && r.End.Byte > r.Start.Byte {
		text = strings.Join(strings.Fields(string(f.Content[r.Start.Byte:r.End.Byte])), " ")
	}
	return &policy.Node{Kind: policy.String, Span: span, Text: "${" + text + "}"}
}

func objectKey(f *policy.File, e hclsyntax.Expression) (string, bool) {
	if k, ok := e.(*hclsyntax.ObjectConsKeyExpr); ok {
		if st, ok := k.Wrapped.(*hclsyntax.ScopeTraversalExpr); ok && !k.ForceNonLiteral && len(st.Traversal) == 1 {
			return st.Traversal.RootName(), true
		}
		e = k.Wrapped
	}
	n := exprNode(f, e, 0)
	if n.Kind == policy.String {
		return n.Text, true
	}
	return "", false
}

// numberText writes a number in its shortest decimal form. HCL numbers
// are 512-bit floats, which big.Float formats slowly (a tenth of the time
// spent on a Terraform module full of sizes and timeouts); an integer that
// fits 64 bits, as nearly all are, is written by strconv instead, with the
// same text.
func numberText(f *big.Float) string {
	if f.IsInt() {
		if i, acc := f.Int64(); acc == big.Exact {
			return strconv.FormatInt(i, 10)
		}
	}
	return f.Text('f', -1)
}

func literalNode(v cty.Value, span policy.Span) *policy.Node {
	switch {
	case v.IsNull():
		return &policy.Node{Kind: policy.Null, Span: span}
	case !v.IsKnown():
		return &policy.Node{Kind: policy.String, Span: span, Text: "${unknown}"}
	case v.Type() == cty.String:
		return &policy.Node{Kind: policy.String, Span: span, Text: v.AsString()}
	case v.Type() == cty.Number:
		return &policy.Node{Kind: policy.Number, Span: span, Text: numberText(v.AsBigFloat())}
	case v.Type() == cty.Bool:
		return &policy.Node{Kind: policy.Bool, Span: span, Text: fmt.Sprint(v.True())}
	}
	return &policy.Node{Kind: policy.String, Span: span, Text: "${" + v.GoString() + "}"}
}

// templateText renders a string template (quoted or heredoc) with its
// interpolations kept as ${...}, and maps each byte to the file.
func templateText(f *policy.File, t *hclsyntax.TemplateExpr) (string, []int) {
	var b strings.Builder
	var offs []int
	heredoc := t.SrcRange.Start.Byte < len(f.Content) && f.Content[t.SrcRange.Start.Byte] == '<'
	for _, p := range t.Parts {
		r := p.Range()
		if lit, ok := p.(*hclsyntax.LiteralValueExpr); ok && lit.Val.Type() == cty.String && lit.Val.IsKnown() && !lit.Val.IsNull() {
			s := lit.Val.AsString()
			o := policy.AlignOffsets(f.Content, r.Start.Byte, r.End.Byte, s, !heredoc)
			b.WriteString(s)
			offs = append(offs, o[:len(s)]...)
			continue
		}
		ph := symbolicNode(f, r, rangeSpan(r)).Text
		b.WriteString(ph)
		for range ph {
			offs = append(offs, r.Start.Byte)
		}
	}
	end := t.SrcRange.End.Byte
	return b.String(), append(offs, end)
}

func traversalString(t hcl.Traversal) string {
	var b strings.Builder
	for i, s := range t {
		switch x := s.(type) {
		case hcl.TraverseRoot:
			b.WriteString(x.Name)
		case hcl.TraverseAttr:
			b.WriteString("." + x.Name)
		case hcl.TraverseIndex:
			if x.Key.Type() == cty.String {
				fmt.Fprintf(&b, "[%q]", x.Key.AsString())
			} else if x.Key.Type() == cty.Number {
				fmt.Fprintf(&b, "[%s]", numberText(x.Key.AsBigFloat()))
			}
		case hcl.TraverseSplat:
			b.WriteString("[*]")
		default:
			if i > 0 {
				b.WriteString(".?")
			}
		}
	}
	return b.String()
}
