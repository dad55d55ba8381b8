package cfn

import (
	"encoding/json"
	"strings"

	"github.com/seslint/seslint/analyzer/policy"
)

// Documents returns every SES-relevant policy document of the template:
// identity policies (AWS::IAM::Policy, ManagedPolicy, the inline Policies
// of roles, users and groups, RolePolicy/UserPolicy/GroupPolicy, SAM
// function policies), SCPs (AWS::Organizations::Policy) and sending
// authorization policies carried by custom resources. Trust policies are
// not SES policies and are skipped.
func (t *Template) Documents() []*policy.Document {
	boundaries := t.boundaryTargets()
	var docs []*policy.Document
	for _, r := range t.Resources {
		switch r.Type {
		case "AWS::IAM::Policy", "AWS::IAM::RolePolicy", "AWS::IAM::UserPolicy", "AWS::IAM::GroupPolicy":
			docs = append(docs, t.document(r.prop("PolicyDocument"), policy.Identity, r.ID, r.prop("PolicyName"), "")...)
		case "AWS::IAM::ManagedPolicy":
			kind := policy.Identity
			if boundaries[r.ID] {
				kind = policy.Boundary
			}
			docs = append(docs, t.document(r.prop("PolicyDocument"), kind, r.ID, r.prop("ManagedPolicyName"), "")...)
		case "AWS::IAM::Role", "AWS::IAM::User", "AWS::IAM::Group":
			docs = append(docs, t.inlinePolicies(r, r.prop("Policies"))...)
		case "AWS::Serverless::Function", "AWS::Serverless::StateMachine":
			docs = append(docs, t.samPolicies(r)...)
		case "AWS::Organizations::Policy":
			if typ := stringProp(r, "Type"); typ == "" || typ == "SERVICE_CONTROL_POLICY" {
				docs = append(docs, t.document(r.prop("Content"), policy.SCP, r.ID, r.prop("Name"), "")...)
			}
		default:
			if strings.HasPrefix(r.Type, "Custom::") || r.Type == "AWS::CloudFormation::CustomResource" {
				docs = append(docs, t.customPolicy(r)...)
			}
		}
	}
	t.attachErrors(docs)
	relevant := docs[:0]
	for _, d := range docs {
		if d.SESRelevant() {
			relevant = append(relevant, d)
		}
	}
	if broken := t.unattachedErrors(docs); broken != nil {
		relevant = append(relevant, broken)
	}
	return relevant
}

// attachErrors gives each structured policy document the decode problems
// found inside it (a trailing comma, a typographic quote, a duplicate key
// in the policy), so the rules report them as the policy's.
func (t *Template) attachErrors(docs []*policy.Document) {
	var structured []*policy.Document
	for _, d := range docs {
		// Policies decoded from JSON text have their own errors already.
		if d.Decoded.Root != nil && d.Decoded.Errors == nil {
			structured = append(structured, d)
		}
	}
	for _, e := range t.errs {
		for _, d := range structured {
			if r := d.Decoded.Root; e.Span.Start >= r.Span.Start && e.Span.Start < r.Span.End {
				d.Decoded.Errors = append(d.Decoded.Errors, e)
			}
		}
	}
}

// unattachedErrors turns the template's syntax problems outside any policy
// (CloudFormation's JSON parser rejects a trailing comma anywhere) into a
// document holding them as template errors (SES100).
func (t *Template) unattachedErrors(docs []*policy.Document) *policy.Document {
	var out []*policy.DecodeError
	for _, e := range t.errs {
		if e.Kind == policy.ErrDuplicateKey {
			continue
		}
		inside := false
		for _, d := range docs {
			if r := d.Decoded.Root; r != nil && e.Span.Start >= r.Span.Start && e.Span.Start < r.Span.End {
				inside = true
				break
			}
		}
		if !inside {
			out = append(out, &policy.DecodeError{Kind: policy.ErrFileSyntax, Span: e.Span, Message: "JSON: " + e.Message, Fix: e.Fix})
		}
	}
	if len(out) == 0 {
		return nil
	}
	return &policy.Document{File: t.File, Kind: policy.Identity, Start: out[0].Span, Decoded: &policy.Decoded{Errors: out}}
}

