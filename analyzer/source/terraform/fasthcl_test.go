package terraform

import (
	"fmt"
	"os"
	"sort"
	"testing"

	"github.com/seslint/seslint/analyzer/policy"
)

// dumpBlocks writes blocks as text, one line per element, attributes in
// name order, to compare the fast path's with hclsyntax's.
func dumpBlocks(bs []*block) []string {
	var out []string
	var node func(ind string, n *policy.Node)
	node = func(ind string, n *policy.Node) {
		if n == nil {
			out = append(out, ind+"<nil>")
			return
		}
		out = append(out, fmt.Sprintf("%snode kind %d span %v text %q", ind, n.Kind, n.Span, n.Text))
		for _, m := range n.Members {
			out = append(out, fmt.Sprintf("%s  key %q %v", ind, m.Key, m.KeySpan))
			node(ind+"    ", m.Value)
		}
		for _, e := range n.Elems {
			node(ind+"  ", e)
		}
	}
	var blk func(ind string, b *block)
	blk = func(ind string, b *block) {
		out = append(out, fmt.Sprintf("%sblock %s %s %s addr %q span %v", ind, b.kind, b.typ, b.name, b.addr, b.span))
		var names []string
		for n := range b.attrs {
			names = append(names, n)
		}
		sort.Strings(names)
		for _, n := range names {
			v := b.attrs[n]
			out = append(out, fmt.Sprintf("%s  attr %s key %v ref %q refs %q jsonencode %v isText %v text %q offsets %v", ind, n, v.keySpan, v.ref, v.refs, v.jsonencode, v.isText, v.text, v.offsets))
			node(ind+"    ", v.node)
		}
		var types []string
		for t := range b.blocks {
			types = append(types, t)
		}
		sort.Strings(types)
		for _, t := range types {
			for _, nb := range b.blocks[t] {
				blk(ind+"  ", nb)
			}
		}
	}
	for _, b := range bs {
		blk("", b)
	}
	return out
}

// checkFastHCL fails t when the fast path answers for src with blocks
// other than hclsyntax's, and reports whether it answered.
func checkFastHCL(t *testing.T, name string, src []byte) bool {
	t.Helper()
	f := policy.NewFile(name, src)
	fast, ok := parseFastHCL(f)
	if !ok {
		return false
	}
	slow, err := parseHCLSyntax(f)
	if err != nil {
		t.Errorf("%s: the fast path read text hclsyntax rejects (%s)", name, err.Message)
		return true
	}
	a, b := dumpBlocks(fast), dumpBlocks(slow)
	for i := 0; i < max(len(a), len(b)); i++ {
		var x, y string
		if i < len(a) {
			x = a[i]
		}
		if i < len(b) {
			y = b[i]
		}
		if x != y {
			t.Errorf("%s: line %d of the blocks differs:\nfast:      %s\nhclsyntax: %s", name, i, x, y)
			break
		}
	}
	return true
}

