package main

import (
	"fmt"
	"maps"
	"regexp"
	"slices"
	"strings"
)

// val is a string value of a policy: literal text, or with sub set a
// CloudFormation Fn::Sub template (!Sub in YAML). It may lead with marks.
type val struct {
	s   string
	sub bool
}

func lit(s string) val { return val{s: s} }

// principal is a statement's Principal: "*" (star), or a map of type to
// identifiers.
type principal struct {
	star bool
	mark string // before "*"
	typ  string
	ids  []val
}

type cond struct {
	op, key string // key may lead with a mark
	vals    []val
}

type stmt struct {
	sid       string
	effect    string
	principal *principal
	actions   []string // each may lead with a mark
	resources []val
	conds     []cond
}

// pol is a policy document.
type pol struct {
	version string
	stmts   []stmt
	// trailing, when set, is a mark and a trailing comma written after the
	// last action of the first statement, in renderings that are JSON text.
	trailing string
	// inline writes lists on one line.
	inline bool
}

// textual reports whether the policy can only be rendered as JSON text (a
// trailing comma is no structure).
func (p *pol) textual() bool { return p.trailing != "" }

// ---- JSON text ----

// renderJSON writes the policy as indented JSON; pad prefixes every line
// but the first. sub values are written as their text (the whole text is a
// Fn::Sub template, or the value holds no ${}).
func renderJSON(p *pol, pad string) string {
	var b strings.Builder
	w := func(s string) { b.WriteString(s) }
	w("{\n" + pad + `  "Version": ` + jsonQuote(p.version) + ",\n" + pad + `  "Statement": [` + "\n")
	for i, s := range p.stmts {
		in := pad + "      "
		w(pad + "    {\n")
		var fields []string
		if s.sid != "" {
			fields = append(fields, in+`"Sid": `+jq(s.sid))
		}
		fields = append(fields, in+`"Effect": `+jq(s.effect))
		if s.principal != nil {
			fields = append(fields, in+`"Principal": `+principalJSON(s.principal))
		}
		acts := make([]string, len(s.actions))
		for k, a := range s.actions {
			acts[k] = jq(a)
		}
		tail := ""
		if i == 0 && p.trailing != "" {
			tail = p.trailing + ","
		}
		fields = append(fields, in+`"Action": `+jsonList(acts, in, p.inline || len(acts) < 3, tail))
		res := make([]string, len(s.resources))
		for k, r := range s.resources {
			res[k] = jq(r.s)
		}
		if len(res) == 1 {
			fields = append(fields, in+`"Resource": `+res[0])
		} else {
			fields = append(fields, in+`"Resource": `+jsonList(res, in, false, ""))
		}
		if len(s.conds) > 0 {
			fields = append(fields, in+`"Condition": `+condJSON(s.conds, in))
		}
		w(strings.Join(fields, ",\n") + "\n" + pad + "    }")
		if i < len(p.stmts)-1 {
			w(",")
		}
		w("\n")
	}
	w(pad + "  ]\n" + pad + "}")
	return b.String()
}

func jsonList(items []string, in string, inline bool, tail string) string {
	if inline {
		return "[" + strings.Join(items, ", ") + tail + "]"
	}
	return "[\n" + in + "  " + strings.Join(items, ",\n"+in+"  ") + tail + "\n" + in + "]"
}

func principalJSON(p *principal) string {
	if p.star {
		return p.mark + `"*"`
	}
	return "{" + jsonQuote(p.typ) + ": " + oneOrList(p.ids, ", ") + "}"
}

// oneOrList writes values as one JSON string, or a list of them.
func oneOrList(vs []val, sep string) string {
	out := make([]string, len(vs))
	for i, v := range vs {
		out[i] = jq(v.s)
	}
	if len(out) == 1 {
		return out[0]
	}
	return "[" + strings.Join(out, sep) + "]"
}

func condJSON(cs []cond, in string) string {
	var parts []string
	for _, c := range cs {
		parts = append(parts, in+"  "+jsonQuote(c.op)+": {"+jq(c.key)+": "+oneOrList(c.vals, ", ")+"}")
	}
	return "{\n" + strings.Join(parts, ",\n") + "\n" + in + "}"
}

