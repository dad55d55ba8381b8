// Package gosrc finds the policy documents of a Go package: constant
// string expressions that hold policy JSON (literals, concatenations, named
// and typed constants, constants of other packages), fmt.Sprintf formats
// whose text is a policy, and the policies passed to the AWS SDK (v1 and
// v2) calls that attach them, which also say the policy's kind, name and
// identity.
package gosrc

import (
	"go/ast"
	"go/constant"
	"go/token"
	"go/types"
	"strings"

	"github.com/seslint/seslint/analyzer/policy"
	"github.com/seslint/seslint/analyzer/source/jsonpolicy"
)

// Package is what the extractor needs of a type-checked package.
type Package struct {
	Fset  *token.FileSet
	Files []*ast.File
	Info  *types.Info
	// ReadFile returns a source file's content.
	ReadFile func(name string) ([]byte, error)
}

// Found is a policy document in Go source. Its Document's spans are
// offsets in TokFile.
type Found struct {
	Doc     *policy.Document
	TokFile *token.File
	// Principal is the role, user or group an SDK call writes the policy
	// to ("" when unknown), and PrincipalType its kind (aws_iam_role...).
	Principal, PrincipalType string
	// Parts are the string literals the text was assembled from, so a
	// fix can be written back with the right quoting.
	Parts []Part
}

// Part is one string literal of a policy's text.
type Part struct {
	// Start and End are file offsets of the literal, quotes included.
	Start, End int
	Raw        bool
}

// sdkInput describes an AWS SDK input struct that carries a policy.
type sdkInput struct {
	kind                            policy.DocKind
	policyField, nameField, idField string
	// principalField names the role, user or group the policy is written
	// to, and principalType its kind.
	principalField, principalType string
}

// sdkInputs are matched by the type's package path (v1 and v2 SDKs) and
// name, never by variable names.
var sdkInputs = map[string]sdkInput{
	"ses.PutIdentityPolicyInput":           {policy.SendingAuthorization, "Policy", "PolicyName", "Identity", "", ""},
	"sesv2.CreateEmailIdentityPolicyInput": {policy.SendingAuthorization, "Policy", "PolicyName", "EmailIdentity", "", ""},
	"sesv2.UpdateEmailIdentityPolicyInput": {policy.SendingAuthorization, "Policy", "PolicyName", "EmailIdentity", "", ""},
	"iam.PutRolePolicyInput":               {policy.Identity, "PolicyDocument", "PolicyName", "", "RoleName", "aws_iam_role"},
	"iam.PutUserPolicyInput":               {policy.Identity, "PolicyDocument", "PolicyName", "", "UserName", "aws_iam_user"},
	"iam.PutGroupPolicyInput":              {policy.Identity, "PolicyDocument", "PolicyName", "", "GroupName", "aws_iam_group"},
	"iam.CreatePolicyInput":                {policy.Identity, "PolicyDocument", "PolicyName", "", "", ""},
	"iam.CreatePolicyVersionInput":         {policy.Identity, "PolicyDocument", "", "", "", ""},
	"organizations.CreatePolicyInput":      {policy.SCP, "Content", "Name", "", "", ""},
	"organizations.UpdatePolicyInput":      {policy.SCP, "Content", "Name", "", "", ""},
}

var sdkPaths = map[string]string{
	"github.com/aws/aws-sdk-go-v2/service/ses":           "ses",
	"github.com/aws/aws-sdk-go-v2/service/sesv2":         "sesv2",
	"github.com/aws/aws-sdk-go-v2/service/iam":           "iam",
	"github.com/aws/aws-sdk-go-v2/service/organizations": "organizations",
	"github.com/aws/aws-sdk-go/service/ses":              "ses",
	"github.com/aws/aws-sdk-go/service/sesv2":            "sesv2",
	"github.com/aws/aws-sdk-go/service/iam":              "iam",
	"github.com/aws/aws-sdk-go/service/organizations":    "organizations",
}

