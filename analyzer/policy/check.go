package policy

import "fmt"

// CheckSpans returns an error naming the first span of the unit that is
// not inside its file: a document's start or name, a node of its decoded
// tree, a decode error, the definition of a principal, identity or
// configuration set, a suppression and its scope. Extractors keep every
// span inside the file they read, whatever the file holds; the fuzz tests
// check it through here.
func (u *Unit) CheckSpans() error {
	for i, d := range u.Documents {
		if d.File == nil {
			return fmt.Errorf("document %d has no file", i)
		}
		where := fmt.Sprintf("document %d (%s)", i, d.File.Path)
		if err := d.File.checkSpan(d.Start, where+" start"); err != nil {
			return err
		}
		if err := d.File.checkSpan(d.NameSpan, where+" name"); err != nil {
			return err
		}
		if d.Decoded == nil {
			continue
		}
		for j, e := range d.Decoded.Errors {
			if err := d.File.checkSpan(e.Span, fmt.Sprintf("%s decode error %d %q", where, j, e.Message)); err != nil {
				return err
			}
		}
		if err := d.File.checkTree(d.Decoded.Root, where); err != nil {
			return err
		}
	}
	for _, p := range u.Principals {
		if err := p.File.checkTree(p.Node, "principal "+p.Name); err != nil {
			return err
		}
	}
	for _, id := range u.Identities {
		if err := id.File.checkTree(id.Node, "identity "+id.Name); err != nil {
			return err
		}
	}
	for _, c := range u.ConfigurationSets {
		if err := c.File.checkTree(c.Node, "configuration set "+c.Name); err != nil {
			return err
		}
	}
	for i, d := range u.Directives {
		where := fmt.Sprintf("suppression %d", i)
		if err := d.File.checkTree(d.Node, where); err != nil {
			return err
		}
		if err := d.File.checkSpan(d.Scope, where+" scope"); err != nil {
			return err
		}
	}
	return nil
}

func (f *File) checkSpan(s Span, what string) error {
	if s.Start < 0 || s.End < s.Start || s.End > len(f.Content) {
		return fmt.Errorf("%s: span [%d, %d) is not inside %s (%d bytes)", what, s.Start, s.End, f.Path, len(f.Content))
	}
	return nil
}

// checkTree checks the spans of every node of a tree and of its keys.
func (f *File) checkTree(root *Node, what string) error {
	if root == nil {
		return nil
	}
	if f == nil {
		return fmt.Errorf("%s: a node without a file", what)
	}
	stack := []*Node{root}
	for seen := 0; len(stack) > 0; seen++ {
		if seen > 10_000_000 {
			return fmt.Errorf("%s: more than ten million nodes: a cycle?", what)
		}
		n := stack[len(stack)-1]
		stack = stack[:len(stack)-1]
		if n == nil {
			return fmt.Errorf("%s: a nil node in the tree", what)
		}
		if err := f.checkSpan(n.Span, fmt.Sprintf("%s %s node", what, n.Kind)); err != nil {
			return err
		}
		for _, m := range n.Members {
			if err := f.checkSpan(m.KeySpan, fmt.Sprintf("%s key %q", what, m.Key)); err != nil {
				return err
			}
			stack = append(stack, m.Value)
		}
		stack = append(stack, n.Elems...)
	}
	return nil
}
