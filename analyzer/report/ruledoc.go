package report

import (
	"fmt"
	"io"
	"strings"

	"github.com/seslint/seslint/analyzer/engine"
)

// reason is the placeholder reason in the suppression examples.
const reason = "why this finding is acceptable here"

// suppression is how to silence a rule in one kind of source file.
type suppression struct {
	source, where, lang, snippet string
}

// suppressions are the in-source directives, for the rule id; the tests
// insert each snippet into a file of its kind and check it suppresses.
func suppressions(id string) []suppression {
	return []suppression{
		{"CloudFormation and SAM", "in the resource's `Metadata`, or in the template's top-level `Metadata` for the whole file", "yaml",
			fmt.Sprintf("Metadata:\n  seslint:\n    ignore:\n      %s: %s\n", id, reason)},
		{"Terraform (HCL)", "a comment on the line before the block or attribute (`//` works too; several rule ids are separated by commas)", "hcl",
			fmt.Sprintf("# seslint:ignore %s %s\n", id, reason)},
		{"Terraform JSON and CDKTF", "a `\"//\"` key in the resource's object, or at the top of the file for the whole file", "json",
			fmt.Sprintf("\"//\": {\"seslint\": {\"ignore\": {%q: %q}}}\n", id, reason)},
		{"Go", "a comment at the end of the line, or on its own line above the declaration or statement it covers (`//nolint:seslint // reason` covers every rule)", "go",
			fmt.Sprintf("//seslint:ignore %s %s\n", id, reason)},
	}
}

// configSnippet is the .seslint.yaml that turns the rule off or down.
func configSnippet(id string) string {
	return fmt.Sprintf("rules:\n%-28s# or {severity: note}\n%-28s# or leave files out\n", "  "+id+": {enabled: false}", `exclude: ["legacy/**"]`)
}

// RuleSourcePath is the Rego file that defines a built-in rule, relative to
// the repository root.
func RuleSourcePath(r *engine.Rule) string {
	parts := strings.Split(r.Package, ".")
	return "rego/" + strings.Join(parts, "/") + "/" + parts[len(parts)-1] + ".rego"
}

// sources are the documents rules come from, by custom.seed: the AWS
// articles of shared/seeds (000-002 are one article in three languages)
// and the reference data.
var sources = map[string]struct{ name, url string }{
	"000":     {"AWS Knowledge Center, \"How do I resolve the Unauthorized error when sending email with Amazon SES?\"", "https://repost.aws/knowledge-center/amazon-ses-send-email-unauthorized-error"},
	"003":     {"AWS Knowledge Center, \"How do I resolve the 554 Access denied error when sending email from my IAM user in Amazon SES?\"", "https://aws.amazon.com/premiumsupport/knowledge-center/amazon-ses-iam-user-email-access-denied/"},
	"004":     {"Amazon SES Developer Guide, \"Amazon SES policy anatomy\"", "https://docs.aws.amazon.com/ses/latest/dg/policy-anatomy.html"},
	"iam":     {"IAM User Guide, \"IAM JSON policy reference\"", "https://docs.aws.amazon.com/IAM/latest/UserGuide/reference_policies.html"},
	"catalog": {"AWS Service Authorization Reference for Amazon SES", "https://docs.aws.amazon.com/service-authorization/latest/reference/list_amazonses.html"},
	"seslint": {"seslint's own directives", ""},
}

// source names the document a rule comes from and gives its address (the
// seed itself and no address when it is not a known one).
func source(seed string) (name, url string) {
	if seed == "001" || seed == "002" {
		seed = "000"
	}
	if s, ok := sources[seed]; ok {
		return s.name, s.url
	}
	return seed, ""
}

// seedName names the document a rule comes from.
func seedName(seed string) string {
	name, _ := source(seed)
	return name
}

