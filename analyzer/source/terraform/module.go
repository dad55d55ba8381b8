package terraform

import (
	"sort"
	"strings"

	"github.com/seslint/seslint/analyzer/policy"
)

// Module is the policies of one Terraform module (a directory), or of a
// plan, as a deployment unit.
type Module struct {
	name   string
	blocks []*block
	byAddr map[string]*block
	unit   *policy.Unit
	// docs caches the document built for a policy document data block.
	docs map[string]*policy.Node
}

// Unit builds the deployment unit of a module from its blocks (all files
// of the directory, in file order). Files that did not parse are reported
// by the caller.
func newModule(name string, blocks []*block) *Module {
	m := &Module{name: name, blocks: blocks, byAddr: map[string]*block{}, docs: map[string]*policy.Node{}}
	for i, b := range blocks {
		b.index = i
		m.byAddr[b.address()] = b
	}
	return m
}

// ownerOf is how documents name the block they come from.
func ownerOf(b *block) string { return b.address() }

// Unit returns the module's documents, principals, identities,
// configuration sets and suppressions.
func (m *Module) Unit() *policy.Unit {
	u := &policy.Unit{Name: m.name}
	m.unit = u
	region := ""
	for _, b := range m.blocks {
		if b.kind == "provider" && b.typ == "aws" {
			if r := b.str("region"); r != "" && !strings.Contains(r, "${") && region == "" {
				region = r
			}
		}
	}
	for _, b := range m.blocks {
		if b.kind != "resource" {
			continue
		}
		switch b.typ {
		case "aws_iam_policy":
			m.add(b, "policy", policy.Identity, b.str("name"), "")
		case "aws_iam_role_policy", "aws_iam_user_policy", "aws_iam_group_policy":
			m.add(b, "policy", policy.Identity, b.str("name"), "")
		case "aws_iam_role":
			for _, ip := range b.blocks["inline_policy"] {
				if v := ip.attrs["policy"]; v != nil {
					m.addValue(b, v, policy.Identity, ip.str("name"), "", nameSpan(ip))
				}
			}
		case "aws_ses_identity_policy":
			m.add(b, "policy", policy.SendingAuthorization, b.str("name"), m.identityOf(b.attrs["identity"]))
		case "aws_sesv2_email_identity_policy":
			m.add(b, "policy", policy.SendingAuthorization, b.str("policy_name"), m.identityOf(b.attrs["email_identity"]))
		case "aws_organizations_policy":
			if t := b.str("type"); t == "" || t == "SERVICE_CONTROL_POLICY" {
				m.add(b, "content", policy.SCP, b.str("name"), "")
			}
		case "aws_ses_email_identity":
			m.identity(b, "email", region)
		case "aws_ses_domain_identity":
			m.identity(b, "domain", region)
		case "aws_sesv2_email_identity":
			m.identity(b, "email_identity", region)
		case "aws_ses_configuration_set":
			m.configSet(b, "name")
		case "aws_sesv2_configuration_set":
			m.configSet(b, "configuration_set_name")
		}
	}
	m.relate(u)
	filtered := &policy.Unit{Name: u.Name, Identities: u.Identities, ConfigurationSets: u.ConfigurationSets, Directives: u.Directives}
	// Keep only SES-relevant documents, renumbering the principals' links.
	index := map[int]int{}
	for i, d := range u.Documents {
		if d.SESRelevant() {
			index[i] = len(filtered.Documents)
			filtered.Documents = append(filtered.Documents, d)
		}
	}
	for _, p := range u.Principals {
		old := p.Policies
		p.Policies = nil
		for _, k := range old {
			if j, ok := index[k]; ok {
				p.AddPolicies(j)
			}
		}
		if p.Boundary >= 0 {
			if j, ok := index[p.Boundary]; ok {
				p.Boundary = j
			} else {
				p.Boundary = -1
			}
		}
		filtered.Principals = append(filtered.Principals, p)
		for _, k := range p.Policies {
			filtered.Documents[k].Attached = true
		}
		if p.Boundary >= 0 {
			filtered.Documents[p.Boundary].Attached = true
		}
	}
	return filtered
}

func (b *block) str(attr string) string {
	if v := b.attrs[attr]; v != nil && v.node != nil && v.node.Kind == policy.String {
		return v.node.Text
	}
	return ""
}

// add makes the documents of a block's policy attribute.
func (m *Module) add(b *block, attr string, kind policy.DocKind, name, identity string) {
	if v := b.attrs[attr]; v != nil {
		m.addValue(b, v, kind, name, identity, nameSpan(b))
	}
}