func stringProp(r *Resource, name string) string {
	if v := r.prop(name); v != nil && v.Kind == policy.String {
		return v.Text
	}
	return ""
}

// nameOf reads a policy name property: a literal, or a !Sub/!Join whose
// unknown parts stay ${...}; "" when there is none.
func (t *Template) nameOf(n *policy.Node) string {
	if n == nil {
		return ""
	}
	if n.Kind == policy.String {
		return n.Text
	}
	rv := &resolver{t: t, branch: true}
	if v := rv.value(n, 0); v != nil && v.Kind == policy.String {
		return v.Text
	}
	return ""
}

// boundaryTargets returns the managed policies of this template that some
// principal uses as its permissions boundary.
func (t *Template) boundaryTargets() map[string]bool {
	out := map[string]bool{}
	for _, r := range t.Resources {
		switch r.Type {
		case "AWS::IAM::Role", "AWS::IAM::User":
			if id := refTarget(r.prop("PermissionsBoundary")); id != "" {
				out[id] = true
			}
		}
	}
	return out
}

func (t *Template) inlinePolicies(r *Resource, list *policy.Node) []*policy.Document {
	var docs []*policy.Document
	for _, p := range t.branches(list) {
		if p.Kind != policy.Object {
			continue
		}
		doc, _ := p.Get("PolicyDocument")
		name, _ := p.Get("PolicyName")
		docs = append(docs, t.document(doc, policy.Identity, r.ID, name, "")...)
	}
	return docs
}

// samPolicies returns the inline policy documents of a SAM function's
// Policies (a document, or a list of documents, managed policy names and
// policy templates).
func (t *Template) samPolicies(r *Resource) []*policy.Document {
	p := r.prop("Policies")
	if p == nil {
		return nil
	}
	var docs []*policy.Document
	for _, it := range t.branches(p) {
		if it.Kind != policy.Object {
			continue
		}
		if _, ok := it.Get("Statement"); ok {
			docs = append(docs, t.document(it, policy.Identity, r.ID, nil, "")...)
			continue
		}
		if root, name := t.samExpand(it); root != nil {
			docs = append(docs, &policy.Document{
				File: t.File, Kind: policy.Identity, Owner: r.ID, Name: name,
				Origin: "SAM policy template " + name,
				Start:  root.Span, Decoded: &policy.Decoded{Root: root},
			})
		}
	}
	return docs
}

// customPolicy reads a custom resource that attaches an SES identity
// policy: a policy document under Policy or PolicyDocument, with the
// identity under Identity (or EmailIdentity) and the name under PolicyName.
func (t *Template) customPolicy(r *Resource) []*policy.Document {
	doc := r.prop("PolicyDocument")
	if doc == nil {
		doc = r.prop("Policy")
	}
	if doc == nil {
		return nil
	}
	identity := ""
	for _, k := range []string{"Identity", "EmailIdentity", "IdentityName"} {
		if v := r.prop(k); v != nil {
			rv := &resolver{t: t, branch: true}
			if s := rv.value(v, 0); s != nil && s.Kind == policy.String {
				identity = s.Text
				break
			}
		}
	}
	return t.document(doc, policy.SendingAuthorization, r.ID, r.prop("PolicyName"), identity)
}

