package engine

import (
	"strconv"
	"time"

	"github.com/open-policy-agent/opa/v1/ast"

	"github.com/seslint/seslint/analyzer/policy"
)

// Input builds the document rules see as `input`:
//
//	document  the policy (absent when its text could not be decoded)
//	kind      identity, boundary, scp, sending-authorization or resource
//	owner     the resource or principal that holds the policy ("" if none)
//	name      the policy name ("" if unknown)
//	identity  the SES identity a sending authorization policy is attached to
//	size      length of the policy text in bytes
//	attached  true when the document belongs to a principal of its unit:
//	          rules about a principal's policies as a whole then run on the
//	          unit (unit_report) rather than on the document alone
//	now       the evaluation time, RFC 3339, and now_ns in nanoseconds
//	errors    problems found while decoding: kind, message, fix
func Input(doc *policy.Document, now time.Time) ast.Value {
	obj := documentInput(doc)
	obj.Insert(ast.StringTerm("now"), ast.StringTerm(now.UTC().Format(time.RFC3339)))
	obj.Insert(ast.StringTerm("now_ns"), ast.NewTerm(ast.Number(strconv.FormatInt(now.UnixNano(), 10))))
	return obj
}

func documentInput(doc *policy.Document) ast.Object {
	obj := ast.NewObject(
		ast.Item(ast.StringTerm("kind"), ast.StringTerm(string(doc.Kind))),
		ast.Item(ast.StringTerm("owner"), ast.StringTerm(doc.Owner)),
		ast.Item(ast.StringTerm("name"), ast.StringTerm(doc.Name)),
		ast.Item(ast.StringTerm("identity"), ast.StringTerm(doc.Identity)),
		ast.Item(ast.StringTerm("size"), ast.IntNumberTerm(doc.Size)),
		ast.Item(ast.StringTerm("attached"), ast.BooleanTerm(doc.Attached)),
	)
	var errs []*ast.Term
	if doc.Decoded != nil {
		if doc.Decoded.Root != nil {
			obj.Insert(ast.StringTerm("document"), ast.NewTerm(nodeValue(doc.Decoded.Root)))
		}
		for _, e := range doc.Decoded.Errors {
			errs = append(errs, ast.ObjectTerm(
				ast.Item(ast.StringTerm("kind"), ast.StringTerm(string(e.Kind))),
				ast.Item(ast.StringTerm("message"), ast.StringTerm(e.Message)),
				ast.Item(ast.StringTerm("fix"), ast.StringTerm(e.Fix)),
			))
		}
	}
	obj.Insert(ast.StringTerm("errors"), ast.ArrayTerm(errs...))
	return obj
}

// UnitInput builds `input` for the rules that relate documents:
//
//	unit.documents           every document, each shaped as for one document;
//	                         the engine adds "statements", the document's
//	                         statements as data.seslint.lib.policy computes
//	                         them, when it has them (lib/unit.rego uses them)
//	unit.principals          name, type, policies (document indexes),
//	                         boundary (index or -1), boundary_ref,
//	                         boundary_path (where the boundary is set in
//	                         the definition), place
//	unit.identities          name, region, place
//	unit.configuration_sets  name, place
//	now, now_ns              the evaluation time
//
// A violation names the document ("document": k) or definition ("place":
// j) its path is in. It returns the places in index order. Like Input, it
// holds no file name or position: the engine's memo shares the evaluation
// of identical inputs.
func UnitInput(u *policy.Unit, now time.Time) (ast.Value, []placeRef) {
	input, places, _ := unitInput(u, now)
	return input, places
}

