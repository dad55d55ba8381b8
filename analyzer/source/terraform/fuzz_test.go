package terraform

import (
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/seslint/seslint/analyzer/policy"
)

// maxFuzzInput bounds fuzz inputs (parsing is linear; larger inputs only
// run slower).
const maxFuzzInput = 64 << 10

// tfFiles returns the .tf files of the fixtures and of the shared
// real-world corpus, when it is beside the project.
func tfFiles(t *testing.T) []string {
	t.Helper()
	dirs := []string{"../../../fixtures", "../../../../shared/corpus/realworld"}
	if _, err := os.Stat(dirs[1]); err != nil {
		t.Logf("no shared corpus beside the project (%v): checking the project's own files only", err)
		dirs = dirs[:1]
	}
	var files []string
	for _, dir := range dirs {
		err := filepath.WalkDir(dir, func(p string, d os.DirEntry, err error) error {
			if err == nil && !d.IsDir() && strings.HasSuffix(p, ".tf") {
				files = append(files, p)
			}
			return err
		})
		if err != nil {
			t.Fatal(err)
		}
	}
	return files
}

// fixtureSeeds adds the fixture files whose names end in suffix, read when
// the fuzz test starts, keeping those keep accepts.
func fixtureSeeds(f *testing.F, suffix string, keep func([]byte) bool) {
	n := 0
	err := filepath.WalkDir("../../../fixtures", func(p string, d os.DirEntry, err error) error {
		if err != nil || d.IsDir() || !strings.HasSuffix(p, suffix) {
			return err
		}
		b, err := os.ReadFile(p)
		if err == nil && keep(b) {
			f.Add(b)
			n++
		}
		return err
	})
	if err != nil {
		f.Fatal(err)
	}
	if n == 0 {
		f.Fatalf("no fixture ends in %s", suffix)
	}
}

// checkModule loads one file as a module: no panic, and every span of the
// unit inside the file.
func checkModule(t *testing.T, name string, data []byte) {
	if len(data) > maxFuzzInput {
		return
	}
	u := LoadModule(".", []*policy.File{policy.NewFile(name, data)})
	if err := u.CheckSpans(); err != nil {
		t.Fatal(err)
	}
}

// FuzzHCL: any .tf file is read or reported as a syntax error, with every
// span of the module inside it.
func FuzzHCL(f *testing.F) {
	fixtureSeeds(f, ".tf", func([]byte) bool { return true })
	f.Fuzz(func(t *testing.T, data []byte) { checkModule(t, "main.tf", data) })
}

// FuzzTerraformJSON: the same for *.tf.json (CDKTF's cdk.tf.json too).
func FuzzTerraformJSON(f *testing.F) {
	fixtureSeeds(f, ".tf.json", func([]byte) bool { return true })
	f.Fuzz(func(t *testing.T, data []byte) { checkModule(t, "main.tf.json", data) })
}

// FuzzPlan: a `terraform show -json` plan is read without a panic, every
// span inside the plan file.
func FuzzPlan(f *testing.F) {
	fixtureSeeds(f, ".json", SniffPlan)
	f.Fuzz(func(t *testing.T, data []byte) {
		if len(data) > maxFuzzInput {
			return
		}
		file := policy.NewFile("plan.json", data)
		dec := policy.DecodeJSON(data, nil)
		if dec.Root == nil || !IsPlan(dec.Root) {
			return
		}
		if err := FromPlan(file, dec.Root).CheckSpans(); err != nil {
			t.Fatal(err)
		}
	})
}
