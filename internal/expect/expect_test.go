package expect

import (
	"os"
	"path/filepath"
	"slices"
	"testing"
)

func TestReadAndCompare(t *testing.T) {
	path := filepath.Join(t.TempDir(), "expected.txt")
	content := "# comment\n\na.json:1:2 SES107 ses:SendEmails matches\na.json:1:2 SES107 ses:Sned\nb.tf:3:4 SES201\n"
	if err := os.WriteFile(path, []byte(content), 0o644); err != nil {
		t.Fatal(err)
	}
	want, err := Read(path)
	if err != nil {
		t.Fatal(err)
	}
	if len(want) != 3 || want[0] != (Want{Key: "a.json:1:2 SES107", Fragment: "ses:SendEmails matches", Line: 3}) || want[2].Fragment != "" {
		t.Fatalf("read %+v", want)
	}
	missing, unexpected := Compare(want, map[string][]string{
		"a.json:1:2 SES107": {"ses:SendEmails matches no SES action", "ses:Sned* matches nothing"},
		"c.go:5:6 SES302":   {"scoped"},
	})
	if len(missing) != 1 || !slices.Equal(unexpected, []string{"c.go:5:6 SES302 scoped"}) {
		t.Errorf("missing %q, unexpected %q", missing, unexpected)
	}
	if _, err := os.Stat(path); err != nil {
		t.Fatal(err)
	}
	if err := os.WriteFile(path, []byte("lonely\n"), 0o644); err != nil {
		t.Fatal(err)
	}
	if _, err := Read(path); err == nil {
		t.Error("a line without a rule must be an error")
	}
}
