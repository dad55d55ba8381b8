package policy

import (
	"path"
	"strings"
)

// DocKind is what a policy document is for; rules use it to decide which
// requirements apply (SPEC §2).
type DocKind string

// Document kinds.
const (
	Identity             DocKind = "identity"
	Boundary             DocKind = "boundary"
	SCP                  DocKind = "scp"
	SendingAuthorization DocKind = "sending-authorization"
	Resource             DocKind = "resource"
)

// Document is the normalized policy record every extractor produces and the
// engine evaluates.
type Document struct {
	File *File
	Kind DocKind
	// Owner names the resource or principal the policy belongs to, as the
	// source names it ("SenderRole", "aws_iam_policy.sender"); empty for a
	// plain policy file.
	Owner string
	// Name is the policy name, when the source gives one, and NameSpan
	// where it is written (rules about the name point there).
	Name     string
	NameSpan Span
	// Identity is the SES identity a sending authorization policy is
	// attached to (an ARN, a domain or an address), when known.
	Identity string
	// Start is where the document starts in the file: whole-document
	// findings go there when the text could not be decoded.
	Start Span
	// Size is the length of the policy text in bytes.
	Size int
	// Decoded is the decoded policy text.
	Decoded *Decoded
	// Attached is set when the document belongs to a principal of its
	// unit (one of its policies, or its boundary).
	Attached bool
	// Origin names what generated the document when the user did not
	// write it as such ("SAM policy template SESCrudPolicy"): every node
	// is placed where the user invoked it, and messages say which
	// generated statement is meant.
	Origin string
}

// SESRelevant reports whether a document can affect Amazon SES: it names an
// ses: action, an action pattern whose service part matches "ses" ("*",
// "s*:Send*"), or a NotAction (which covers every action it does not list);
// permissions boundaries, SCPs (an allow list that names no SES action
// blocks sending) and sending authorization policies always can.
// Extractors of templates check only relevant documents, so a repository's
// unrelated IAM policies do not produce findings. A document that could not
// be decoded is relevant: a broken policy is worth reporting.
func (d *Document) SESRelevant() bool {
	switch d.Kind {
	case Boundary, SendingAuthorization, SCP:
		return true
	}
	if d.Decoded == nil || d.Decoded.Root == nil {
		return true
	}
	return mentionsSES(d.Decoded.Root, 0)
}

func mentionsSES(n *Node, depth int) bool {
	if depth > 8 {
		return false
	}
	switch n.Kind {
	case Array:
		for _, e := range n.Elems {
			if mentionsSES(e, depth+1) {
				return true
			}
		}
	case Object:
		for _, m := range n.Members {
			switch strings.ToLower(m.Key) {
			case "notaction", "notactions":
				return true
			case "action", "actions":
				if actionMentionsSES(m.Value) {
					return true
				}
			case "statement", "statements":
				if isEmpty(m.Value) {
					return true // a broken policy: report it
				}
				if mentionsSES(m.Value, depth+1) {
					return true
				}
			default:
				if mentionsSES(m.Value, depth+1) {
					return true
				}
			}
		}
	}
	return false
}

func isEmpty(n *Node) bool {
	return (n.Kind == Array && len(n.Elems) == 0) || (n.Kind == Object && len(n.Members) == 0) || n.Kind == Null
}

func actionMentionsSES(n *Node) bool {
	vals := []*Node{n}
	if n.Kind == Array {
		vals = n.Elems
	}
	for _, v := range vals {
		if v.Kind != String {
			continue
		}
		svc, _, found := strings.Cut(strings.ToLower(v.Text), ":")
		if v.Text == "*" || (found && serviceMatchesSES(svc)) {
			return true
		}
	}
	return false
}

// serviceMatchesSES matches an action's service part, with * and ?
// wildcards, against "ses".
func serviceMatchesSES(p string) bool {
	ok, err := path.Match(p, "ses")
	return err == nil && ok
}

// Unit is a deployment unit (SPEC §2): the documents that relate to each
// other because they are deployed together — one CloudFormation template,
// one Terraform module or plan, one Go package. Rules that relate
// documents (a principal's policies and boundary, identities defined next
// to the grants that name them, SCPs) are evaluated once per unit.
type Unit struct {
	// Name identifies the unit in messages: the template's path, the
	// module's directory.
	Name       string
	Documents  []*Document
	Principals []*Principal
	Identities []*SESIdentity
	// ConfigurationSets are the SES configuration sets the unit defines.
	ConfigurationSets []*Named
	// Directives are the unit's in-source suppressions.
	Directives []*Directive
}

