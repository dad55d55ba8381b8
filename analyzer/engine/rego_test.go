package engine

import (
	"bytes"
	"context"
	"io/fs"
	"path"
	"strings"
	"testing"

	"github.com/open-policy-agent/opa/v1/ast"
	"github.com/open-policy-agent/opa/v1/format"
	"github.com/open-policy-agent/opa/v1/storage/inmem"
	"github.com/open-policy-agent/opa/v1/tester"

	sesrego "github.com/seslint/seslint/rego"
)

// bundleFiles returns every .rego file of the embedded bundle, tests too.
func bundleFiles(t *testing.T) map[string][]byte {
	t.Helper()
	files := map[string][]byte{}
	err := fs.WalkDir(sesrego.Bundle, "seslint", func(p string, d fs.DirEntry, err error) error {
		if err != nil || d.IsDir() || !strings.HasSuffix(p, ".rego") {
			return err
		}
		b, err := fs.ReadFile(sesrego.Bundle, p)
		files[p] = b
		return err
	})
	if err != nil {
		t.Fatal(err)
	}
	return files
}

func parsedBundle(t *testing.T) map[string]*ast.Module {
	t.Helper()
	mods := map[string]*ast.Module{}
	for name, src := range bundleFiles(t) {
		m, err := parseModule(name, src)
		if err != nil {
			t.Fatal(err)
		}
		mods[name] = m
	}
	return mods
}

// TestRegoUnitTests runs every test_ rule of the bundle with OPA's tester,
// as `opa test rego/` does.
func TestRegoUnitTests(t *testing.T) {
	_, data, err := loadBuiltin()
	if err != nil {
		t.Fatal(err)
	}
	store := inmem.NewFromObject(data)
	ctx := context.Background()
	txn, err := store.NewTransaction(ctx)
	if err != nil {
		t.Fatal(err)
	}
	defer store.Abort(ctx, txn)
	compiler := ast.NewCompiler().WithCapabilities(Capabilities()).WithEnablePrintStatements(false)
	ch, err := tester.NewRunner().
		SetStore(store).
		SetCompiler(compiler).
		SetModules(parsedBundle(t)).
		SetDefaultRegoVersion(ast.RegoV1).
		RaiseBuiltinErrors(true).
		RunTests(ctx, txn)
	if err != nil {
		t.Fatal(err)
	}
	n := 0
	for r := range ch {
		n++
		name := strings.TrimPrefix(r.Package, "data.") + "." + r.Name
		switch {
		case r.Error != nil:
			t.Errorf("%s: error: %v", name, r.Error)
		case r.Fail:
			t.Errorf("%s (%s): FAIL", name, r.Location)
		case r.Skip:
			t.Logf("%s: skipped", name)
		}
	}
	if n == 0 {
		t.Fatal("the bundle holds no Rego tests")
	}
	t.Logf("%d Rego tests", n)
}

// TestRegoFormatted is `opa fmt --list` on the bundle.
func TestRegoFormatted(t *testing.T) {
	for name, src := range bundleFiles(t) {
		want, err := format.SourceWithOpts(name, src, format.Opts{RegoVersion: ast.RegoV1})
		if err != nil {
			t.Errorf("%s: %v", name, err)
			continue
		}
		if !bytes.Equal(src, want) {
			t.Errorf("%s is not formatted as opa fmt writes it", name)
		}
	}
}

// TestRegoStrict is `opa check --strict` on the bundle, tests included.
func TestRegoStrict(t *testing.T) {
	c := ast.NewCompiler().WithStrict(true).WithCapabilities(Capabilities())
	c.Compile(parsedBundle(t))
	if c.Failed() {
		for _, e := range c.Errors {
			t.Error(e)
		}
	}
}

// TestRuleMetadata loads every rule's metadata and checks that each rule
// lives in its own directory beside a test file.
func TestRuleMetadata(t *testing.T) {
	mods, _, err := loadBuiltin()
	if err != nil {
		t.Fatal(err)
	}
	rules, err := rulesOf(mods)
	if err != nil {
		t.Fatal(err)
	}
	if len(rules) == 0 {
		t.Fatal("no rules")
	}
	files := bundleFiles(t)
	for _, m := range mods {
		pkg := strings.TrimPrefix(m.mod.Package.Path.String(), "data.")
		if !strings.HasPrefix(pkg, "seslint.rules.") {
			continue
		}
		want := "seslint/rules/" + strings.ReplaceAll(strings.TrimPrefix(pkg, "seslint.rules."), ".", "/")
		if path.Dir(m.name) != want {
			t.Errorf("%s: package %s belongs in %s/", m.name, pkg, want)
		}
		test := strings.TrimSuffix(m.name, ".rego") + "_test.rego"
		if src, ok := files[test]; !ok || !bytes.Contains(src, []byte("test_")) {
			t.Errorf("%s: no tests in %s", m.name, test)
		}
	}
	for _, r := range rules {
		if r.Bad == "" || r.Good == "" {
			t.Errorf("%s: custom.example needs a bad and a good example", r.ID)
		}
		if r.Seed == "" {
			t.Errorf("%s: custom.seed is missing", r.ID)
		}
	}
}