// nameSpan is where a block writes its policy name.
func nameSpan(b *block) policy.Span {
	for _, a := range []string{"name", "policy_name"} {
		if v := b.attrs[a]; v != nil && v.node != nil {
			return v.node.Span
		}
	}
	return policy.Span{}
}

func (m *Module) addValue(b *block, v *value, kind policy.DocKind, name, identity string, nameSpan policy.Span) {
	base := policy.Document{File: b.file, Kind: kind, Owner: ownerOf(b), Name: name, NameSpan: nameSpan, Identity: identity, Start: b.file.CharAt(v.node.Span.Start)}
	switch {
	case v.jsonencode:
		if v.node.Kind != policy.Object {
			return // jsonencode(local.x): the value is not in the source
		}
		d := base
		d.Decoded = &policy.Decoded{Root: v.node}
		d.Size = jsonSize(v.node)
		m.unit.Documents = append(m.unit.Documents, &d)
	case v.isText:
		text := strings.TrimSpace(v.text)
		if !strings.HasPrefix(text, "{") {
			return
		}
		d := base
		d.Decoded = policy.DecodeJSON([]byte(v.text), policy.OffsetMapper(v.offsets))
		d.Size = len(v.text)
		m.unit.Documents = append(m.unit.Documents, &d)
	case v.ref != "":
		if root, b := m.policyDocumentRef(v.ref); root != nil {
			d := base
			d.Decoded = &policy.Decoded{Root: root}
			d.Size = jsonSize(root)
			d.Start = b.file.CharAt(root.Span.Start)
			d.File = b.file
			m.unit.Documents = append(m.unit.Documents, &d)
		}
	}
}

// resolve finds the block a reference names, and the attribute it reads:
// aws_iam_role.app.name → (aws_iam_role.app, "name"); instance keys are
// dropped (data.x.send[0].json names data.x.send); a reference to a whole
// block (aws_iam_group.mail, as in for_each lists) has no attribute.
func (m *Module) resolve(ref string) (*block, string) {
	ref = configAddress(ref)
	if b := m.byAddr[ref]; b != nil {
		return b, ""
	}
	if i := strings.LastIndex(ref, "."); i > 0 {
		if b := m.byAddr[ref[:i]]; b != nil {
			return b, ref[i+1:]
		}
	}
	return nil, ""
}

// policyDocumentRef resolves a reference to the .json (or .minified_json)
// of a data "aws_iam_policy_document", in the root or a child module, to
// the document it builds, and returns the block.
func (m *Module) policyDocumentRef(ref string) (*policy.Node, *block) {
	b, attr := m.resolve(ref)
	if b == nil || b.kind != "data" || b.typ != "aws_iam_policy_document" || (attr != "json" && attr != "minified_json") {
		return nil, nil
	}
	// A plan has the rendered document; a configuration has the blocks it
	// is built from.
	if v := b.attrs["json"]; v != nil && v.isText {
		return policy.DecodeJSON([]byte(v.text), policy.OffsetMapper(v.offsets)).Root, b
	}
	return m.policyDocument(b, 0), b
}

// identityOf returns the identity a sending authorization policy is
// attached to: a literal, or the domain/email of an identity resource of
// the module it references.
func (m *Module) identityOf(v *value) string {
	if v == nil {
		return ""
	}
	if v.ref != "" {
		if b, _ := m.resolve(v.ref); b != nil {
			for _, a := range []string{"domain", "email", "email_identity"} {
				if s := b.str(a); s != "" {
					if strings.HasSuffix(v.ref, ".arn") {
						return "${" + v.ref + "}"
					}
					return s
				}
			}
		}
		return "${" + v.ref + "}"
	}
	if v.node != nil && v.node.Kind == policy.String {
		return v.node.Text
	}
	return ""
}

func (m *Module) identity(b *block, attr, region string) {
	name := b.str(attr)
	if name == "" {
		name = "${" + b.address() + "}"
	}
	m.unit.Identities = append(m.unit.Identities, &policy.SESIdentity{Named: policy.Named{Name: name, Node: blockNode(b), File: b.file}, Region: region})
}

func (m *Module) configSet(b *block, attr string) {
	name := b.str(attr)
	if name == "" {
		name = "${" + b.address() + "}"
	}
	m.unit.ConfigurationSets = append(m.unit.ConfigurationSets, &policy.Named{Name: name, Node: blockNode(b), File: b.file})
}

