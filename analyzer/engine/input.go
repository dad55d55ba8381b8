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
//	now       the evaluation time, RFC 3339, and now_ns in nanoseconds
//	errors    problems found while decoding: kind, message, fix
func Input(doc *policy.Document, now time.Time) ast.Value {
	obj := ast.NewObject(
		ast.Item(ast.StringTerm("kind"), ast.StringTerm(string(doc.Kind))),
		ast.Item(ast.StringTerm("owner"), ast.StringTerm(doc.Owner)),
		ast.Item(ast.StringTerm("name"), ast.StringTerm(doc.Name)),
		ast.Item(ast.StringTerm("identity"), ast.StringTerm(doc.Identity)),
		ast.Item(ast.StringTerm("size"), ast.IntNumberTerm(doc.Size)),
		ast.Item(ast.StringTerm("now"), ast.StringTerm(now.UTC().Format(time.RFC3339))),
		ast.Item(ast.StringTerm("now_ns"), ast.NewTerm(ast.Number(strconv.FormatInt(now.UnixNano(), 10)))),
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
