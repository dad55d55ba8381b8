package config

import (
	"errors"
	"os"
	"path/filepath"
	"strings"
	"testing"
)

var known = []string{"SES201", "SES302", "SES601", "SES602"}

func validGlob(g string) error {
	if strings.Contains(g, "[") && !strings.Contains(g, "]") {
		return errors.New("invalid glob \"" + g + "\": unclosed [")
	}
	return nil
}

func TestParse(t *testing.T) {
	src := `rules:
  SES601: {enabled: false}
  ses201: {severity: warning}
exclude: ["legacy/**"]
units:
  - ["org/scp/**", "accounts/**"]
identities:
  - {name: example.com, account: "123456789012", region: eu-west-1}
now: 2026-01-02T03:04:05Z
kinds:
  "org/scp/*.json": scp
`
	c, err := Parse(".seslint.yaml", []byte(src), known, validGlob)
	if err != nil {
		t.Fatal(err)
	}
	if got := c.Disabled(); len(got) != 1 || got[0] != "SES601" {
		t.Errorf("disabled %v", got)
	}
	if c.Severities()["SES201"] != "warning" {
		t.Errorf("severities %v", c.Severities())
	}
	if len(c.Exclude) != 1 || len(c.Units) != 1 || len(c.Units[0]) != 2 || c.Identities[0].Region != "eu-west-1" || c.Now.Year() != 2026 || c.Kinds[0].Kind != "scp" {
		t.Errorf("config %+v", c)
	}
}

func TestErrorsAtFileLine(t *testing.T) {
	src := `rules:
  SES601: {enabled: maybe}
  SES201: {severity: fatal}
  SES999: {enabled: false}
  SES6O2: {enabled: false}
exclude: ["legacy/[abc"]
identities:
  - {name: example.com, account: 12345}
excludes: []
now: yesterday
`
	_, err := Parse("repo/.seslint.yaml", []byte(src), known, validGlob)
	var es Errors
	if !errors.As(err, &es) {
		t.Fatalf("err %v", err)
	}
	want := []string{
		`repo/.seslint.yaml:2:21: rules: SES601: enabled must be true or false, not "maybe"`,
		`repo/.seslint.yaml:3:22: rules: SES201: severity "fatal" must be error, warning or note`,
		`repo/.seslint.yaml:4:3: rules: "SES999" is not a seslint rule`,
		`repo/.seslint.yaml:5:3: rules: "SES6O2" is not a seslint rule (did you mean SES602?)`,
		`repo/.seslint.yaml:6:11: exclude: invalid glob "legacy/[abc": unclosed [`,
		`repo/.seslint.yaml:8:34: identities: account "12345" is not a 12-digit account ID`,
		`repo/.seslint.yaml:9:1: unknown key "excludes" (did you mean exclude?)`,
		`repo/.seslint.yaml:10:6: now: "yesterday" is not an RFC 3339 time`,
	}
	if len(es) != len(want) {
		t.Fatalf("got %d errors:\n%v", len(es), es)
	}
	for i, w := range want {
		if !strings.HasPrefix(es[i].Error(), w) {
			t.Errorf("error %d:\n got %s\nwant %s", i, es[i], w)
		}
	}
}

func TestTemplateParsesAndChangesNothing(t *testing.T) {
	c, err := Parse("t.yaml", []byte(Template), known, validGlob)
	if err != nil {
		t.Fatal(err)
	}
	if len(c.Rules) != 0 || len(c.Exclude) != 0 || len(c.Units) != 0 || len(c.Identities) != 0 || !c.Now.IsZero() {
		t.Errorf("the template's defaults must change nothing: %+v", c)
	}
}

func TestFindWalksUp(t *testing.T) {
	dir := t.TempDir()
	if err := WriteTemplate(filepath.Join(dir, ".seslint.yaml")); err != nil {
		t.Fatal(err)
	}
	if err := WriteTemplate(filepath.Join(dir, ".seslint.yaml")); !errors.Is(err, ErrExists) {
		t.Errorf("overwrote: %v", err)
	}
	sub := filepath.Join(dir, "a", "b")
	if err := mkdirAll(sub); err != nil {
		t.Fatal(err)
	}
	if p, ok := Find(sub); !ok || p != filepath.Join(dir, ".seslint.yaml") {
		t.Errorf("Find = %q, %v", p, ok)
	}
}

func mkdirAll(p string) error { return os.MkdirAll(p, 0o755) }