// unitInput is UnitInput, also returning the documents' objects in the
// input, in unit order.
func unitInput(u *policy.Unit, now time.Time) (ast.Value, []placeRef, []ast.Object) {
	var places []placeRef
	place := func(n *policy.Node, f *policy.File) *ast.Term {
		if n == nil {
			return ast.IntNumberTerm(-1)
		}
		places = append(places, placeRef{node: n, file: f})
		return ast.IntNumberTerm(len(places) - 1)
	}
	docs := make([]*ast.Term, len(u.Documents))
	objs := make([]ast.Object, len(u.Documents))
	for i, d := range u.Documents {
		objs[i] = documentInput(d)
		docs[i] = ast.NewTerm(objs[i])
	}
	var principals []*ast.Term
	for _, p := range u.Principals {
		pol := make([]*ast.Term, len(p.Policies))
		for i, k := range p.Policies {
			pol[i] = ast.IntNumberTerm(k)
		}
		principals = append(principals, ast.ObjectTerm(
			ast.Item(ast.StringTerm("name"), ast.StringTerm(p.Name)),
			ast.Item(ast.StringTerm("type"), ast.StringTerm(p.Type)),
			ast.Item(ast.StringTerm("policies"), ast.ArrayTerm(pol...)),
			ast.Item(ast.StringTerm("boundary"), ast.IntNumberTerm(p.Boundary)),
			ast.Item(ast.StringTerm("boundary_ref"), ast.StringTerm(p.BoundaryRef)),
			ast.Item(ast.StringTerm("boundary_path"), pathTerm(p.BoundaryPath)),
			ast.Item(ast.StringTerm("place"), place(p.Node, p.File)),
		))
	}
	var identities []*ast.Term
	for _, id := range u.Identities {
		identities = append(identities, ast.ObjectTerm(
			ast.Item(ast.StringTerm("name"), ast.StringTerm(id.Name)),
			ast.Item(ast.StringTerm("region"), ast.StringTerm(id.Region)),
			ast.Item(ast.StringTerm("place"), place(id.Node, id.File)),
		))
	}
	var sets []*ast.Term
	for _, c := range u.ConfigurationSets {
		sets = append(sets, ast.ObjectTerm(
			ast.Item(ast.StringTerm("name"), ast.StringTerm(c.Name)),
			ast.Item(ast.StringTerm("place"), place(c.Node, c.File)),
		))
	}
	unit := ast.NewObject(
		ast.Item(ast.StringTerm("documents"), ast.ArrayTerm(docs...)),
		ast.Item(ast.StringTerm("principals"), ast.ArrayTerm(principals...)),
		ast.Item(ast.StringTerm("identities"), ast.ArrayTerm(identities...)),
		ast.Item(ast.StringTerm("configuration_sets"), ast.ArrayTerm(sets...)),
	)
	return ast.NewObject(
		ast.Item(ast.StringTerm("unit"), ast.NewTerm(unit)),
		ast.Item(ast.StringTerm("now"), ast.StringTerm(now.UTC().Format(time.RFC3339))),
		ast.Item(ast.StringTerm("now_ns"), ast.NewTerm(ast.Number(strconv.FormatInt(now.UnixNano(), 10)))),
	), places, objs
}

// giveStatements adds to each document of a unit input (docs, from
// unitInput) the statements the rules computed for it on its own
// (statements[k], when not nil), so that the unit rules use them instead
// of computing them again. It is done after the memo key is taken: the
// statements follow from the documents.
func giveStatements(docs []ast.Object, statements []*ast.Term) {
	for k, sts := range statements {
		if sts != nil && k < len(docs) {
			docs[k].Insert(ast.StringTerm("statements"), sts)
		}
	}
}

// nodeValue converts a decoded node to an OPA value without a JSON round
// trip.
func nodeValue(n *policy.Node) ast.Value {
	switch n.Kind {
	case policy.Null:
		return ast.Null{}
	case policy.Bool:
		return ast.Boolean(n.Text == "true")
	case policy.Number:
		return ast.Number(n.Text)
	case policy.String:
		return ast.String(n.Text)
	case policy.Array:
		terms := make([]*ast.Term, len(n.Elems))
		for i, e := range n.Elems {
			terms[i] = ast.NewTerm(nodeValue(e))
		}
		return ast.NewArray(terms...)
	case policy.Object:
		obj := ast.NewObject()
		for _, m := range n.Members {
			obj.Insert(ast.StringTerm(m.Key), ast.NewTerm(nodeValue(m.Value)))
		}
		return obj
	}
	return ast.Null{}
}

func pathTerm(path []policy.PathElem) *ast.Term {
	terms := make([]*ast.Term, 0, len(path))
	for _, p := range path {
		switch p := p.(type) {
		case string:
			terms = append(terms, ast.StringTerm(p))
		case int:
			terms = append(terms, ast.IntNumberTerm(p))
		}
	}
	return ast.ArrayTerm(terms...)
}