// blockNode is a block as a node: an object of its attributes, so rules
// can point at one (["permissions_boundary"]).
func blockNode(b *block) *policy.Node {
	n := &policy.Node{Kind: policy.Object, Span: b.span}
	names := make([]string, 0, len(b.attrs))
	for k := range b.attrs {
		names = append(names, k)
	}
	sort.Slice(names, func(i, j int) bool { return b.attrs[names[i]].node.Span.Start < b.attrs[names[j]].node.Span.Start })
	for _, k := range names {
		v := b.attrs[k].node
		n.Members = append(n.Members, policy.Member{Key: k, KeySpan: v.Span, Value: v})
	}
	return n
}

// relate links principals to their policies and boundaries.
func (m *Module) relate(u *policy.Unit) {
	byOwner := map[string][]int{}
	for i, d := range u.Documents {
		byOwner[d.Owner] = append(byOwner[d.Owner], i)
	}
	principals := map[string]*policy.Principal{}
	for _, b := range m.blocks {
		if b.kind != "resource" {
			continue
		}
		switch b.typ {
		case "aws_iam_role", "aws_iam_user", "aws_iam_group":
			p := &policy.Principal{Name: b.address(), Type: b.typ, Boundary: -1, Node: blockNode(b), File: b.file, BoundaryPath: []policy.PathElem{"permissions_boundary"}}
			p.Policies = append(p.Policies, byOwner[b.address()]...)
			if v := b.attrs["permissions_boundary"]; v != nil && (v.ref != "" || v.node.Kind != policy.Null) {
				p.BoundaryRef = describe(v)
				if k := m.policyRef(v, byOwner); len(k) > 0 {
					p.Boundary = k[0]
				}
			}
			if v := b.attrs["managed_policy_arns"]; v != nil {
				for _, r := range v.refs {
					p.AddPolicies(m.policyRef(&value{ref: r}, byOwner)...)
				}
			}
			principals[b.address()] = p
			u.Principals = append(u.Principals, p)
		}
	}
	principalOf := func(v *value, typ string) *policy.Principal {
		if v == nil {
			return nil
		}
		if v.ref != "" {
			if b, _ := m.resolve(v.ref); b != nil {
				return principals[b.address()]
			}
			return nil
		}
		// A literal name: the principal of that type whose name it is.
		if v.node != nil && v.node.Kind == policy.String {
			for _, b := range m.blocks {
				if b.kind == "resource" && b.typ == typ && b.str("name") == v.node.Text {
					return principals[b.address()]
				}
			}
		}
		return nil
	}
	link := func(p *policy.Principal, ks []int) {
		if p != nil {
			p.AddPolicies(ks...)
		}
	}
	for _, b := range m.blocks {
		if b.kind != "resource" {
			continue
		}
		switch b.typ {
		case "aws_iam_role_policy":
			link(principalOf(b.attrs["role"], "aws_iam_role"), byOwner[b.address()])
		case "aws_iam_user_policy":
			link(principalOf(b.attrs["user"], "aws_iam_user"), byOwner[b.address()])
		case "aws_iam_group_policy":
			link(principalOf(b.attrs["group"], "aws_iam_group"), byOwner[b.address()])
		case "aws_iam_role_policy_attachment":
			link(principalOf(b.attrs["role"], "aws_iam_role"), m.policyRef(b.attrs["policy_arn"], byOwner))
		case "aws_iam_user_policy_attachment":
			link(principalOf(b.attrs["user"], "aws_iam_user"), m.policyRef(b.attrs["policy_arn"], byOwner))
		case "aws_iam_group_policy_attachment":
			link(principalOf(b.attrs["group"], "aws_iam_group"), m.policyRef(b.attrs["policy_arn"], byOwner))
		case "aws_iam_policy_attachment":
			ks := m.policyRef(b.attrs["policy_arn"], byOwner)
			for attr, typ := range map[string]string{"roles": "aws_iam_role", "users": "aws_iam_user", "groups": "aws_iam_group"} {
				if v := b.attrs[attr]; v != nil {
					for _, r := range v.refs {
						link(principalOf(&value{ref: r}, typ), ks)
					}
				}
			}
		}
	}
	for _, p := range u.Principals {
		if p.Boundary >= 0 {
			u.Documents[p.Boundary].Kind = policy.Boundary
		}
	}
}

// policyRef returns the documents of an aws_iam_policy a value refers to
// (aws_iam_policy.X.arn).
func (m *Module) policyRef(v *value, byOwner map[string][]int) []int {
	if v == nil || v.ref == "" {
		return nil
	}
	if b, _ := m.resolve(v.ref); b != nil && b.typ == "aws_iam_policy" {
		return byOwner[b.address()]
	}
	return nil
}

func describe(v *value) string {
	if v.ref != "" {
		return "${" + v.ref + "}"
	}
	if v.node != nil && v.node.Kind == policy.String {
		return v.node.Text
	}
	return "${...}"
}