// Principal is an IAM role, user or group (or a function's role) of a unit.
type Principal struct {
	Name string
	// Type is the source's type ("AWS::IAM::Role", "aws_iam_role").
	Type string
	// Policies are indexes into Unit.Documents of its identity policies.
	Policies []int
	// Boundary is the index of its permissions boundary in
	// Unit.Documents, or -1 when it has none or it is not in the unit.
	Boundary int
	// BoundaryRef is how the boundary is named when it is set ("" when
	// there is none): an ARN, or a reference the unit could not resolve.
	BoundaryRef string
	// Node is the principal's definition (its properties or block), so
	// rules can point at an element of it; BoundaryPath is where its
	// boundary is set in Node (["PermissionsBoundary"],
	// ["permissions_boundary"]).
	Node         *Node
	BoundaryPath []PathElem
	File         *File
}

// AddPolicies links documents to the principal, each once.
func (p *Principal) AddPolicies(ks ...int) {
	for _, k := range ks {
		dup := false
		for _, x := range p.Policies {
			if x == k {
				dup = true
				break
			}
		}
		if !dup {
			p.Policies = append(p.Policies, k)
		}
	}
}

// SESIdentity is an SES identity a unit defines: a domain or an address.
type SESIdentity struct {
	Named
	// Region is where it is defined, when the source says ("" if not).
	Region string
}

// Named is something a unit defines, with where.
type Named struct {
	Name string
	Node *Node
	File *File
}

// Attached reports whether document index i belongs to a principal of the
// unit (its policies or boundary): rules about a principal's policies then
// look at them together rather than one by one.
func (u *Unit) Attached(i int) bool {
	for _, p := range u.Principals {
		if p.Boundary == i {
			return true
		}
		for _, k := range p.Policies {
			if k == i {
				return true
			}
		}
	}
	return false
}

// Directive is an in-source suppression: rule ids, each with a reason,
// written where the source allows comments or metadata (CloudFormation
// Metadata.seslint.ignore, Terraform "//" keys and comments, Go comments).
type Directive struct {
	File *File
	// Node is the directive as written (the ignore map or list), so
	// findings about it point at the offending entry.
	Node *Node
	// Scope is the part of the file it covers: a resource, or the whole
	// file for a template-level directive.
	Scope   Span
	Entries []DirectiveEntry
}

// DirectiveEntry is one rule id of a directive; "*" stands for every
// seslint rule (//nolint:seslint).
type DirectiveEntry struct {
	Rule   string
	Reason string
	// Path locates the entry inside Node (the rule id's key in a map, [0] in a
	// list).
	Path []PathElem
	// Key is true when Path names a map key (the id is the key).
	Key bool
	// Matched is set once a finding was suppressed by this entry.
	Matched bool
}

// Covers reports whether a finding of rule at span s is suppressed by
// entry i of the directive. A scope that reaches the end of the file
// covers a finding placed there (at the end of a truncated file).
func (d *Directive) Covers(i int, rule string, file *File, s Span) bool {
	r := d.Entries[i].Rule
	inside := s.Start >= d.Scope.Start && (s.Start < d.Scope.End || (s.Start == d.Scope.End && d.Scope.End == len(file.Content)))
	return file == d.File && (r == rule || r == "*") && inside
}

// NewDirective reads the value of an `ignore` key — a map of rule id to
// reason ({SES201: "reason"}), a list of rule ids ([SES201]: suppresses,
// without reasons) or one id — as a directive covering scope. It returns
// nil when it names no rule.
func NewDirective(f *File, ign *Node, scope Span) *Directive {
	d := &Directive{File: f, Node: ign, Scope: scope}
	switch ign.Kind {
	case Object:
		for _, m := range ign.Members {
			reason := ""
			if m.Value.Kind == String {
				reason = strings.TrimSpace(m.Value.Text)
			}
			d.Entries = append(d.Entries, DirectiveEntry{Rule: m.Key, Reason: reason, Path: []PathElem{m.Key}, Key: true})
		}
	case Array:
		for i, e := range ign.Elems {
			if e.Kind == String {
				d.Entries = append(d.Entries, DirectiveEntry{Rule: e.Text, Path: []PathElem{i}})
			}
		}
	case String:
		d.Entries = append(d.Entries, DirectiveEntry{Rule: ign.Text, Path: []PathElem{}})
	}
	if len(d.Entries) == 0 {
		return nil
	}
	return d
}
