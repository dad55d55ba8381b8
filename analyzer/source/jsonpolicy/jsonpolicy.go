// Package jsonpolicy extracts plain IAM / SES policy files: a JSON file
// whose top-level object holds a Statement.
package jsonpolicy

import (
	"bytes"
	"strings"

	"github.com/seslint/seslint/analyzer/policy"
)

// Match reports whether a .json file should be read as a plain policy. A
// file that decodes is one when its top-level object has a statement key
// (any case, "Statements" too, so that misspellings are reported); a file
// that does not decode is one when its text names a Statement, so a broken
// policy is reported rather than passed over.
func Match(content []byte, dec *policy.Decoded) bool {
	if dec.Root == nil {
		return bytes.Contains(content, []byte(`"Statement"`)) || bytes.Contains(content, []byte("“Statement”"))
	}
	if dec.Root.Kind != policy.Object {
		return false
	}
	for _, m := range dec.Root.Members {
		switch strings.ToLower(m.Key) {
		case "statement", "statements":
			return true
		}
	}
	return false
}

// Extract returns the policy document of a plain policy file, or nil when
// the file is not one. dec is the file decoded with policy.DecodeJSON.
//
// The kind follows the policy: a statement with a Principal makes it a
// resource policy, and a sending authorization policy when it also names an
// ses: action.
func Extract(f *policy.File, dec *policy.Decoded) *policy.Document {
	if !Match(f.Content, dec) {
		return nil
	}
	doc := &policy.Document{
		File:    f,
		Kind:    Kind(dec.Root),
		Size:    len(f.Content),
		Decoded: dec,
		Start:   policy.Span{Start: 0, End: 0},
	}
	if dec.Root != nil {
		doc.Start = policy.Span{Start: dec.Root.Span.Start, End: dec.Root.Span.Start + 1}
	}
	return doc
}

// Kind infers a plain policy's kind from its statements.
func Kind(root *policy.Node) policy.DocKind {
	if root == nil {
		return policy.Identity
	}
	st, ok := root.Get("Statement")
	if !ok {
		return policy.Identity
	}
	stmts := []*policy.Node{st}
	if st.Kind == policy.Array {
		stmts = st.Elems
	}
	principal, ses := false, false
	for _, s := range stmts {
		if _, ok := s.Get("Principal"); ok {
			principal = true
		}
		if _, ok := s.Get("NotPrincipal"); ok {
			principal = true
		}
		for _, key := range []string{"Action", "NotAction"} {
			a, ok := s.Get(key)
			if !ok {
				continue
			}
			vals := []*policy.Node{a}
			if a.Kind == policy.Array {
				vals = a.Elems
			}
			for _, v := range vals {
				if v.Kind == policy.String && strings.HasPrefix(strings.ToLower(v.Text), "ses:") {
					ses = true
				}
			}
		}
	}
	switch {
	case principal && ses:
		return policy.SendingAuthorization
	case principal:
		return policy.Resource
	}
	return policy.Identity
}
