// Package analyzer defines seslint's go/analysis pass.
//
// It finds IAM and Amazon SES policy documents written in Go — constant
// strings (literals, concatenations, named and typed constants, constants
// of other packages), fmt.Sprintf formats, and the policies given to the AWS
// SDK calls that attach them (ses.PutIdentityPolicy,
// sesv2.CreateEmailIdentityPolicy/UpdateEmailIdentityPolicy,
// iam.PutRolePolicy/PutUserPolicy/PutGroupPolicy/CreatePolicy/
// CreatePolicyVersion, organizations.CreatePolicy/UpdatePolicy, v1 and v2
// SDKs) — and reports the mistakes behind SES's "Unauthorized" and "554
// Access denied" errors at the element of the string that is wrong, with
// suggested fixes where the fix is mechanical.
//
// Suppress a finding with //seslint:ignore SESnnn reason, or
// //nolint:seslint // reason, on the line or above the declaration.
package analyzer

import (
	"context"
	"errors"
	"fmt"
	"go/token"
	"os"
	"reflect"
	"strconv"
	"strings"
	"sync"
	"time"

	"golang.org/x/tools/go/analysis"
	"golang.org/x/tools/go/analysis/passes/inspect"

	"github.com/seslint/seslint/analyzer/engine"
	"github.com/seslint/seslint/analyzer/policy"
	"github.com/seslint/seslint/analyzer/source/gosrc"
	"github.com/seslint/seslint/internal/fault"
)

const doc = `report IAM and Amazon SES policy mistakes in Go source

seslint finds policy JSON in constant strings, fmt.Sprintf formats and AWS
SDK inputs (ses.PutIdentityPolicyInput, sesv2.*EmailIdentityPolicyInput,
iam.Put*PolicyInput/CreatePolicyInput, organizations.*PolicyInput) and
reports the mistakes behind SES "Unauthorized" and "554 Access denied"
errors. Suppress with //seslint:ignore SESnnn reason.`

// Analyzer is seslint's go/analysis pass.
var Analyzer = &analysis.Analyzer{
	Name:     "seslint",
	Doc:      doc,
	URL:      "https://github.com/seslint/seslint",
	Requires: []*analysis.Analyzer{inspect.Analyzer},
	Run:      run,
	// The result is every finding of the package (suppressed ones marked),
	// for callers that run the pass themselves (seslint's CLI).
	ResultType: reflect.TypeOf([]*engine.Finding(nil)),
}

var nowFlag string

func init() {
	Analyzer.Flags.StringVar(&nowFlag, "now", "", "evaluate time conditions at this RFC 3339 time (default: now)")
}

// sharedEngine is prepared once per process and shared by every package
// the pass runs on (and by the CLI when it runs the pass).
var sharedEngine = sync.OnceValues(func() (*engine.Engine, error) {
	return engine.New(context.Background(), engine.Options{})
})

// SetEngine makes the pass use an engine the caller prepared (the CLI, with
// its --rules).
func SetEngine(e *engine.Engine) {
	sharedEngine = func() (*engine.Engine, error) { return e, nil }
}

// Now is the evaluation time of the time-window rules; the -now flag sets
// it, and the CLI sets it to its --now.
var Now = func() time.Time {
	if nowFlag != "" {
		if t, err := time.Parse(time.RFC3339, nowFlag); err == nil {
			return t
		}
	}
	return time.Now()
}