// document turns a policy written in the template into documents: one, or
// two when Fn::If chooses between values (each branch is checked). A policy
// may be written as structure, as a JSON string, or as a Fn::Sub / Fn::Join
// string; positions always point into the template.
func (t *Template) document(n *policy.Node, kind policy.DocKind, owner string, name *policy.Node, identity string) []*policy.Document {
	if n == nil {
		return nil
	}
	// A policy chosen by Fn::If: each branch is a document of its own
	// (AWS::NoValue is none).
	if fn, arg := intrinsic(n); fn == "Fn::If" {
		if arg.Kind != policy.Array || len(arg.Elems) != 3 {
			return nil
		}
		var docs []*policy.Document
		for _, branch := range arg.Elems[1:] {
			if fn, v := intrinsic(branch); fn == "Ref" && v.Kind == policy.String && v.Text == "AWS::NoValue" {
				continue
			}
			docs = append(docs, t.document(branch, kind, owner, name, identity)...)
		}
		return docs
	}
	base := policy.Document{File: t.File, Kind: kind, Owner: owner, Name: t.nameOf(name), Identity: identity, Start: t.File.CharAt(n.Span.Start)}
	if name != nil {
		base.NameSpan = name.Span
		if fn, arg := intrinsic(name); fn == "Fn::Sub" && arg.Kind == policy.String {
			base.NameSpan = arg.Span
		}
	}
	if text, offsets, ok := t.policyText(n); ok {
		d := base
		d.Decoded = policy.DecodeJSON([]byte(text), policy.OffsetMapper(offsets))
		d.Size = len(text)
		return []*policy.Document{&d}
	}
	if n.Kind != policy.Object {
		return nil
	}
	var docs []*policy.Document
	for _, branch := range []bool{true, false} {
		rv := &resolver{t: t, branch: branch}
		root := rv.value(n, 0)
		if root == nil {
			continue
		}
		d := base
		d.Decoded = &policy.Decoded{Root: root}
		if b, err := json.Marshal(root.Interface()); err == nil {
			d.Size = len(b)
		}
		docs = append(docs, &d)
		if !rv.sawIf {
			break
		}
	}
	return docs
}

// policyText returns policy JSON written as a string, with the file offset
// of each byte.
func (t *Template) policyText(n *policy.Node) (string, []int, bool) {
	if n.Kind == policy.String {
		return n.Text, t.stringOffsets(n), strings.HasPrefix(strings.TrimSpace(n.Text), "{")
	}
	fn, arg := intrinsic(n)
	switch fn {
	case "Fn::Sub":
		if arg.Kind == policy.Array && len(arg.Elems) > 0 {
			arg = arg.Elems[0]
		}
		if arg.Kind == policy.String {
			return arg.Text, t.stringOffsets(arg), strings.HasPrefix(strings.TrimSpace(arg.Text), "{")
		}
	case "Fn::Join":
		if arg.Kind != policy.Array || len(arg.Elems) != 2 || arg.Elems[0].Kind != policy.String || arg.Elems[1].Kind != policy.Array {
			return "", nil, false
		}
		sep := arg.Elems[0]
		sepOffs := t.stringOffsets(sep)
		var b strings.Builder
		var offs []int
		for i, p := range arg.Elems[1].Elems {
			if i > 0 {
				b.WriteString(sep.Text)
				offs = appendOffsets(offs, sepOffs, len(sep.Text), sep.Span.Start)
			}
			if p.Kind == policy.String {
				b.WriteString(p.Text)
				offs = appendOffsets(offs, t.stringOffsets(p), len(p.Text), p.Span.Start)
				continue
			}
			f, _ := intrinsic(p)
			ph := "${" + strings.TrimPrefix(f, "Fn::") + "}"
			if id := refTarget(p); id != "" {
				ph = "${" + id + "}"
			}
			b.WriteString(ph)
			for range ph {
				offs = append(offs, p.Span.Start)
			}
		}
		text := b.String()
		if !strings.HasPrefix(strings.TrimSpace(text), "{") {
			return "", nil, false
		}
		return text, append(offs, n.Span.End), true
	}
	return "", nil, false
}

// appendOffsets adds the offsets of n bytes (their table without its end
// entry), or the fallback offset when the table does not fit.
func appendOffsets(dst, offs []int, n int, fallback int) []int {
	if len(offs) >= n {
		return append(dst, offs[:n]...)
	}
	for range n {
		dst = append(dst, fallback)
	}
	return dst
}

// branches flattens what a list property holds: its elements, the
// elements of both branches of a Fn::If list or element, without
// AWS::NoValue.
func (t *Template) branches(n *policy.Node) []*policy.Node {
	if n == nil {
		return nil
	}
	if fn, arg := intrinsic(n); fn == "Fn::If" {
		if arg.Kind != policy.Array || len(arg.Elems) != 3 {
			return nil
		}
		return append(t.branches(arg.Elems[1]), t.branches(arg.Elems[2])...)
	}
	if fn, v := intrinsic(n); fn == "Ref" && v.Kind == policy.String && v.Text == "AWS::NoValue" {
		return nil
	}
	if n.Kind != policy.Array {
		return []*policy.Node{n}
	}
	var out []*policy.Node
	for _, e := range n.Elems {
		out = append(out, t.branches(e)...)
	}
	return out
}