// TestFastHCLConstructs: each construct of the subset is read by the fast
// path, exactly as through hclsyntax; each construct outside it makes the
// fast path give up.
func TestFastHCLConstructs(t *testing.T) {
	read := map[string]string{
		"blocks":            "provider \"aws\" {\n  region = \"eu-west-1\"\n\n  default_tags {\n    tags = {\n      a     = \"b\"\n      c-d   = var.e\n    }\n  }\n}\n\ndata \"aws_caller_identity\" \"current\" {}\n",
		"literals":          "resource \"x\" \"y\" {\n  n = 12\n  t = true\n  f = false\n  z = null\n  s = \"str\"\n  e = \"\"\n}\n",
		"templates":         "resource \"x\" \"y\" {\n  a = \"${var.p}-name-${local.q}\"\n  b = \"${var.only}\"\n  c = \"arn:aws:ses:${var.region}:${data.aws_caller_identity.current.account_id}:identity/${var.domain}\"\n  d = \"${ var.spaced }\"\n  e = \"${upper(var.x)}\"\n  f = \"${1}\"\n}\n",
		"references":        "resource \"x\" \"y\" {\n  a = aws_iam_role.r.arn\n  b = var.list[0]\n  c = var.map[\"k\"]\n  d = [aws_iam_policy.p.arn, var.x, \"s\"]\n}\n",
		"jsonencode":        "resource \"aws_iam_policy\" \"p\" {\n  policy = jsonencode({\n    Version = \"2012-10-17\"\n    Statement = [\n      {\n        Effect   = \"Allow\"\n        Action   = [\"ses:SendEmail\", \"ses:SendRawEmail\"]\n        Resource = \"*\"\n      },\n    ]\n  })\n}\n",
		"objects":           "resource \"x\" \"y\" {\n  a = { k = 1, \"q\" = 2 }\n  b = {\n    x: 1,\n    y: \"two\"\n  }\n  c = {}\n  d = []\n}\n",
		"expressions":       "resource \"x\" \"y\" {\n  a = var.env == \"prod\" ? \"info\" : \"debug\"\n  b = !var.flag\n  c = var.n * 2 + 1\n  d = (var.x)\n  e = contains([\"a\", \"b\"], var.v) && length(var.l) > 0\n  f = merge(local.tags, {\n    Name = \"x\"\n  })\n  g = -1\n  h = (var.a + 1)\n  i = [format(\"a-%s\", var.x)]\n}\n",
		"comments":          "# head\n// also\nresource \"x\" \"y\" { # after\n  a = 1 # note\n  # inside\n  b = [\n    1, # one\n    2,\n  ]\n}\n",
		"nested":            "resource \"aws_iam_role\" \"r\" {\n  name = \"r\"\n  inline_policy {\n    name   = \"p\"\n    policy = data.aws_iam_policy_document.d.json\n  }\n  dynamic \"x\" {\n    for_each = var.y\n    content {\n      a = x.value\n    }\n  }\n}\n",
		"other blocks":      "variable \"v\" {\n  type    = string\n  default = \"d\"\n  validation {\n    condition     = contains([\"a\"], var.v)\n    error_message = \"bad\"\n  }\n}\noutput \"o\" {\n  value = aws_iam_role.r.arn\n}\nterraform {\n  required_providers {\n    aws = {\n      source  = \"hashicorp/aws\"\n      version = \"~> 5.0\"\n    }\n  }\n}\n",
		"heredoc":           "resource \"aws_iam_policy\" \"p\" {\n  policy = <<EOF\n{\n  \"Statement\": [{\"Effect\": \"Allow\", \"Resource\": \"arn:aws:ses:${var.region}:*\"}]\n}\nEOF\n}\n",
		"flush heredoc":     "resource \"aws_iam_policy\" \"p\" {\n  policy = <<-EOT\n    {\n      \"V\": \"${var.x}\",\n      \"W\": \"a\\\\b\"\n    }\n  EOT\n}\n",
		"index expressions": "resource \"x\" \"y\" {\n  a = var.l[count.index]\n  b = \"${var.l[count.index]}.x\"\n  c = var.m[var.k].name\n}\n",
		"tabs":              "resource \"x\" \"y\" {\n\ta\t= 1\n}\n",
		"no final":          "resource \"x\" \"y\" {\n  a = 1\n}",
	}
	for name, src := range read {
		if !checkFastHCL(t, name, []byte(src)) {
			t.Errorf("%s: the fast path gave up on\n%s", name, src)
		}
	}
	giveUp := map[string]string{
		"flush blank line":   "resource \"x\" \"y\" {\n  a = <<-EOF\n    {\n\n    }\n  EOF\n}\n",
		"indented marker":    "resource \"x\" \"y\" {\n  a = <<EOF\nx\n  EOF\n  b = <<EOF\ny\nEOF\n}\n",
		"marker and space":   "resource \"x\" \"y\" {\n  a = <<EOF\nx\nEOF \n}\n",
		"flush interp start": "resource \"x\" \"y\" {\n  a = <<-EOF\n    ${var.x}\n  EOF\n}\n",
		"heredoc in call":    "resource \"x\" \"y\" {\n  a = f(<<EOF\nx\nEOF\n  )\n}\n",
		"escape":             "resource \"x\" \"y\" {\n  a = \"a\\\"b\"\n}\n",
		"directive":          "resource \"x\" \"y\" {\n  a = \"%{if true}x%{endif}\"\n}\n",
		"for":                "resource \"x\" \"y\" {\n  a = [for s in var.l : upper(s)]\n}\n",
		"splat":              "resource \"x\" \"y\" {\n  a = aws_instance.i[*].id\n}\n",
		"literal index":      "resource \"x\" \"y\" {\n  a = var.l[ 0 ]\n}\n",
		"fraction":           "resource \"x\" \"y\" {\n  a = 1.5\n}\n",
		"block comment":      "/* x */\nresource \"x\" \"y\" {}\n",
		"two on a line":      "resource \"x\" \"y\" { a = 1 }\n",
		"redefined":          "resource \"x\" \"y\" {\n  a = 1\n  a = 2\n}\n",
		"unclosed":           "resource \"x\" \"y\" {\n  a = 1\n",
		"crlf":               "resource \"x\" \"y\" {\r\n}\r\n",
		"non-ASCII":          "resource \"x\" \"y\" {\n  a = \"caf\xc3\xa9\"\n}\n",
		"missing value":      "resource \"x\" \"y\" {\n  a =\n}\n",
		"operator at start":  "resource \"x\" \"y\" {\n  a = 1\n    + 2\n}\n",
		"escape dollar":      "resource \"x\" \"y\" {\n  a = \"$${x}\"\n}\n",
	}
	for name, src := range giveUp {
		if _, ok := parseFastHCL(policy.NewFile(name, []byte(src))); ok {
			t.Errorf("%s: the fast path read\n%s", name, src)
		}
	}
}

// TestFastHCLFiles: on every .tf file of the fixtures and the shared
// real-world corpus, the fast path gives hclsyntax's blocks or gives up.
func TestFastHCLFiles(t *testing.T) {
	files := tfFiles(t)
	fast := 0
	for _, p := range files {
		b, err := os.ReadFile(p)
		if err != nil {
			t.Fatal(err)
		}
		if checkFastHCL(t, p, b) {
			fast++
		}
	}
	t.Logf("the fast path read %d of %d .tf files", fast, len(files))
}

// FuzzFastHCL: whenever the fast path reads a text, hclsyntax reads it
// too, into the same blocks.
func FuzzFastHCL(f *testing.F) {
	fixtureSeeds(f, ".tf", func([]byte) bool { return true })
	f.Fuzz(func(t *testing.T, data []byte) {
		if len(data) > maxFuzzInput {
			return
		}
		checkFastHCL(t, "main.tf", data)
	})
}