// run checks one package. A panic while doing so is the package's error,
// so the other packages are still checked and reported.
func run(pass *analysis.Pass) (result any, err error) {
	defer func() {
		if p := recover(); p != nil {
			result, err = nil, fmt.Errorf("package %s: %s", pass.Pkg.Path(), fault.Describe(fault.GoPackage, p))
		}
	}()
	if len(pass.Files) > 0 {
		fault.Point(fault.GoPackage, pass.Fset.File(pass.Files[0].Pos()).Name())
	}
	readFile := pass.ReadFile
	if readFile == nil {
		readFile = os.ReadFile
	}
	found, dirs := gosrc.Extract(&gosrc.Package{Fset: pass.Fset, Files: pass.Files, Info: pass.TypesInfo, ReadFile: readFile})
	if len(found) == 0 && len(dirs) == 0 {
		return []*engine.Finding(nil), nil
	}
	// The rules are compiled only for packages that hold a policy: under
	// go vet each package is its own process.
	eng, err := sharedEngine()
	if err != nil {
		return nil, err
	}
	findings, errs := Check(eng, pass.Pkg.Path(), found, dirs, Now())
	if len(errs) > 0 {
		return nil, errs[0]
	}
	tokFiles := map[string]*token.File{}
	for _, f := range pass.Files {
		tf := pass.Fset.File(f.Pos())
		tokFiles[tf.Name()] = tf
	}
	for _, f := range findings {
		if f.Suppressed {
			continue
		}
		tf := tokFiles[f.File.Path]
		if tf == nil {
			continue
		}
		pass.Report(analysis.Diagnostic{
			Pos:            tf.Pos(min(f.Span.Start, tf.Size())),
			End:            tf.Pos(min(max(f.Span.End, f.Span.Start), tf.Size())),
			Category:       f.Rule.ID,
			Message:        f.Rule.ID + ": " + f.Message,
			URL:            "https://github.com/seslint/seslint#rules",
			SuggestedFixes: fixes(f, found, tf),
		})
	}
	return findings, nil
}

// Check evaluates the policies and directives of one Go package as a
// deployment unit.
func Check(eng *engine.Engine, name string, found []*gosrc.Found, dirs []*policy.Directive, now time.Time) ([]*engine.Finding, []error) {
	unit := &policy.Unit{Name: name, Directives: dirs}
	principals := map[[2]string]*policy.Principal{}
	for i, f := range found {
		unit.Documents = append(unit.Documents, f.Doc)
		// Inline policies written to the same role, user or group by SDK
		// calls of the package are that principal's policies.
		if f.Principal == "" {
			continue
		}
		key := [2]string{f.PrincipalType, f.Principal}
		p := principals[key]
		if p == nil {
			p = &policy.Principal{Name: f.Principal, Type: f.PrincipalType, Boundary: -1}
			principals[key] = p
			unit.Principals = append(unit.Principals, p)
		}
		p.Policies = append(p.Policies, i)
		f.Doc.Attached = true
	}
	ctx, cancel := context.WithTimeout(context.Background(), EvalTimeout)
	defer cancel()
	findings, errs := eng.Check(ctx, unit, now)
	if errors.Is(ctx.Err(), context.DeadlineExceeded) {
		errs = []error{fmt.Errorf("the rules did not finish within %s; findings of package %s may be missing", EvalTimeout, name)}
	}
	return findings, errs
}

// EvalTimeout bounds the evaluation of the rules on one package; the CLI
// sets it to its --eval-timeout.
var EvalTimeout = time.Minute

// fixes turns a finding's edits into a suggested fix, quoting the new text
// as the string literal it lands in needs.
func fixes(f *engine.Finding, found []*gosrc.Found, tf *token.File) []analysis.SuggestedFix {
	if len(f.Edits) == 0 {
		return nil
	}
	var parts []gosrc.Part
	for _, x := range found {
		if x.Doc == f.Doc {
			parts = x.Parts
		}
	}
	var edits []analysis.TextEdit
	for _, e := range f.Edits {
		text, ok := quoteFor(e, parts)
		if !ok {
			return nil
		}
		edits = append(edits, analysis.TextEdit{Pos: tf.Pos(e.Span.Start), End: tf.Pos(e.Span.End), NewText: []byte(text)})
	}
	return []analysis.SuggestedFix{{Message: fixMessage(f), TextEdits: edits}}
}

// quoteFor writes an edit's JSON text as it must appear inside the Go
// string literal that holds its position.
func quoteFor(e engine.Edit, parts []gosrc.Part) (string, bool) {
	for _, p := range parts {
		if e.Span.Start < p.Start || e.Span.End > p.End {
			continue
		}
		if p.Raw {
			return e.Text, !strings.Contains(e.Text, "`")
		}
		q := strconv.Quote(e.Text)
		return q[1 : len(q)-1], true
	}
	return "", false
}

func fixMessage(f *engine.Finding) string {
	if f.Fix != "" {
		return strings.TrimSuffix(strings.ToUpper(f.Fix[:1])+f.Fix[1:], ".")
	}
	return fmt.Sprintf("Fix %s", f.Rule.ID)
}
