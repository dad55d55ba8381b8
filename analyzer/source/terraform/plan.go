package terraform

import (
	"bytes"
	"strings"

	"github.com/seslint/seslint/analyzer/policy"
)

// IsPlan reports whether a decoded JSON document is `terraform show -json`
// output of a plan.
func IsPlan(root *policy.Node) bool {
	if root == nil || root.Kind != policy.Object {
		return false
	}
	_, pv := root.Get("planned_values")
	_, fv := root.Get("format_version")
	return pv && fv
}

// SniffPlan reports whether file content looks like a plan, before
// decoding, so a plan cut short is reported rather than passed over.
func SniffPlan(content []byte) bool {
	return bytes.Contains(content, []byte(`"planned_values"`)) && bytes.Contains(content, []byte(`"format_version"`))
}

// FromPlan reads a plan as one deployment unit. Policies come from
// planned_values (root and child modules), where Terraform has rendered
// them to strings; resource_changes repeats them and is not read, so each
// policy is checked once. References between resources (a role's policy
// attachment, a boundary) come from the configuration section. Findings
// point into the planned_values entry.
func FromPlan(f *policy.File, root *policy.Node) *policy.Unit {
	refs := map[string]map[string][]string{}
	region := ""
	if cfg, ok := root.Get("configuration"); ok {
		if rm, ok := cfg.Get("root_module"); ok {
			configRefs(rm, "", refs)
		}
		if pc, ok := cfg.Get("provider_config"); ok {
			if aws, ok := pc.Get("aws"); ok {
				if ex, ok := aws.Get("expressions"); ok {
					if r, ok := ex.Get("region"); ok {
						if c, ok := r.Get("constant_value"); ok && c.Kind == policy.String {
							region = c.Text
						}
					}
				}
			}
		}
	}
	var blocks []*block
	if pv, ok := root.Get("planned_values"); ok {
		if rm, ok := pv.Get("root_module"); ok {
			blocks = planModule(f, rm, refs, blocks)
		}
	}
	if region != "" {
		blocks = append(blocks, &block{kind: "provider", typ: "aws", file: f, attrs: map[string]*value{
			"region": {node: &policy.Node{Kind: policy.String, Text: region}},
		}, blocks: map[string][]*block{}})
	}
	return newModule(f.Path, blocks).Unit()
}

func planModule(f *policy.File, m *policy.Node, refs map[string]map[string][]string, out []*block) []*block {
	if rs, ok := m.Get("resources"); ok && rs.Kind == policy.Array {
		for _, r := range rs.Elems {
			b := planResource(f, r, refs)
			if b != nil {
				out = append(out, b)
			}
		}
	}
	if cms, ok := m.Get("child_modules"); ok && cms.Kind == policy.Array {
		for _, cm := range cms.Elems {
			out = planModule(f, cm, refs, out)
		}
	}
	return out
}

func text(n *policy.Node, key string) string {
	if v, ok := n.Get(key); ok && v.Kind == policy.String {
		return v.Text
	}
	return ""
}

func planResource(f *policy.File, r *policy.Node, refs map[string]map[string][]string) *block {
	addr, mode, typ := text(r, "address"), text(r, "mode"), text(r, "type")
	if addr == "" || typ == "" {
		return nil
	}
	kind := "resource"
	if mode == "data" {
		kind = "data"
	}
	b := &block{kind: kind, typ: typ, name: text(r, "name"), addr: addr, file: f, attrs: map[string]*value{}, blocks: map[string][]*block{}, span: r.Span}
	values, _ := r.Get("values")
	if values != nil && values.Kind == policy.Object {
		for _, m := range values.Members {
			if m.Value.Kind == policy.Null {
				continue // unset
			}
			if nestedBlocks[m.Key] {
				for _, nb := range objects(m.Value) {
					b.blocks[m.Key] = append(b.blocks[m.Key], jsonBlock(f, nb, m.Key, "", ""))
				}
				continue
			}
			v := &value{node: unknownNulls(m.Value)}
			if m.Value.Kind == policy.String {
				v.text, v.offsets, v.isText = m.Value.Text, policy.JSONStringOffsets(f.Content, m.Value.Span), true
			}
			b.attrs[m.Key] = v
		}
	}
	// References known from the configuration, for attributes whose value
	// is not rendered in the plan or that name another resource.
	for attr, rs := range refs[configAddress(addr)] {
		v := b.attrs[attr]
		if v == nil {
			v = &value{node: &policy.Node{Kind: policy.String, Span: b.span, Text: "${" + strings.Join(rs, ",") + "}"}}
			b.attrs[attr] = v
		}
		if len(rs) > 0 {
			v.ref = moduleRef(addr, rs[0])
			for _, x := range rs {
				v.refs = append(v.refs, moduleRef(addr, x))
			}
		}
	}
	return b
}

// configAddress drops instance keys: aws_iam_policy.p[0] → aws_iam_policy.p.
func configAddress(addr string) string {
	var b strings.Builder
	depth := 0
	for _, c := range addr {
		switch {
		case c == '[':
			depth++
		case c == ']':
			depth--
		case depth == 0:
			b.WriteRune(c)
		}
	}
	return b.String()
}

// moduleRef qualifies a reference made inside a child module with the
// module's address.
func moduleRef(addr, ref string) string {
	ca := configAddress(addr)
	if i := strings.LastIndex(ca, "module."); i >= 0 {
		rest := ca[i+len("module."):]
		if j := strings.IndexByte(rest, '.'); j >= 0 {
			return ca[:i+len("module.")+j+1] + ref
		}
	}
	return ref
}

// configRefs collects, per resource address, the references of each
// attribute expression of the configuration (module calls included).
func configRefs(m *policy.Node, prefix string, out map[string]map[string][]string) {
	if rs, ok := m.Get("resources"); ok && rs.Kind == policy.Array {
		for _, r := range rs.Elems {
			addr := prefix + text(r, "address")
			ex, ok := r.Get("expressions")
			if !ok || ex.Kind != policy.Object {
				continue
			}
			for _, e := range ex.Members {
				var list []string
				if rr, ok := e.Value.Get("references"); ok && rr.Kind == policy.Array {
					for _, x := range rr.Elems {
						if x.Kind == policy.String {
							list = append(list, x.Text)
						}
					}
				}
				if len(list) > 0 {
					if out[addr] == nil {
						out[addr] = map[string][]string{}
					}
					out[addr][e.Key] = list
				}
			}
		}
	}
	if calls, ok := m.Get("module_calls"); ok && calls.Kind == policy.Object {
		for _, c := range calls.Members {
			if mod, ok := c.Value.Get("module"); ok {
				configRefs(mod, prefix+"module."+c.Key+".", out)
			}
		}
	}
}