type extractor struct {
	pkg      *Package
	contents map[*token.File][]byte
	files    map[*token.File]*policy.File
	// consumed are the expressions already read as SDK call arguments or
	// Sprintf formats, and the constants they name.
	consumed map[ast.Expr]bool
	usedAt   map[types.Object]bool
	decls    map[types.Object]ast.Expr
	out      []*Found
}

// Extract returns the policies of a package and its suppression comments.
func Extract(pkg *Package) ([]*Found, []*policy.Directive) {
	x := &extractor{pkg: pkg, contents: map[*token.File][]byte{}, files: map[*token.File]*policy.File{},
		consumed: map[ast.Expr]bool{}, usedAt: map[types.Object]bool{}, decls: map[types.Object]ast.Expr{}}
	x.indexConsts()
	for _, f := range pkg.Files {
		ast.Inspect(f, func(n ast.Node) bool {
			switch n := n.(type) {
			case *ast.CompositeLit:
				x.sdkCall(n)
			case *ast.CallExpr:
				x.sprintf(n)
			}
			return true
		})
	}
	var dirs []*policy.Directive
	for _, f := range pkg.Files {
		x.constants(f)
		dirs = append(dirs, x.directives(f)...)
	}
	return x.out, dirs
}

// indexConsts records the value expression of every constant declared in
// the package, so a constant's text maps to its declaration.
func (x *extractor) indexConsts() {
	for _, f := range x.pkg.Files {
		ast.Inspect(f, func(n ast.Node) bool {
			gd, ok := n.(*ast.GenDecl)
			if !ok || gd.Tok != token.CONST {
				return true
			}
			for _, spec := range gd.Specs {
				vs := spec.(*ast.ValueSpec)
				for i, name := range vs.Names {
					if i < len(vs.Values) {
						if obj := x.pkg.Info.Defs[name]; obj != nil {
							x.decls[obj] = vs.Values[i]
						}
					}
				}
			}
			return true
		})
	}
}

func (x *extractor) tokFile(pos token.Pos) *token.File { return x.pkg.Fset.File(pos) }

func (x *extractor) file(tf *token.File) *policy.File {
	if f, ok := x.files[tf]; ok {
		return f
	}
	content, err := x.pkg.ReadFile(tf.Name())
	if err != nil {
		content = nil
	}
	f := policy.NewFile(tf.Name(), content)
	x.files[tf] = f
	x.contents[tf] = content
	return f
}

// stringValue returns the constant string value of an expression.
func (x *extractor) stringValue(e ast.Expr) (string, bool) {
	tv, ok := x.pkg.Info.Types[e]
	if !ok || tv.Value == nil || tv.Value.Kind() != constant.String {
		return "", false
	}
	return constant.StringVal(tv.Value), true
}

// looksLikePolicy is a cheap test before decoding.
func looksLikePolicy(s string) bool {
	t := strings.TrimSpace(s)
	return strings.HasPrefix(t, "{") && (strings.Contains(s, `"Statement"`) || strings.Contains(s, "“Statement”"))
}

// text assembles the text of a constant string expression with the file
// offset (in tf, the file of the expression the finding is reported in)
// of each byte.
func (x *extractor) text(e ast.Expr, tf *token.File, depth int, parts *[]Part) (string, []int) {
	val, _ := x.stringValue(e)
	at := func() []int {
		off := tf.Offset(e.Pos())
		offs := make([]int, len(val))
		for i := range offs {
			offs[i] = off
		}
		return offs
	}
	if depth > 64 || x.tokFile(e.Pos()) != tf {
		return val, at()
	}
	switch n := e.(type) {
	case *ast.ParenExpr:
		return x.text(n.X, tf, depth+1, parts)
	case *ast.BasicLit:
		if n.Kind != token.STRING {
			return val, at()
		}
		start, end := tf.Offset(n.Pos()), tf.Offset(n.End())
		raw := strings.HasPrefix(n.Value, "`")
		*parts = append(*parts, Part{Start: start, End: end, Raw: raw})
		content := x.contents[tf]
		if content == nil || end > len(content) {
			return val, at()
		}
		offs := policy.AlignOffsets(content, start+1, end-1, val, !raw)
		return val, offs[:len(val)]
	case *ast.BinaryExpr:
		if n.Op != token.ADD {
			return val, at()
		}
		l, lo := x.text(n.X, tf, depth+1, parts)
		r, ro := x.text(n.Y, tf, depth+1, parts)
		return l + r, append(lo, ro...)
	case *ast.Ident:
		if obj := x.pkg.Info.Uses[n]; obj != nil {
			if d, ok := x.decls[obj]; ok && x.tokFile(d.Pos()) == tf {
				return x.text(d, tf, depth+1, parts)
			}
		}
	}
	return val, at()
}

