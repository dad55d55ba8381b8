package main

import (
	"os"
	"path/filepath"
	"strings"
	"testing"
)

func write(t *testing.T, dir, name, content string) string {
	t.Helper()
	p := filepath.Join(dir, name)
	if err := os.MkdirAll(filepath.Dir(p), 0o755); err != nil {
		t.Fatal(err)
	}
	if err := os.WriteFile(p, []byte(content), 0o644); err != nil {
		t.Fatal(err)
	}
	return p
}

const sendOnly = `{
  "Version": "2012-10-17",
  "Statement": [
    {"Effect": "Allow", "Action": ["ses:SendEmail"], "Resource": "arn:aws:ses:eu-west-1:123456789012:identity/example.com"}
  ]
}
`

func runIn(t *testing.T, dir string, args ...string) (int, string, string) {
	t.Helper()
	t.Chdir(dir)
	var out, errb strings.Builder
	code := run(args, &out, &errb)
	return code, out.String(), errb.String()
}

func TestConfigErrorsNameFileAndLine(t *testing.T) {
	dir := t.TempDir()
	write(t, dir, "p.json", sendOnly)
	write(t, dir, ".seslint.yaml", "rules:\n  SES201: {severity: fatal}\nexclude: [\"legacy/[abc\"]\nexcludes: []\n")
	code, _, errOut := runIn(t, dir, fixedNow, ".")
	if code != exitError {
		t.Errorf("exit %d", code)
	}
	for _, want := range []string{
		"\n.seslint.yaml:2:22: rules: SES201: severity \"fatal\" must be error, warning or note\n",
		"\n.seslint.yaml:3:11: exclude: invalid glob \"legacy/[abc\"",
		"\n.seslint.yaml:4:1: unknown key \"excludes\" (did you mean exclude?)",
	} {
		if !strings.Contains(errOut, want) {
			t.Errorf("stderr lacks %q:\n%s", want, errOut)
		}
	}
	// Found walking up from a subdirectory, the file is named from there.
	write(t, dir, "sub/p.json", sendOnly)
	code, _, errOut = runIn(t, filepath.Join(dir, "sub"), fixedNow, ".")
	if code != exitError || !strings.Contains(errOut, "\n../.seslint.yaml:2:22: rules: SES201: severity") {
		t.Errorf("from sub/: exit %d:\n%s", code, errOut)
	}
}

func TestConfigSeverityExclusionAndDisable(t *testing.T) {
	dir := t.TempDir()
	write(t, dir, "policies/p.json", sendOnly)
	write(t, dir, "legacy/old.json", strings.Replace(sendOnly, "ses:SendEmail", "ses:SendEmails", 1))
	// Without configuration: a note, and the legacy file's error.
	code, out, _ := runIn(t, dir, fixedNow, "--no-hints", ".")
	if code != exitFindings || !strings.Contains(out, "note SES201") || !strings.Contains(out, "legacy/old.json") {
		t.Fatalf("exit %d:\n%s", code, out)
	}
	write(t, dir, ".seslint.yaml", "rules:\n  SES201: {severity: error}\nexclude: [\"legacy/**\"]\n")
	code, out, _ = runIn(t, dir, fixedNow, "--no-hints", ".")
	if code != exitFindings || !strings.HasPrefix(out, "policies/p.json:4:36: error SES201: ") || strings.Contains(out, "legacy") {
		t.Errorf("severity override and exclusion: exit %d:\n%s", code, out)
	}
	code, out, _ = runIn(t, filepath.Join(dir, "policies"), fixedNow, "--no-hints", ".")
	if code != exitFindings || !strings.HasPrefix(out, "p.json:4:36: error SES201: ") {
		t.Errorf("severity override, found walking up from policies/: exit %d:\n%s", code, out)
	}
	// Globs are relative to the configuration's directory, wherever
	// seslint runs: from above the repository, and from inside it.
	parent, repo := filepath.Split(dir)
	code, out, _ = runIn(t, parent, fixedNow, "--no-hints", repo)
	if code != exitFindings || !strings.HasPrefix(out, repo+"/policies/p.json:4:36: error SES201: ") || strings.Contains(out, "legacy") {
		t.Errorf("run from above the repository: exit %d:\n%s", code, out)
	}
	code, out, _ = runIn(t, filepath.Join(dir, "policies"), fixedNow, "--no-hints", "..")
	if code != exitFindings || !strings.Contains(out, "error SES201") || strings.Contains(out, "legacy") {
		t.Errorf("run from policies/ on ..: exit %d:\n%s", code, out)
	}
	// Files named one by one (a pre-commit hook's staged files) are
	// excluded too, and said to be.
	code, out, _ = runIn(t, dir, fixedNow, "--no-hints", "legacy/old.json", "policies/p.json")
	if code != exitFindings || strings.Contains(out, "SES107") || !strings.Contains(out, "\nlegacy/old.json: not scanned: excluded by \"legacy/**\"\n") {
		t.Errorf("a named file matching exclude: exit %d:\n%s", code, out)
	}
	write(t, dir, ".seslint.yaml", "rules:\n  SES201: {enabled: false}\n")
	code, out, _ = runIn(t, dir, fixedNow, "--no-hints", "policies")
	if code != exitOK || strings.Contains(out, "SES201") {
		t.Errorf("disabled: exit %d:\n%s", code, out)
	}
	// --config names another file.
	write(t, dir, "other.yaml", "rules:\n  SES201: {severity: warning}\n")
	_, out, _ = runIn(t, dir, fixedNow, "--no-hints", "--config", "other.yaml", "policies")
	if !strings.Contains(out, "warning SES201") {
		t.Errorf("--config: %s", out)
	}
}

