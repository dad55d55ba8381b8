package report

import (
	"context"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"github.com/seslint/seslint/analyzer/config"
	"github.com/seslint/seslint/analyzer/engine"
	"github.com/seslint/seslint/analyzer/scan"
)

// TestSuppressionSnippetsSuppress puts each suppression a rule page shows
// into a file of its kind holding that rule's mistake, and scans it: the
// finding must be suppressed, with no complaint about the directive.
func TestSuppressionSnippetsSuppress(t *testing.T) {
	eng, err := engine.New(context.Background(), engine.Options{})
	if err != nil {
		t.Fatal(err)
	}
	rule, ok := eng.Rule("SES107")
	if !ok {
		t.Fatal("no SES107")
	}
	snippet := map[string]string{}
	for _, s := range suppressions(rule.ID) {
		snippet[s.lang] = s.snippet
	}
	indent := func(s, by string) string {
		return by + strings.ReplaceAll(strings.TrimSuffix(s, "\n"), "\n", "\n"+by) + "\n"
	}
	dir := t.TempDir()
	files := map[string]string{
		"cfn/template.yaml": `Resources:
  Sender:
    Type: AWS::IAM::ManagedPolicy
` + indent(snippet["yaml"], "    ") + `    Properties:
      PolicyDocument:
        Version: "2012-10-17"
        Statement:
          - {Effect: Allow, Action: "ses:SendEmails", Resource: "*"}
`,
		"hcl/main.tf": snippet["hcl"] + `resource "aws_iam_policy" "sender" {
  name   = "sender"
  policy = jsonencode({ Version = "2012-10-17", Statement = [{ Effect = "Allow", Action = "ses:SendEmails", Resource = "*" }] })
}
`,
		"tfjson/main.tf.json": `{"resource": {"aws_iam_policy": {"sender": {
  ` + strings.TrimSpace(snippet["json"]) + `,
  "name": "sender",
  "policy": "{\"Version\": \"2012-10-17\", \"Statement\": [{\"Effect\": \"Allow\", \"Action\": \"ses:SendEmails\", \"Resource\": \"*\"}]}"
}}}}
`,
		"gomod/go.mod":    "module example.com/mailer\n\ngo 1.22\n",
		"gomod/policy.go": "package mailer\n\n" + snippet["go"] + "const policy = `{\"Version\": \"2012-10-17\", \"Statement\": [{\"Effect\": \"Allow\", \"Action\": \"ses:SendEmails\", \"Resource\": \"*\"}]}`\n",
	}
	for name, content := range files {
		p := filepath.Join(dir, name)
		if err := os.MkdirAll(filepath.Dir(p), 0o755); err != nil {
			t.Fatal(err)
		}
		if err := os.WriteFile(p, []byte(content), 0o644); err != nil {
			t.Fatal(err)
		}
	}
	t.Chdir(dir)
	for _, sub := range []string{"cfn", "hcl", "tfjson", "gomod"} {
		res, err := scan.Run(context.Background(), eng, []string{sub}, scan.Options{Now: time.Date(2026, 6, 1, 0, 0, 0, 0, time.UTC)})
		if err != nil {
			t.Fatal(err)
		}
		suppressed := 0
		for _, f := range res.Findings {
			switch {
			case f.Rule.ID == rule.ID && f.Suppressed:
				suppressed++
			case f.Rule.ID == rule.ID || f.Rule.Category() == "directive":
				t.Errorf("%s: %s:%d:%d %s %s (suppressed %v)", sub, f.File.Path, f.Region.Start.Line, f.Region.Start.Column, f.Rule.ID, f.Message, f.Suppressed)
			}
		}
		if suppressed != 1 {
			t.Errorf("%s: %d suppressed %s findings, want 1 (notifications %v)", sub, suppressed, rule.ID, res.Notifications)
		}
	}
}

// TestConfigSnippetIsValid: the .seslint.yaml a rule page shows is a valid
// configuration that turns the rule off.
func TestConfigSnippetIsValid(t *testing.T) {
	c, err := config.Parse(".seslint.yaml", []byte(configSnippet("SES107")), []string{"SES107"}, func(string) error { return nil })
	if err != nil {
		t.Fatal(err)
	}
	if d := c.Disabled(); len(d) != 1 || d[0] != "SES107" || len(c.Exclude) != 1 {
		t.Errorf("disabled %v, exclude %v", d, c.Exclude)
	}
}