// RuleDoc writes a rule's documentation page as Markdown, from its
// metadata alone: what it finds, why (the source it comes from), how to
// fix it, a bad and a good example, and how to suppress it in each kind of
// source. docs/rules/SESnnn.md and `seslint explain` are this page.
func RuleDoc(w io.Writer, r *engine.Rule) error {
	var b strings.Builder
	fmt.Fprintf(&b, "# %s: %s\n\n", r.ID, r.Title)
	fmt.Fprintf(&b, "Severity **%s** · category %s", r.Level, r.Category())
	if r.Source == "builtin" {
		fmt.Fprintf(&b, " · defined in [`%s`](../../%[1]s)", RuleSourcePath(r))
	}
	b.WriteString("\n\n## What it finds\n\n")
	b.WriteString(paragraphs(r.Description))
	b.WriteString("\n\n## Why\n\n")
	switch name, url := source(r.Seed); {
	case url != "":
		fmt.Fprintf(&b, "The rule comes from [%s](%s).", name, url)
	case r.Seed != "":
		fmt.Fprintf(&b, "The rule comes from %s.", name)
	}
	if len(r.Related) > 0 {
		b.WriteString(" See also:\n\n")
		for _, ref := range r.Related {
			fmt.Fprintf(&b, "- <%s>\n", strings.Trim(ref, `"`))
		}
	} else {
		b.WriteString("\n")
	}
	b.WriteString("\n## How to fix\n\n")
	b.WriteString(paragraphs(r.Remediation))
	b.WriteString("\n")
	if r.Bad != "" {
		fmt.Fprintf(&b, "\n## Example\n\nReported:\n\n```%s\n%s\n```\n", fence(r.Bad), strings.TrimSpace(r.Bad))
		if r.Good != "" {
			fmt.Fprintf(&b, "\nFixed:\n\n```%s\n%s\n```\n", fence(r.Good), strings.TrimSpace(r.Good))
		}
	}
	b.WriteString("\n## Suppressing it\n\n")
	if r.Category() == "directive" {
		fmt.Fprintf(&b, "%s reports the suppressions themselves: correct the directive it points at (give the reason, fix the rule id, or delete the directive when the finding is gone). It can be turned off in the configuration like any rule.\n\n", r.ID)
	} else {
		fmt.Fprintf(&b, "Fix the policy when you can. When the finding is intended, suppress it where it is, with the reason: a suppression without one is reported, and so is one that no longer matches a finding. Suppressed findings leave the text output and the exit status, and stay in JSON and SARIF as suppressed (code scanning shows them as dismissed).\n\n")
		for _, s := range suppressions(r.ID) {
			fmt.Fprintf(&b, "%s, %s:\n\n```%s\n%s```\n\n", s.source, s.where, s.lang, s.snippet)
		}
		b.WriteString("Plain policy JSON files have no place for a comment (IAM rejects unknown keys), and a file that does not parse has none either: use the configuration. ")
	}
	fmt.Fprintf(&b, "In `.seslint.yaml`, for the whole repository:\n\n```yaml\n%s```\n\n", configSnippet(r.ID))
	fmt.Fprintf(&b, "On the command line, `seslint --disable %s`. To accept today's findings and report only new ones, record a baseline (`seslint baseline -o seslint-baseline.sarif`) and scan with `--baseline seslint-baseline.sarif`.\n", r.ID)
	_, err := io.WriteString(w, b.String())
	return err
}

// RuleIndex writes docs/rules/README.md: the table of rules, each linked
// to its page.
func RuleIndex(w io.Writer, rules []*engine.Rule) error {
	var b strings.Builder
	b.WriteString("# seslint rules\n\nOne page per rule, generated from the rule's `# METADATA` block (`go test ./cmd/seslint -update` rewrites them; `seslint explain SESnnn` prints one).\n\n")
	b.WriteString("| rule | severity | title |\n|---|---|---|\n")
	for _, r := range rules {
		fmt.Fprintf(&b, "| [%s](%[1]s.md) | %s | %s |\n", r.ID, r.Level, strings.ReplaceAll(r.Title, "|", `\|`))
	}
	_, err := io.WriteString(w, b.String())
	return err
}

// paragraphs unwraps the metadata's hard-wrapped text: lines of one
// paragraph are joined, blank lines and list items kept.
func paragraphs(s string) string {
	var out []string
	var cur []string
	flush := func() {
		if len(cur) > 0 {
			out = append(out, strings.Join(cur, " "))
			cur = nil
		}
	}
	for _, line := range strings.Split(strings.TrimSpace(s), "\n") {
		t := strings.TrimSpace(line)
		switch {
		case t == "":
			flush()
			out = append(out, "")
		case strings.HasPrefix(t, "- "), strings.HasPrefix(t, "* "):
			flush()
			cur = append(cur, t)
		default:
			cur = append(cur, t)
		}
	}
	flush()
	return strings.Join(out, "\n")
}
