package gosrc

import (
	"fmt"
	"go/ast"
	"go/importer"
	"go/parser"
	"go/token"
	"go/types"
	"strings"
	"testing"
)

// BenchmarkExtract finds the policies of a type-checked package: a file
// of constant policy strings (literals and concatenations) among ordinary code.
func BenchmarkExtract(b *testing.B) {
	var src strings.Builder
	src.WriteString("package p\n\nimport \"strings\"\n\n")
	for i := 0; i < 10; i++ {
		fmt.Fprintf(&src, "const policy%d = `{\"Version\": \"2012-10-17\", \"Statement\": [{\"Effect\": \"Allow\", \"Action\": [\"ses:SendEmail\", \"ses:SendRawEmail\"], \"Resource\": \"arn:aws:ses:eu-west-1:123456789012:identity/mail%d.example.com\"}]}`\n\n", i, i)
		fmt.Fprintf(&src, "const joined%d = `{\"Version\": \"2012-10-17\", \"Statement\": [` +\n\t`{\"Effect\": \"Deny\", \"Action\": \"ses:*\", \"Resource\": \"*\"}]}`\n\n", i)
		fmt.Fprintf(&src, "func lower%d(s string) string {\n\tif s == \"\" {\n\t\treturn policy%d\n\t}\n\treturn strings.ToLower(s)\n}\n\n", i, i)
	}
	text := []byte(src.String())
	fset := token.NewFileSet()
	f, err := parser.ParseFile(fset, "p.go", text, parser.ParseComments)
	if err != nil {
		b.Fatal(err)
	}
	info := &types.Info{Types: map[ast.Expr]types.TypeAndValue{}, Defs: map[*ast.Ident]types.Object{}, Uses: map[*ast.Ident]types.Object{}}
	if _, err := (&types.Config{Importer: importer.ForCompiler(fset, "source", nil)}).Check("p", fset, []*ast.File{f}, info); err != nil {
		b.Fatal(err)
	}
	pkg := &Package{Fset: fset, Files: []*ast.File{f}, Info: info, ReadFile: func(string) ([]byte, error) { return text, nil }}
	b.SetBytes(int64(len(text)))
	b.ReportAllocs()
	for b.Loop() {
		found, _ := Extract(pkg)
		if len(found) != 20 {
			b.Fatalf("%d policies", len(found))
		}
	}
}