// add decodes a policy expression and records it.
func (x *extractor) add(e ast.Expr, kind policy.DocKind, name, identity string) {
	val, ok := x.stringValue(e)
	if !ok || !looksLikePolicy(val) {
		return
	}
	tf := x.tokFile(e.Pos())
	if tf == nil {
		return
	}
	f := x.file(tf)
	var parts []Part
	text, offs := x.text(e, tf, 0, &parts)
	if text != val {
		return
	}
	offs = append(offs, tf.Offset(e.End()))
	dec := policy.DecodeJSON([]byte(text), policy.OffsetMapper(offs))
	if kind == "" {
		kind = inferKind(dec.Root)
	}
	start := tf.Offset(e.Pos())
	x.out = append(x.out, &Found{
		Doc: &policy.Document{
			File: f, Kind: kind, Name: name, Identity: identity, Size: len(text),
			Start: f.CharAt(start), Decoded: dec,
		},
		TokFile: tf,
		Parts:   parts,
	})
}

// inferKind reads a policy without a call site as the plain JSON extractor
// does: a Principal makes it a resource or sending authorization policy.
func inferKind(root *policy.Node) policy.DocKind { return jsonpolicy.Kind(root) }

// target returns the expression a policy field is set to, through
// aws.String(x), &x and parentheses.
func target(e ast.Expr) ast.Expr {
	for {
		switch n := e.(type) {
		case *ast.ParenExpr:
			e = n.X
		case *ast.UnaryExpr:
			if n.Op != token.AND {
				return e
			}
			e = n.X
		case *ast.CallExpr:
			if len(n.Args) != 1 {
				return e
			}
			e = n.Args[0]
		default:
			return e
		}
	}
}

// sdkCall reads an SDK input struct literal: its policy is checked as the
// kind the call gives it, with its name and identity.
func (x *extractor) sdkCall(lit *ast.CompositeLit) {
	t := x.pkg.Info.TypeOf(lit)
	if t == nil {
		return
	}
	if p, ok := t.(*types.Pointer); ok {
		t = p.Elem()
	}
	named, ok := t.(*types.Named)
	if !ok || named.Obj().Pkg() == nil {
		return
	}
	short, ok := sdkPaths[named.Obj().Pkg().Path()]
	if !ok {
		return
	}
	in, ok := sdkInputs[short+"."+named.Obj().Name()]
	if !ok {
		return
	}
	fields := map[string]ast.Expr{}
	for _, el := range lit.Elts {
		if kv, ok := el.(*ast.KeyValueExpr); ok {
			if k, ok := kv.Key.(*ast.Ident); ok {
				fields[k.Name] = target(kv.Value)
			}
		}
	}
	pe, ok := fields[in.policyField]
	if !ok {
		return
	}
	str := func(field string) string {
		if e, ok := fields[field]; ok && field != "" {
			if s, ok := x.stringValue(e); ok {
				return s
			}
			return "${" + types.ExprString(e) + "}"
		}
		return ""
	}
	x.consume(pe)
	target := pe
	// A constant of this package is reported at its declaration.
	if id, ok := pe.(*ast.Ident); ok {
		if obj := x.pkg.Info.Uses[id]; obj != nil {
			if d, ok := x.decls[obj]; ok {
				target = d
			}
		}
	}
	n := len(x.out)
	x.add(target, in.kind, str(in.nameField), str(in.idField))
	if in.principalField != "" && len(x.out) > n {
		if pe, ok := fields[in.principalField]; ok {
			if name, ok := x.stringValue(pe); ok {
				x.out[n].Principal, x.out[n].PrincipalType = name, in.principalType
			}
		}
	}
	// Findings about the name go where the call writes it.
	if ne, ok := fields[in.nameField]; ok && len(x.out) > n {
		if tf := x.tokFile(ne.Pos()); tf != nil && tf == x.out[n].TokFile {
			x.out[n].Doc.NameSpan = policy.Span{Start: tf.Offset(ne.Pos()), End: tf.Offset(ne.End())}
		}
	}
}

