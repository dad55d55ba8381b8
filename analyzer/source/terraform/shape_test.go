package terraform

import (
	"os"
	"strings"
	"testing"

	"github.com/seslint/seslint/analyzer/policy"
)

// TestDeepHCLIsAnErrorNotACrash: HCL nested 100,000 levels deep in every
// construct the parser recurses on ends as a file syntax error placed
// where the nesting passes the limit; the parser never sees it (it would
// overflow the stack, which no recover can catch).
func TestDeepHCLIsAnErrorNotACrash(t *testing.T) {
	const n = 100_000
	cases := map[string]struct {
		src    string
		opener string // one level
	}{
		"tuple":       {"a = " + strings.Repeat("[", n) + strings.Repeat("]", n) + "\n", "["},
		"object":      {"a = " + strings.Repeat("{b=", n) + "1" + strings.Repeat("}", n) + "\n", "{b="},
		"parentheses": {"a = " + strings.Repeat("(", n) + "1" + strings.Repeat(")", n) + "\n", "("},
		"calls":       {"a = " + strings.Repeat("f(", n) + strings.Repeat(")", n) + "\n", "f("},
		"blocks":      {strings.Repeat("b {\n", n) + strings.Repeat("}\n", n), "b {"},
		"for":         {"a = " + strings.Repeat("[for x in ", n) + "y" + strings.Repeat(": x]", n) + "\n", "[for"},
		"template":    {"a = \"" + strings.Repeat("${\"", n) + strings.Repeat("\"}", n) + "\"\n", "${"},
		"directives":  {"a = <<EOT\n" + strings.Repeat("%{if true}", n) + strings.Repeat("%{endif}", n) + "\nEOT\n", "%{if"},
	}
	for name, c := range cases {
		t.Run(name, func(t *testing.T) {
			f := policy.NewFile("deep.tf", []byte(c.src))
			u := LoadModule(".", []*policy.File{f})
			if len(u.Documents) != 1 || u.Documents[0].Decoded.Root != nil {
				t.Fatalf("documents %+v, want one holding the error", u.Documents)
			}
			err := u.Documents[0].Decoded.Errors[0]
			if err.Kind != policy.ErrFileSyntax || err.Message != "HCL: not parsed: the text is nested deeper than 512 levels" {
				t.Errorf("error %s %q", err.Kind, err.Message)
			}
			// A level may open more than one construct (a quote and an
			// interpolation), so the limit is passed between the 256th
			// and the 513th level.
			if levels := strings.Count(c.src[:err.Span.Start], c.opener); levels < policy.MaxDepth/2-1 || levels > policy.MaxDepth {
				t.Errorf("error at byte %d, after %d levels", err.Span.Start, levels)
			}
		})
	}
}

// TestLargeHCLIsAnError: ten megabytes of "1+1+…" or "[1,1,…]" would make
// the HCL parser build gigabytes; past the token budget the file is a
// syntax error instead.
func TestLargeHCLIsAnError(t *testing.T) {
	for name, src := range map[string]string{
		"list":       "a = [" + strings.Repeat("1,", 5<<20) + "1]\n",
		"sum":        "a = 1" + strings.Repeat("+1", 5<<20) + "\n",
		"traversal":  "a = b" + strings.Repeat(".c", 5<<20) + "\n",
		"numbers":    "a = x" + strings.Repeat(".1", 5<<20) + "\n",
		"negation":   "a = " + strings.Repeat("!", 5<<20) + "true\n",
		"subtracted": "a = 1" + strings.Repeat("-1", 5<<20) + "\n",
	} {
		t.Run(name, func(t *testing.T) {
			err := hclShape([]byte(src), false)
			if err == nil || err.Message != "HCL: not parsed: the text is more than 1000000 tokens" {
				t.Fatalf("error %v", err)
			}
			if err.Span.Start < 1_000_000 || err.Span.Start > 2_100_000 {
				t.Errorf("error at byte %d, want where the millionth token is", err.Span.Start)
			}
		})
	}
}

// TestHCLShapeAcceptsRealConfigurations: the limits leave every fixture
// and real-world .tf file alone, and text inside strings, heredocs and
// comments does not count as nesting.
func TestHCLShapeAcceptsRealConfigurations(t *testing.T) {
	deepText := strings.Repeat("[", 2*policy.MaxDepth)
	for name, src := range map[string]string{
		"string":     "a = \"" + deepText + "\"\n",
		"heredoc":    "a = <<-EOT\n  " + deepText + "\n  EOT\nb = [1]\n",
		"comment":    "# " + deepText + "\n// " + deepText + "\n/* " + deepText + " */\na = 1\n",
		"escapes":    "a = \"$${" + deepText + "\\\"" + deepText + "\"\n",
		"interp":     "a = \"${jsonencode({b = [\"${c}\"]})}\"\n",
		"crlf":       "a = <<EOT\r\n" + deepText + "\r\nEOT\r\nb = 1\r\n",
		"many lines": strings.Repeat("a = [1, 2, {b = \"c\"}]\n", 10_000),
	} {
		if err := hclShape([]byte(src), false); err != nil {
			t.Errorf("%s: %s at %d", name, err.Message, err.Span.Start)
		}
	}
	files := tfFiles(t)
	if len(files) < 10 {
		t.Fatalf("only %d .tf files found", len(files))
	}
	for _, p := range files {
		src, err := os.ReadFile(p)
		if err != nil {
			t.Fatal(err)
		}
		if err := hclShape(src, false); err != nil {
			t.Errorf("%s: %s at byte %d", p, err.Message, err.Span.Start)
		}
	}
}
