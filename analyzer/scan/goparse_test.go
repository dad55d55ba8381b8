package scan

import (
	"bytes"
	"context"
	"go/format"
	"go/token"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"github.com/seslint/seslint/analyzer/engine"
)

func TestDropBodies(t *testing.T) {
	for _, c := range []struct {
		name, src string
		// want lists fragments of the rewritten file; same means the file
		// is kept whole.
		want []string
		same bool
	}{{
		name: "imports used only in bodies become blank",
		src: `package p

import (
	"fmt"
	"io"
	str "strings"
)

type R struct{ r io.Reader }

func Up(s string) string { return str.ToUpper(fmt.Sprint(s)) }

func Map[T any](xs []T) []T { return xs }

func init() { fmt.Println() }
`,
		want: []string{`_ "fmt"`, `	"io"`, `_ "strings"`, "func Up(s string) string { panic(0) }", "func Map[T any](xs []T) []T { panic(0) }", "func init() { panic(0) }"},
	}, {
		name: "versioned paths",
		src: `package p

import (
	"math/rand/v2"
	"gopkg.in/yaml.v3"
)

var n yaml.Node

func F() int { return rand.N(3) }
`,
		want: []string{`	"gopkg.in/yaml.v3"`, `_ "math/rand/v2"`, "panic(0)"},
	}, {
		name: "a selector on a name of another file",
		src: `package p

import "fmt"

var x = other.Field

func F() { fmt.Println() }
`,
		same: true,
	}, {
		name: "dot import",
		src:  "package p\n\nimport . \"fmt\"\n\nfunc F() { Println() }\n",
		same: true,
	}, {
		name: "panic redeclared",
		src:  "package p\n\nfunc panic(int) {}\n\nfunc F() int { return 1 }\n",
		same: true,
	}} {
		t.Run(c.name, func(t *testing.T) {
			fset := token.NewFileSet()
			f, err := depParser("/nowhere")(fset, "/dep/p.go", []byte(c.src))
			if err != nil {
				t.Fatal(err)
			}
			var b bytes.Buffer
			if err := format.Node(&b, fset, f); err != nil {
				t.Fatal(err)
			}
			got := b.String()
			if c.same {
				want, _ := format.Source([]byte(c.src))
				if got != string(want) {
					t.Errorf("rewritten:\n%s", got)
				}
				return
			}
			for _, w := range c.want {
				if !strings.Contains(got, w) {
					t.Errorf("no %q in\n%s", w, got)
				}
			}
		})
	}
}

// TestGoModuleWithStandardLibrary scans a module importing the standard
// library (whose bodies are dropped): the policy constant is found, no
// package is reported broken.
func TestGoModuleWithStandardLibrary(t *testing.T) {
	dir := t.TempDir()
	write := func(name, content string) {
		if err := os.MkdirAll(filepath.Dir(filepath.Join(dir, name)), 0o755); err != nil {
			t.Fatal(err)
		}
		if err := os.WriteFile(filepath.Join(dir, name), []byte(content), 0o644); err != nil {
			t.Fatal(err)
		}
	}
	write("go.mod", "module example.com/m\n\ngo 1.22\n")
	write("mail/mail.go", "package mail\n\nimport (\n\t\"encoding/json\"\n\t\"fmt\"\n\t\"net/http\"\n)\n\n"+
		"const Policy = `{\"Version\": \"2012-10-17\", \"Statement\": [{\"Effect\": \"Allow\", \"Action\": \"ses:SendEmail\", \"Resource\": \"*\"}]}`\n\n"+
		"func Send(c *http.Client) error { b, _ := json.Marshal(Policy); return fmt.Errorf(\"%s\", b) }\n")
	eng, err := engine.New(context.Background(), engine.Options{})
	if err != nil {
		t.Fatal(err)
	}
	var st Stats
	fs, notes := scanGo(context.Background(), eng, dir, []string{"./..."}, nil, Options{Now: time.Date(2026, 6, 1, 0, 0, 0, 0, time.UTC)}, &st)
	for _, n := range notes {
		t.Errorf("%s: %s", n.Path, n.Message)
	}
	var got []string
	for _, f := range fs {
		got = append(got, f.Rule.ID)
	}
	if strings.Join(got, " ") != "SES201 SES602" {
		t.Errorf("findings %v, want SES201 SES602", got)
	}
	if st.GoPackages != 1 {
		t.Errorf("%d packages checked, want 1", st.GoPackages)
	}
}

// TestLoadGoDropsDependencySyntax: after loading, the module's own
// packages keep their syntax and type information for the pass; the
// packages they import from outside (the standard library here) keep
// their types only.
func TestLoadGoDropsDependencySyntax(t *testing.T) {
	dir := t.TempDir()
	for name, content := range map[string]string{
		"go.mod": "module example.com/m\n\ngo 1.22\n",
		"a/a.go": "package a\n\nimport \"example.com/m/b\"\n\nconst P = b.P\n",
		"b/b.go": "package b\n\nimport \"strings\"\n\nvar Q = strings.ToUpper(P)\n\nconst P = `{\"Statement\": []}`\n",
	} {
		if err := os.MkdirAll(filepath.Dir(filepath.Join(dir, name)), 0o755); err != nil {
			t.Fatal(err)
		}
		if err := os.WriteFile(filepath.Join(dir, name), []byte(content), 0o644); err != nil {
			t.Fatal(err)
		}
	}
	pkgs, notes := loadGo(context.Background(), dir, []string{"./a", "./b"}, nil, Options{})
	if len(notes) > 0 || len(pkgs) != 2 {
		t.Fatalf("loaded %d packages, notes %+v", len(pkgs), notes)
	}
	for _, p := range pkgs {
		if p.Syntax == nil || p.TypesInfo == nil {
			t.Errorf("%s: syntax or type information dropped", p.PkgPath)
		}
	}
	b := pkgs[0]
	if b.PkgPath != "example.com/m/b" {
		b = pkgs[1]
	}
	strs := b.Imports["strings"]
	if b.PkgPath != "example.com/m/b" || strs == nil {
		t.Fatalf("packages %s, %s; b imports %v", pkgs[0].PkgPath, pkgs[1].PkgPath, b.Imports)
	}
	if strs.Syntax != nil || strs.TypesInfo != nil || strs.Types == nil {
		t.Errorf("strings: syntax kept %v, type information kept %v, types kept %v", strs.Syntax != nil, strs.TypesInfo != nil, strs.Types != nil)
	}
}
