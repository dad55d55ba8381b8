package terraform

import (
	"encoding/json"
	"strings"

	"github.com/seslint/seslint/analyzer/policy"
)

// policyDocument converts a data "aws_iam_policy_document" block to the
// IAM JSON Terraform renders, with Terraform's semantics: version defaults
// to 2012-10-17 and effect to Allow; principals and conditions are grouped
// by type and test; source_policy_documents come first and
// override_policy_documents last, statements with the same sid replacing
// earlier ones. Every node keeps the position of the attribute or block it
// comes from; defaults are placed at the block.
func (m *Module) policyDocument(b *block, depth int) *policy.Node {
	if n, ok := m.docs[b.address()]; ok {
		return n
	}
	m.docs[b.address()] = nil // a cycle resolves to nothing
	at := b.file.CharAt(b.span.Start)
	root := &policy.Node{Kind: policy.Object, Span: b.span}
	version := str(at, "2012-10-17")
	if v := b.attrs["version"]; v != nil {
		version = v.node
	}
	root.Members = append(root.Members, member("Version", version))
	if v := b.attrs["policy_id"]; v != nil {
		root.Members = append(root.Members, member("Id", v.node))
	}

	var stmts []*policy.Node
	merge := func(list []*policy.Node) {
		for _, st := range list {
			sid := ""
			if s, ok := st.Get("Sid"); ok && s.Kind == policy.String {
				sid = s.Text
			}
			replaced := false
			if sid != "" {
				for i, old := range stmts {
					if s, ok := old.Get("Sid"); ok && s.Text == sid {
						stmts[i], replaced = st, true
						break
					}
				}
			}
			if !replaced {
				stmts = append(stmts, st)
			}
		}
	}
	fromRefs := func(attr string) {
		if v := b.attrs[attr]; v != nil && depth < 8 {
			for _, r := range v.refs {
				if doc, _ := m.policyDocumentRef(r); doc != nil {
					if s, ok := doc.Get("Statement"); ok {
						merge(s.Elems)
					}
				}
			}
		}
	}
	fromRefs("source_policy_documents")
	// The block's own statements replace source statements with their sid
	// but are all kept: two of its own with one sid is an error the rules
	// report (SES108), not a merge.
	var own []*policy.Node
	for _, sb := range b.blocks["statement"] {
		own = append(own, statement(sb))
	}
	var kept []*policy.Node
	for _, st := range stmts {
		if !sidIn(st, own) {
			kept = append(kept, st)
		}
	}
	stmts = append(kept, own...)
	fromRefs("override_policy_documents")

	span := b.span
	if len(b.blocks["statement"]) > 0 {
		span = b.blocks["statement"][0].span
	}
	root.Members = append(root.Members, member("Statement", &policy.Node{Kind: policy.Array, Span: span, Elems: stmts}))
	m.docs[b.address()] = root
	return root
}

func statement(b *block) *policy.Node {
	at := b.file.CharAt(b.span.Start)
	st := &policy.Node{Kind: policy.Object, Span: b.span}
	if v := b.attrs["sid"]; v != nil {
		st.Members = append(st.Members, attrMember("Sid", v))
	}
	effect := str(at, "Allow")
	effectMember := member("Effect", effect)
	if v := b.attrs["effect"]; v != nil {
		effectMember = attrMember("Effect", v)
	}
	st.Members = append(st.Members, effectMember)
	for _, p := range [][2]string{{"principals", "Principal"}, {"not_principals", "NotPrincipal"}} {
		if n := principals(b.blocks[p[0]]); n != nil {
			st.Members = append(st.Members, member(p[1], n))
		}
	}
	for _, a := range [][2]string{{"actions", "Action"}, {"not_actions", "NotAction"}, {"resources", "Resource"}, {"not_resources", "NotResource"}} {
		if v := b.attrs[a[0]]; v != nil {
			st.Members = append(st.Members, attrMember(a[1], v))
		}
	}
	if conds := b.blocks["condition"]; len(conds) > 0 {
		c := &policy.Node{Kind: policy.Object, Span: conds[0].span}
		for _, cb := range conds {
			test, variable := cb.attrs["test"], cb.attrs["variable"]
			values := cb.attrs["values"]
			if test == nil || variable == nil || values == nil || test.node.Kind != policy.String || variable.node.Kind != policy.String {
				continue
			}
			op, ok := c.Get(test.node.Text)
			if !ok {
				op = &policy.Node{Kind: policy.Object, Span: cb.span}
				c.Members = append(c.Members, policy.Member{Key: test.node.Text, KeySpan: test.node.Span, Value: op})
			}
			op.Members = append(op.Members, policy.Member{Key: variable.node.Text, KeySpan: variable.node.Span, Value: values.node})
		}
		st.Members = append(st.Members, member("Condition", c))
	}
	return st
}

// principals groups principals blocks by type; type "*" with identifiers
// ["*"] renders as Principal "*".
func principals(blocks []*block) *policy.Node {
	if len(blocks) == 0 {
		return nil
	}
	n := &policy.Node{Kind: policy.Object, Span: blocks[0].span}
	for _, pb := range blocks {
		t, ids := pb.attrs["type"], pb.attrs["identifiers"]
		if t == nil || ids == nil || t.node.Kind != policy.String {
			continue
		}
		if t.node.Text == "*" {
			return &policy.Node{Kind: policy.String, Span: pb.span, Text: "*"}
		}
		list, ok := n.Get(t.node.Text)
		if !ok {
			list = &policy.Node{Kind: policy.Array, Span: ids.node.Span}
			n.Members = append(n.Members, policy.Member{Key: t.node.Text, KeySpan: t.node.Span, Value: list})
		}
		if ids.node.Kind == policy.Array {
			list.Elems = append(list.Elems, ids.node.Elems...)
		} else {
			list.Elems = append(list.Elems, ids.node)
		}
	}
	return n
}

func member(key string, v *policy.Node) policy.Member {
	return policy.Member{Key: key, KeySpan: v.Span, Value: v}
}

// attrMember renders an attribute as a policy element whose key is the
// attribute's name as the user wrote it (not_actions for NotAction).
func attrMember(key string, v *value) policy.Member {
	m := member(key, v.node)
	if v.keySpan.End > v.keySpan.Start {
		m.KeySpan = v.keySpan
	}
	return m
}

func str(at policy.Span, s string) *policy.Node {
	return &policy.Node{Kind: policy.String, Span: at, Text: s}
}

// jsonSize is the length of the JSON a structured policy renders to.
func jsonSize(n *policy.Node) int {
	b, err := json.Marshal(n.Interface())
	if err != nil {
		return 0
	}
	return len(strings.TrimSpace(string(b)))
}

// sidIn reports whether st has a sid that one of list has too.
func sidIn(st *policy.Node, list []*policy.Node) bool {
	s, ok := st.Get("Sid")
	if !ok || s.Kind != policy.String || s.Text == "" {
		return false
	}
	for _, o := range list {
		if os, ok := o.Get("Sid"); ok && os.Text == s.Text {
			return true
		}
	}
	return false
}
