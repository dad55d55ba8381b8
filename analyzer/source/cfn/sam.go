package cfn

import (
	_ "embed"
	"encoding/json"
	"strings"
	"sync"

	"github.com/seslint/seslint/analyzer/policy"
)

//go:generate go run ../../internal/gensam -out sam_policy_templates.json

//go:embed sam_policy_templates.json
var samTemplatesJSON []byte

// samTemplate is one SAM policy template: its statements, with
// {"Ref": Parameter} standing for the values the invocation gives.
type samTemplate struct {
	Definition struct {
		Statement json.RawMessage `json:"Statement"`
	} `json:"Definition"`
}

var samTemplates = sync.OnceValue(func() map[string]*policy.Node {
	var data struct {
		Templates map[string]samTemplate `json:"templates"`
	}
	if err := json.Unmarshal(samTemplatesJSON, &data); err != nil {
		panic("cfn: embedded SAM policy templates: " + err.Error())
	}
	out := map[string]*policy.Node{}
	for name, t := range data.Templates {
		d := policy.DecodeJSON(t.Definition.Statement, nil)
		if d.Root == nil {
			panic("cfn: embedded SAM policy template " + name + " does not decode")
		}
		out[name] = d.Root
	}
	return out
})

// SAMTemplateNames returns the SES policy templates seslint expands.
func SAMTemplateNames() []string {
	var names []string
	for n := range samTemplates() {
		names = append(names, n)
	}
	return names
}

// samExpand returns the policy a SAM policy template invocation deploys,
// every node placed at the invocation (the template's name in the user's
// file), and the template's name; nil when the item is not an SES policy
// template.
//
// SAM's definitions carry no Version; the expansion says 2012-10-17, as a
// missing Version changes nothing for statements without policy variables
// and would be a finding the user cannot act on.
func (t *Template) samExpand(item *policy.Node) (*policy.Node, string) {
	if item.Kind != policy.Object || len(item.Members) != 1 {
		return nil, ""
	}
	m := item.Members[0]
	def, ok := samTemplates()[m.Key]
	if !ok {
		return nil, ""
	}
	params := map[string]string{}
	if m.Value.Kind == policy.Object {
		rv := &resolver{t: t, branch: true}
		for _, p := range m.Value.Members {
			if v := rv.value(p.Value, 0); v != nil && v.Kind == policy.String {
				params[p.Key] = v.Text
			} else {
				params[p.Key] = "${" + p.Key + "}"
			}
		}
	}
	at := m.KeySpan
	stmts := placeAt(substituteSAM(def, params), at)
	root := &policy.Node{Kind: policy.Object, Span: at, Members: []policy.Member{
		{Key: "Version", KeySpan: at, Value: &policy.Node{Kind: policy.String, Span: at, Text: "2012-10-17"}},
		{Key: "Statement", KeySpan: at, Value: stmts},
	}}
	return root, m.Key
}

// substituteSAM resolves the template's Fn::Sub [text, {var: {Ref: P}}]
// with the invocation's parameters; a parameter not given stays symbolic.
func substituteSAM(n *policy.Node, params map[string]string) *policy.Node {
	if fn, arg := intrinsic(n); fn == "Fn::Sub" && arg.Kind == policy.Array && len(arg.Elems) == 2 && arg.Elems[0].Kind == policy.String {
		text := arg.Elems[0].Text
		if vars := arg.Elems[1]; vars.Kind == policy.Object {
			for _, v := range vars.Members {
				val := "${" + v.Key + "}"
				if p := refTarget(v.Value); p != "" {
					if s, ok := params[p]; ok {
						val = s
					} else {
						val = "${" + p + "}"
					}
				}
				text = strings.ReplaceAll(text, "${"+v.Key+"}", val)
			}
		}
		return &policy.Node{Kind: policy.String, Text: text}
	}
	out := *n
	switch n.Kind {
	case policy.Object:
		out.Members = make([]policy.Member, len(n.Members))
		for i, m := range n.Members {
			out.Members[i] = policy.Member{Key: m.Key, Value: substituteSAM(m.Value, params)}
		}
	case policy.Array:
		out.Elems = make([]*policy.Node, len(n.Elems))
		for i, e := range n.Elems {
			out.Elems[i] = substituteSAM(e, params)
		}
	}
	return &out
}

// placeAt gives every node of a tree the same span.
func placeAt(n *policy.Node, at policy.Span) *policy.Node {
	n.Span = at
	for i := range n.Members {
		n.Members[i].KeySpan = at
		placeAt(n.Members[i].Value, at)
	}
	for _, e := range n.Elems {
		placeAt(e, at)
	}
	return n
}
