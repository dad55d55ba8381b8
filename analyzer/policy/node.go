// Package policy holds seslint's normalized policy record: a policy document
// decoded into a tree of nodes that remember where every key and value stands
// in the file the user edits, plus what the extractor knows about the
// document (its kind, owner, name and the identity it is attached to).
//
// Every extractor (plain JSON, CloudFormation, Terraform, Go) produces the
// same Document; the engine evaluates it and maps the JSON paths that rules
// return back to byte spans, and the File's line index turns spans into
// line and column.
package policy

import (
	"strconv"
)

// Kind is the JSON type of a node.
type Kind uint8

// Node kinds.
const (
	Null Kind = iota
	Bool
	Number
	String
	Array
	Object
)

func (k Kind) String() string {
	switch k {
	case Null:
		return "null"
	case Bool:
		return "boolean"
	case Number:
		return "number"
	case String:
		return "string"
	case Array:
		return "array"
	case Object:
		return "object"
	}
	return "kind(" + strconv.Itoa(int(k)) + ")"
}

// Span is a half-open byte range [Start, End) in a file.
type Span struct {
	Start, End int
}

// Node is one JSON value with its position in the source file.
//
// Text holds the decoded string for String, the literal text for Number
// ("12", "1e3") and "true"/"false" for Bool.
type Node struct {
	Kind    Kind
	Span    Span
	Text    string
	Elems   []*Node
	Members []Member
}

// Member is one key of an object with the span of the key itself.
type Member struct {
	Key     string
	KeySpan Span
	Value   *Node
}

// Get returns the value of key in an object node (the last one when the key
// is duplicated, as IAM and encoding/json do).
func (n *Node) Get(key string) (*Node, bool) {
	if n == nil || n.Kind != Object {
		return nil, false
	}
	for i := len(n.Members) - 1; i >= 0; i-- {
		if n.Members[i].Key == key {
			return n.Members[i].Value, true
		}
	}
	return nil, false
}

// PathElem is one step of a JSON path: a string key or an int index.
type PathElem = any

// Lookup follows path from n and returns the span of the value it names,
// or, with key set, of the object key that holds it. It returns the
// deepest span it could reach and false when the path does not exist all
// the way, so a finding is still placed as close to its target as possible.
func (n *Node) Lookup(path []PathElem, key bool) (Span, bool) {
	cur := n
	span := n.Span
	for i, p := range path {
		last := i == len(path)-1
		switch p := p.(type) {
		case string:
			if cur.Kind != Object {
				return span, false
			}
			found := false
			for j := len(cur.Members) - 1; j >= 0; j-- {
				m := cur.Members[j]
				if m.Key != p {
					continue
				}
				found = true
				if last && key {
					return m.KeySpan, true
				}
				cur = m.Value
				span = cur.Span
				break
			}
			if !found {
				return span, false
			}
		case int:
			switch {
			case cur.Kind == Array && p >= 0 && p < len(cur.Elems):
				cur = cur.Elems[p]
				span = cur.Span
			case cur.Kind != Array && p == 0:
				// IAM accepts a single value where a list is expected; rules
				// address it as element 0.
			default:
				return span, false
			}
		default:
			return span, false
		}
	}
	return span, true
}

// Interface converts the tree to plain Go values (map[string]any, []any,
// string, bool, nil, json-style number strings as float64-free
// json.Number-like strings are kept as Number text).
func (n *Node) Interface() any {
	switch n.Kind {
	case Null:
		return nil
	case Bool:
		return n.Text == "true"
	case Number:
		return NumberText(n.Text)
	case String:
		return n.Text
	case Array:
		out := make([]any, len(n.Elems))
		for i, e := range n.Elems {
			out[i] = e.Interface()
		}
		return out
	case Object:
		out := make(map[string]any, len(n.Members))
		for _, m := range n.Members {
			out[m.Key] = m.Value.Interface()
		}
		return out
	}
	return nil
}

// NumberText is the literal text of a JSON number, kept exact.
type NumberText string