// consume marks an expression (and the constant it names) as read.
func (x *extractor) consume(e ast.Expr) {
	x.consumed[e] = true
	if id, ok := e.(*ast.Ident); ok {
		if obj := x.pkg.Info.Uses[id]; obj != nil {
			x.usedAt[obj] = true
		}
	}
}

// sprintf checks fmt.Sprintf formats whose text is a policy, with the
// verbs standing for deploy-time values.
func (x *extractor) sprintf(call *ast.CallExpr) {
	sel, ok := call.Fun.(*ast.SelectorExpr)
	if !ok || len(call.Args) == 0 {
		return
	}
	fn, ok := x.pkg.Info.Uses[sel.Sel].(*types.Func)
	if !ok || fn.Pkg() == nil || fn.Pkg().Path() != "fmt" || (fn.Name() != "Sprintf" && fn.Name() != "Fprintf") {
		return
	}
	format := call.Args[0]
	if fn.Name() == "Fprintf" {
		if len(call.Args) < 2 {
			return
		}
		format = call.Args[1]
	}
	val, ok := x.stringValue(format)
	if !ok || !looksLikePolicy(val) {
		return
	}
	x.consume(format)
	tf := x.tokFile(format.Pos())
	if tf == nil {
		return
	}
	f := x.file(tf)
	var parts []Part
	text, offs := x.text(format, tf, 0, &parts)
	// Verbs become symbolic values, each byte of the placeholder mapped to
	// the verb.
	var b strings.Builder
	var out []int
	for i := 0; i < len(text); i++ {
		if text[i] == '%' && i+1 < len(text) {
			if text[i+1] == '%' {
				b.WriteByte('%')
				out = append(out, offs[i])
				i++
				continue
			}
			j := i + 1
			for j < len(text) && strings.IndexByte("+-# 0123456789.[]*", text[j]) >= 0 {
				j++
			}
			if j < len(text) {
				ph := "${" + text[i:j+1] + "}"
				b.WriteString(ph)
				for range ph {
					out = append(out, offs[i])
				}
				i = j
				continue
			}
		}
		b.WriteByte(text[i])
		out = append(out, offs[i])
	}
	out = append(out, tf.Offset(format.End()))
	dec := policy.DecodeJSON([]byte(b.String()), policy.OffsetMapper(out))
	start := tf.Offset(format.Pos())
	x.out = append(x.out, &Found{
		Doc: &policy.Document{File: f, Kind: inferKind(dec.Root), Size: b.Len(),
			Start: f.CharAt(start), Decoded: dec},
		TokFile: tf,
		Parts:   parts,
	})
}

// constants reports the constant policy expressions not already read: each
// named constant once, at its declaration, and other literals where they
// stand.
func (x *extractor) constants(f *ast.File) {
	ast.Inspect(f, func(n ast.Node) bool {
		switch n := n.(type) {
		case *ast.GenDecl:
			if n.Tok != token.CONST {
				return true
			}
			for _, spec := range n.Specs {
				vs := spec.(*ast.ValueSpec)
				for i, name := range vs.Names {
					if i >= len(vs.Values) {
						continue
					}
					if obj := x.pkg.Info.Defs[name]; obj != nil && x.usedAt[obj] {
						continue
					}
					x.add(vs.Values[i], "", "", "")
				}
			}
			return false
		case *ast.BasicLit, *ast.BinaryExpr:
			e := n.(ast.Expr)
			if x.consumed[e] {
				return false
			}
			if _, ok := x.stringValue(e); ok {
				x.add(e, "", "", "")
				return false
			}
		}
		return true
	})
}