func TestConfigJoinsUnitsAndDeclaresIdentities(t *testing.T) {
	dir := t.TempDir()
	write(t, dir, "identities/ses.yaml", `Resources:
  Domain: {Type: AWS::SES::EmailIdentity, Properties: {EmailIdentity: example.com}}
  NoReply: {Type: AWS::SES::EmailIdentity, Properties: {EmailIdentity: noreply@example.com}}
`)
	write(t, dir, "app/role.yaml", `Resources:
  Mailer:
    Type: AWS::IAM::ManagedPolicy
    Properties:
      PolicyDocument:
        Version: "2012-10-17"
        Statement:
          - Effect: Allow
            Action: [ses:SendEmail, ses:SendRawEmail]
            Resource: arn:aws:ses:eu-west-1:123456789012:identity/example.com
`)
	_, out, _ := runIn(t, dir, fixedNow, "--no-hints", ".")
	if strings.Contains(out, "SES304") {
		t.Fatalf("separate units must not be related:\n%s", out)
	}
	write(t, dir, ".seslint.yaml", "units:\n  - [\"identities/**\", \"app/**\"]\n")
	_, out, _ = runIn(t, dir, fixedNow, "--no-hints", ".")
	if !strings.Contains(out, "app/role.yaml:10:23: warning SES304") {
		t.Errorf("joined units: want SES304 on the grant:\n%s", out)
	}
	// One file named on its own (a pre-commit hook passes the staged
	// files) is still evaluated with the rest of its joined unit, and only
	// its own findings are reported.
	_, out, _ = runIn(t, dir, fixedNow, "--no-hints", "--fail-on=none", "app/role.yaml")
	if !strings.Contains(out, "app/role.yaml:10:23: warning SES304") {
		t.Errorf("app/role.yaml alone: want SES304, which needs identities/ses.yaml:\n%s", out)
	}
	// From the file's own directory, the unit's globs are still read from
	// the configuration's.
	_, out, _ = runIn(t, filepath.Join(dir, "app"), fixedNow, "--no-hints", "--fail-on=none", "role.yaml")
	if !strings.Contains(out, "role.yaml:10:23: warning SES304") {
		t.Errorf("role.yaml alone, from app/: want SES304:\n%s", out)
	}
	_, out, _ = runIn(t, dir, fixedNow, "--no-hints", "--fail-on=none", "identities/ses.yaml")
	if strings.TrimSpace(out) != "" {
		t.Errorf("identities/ses.yaml alone: the other files' findings are not reported:\n%s", out)
	}
	// A sending authorization policy for an identity declared in the
	// configuration is checked against its account.
	write(t, dir, "auth/policy.json", `{"Version": "2012-10-17", "Statement": [{"Effect": "Allow", "Principal": {"AWS": "111122223333"}, "Action": ["ses:SendEmail", "ses:SendRawEmail"], "Resource": "arn:aws:ses:eu-west-1:999999999999:identity/partner.com"}]}`)
	write(t, dir, ".seslint.yaml", "identities:\n  - {name: partner.com, account: \"123456789012\", region: eu-west-1}\n")
	_, out, _ = runIn(t, dir, fixedNow, "--no-hints", "auth")
	if !strings.Contains(out, "SES403") || !strings.Contains(out, "arn:aws:ses:eu-west-1:123456789012:identity/partner.com") {
		t.Errorf("declared identity: want SES403 naming its ARN:\n%s", out)
	}
}