// renderCompact writes the policy as Terraform renders it in a plan:
// compact JSON with sorted keys.
func renderCompact(p *pol) string {
	var sts []string
	for _, s := range p.stmts {
		m := map[string]string{}
		acts := make([]string, len(s.actions))
		for i, a := range s.actions {
			acts[i] = jq(a)
		}
		if len(acts) == 1 {
			m["Action"] = acts[0]
		} else {
			m["Action"] = "[" + strings.Join(acts, ",") + "]"
		}
		m["Effect"] = jq(s.effect)
		m["Resource"] = oneOrList(s.resources, ",")
		if s.sid != "" {
			m["Sid"] = jq(s.sid)
		}
		if s.principal != nil {
			m["Principal"] = strings.ReplaceAll(principalJSON(s.principal), ": ", ":")
		}
		if len(s.conds) > 0 {
			byOp := map[string][]string{}
			for _, c := range s.conds {
				byOp[c.op] = append(byOp[c.op], jq(c.key)+":"+oneOrList(c.vals, ","))
			}
			var ops []string
			for _, op := range slices.Sorted(maps.Keys(byOp)) {
				ops = append(ops, jsonQuote(op)+":{"+strings.Join(byOp[op], ",")+"}")
			}
			m["Condition"] = "{" + strings.Join(ops, ",") + "}"
		}
		var kv []string
		for _, k := range slices.Sorted(maps.Keys(m)) {
			kv = append(kv, jsonQuote(k)+":"+m[k])
		}
		sts = append(sts, "{"+strings.Join(kv, ",")+"}")
	}
	return `{"Statement":[` + strings.Join(sts, ",") + `],"Version":` + jsonQuote(p.version) + "}"
}

// ---- CloudFormation JSON (structured, long-form intrinsics) ----

func cfnJSONVal(v val) string {
	if v.sub {
		m, rest := splitMark(v.s)
		return `{"Fn::Sub": ` + m + jsonQuote(rest) + "}"
	}
	return jq(v.s)
}

// renderCFNJSON writes the policy as a JSON object inside a JSON template,
// resources and condition values with their intrinsics.
func renderCFNJSON(p *pol, pad string) string {
	var b strings.Builder
	b.WriteString("{\n" + pad + `  "Version": ` + jsonQuote(p.version) + ",\n" + pad + `  "Statement": [` + "\n")
	for i, s := range p.stmts {
		in := pad + "    "
		var fields []string
		fields = append(fields, in+`"Effect": `+jq(s.effect))
		if s.principal != nil {
			if s.principal.star {
				fields = append(fields, in+`"Principal": `+principalJSON(s.principal))
			} else {
				fields = append(fields, in+`"Principal": {`+jsonQuote(s.principal.typ)+": "+cfnJSONVal(s.principal.ids[0])+"}")
			}
		}
		acts := make([]string, len(s.actions))
		for k, a := range s.actions {
			acts[k] = jq(a)
		}
		fields = append(fields, in+`"Action": `+jsonList(acts, in, false, ""))
		if len(s.resources) == 1 {
			fields = append(fields, in+`"Resource": `+cfnJSONVal(s.resources[0]))
		} else {
			rs := make([]string, len(s.resources))
			for k, r := range s.resources {
				rs[k] = cfnJSONVal(r)
			}
			fields = append(fields, in+`"Resource": `+jsonList(rs, in, false, ""))
		}
		if len(s.conds) > 0 {
			var parts []string
			for _, c := range s.conds {
				parts = append(parts, in+"  "+jsonQuote(c.op)+": {"+jq(c.key)+": "+cfnJSONVal(c.vals[0])+"}")
			}
			fields = append(fields, in+`"Condition": {`+"\n"+strings.Join(parts, ",\n")+"\n"+in+"}")
		}
		if s.sid != "" {
			fields = append(fields, in+`"Sid": `+jq(s.sid))
		}
		b.WriteString(pad + "  {\n" + strings.Join(fields, ",\n") + "\n" + pad + "  }")
		if i < len(p.stmts)-1 {
			b.WriteString(",")
		}
		b.WriteString("\n")
	}
	b.WriteString(pad + "  ]\n" + pad + "}")
	return b.String()
}

// ---- YAML ----

var plainYAML = regexp.MustCompile(`^[A-Za-z0-9][A-Za-z0-9:_./@${}\-]*$`)

