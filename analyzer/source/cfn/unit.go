package cfn

import (
	"github.com/seslint/seslint/analyzer/policy"
)

// Unit returns the template as a deployment unit: its SES-relevant policy
// documents, its principals (roles, users, groups and SAM functions) with
// the documents that apply to them — inline policies, the policies that
// name them in Roles/Users/Groups, the managed policies they list in
// ManagedPolicyArns — and their permissions boundaries, and the SES
// identities and configuration sets it creates.
func (t *Template) Unit() *policy.Unit {
	u := &policy.Unit{Name: t.File.Path, Documents: t.Documents(), Directives: t.directives()}
	byOwner := map[string][]int{}
	for i, d := range u.Documents {
		byOwner[d.Owner] = append(byOwner[d.Owner], i)
	}
	principals := map[string]*policy.Principal{}
	for _, r := range t.Resources {
		switch r.Type {
		case "AWS::IAM::Role", "AWS::IAM::User", "AWS::IAM::Group", "AWS::Serverless::Function":
			if r.Type == "AWS::Serverless::Function" && r.prop("Role") != nil {
				// The function runs as a role defined elsewhere; its
				// Policies property is ignored by SAM.
				continue
			}
			p := &policy.Principal{Name: r.ID, Type: r.Type, Boundary: -1, Node: r.Props, File: t.File, BoundaryPath: []policy.PathElem{"PermissionsBoundary"}}
			if p.Node == nil {
				p.Node = r.Node
			}
			p.Policies = append(p.Policies, byOwner[r.ID]...)
			if b := r.prop("PermissionsBoundary"); b != nil {
				p.BoundaryRef = t.describeValue(b)
				if ks := byOwner[refTarget(b)]; refTarget(b) != "" && len(ks) > 0 {
					p.Boundary = ks[0]
				}
			}
			if arns := r.prop("ManagedPolicyArns"); arns != nil && arns.Kind == policy.Array {
				for _, a := range arns.Elems {
					if id := refTarget(a); id != "" {
						p.Policies = append(p.Policies, byOwner[id]...)
					}
				}
			}
			principals[r.ID] = p
			u.Principals = append(u.Principals, p)
		}
	}
	// Policies that name their principals.
	for _, r := range t.Resources {
		var lists []string
		switch r.Type {
		case "AWS::IAM::Policy", "AWS::IAM::ManagedPolicy":
			lists = []string{"Roles", "Users", "Groups"}
		case "AWS::IAM::RolePolicy":
			lists = []string{"RoleName"}
		case "AWS::IAM::UserPolicy":
			lists = []string{"UserName"}
		case "AWS::IAM::GroupPolicy":
			lists = []string{"GroupName"}
		default:
			continue
		}
		for _, l := range lists {
			v := r.prop(l)
			if v == nil {
				continue
			}
			items := []*policy.Node{v}
			if v.Kind == policy.Array {
				items = v.Elems
			}
			for _, it := range items {
				if p, ok := principals[refTarget(it)]; ok {
					p.AddPolicies(byOwner[r.ID]...)
				}
			}
		}
	}
	for _, p := range u.Principals {
		for _, k := range p.Policies {
			u.Documents[k].Attached = true
		}
		if p.Boundary >= 0 {
			u.Documents[p.Boundary].Attached = true
		}
	}
	for _, r := range t.Resources {
		switch r.Type {
		case "AWS::SES::EmailIdentity":
			if v := r.prop("EmailIdentity"); v != nil {
				u.Identities = append(u.Identities, &policy.SESIdentity{Named: policy.Named{Name: t.describeValue(v), Node: r.Props, File: t.File}})
			}
		case "AWS::SES::ConfigurationSet":
			name := "${" + r.ID + "}"
			if v := r.prop("Name"); v != nil {
				name = t.describeValue(v)
			}
			node := r.Props
			if node == nil {
				node = r.Node
			}
			u.ConfigurationSets = append(u.ConfigurationSets, &policy.Named{Name: name, Node: node, File: t.File})
		}
	}
	return u
}

// describeValue renders a property as a string: its value when the
// template determines it, otherwise a symbolic ${...}.
func (t *Template) describeValue(n *policy.Node) string {
	rv := &resolver{t: t, branch: true}
	if v := rv.value(n, 0); v != nil && v.Kind == policy.String {
		return v.Text
	}
	return "${" + n.Kind.String() + "}"
}