func TestBaselineSurvivesInsertedLines(t *testing.T) {
	dir := t.TempDir()
	p := write(t, dir, "p.json", sendOnly)
	code, _, errOut := runIn(t, dir, "baseline", fixedNow, "-q", "-o", "baseline.sarif", "p.json")
	if code != exitOK {
		t.Fatalf("baseline: exit %d %s", code, errOut)
	}
	// Lines inserted above the finding and the file reformatted.
	moved := "{\n\n  \"Id\": \"mailer\",\n  \"Version\": \"2012-10-17\",\n  \"Statement\": [\n    {\"Sid\": \"Limits\", \"Effect\": \"Allow\", \"Action\": \"ses:GetSendQuota\", \"Resource\": \"*\"},\n    {\n      \"Effect\": \"Allow\",\n      \"Action\": [\"ses:SendEmail\"],\n      \"Resource\": \"arn:aws:ses:eu-west-1:123456789012:identity/example.com\"\n    }\n  ]\n}\n"
	if err := os.WriteFile(p, []byte(moved), 0o644); err != nil {
		t.Fatal(err)
	}
	code, out, _ := runIn(t, dir, fixedNow, "--no-hints", "--fail-on", "note", "p.json")
	if code != exitFindings || !strings.HasPrefix(out, "p.json:9:18: note SES201: ") {
		t.Fatalf("without the baseline, the finding has moved to line 9: exit %d:\n%s", code, out)
	}
	code, out, _ = runIn(t, dir, fixedNow, "--no-hints", "--fail-on", "note", "--baseline", "baseline.sarif", "p.json")
	if code != exitOK || strings.TrimSpace(out) != "" {
		t.Errorf("moved finding reported again: exit %d:\n%s", code, out)
	}
	// A new mistake is reported.
	if err := os.WriteFile(p, []byte(strings.Replace(moved, `"ses:GetSendQuota"`, `"ses:GetSendQuotas"`, 1)), 0o644); err != nil {
		t.Fatal(err)
	}
	code, out, _ = runIn(t, dir, fixedNow, "--no-hints", "--baseline", "baseline.sarif", "p.json")
	if code != exitFindings || !strings.HasPrefix(out, "p.json:6:52: error SES107: ses:GetSendQuotas matches no SES action") || strings.Contains(out, "SES201") {
		t.Errorf("new finding: exit %d:\n%s", code, out)
	}
}

func TestInitWritesACommentedDefault(t *testing.T) {
	dir := t.TempDir()
	code, out, _ := runIn(t, dir, "init")
	if code != exitOK || !strings.Contains(out, "wrote .seslint.yaml") {
		t.Fatalf("exit %d %s", code, out)
	}
	code, _, errOut := runIn(t, dir, "init")
	if code != exitError || !strings.Contains(errOut, "already exists") {
		t.Errorf("second init: exit %d %s", code, errOut)
	}
	write(t, dir, "p.json", sendOnly)
	code, _, errOut = runIn(t, dir, fixedNow, ".")
	if code != exitOK || strings.Contains(errOut, "configuration") {
		t.Errorf("the default configuration must be valid: exit %d %s", code, errOut)
	}
}