// yq writes a YAML scalar, plain when it can be, marks first.
func yq(s string) string {
	m, rest := splitMark(s)
	if plainYAML.MatchString(rest) && rest != "true" && rest != "false" && rest != "null" && rest != "yes" && rest != "no" {
		return m + rest
	}
	return m + jsonQuote(rest)
}

func yamlVal(v val) string {
	if v.sub {
		m, rest := splitMark(v.s)
		return "!Sub " + m + jsonQuote(rest)
	}
	return yq(v.s)
}

// renderYAML writes the policy as block YAML at indentation pad (the
// mapping's keys start at pad on every line but the first).
func renderYAML(p *pol, pad string, unquotedVersion bool) string {
	var b strings.Builder
	if unquotedVersion {
		b.WriteString("Version: " + p.version + "\n")
	} else {
		b.WriteString("Version: \"" + p.version + "\"\n")
	}
	b.WriteString(pad + "Statement:\n")
	for _, s := range p.stmts {
		in := pad + "    "
		first := true
		line := func(k, v string) {
			if v != "" {
				v = " " + v
			}
			if first {
				b.WriteString(pad + "  - " + k + ":" + v + "\n")
				first = false
				return
			}
			b.WriteString(in + k + ":" + v + "\n")
		}
		if s.sid != "" {
			line("Sid", yq(s.sid))
		}
		line("Effect", yq(s.effect))
		if s.principal != nil {
			if s.principal.star {
				line("Principal", s.principal.mark+`"*"`)
			} else {
				line("Principal", "")
				b.WriteString(in + "  " + s.principal.typ + ": " + yamlVal(s.principal.ids[0]) + "\n")
			}
		}
		if p.inline || len(s.actions) == 1 {
			acts := make([]string, len(s.actions))
			for i, a := range s.actions {
				acts[i] = yq(a)
			}
			if len(acts) == 1 && !p.inline {
				line("Action", acts[0])
			} else {
				line("Action", "["+strings.Join(acts, ", ")+"]")
			}
		} else {
			line("Action", "")
			for _, a := range s.actions {
				b.WriteString(in + "  - " + yq(a) + "\n")
			}
		}
		if len(s.resources) == 1 {
			line("Resource", yamlVal(s.resources[0]))
		} else {
			line("Resource", "")
			for _, r := range s.resources {
				b.WriteString(in + "  - " + yamlVal(r) + "\n")
			}
		}
		if len(s.conds) > 0 {
			line("Condition", "")
			for _, c := range s.conds {
				b.WriteString(in + "  " + c.op + ":\n")
				b.WriteString(in + "    " + yq(c.key) + ": " + yamlVal(c.vals[0]) + "\n")
			}
		}
	}
	return strings.TrimSuffix(b.String(), "\n")
}

// ---- HCL ----

// hq quotes s as an HCL string: JSON escapes, ${ kept as an
// interpolation.
func hq(s string) string { return jq(s) }

// renderEncode writes jsonencode({...}) at indentation pad.
func renderEncode(p *pol, pad string) string {
	var b strings.Builder
	b.WriteString("jsonencode({\n")
	b.WriteString(pad + "  Version = " + jsonQuote(p.version) + "\n")
	b.WriteString(pad + "  Statement = [\n")
	for _, s := range p.stmts {
		in := pad + "      "
		b.WriteString(pad + "    {\n")
		if s.sid != "" {
			b.WriteString(in + "Sid    = " + hq(s.sid) + "\n")
		}
		b.WriteString(in + "Effect = " + hq(s.effect) + "\n")
		if s.principal != nil {
			if s.principal.star {
				b.WriteString(in + "Principal = " + s.principal.mark + `"*"` + "\n")
			} else {
				b.WriteString(in + "Principal = { " + s.principal.typ + " = " + hq(s.principal.ids[0].s) + " }\n")
			}
		}
		acts := make([]string, len(s.actions))
		for i, a := range s.actions {
			acts[i] = hq(a)
		}
		b.WriteString(in + "Action = [" + strings.Join(acts, ", ") + "]\n")
		if len(s.resources) == 1 {
			b.WriteString(in + "Resource = " + hq(s.resources[0].s) + "\n")
		} else {
			rs := make([]string, len(s.resources))
			for i, r := range s.resources {
				rs[i] = hq(r.s)
			}
			b.WriteString(in + "Resource = [" + strings.Join(rs, ", ") + "]\n")
		}
		if len(s.conds) > 0 {
			b.WriteString(in + "Condition = {\n")
			for _, c := range s.conds {
				b.WriteString(in + "  " + c.op + " = {\n")
				b.WriteString(in + "    " + hq(c.key) + " = " + hq(c.vals[0].s) + "\n")
				b.WriteString(in + "  }\n")
			}
			b.WriteString(in + "}\n")
		}
		b.WriteString(pad + "    },\n")
	}
	b.WriteString(pad + "  ]\n" + pad + "})")
	return b.String()
}

