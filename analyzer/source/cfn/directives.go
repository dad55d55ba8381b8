package cfn

import (
	"github.com/seslint/seslint/analyzer/policy"
)

// directives reads the template's suppressions: Metadata.seslint.ignore on
// a resource (covering that resource) or at the top level (covering the
// file). The map form {SES201: "reason"} gives reasons; the list form
// [SES201] suppresses too, and SES001 reports the missing reasons.
func (t *Template) directives() []*policy.Directive {
	var out []*policy.Directive
	if d := t.directive(t.Root, policy.Span{Start: 0, End: len(t.File.Content)}); d != nil {
		out = append(out, d)
	}
	for _, r := range t.Resources {
		if d := t.directive(r.Node, r.Node.Span); d != nil {
			out = append(out, d)
		}
	}
	return out
}

func (t *Template) directive(holder *policy.Node, scope policy.Span) *policy.Directive {
	meta, ok := holder.Get("Metadata")
	if !ok {
		return nil
	}
	s, ok := meta.Get("seslint")
	if !ok {
		return nil
	}
	ign, ok := s.Get("ignore")
	if !ok {
		return nil
	}
	return policy.NewDirective(t.File, ign, scope)
}