// renderPolicyDocument writes a data "aws_iam_policy_document" block.
func renderPolicyDocument(name string, p *pol) string {
	var b strings.Builder
	fmt.Fprintf(&b, "data \"aws_iam_policy_document\" %q {\n", name)
	for _, s := range p.stmts {
		b.WriteString("  statement {\n")
		if s.sid != "" {
			b.WriteString("    sid       = " + hq(s.sid) + "\n")
		}
		b.WriteString("    effect    = " + hq(s.effect) + "\n")
		acts := make([]string, len(s.actions))
		for i, a := range s.actions {
			acts[i] = hq(a)
		}
		b.WriteString("    actions   = [" + strings.Join(acts, ", ") + "]\n")
		rs := make([]string, len(s.resources))
		for i, r := range s.resources {
			rs[i] = hq(r.s)
		}
		b.WriteString("    resources = [" + strings.Join(rs, ", ") + "]\n")
		if s.principal != nil {
			if s.principal.star {
				// The principal is the block: findings about it point there.
				b.WriteString("\n    " + s.principal.mark + "principals {\n")
				b.WriteString("      type        = \"*\"\n      identifiers = [\"*\"]\n")
			} else {
				b.WriteString("\n    principals {\n")
				b.WriteString("      type        = " + hq(s.principal.typ) + "\n      identifiers = [" + hq(s.principal.ids[0].s) + "]\n")
			}
			b.WriteString("    }\n")
		}
		for _, c := range s.conds {
			b.WriteString("\n    condition {\n")
			b.WriteString("      test     = " + hq(c.op) + "\n")
			b.WriteString("      variable = " + hq(c.key) + "\n")
			vals := make([]string, len(c.vals))
			for i, v := range c.vals {
				vals[i] = hq(v.s)
			}
			b.WriteString("      values   = [" + strings.Join(vals, ", ") + "]\n")
			b.WriteString("    }\n")
		}
		b.WriteString("  }\n")
	}
	b.WriteString("}\n")
	return b.String()
}

// renderTFJSONDoc writes the body of an aws_iam_policy_document data
// source in Terraform JSON syntax (as CDKTF writes it).
func renderTFJSONDoc(p *pol, pad string) string {
	var sts []string
	for _, s := range p.stmts {
		in := pad + "      "
		var f []string
		if s.sid != "" {
			f = append(f, in+`"sid": `+jq(s.sid))
		}
		f = append(f, in+`"effect": `+jq(s.effect))
		acts := make([]string, len(s.actions))
		for i, a := range s.actions {
			acts[i] = jq(a)
		}
		f = append(f, in+`"actions": [`+strings.Join(acts, ", ")+"]")
		rs := make([]string, len(s.resources))
		for i, r := range s.resources {
			rs[i] = jq(r.s)
		}
		f = append(f, in+`"resources": [`+strings.Join(rs, ", ")+"]")
		if s.principal != nil {
			if s.principal.star {
				f = append(f, in+`"principals": [{"type": "*", "identifiers": [`+s.principal.mark+`"*"]}]`)
			} else {
				f = append(f, in+`"principals": [{"type": `+jsonQuote(s.principal.typ)+`, "identifiers": [`+jq(s.principal.ids[0].s)+"]}]")
			}
		}
		if len(s.conds) > 0 {
			var cs []string
			for _, c := range s.conds {
				cs = append(cs, `{"test": `+jsonQuote(c.op)+`, "variable": `+jq(c.key)+`, "values": [`+jq(c.vals[0].s)+"]}")
			}
			f = append(f, in+`"condition": [`+strings.Join(cs, ", ")+"]")
		}
		sts = append(sts, pad+"    {\n"+strings.Join(f, ",\n")+"\n"+pad+"    }")
	}
	return "{\n" + pad + "  \"statement\": [\n" + strings.Join(sts, ",\n") + "\n" + pad + "  ]\n" + pad + "}"
}
