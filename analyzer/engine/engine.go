// Package engine evaluates seslint's Rego rules against policy documents.
//
// The rule set is compiled and the query prepared once per process (New);
// Eval is safe to call from many goroutines at once. Rules return JSON
// paths into the document; Eval maps them to byte spans of the file through
// the document's position index.
package engine

import (
	"bytes"
	"context"
	"encoding/json"
	"fmt"
	"sort"
	"strings"
	"time"

	"github.com/open-policy-agent/opa/v1/ast"
	oparego "github.com/open-policy-agent/opa/v1/rego"
	"github.com/open-policy-agent/opa/v1/storage/inmem"

	"github.com/seslint/seslint/analyzer/policy"
)

// Options configure an Engine.
type Options struct {
	// RuleDirs are directories of user rules (--rules), loaded beside the
	// built-in ones with the same contract.
	RuleDirs []string
}

// Engine holds the prepared query and the rules' metadata.
type Engine struct {
	rules []*Rule
	byID  map[string]*Rule
	// query, or prepErr, is set before prepared is closed.
	query    oparego.PreparedEvalQuery
	prepErr  error
	prepTook time.Duration
	prepared chan struct{}
	memo     memo
	// userRules is set when rules were loaded with --rules: their unit
	// rules may look at any unit.
	userRules bool
}

// deniedBuiltins are the builtins no rule may call besides those OPA marks
// nondeterministic: they reach the environment or the clock, or write
// outside the result.
var deniedBuiltins = []string{
	"http.send", "net.lookup_ip_addr", "net.cidr_contains", "net.cidr_contains_matches",
	"net.cidr_expand", "net.cidr_intersects", "net.cidr_is_valid", "net.cidr_merge",
	"net.cidr_overlap", "opa.runtime", "rand.intn", "time.now_ns", "uuid.rfc4122",
	"uuid.parse", "trace", "print", "internal.print", "io.jwt.decode_verify",
	// They check certificates against the current time.
	"crypto.x509.parse_and_verify_certificates", "crypto.x509.parse_and_verify_certificates_with_options",
	// A schema's $ref may name a remote document, which they fetch. OPA
	// marks them nondeterministic from v1.21; named, they stay out
	// whatever the flag says.
	"json.match_schema", "json.verify_schema",
}

// Capabilities returns the builtins rules may use: OPA's, less those that
// reach outside the evaluation (network, environment, clock, randomness).
// Every builtin OPA marks nondeterministic is left out too — that is how
// OPA flags a builtin that reaches the network (http.send,
// net.lookup_ip_addr, the JSON schema builtins, which fetch a remote
// $ref) or draws random numbers — so such a builtin in a newer OPA is
// left out without being named here.
func Capabilities() *ast.Capabilities {
	caps := ast.CapabilitiesForThisVersion()
	deny := map[string]bool{}
	for _, n := range deniedBuiltins {
		deny[n] = true
	}
	kept := caps.Builtins[:0:0]
	for _, b := range caps.Builtins {
		if deny[b.Name] || b.Nondeterministic || strings.HasPrefix(b.Name, "net.") || strings.HasPrefix(b.Name, "http.") || strings.HasPrefix(b.Name, "opa.") {
			continue
		}
		kept = append(kept, b)
	}
	caps.Builtins = kept
	return caps
}

// New loads the built-in rules and any user rule directories, checks their
// metadata and prepares the query.
func New(ctx context.Context, opts Options) (*Engine, error) {
	started := time.Now()
	mods, data, err := loadBuiltin()
	if err != nil {
		return nil, fmt.Errorf("loading built-in rules: %w", err)
	}
	for _, dir := range opts.RuleDirs {
		user, err := loadDir(dir)
		if err != nil {
			return nil, err
		}
		mods = append(mods, user...)
	}
	rules, err := rulesOf(mods)
	if err != nil {
		return nil, err
	}
	e := &Engine{rules: rules, byID: map[string]*Rule{}, userRules: len(opts.RuleDirs) > 0}
	for _, r := range rules {
		e.byID[r.ID] = r
	}
	regoOpts := []func(*oparego.Rego){
		oparego.ParsedQuery(ast.NewBody(
			ast.NewExpr(ast.NewTerm(reportRef)),
			ast.NewExpr(ast.NewTerm(statementsRef)),
		)),
		// Results stay OPA values: the statements go back into a unit's
		// input as they are.
		oparego.GenerateJSON(func(t *ast.Term, _ *oparego.EvalContext) (any, error) { return t, nil }),
		oparego.Store(inmem.NewFromObjectWithOpts(data, inmem.OptRoundTripOnWrite(false), inmem.OptReturnASTValuesOnRead(true))),
		oparego.Capabilities(Capabilities()),
		oparego.SetRegoVersion(ast.RegoV1),
		oparego.StrictBuiltinErrors(false),
	}
	for _, m := range mods {
		regoOpts = append(regoOpts, oparego.ParsedModule(m.mod))
	}
	e.prepared = make(chan struct{})
	prepare := func() {
		defer close(e.prepared)
		pq, err := oparego.New(regoOpts...).PrepareForEval(ctx)
		if err != nil {
			e.prepErr = fmt.Errorf("compiling rules: %w", err)
			return
		}
		e.query = pq
		e.prepTook = time.Since(started)
	}
	if len(opts.RuleDirs) > 0 {
		// Rules from --rules may not compile: that is said before any
		// scanning.
		prepare()
		if e.prepErr != nil {
			return nil, e.prepErr
		}
		return e, nil
	}
	// The built-in rules compile (their tests prove it), so the query is
	// prepared while the caller goes on (walking, reading, parsing, loading
	// Go packages); the first evaluation waits for it.
	go prepare()
	return e, nil
}

// Prepared waits until the query is prepared, and returns how long
// loading and compiling the rules took.
func (e *Engine) Prepared() (time.Duration, error) {
	<-e.prepared
	return e.prepTook, e.prepErr
}

// Rules returns every loaded rule, sorted by id.
func (e *Engine) Rules() []*Rule { return e.rules }

// Rule returns the rule with the given id.
func (e *Engine) Rule(id string) (*Rule, bool) {
	r, ok := e.byID[id]
	return r, ok
}

// Violation is one result as a rule returned it.
type Violation struct {
	Rule    string `json:"rule"`
	Message string `json:"message"`
	Path    []any  `json:"path"`
	Key     bool   `json:"key"`
	Error   *int   `json:"error"`
	Level   Level  `json:"level"`
	Fix     string `json:"fix"`
	// Document and Place locate violations of unit rules: the path is
	// inside input.unit.documents[Document].document, or inside the
	// definition of input.unit's principal, identity or configuration set
	// whose "place" is Place.
	Document *int `json:"document"`
	Place    *int `json:"place"`
	// At "name" places a finding about the document's name where the name
	// is written, when the source says.
	At string `json:"at"`
	// Edits are the mechanical fix, when the rule knows one: JSON text to
	// put at a path of the document ("op": "replace" the element, or
	// "insert_after" it).
	Edits []struct {
		Path []any  `json:"path"`
		Op   string `json:"op"`
		Text string `json:"text"`
	} `json:"edits"`
}

// Edit is a mechanical fix: replace Span of the finding's file with Text
// (Text is policy JSON; the source quotes it as its syntax needs).
type Edit struct {
	Span policy.Span
	Text string
}

// Finding is a violation placed in a file.
type Finding struct {
	Rule    *Rule
	Level   Level
	Message string
	Fix     string
	File    *policy.File
	Span    policy.Span
	Region  policy.Region
	// Path is the JSON path inside the policy document (nil for problems
	// found while decoding); it and Doc feed the fingerprint.
	Path []any
	Doc  *policy.Document
	// Suppressed holds the reason of the in-source directive that
	// suppresses the finding ("" with Suppressed false when none does).
	Suppressed bool
	Reason     string
	// Edits fix the finding mechanically, when a fix is known.
	Edits []Edit
}

// reportRef is the query's answer: every violation of every rule.
// statementsRef is a document's statements as the rules normalize them
// (data.seslint.lib.policy.statements; empty for other inputs), which
// Check gives to the unit rules instead of having them computed again.
var (
	reportRef     = ast.MustParseRef("data.seslint.main.report")
	statementsRef = ast.MustParseRef("data.seslint.lib.policy.statements")
)

// Eval evaluates every rule against one document and returns its findings
// in file order.
func (e *Engine) Eval(ctx context.Context, doc *policy.Document, now time.Time) ([]*Finding, error) {
	fs, _, err := e.evalDocument(ctx, doc, now)
	return fs, err
}

// evalDocument is Eval, also returning the document's statements (nil
// when the evaluation failed).
func (e *Engine) evalDocument(ctx context.Context, doc *policy.Document, now time.Time) ([]*Finding, *ast.Term, error) {
	return e.eval(ctx, Input(doc, now), nil, doc.File.Path, func(v *Violation) (*policy.Document, *placeRef, error) {
		return doc, nil, nil
	})
}

// EvalUnit evaluates the rules that relate the documents of a deployment
// unit (a principal's policies and boundary, identities, SCPs).
func (e *Engine) EvalUnit(ctx context.Context, u *policy.Unit, now time.Time) ([]*Finding, error) {
	return e.evalUnit(ctx, u, now, nil)
}

// evalUnit is EvalUnit; statements[k], when not nil, are the statements
// of u.Documents[k] as Check's evaluation of the document returned them.
func (e *Engine) evalUnit(ctx context.Context, u *policy.Unit, now time.Time, statements []*ast.Term) ([]*Finding, error) {
	input, places, docs := unitInput(u, now)
	give := func() { giveStatements(docs, statements) }
	fs, _, err := e.eval(ctx, input, give, u.Name, func(v *Violation) (*policy.Document, *placeRef, error) {
		switch {
		case v.Document != nil:
			if *v.Document < 0 || *v.Document >= len(u.Documents) {
				return nil, nil, fmt.Errorf("rule %s names document %d of %d", v.Rule, *v.Document, len(u.Documents))
			}
			return u.Documents[*v.Document], nil, nil
		case v.Place != nil:
			if *v.Place < 0 || *v.Place >= len(places) {
				return nil, nil, fmt.Errorf("rule %s names place %d of %d", v.Rule, *v.Place, len(places))
			}
			return nil, &places[*v.Place], nil
		}
		return nil, nil, fmt.Errorf("rule %s returned a unit violation without a document or place", v.Rule)
	})
	return fs, err
}

// EvalDirectives checks the unit's suppressions once its findings have
// been matched against them (DirectiveEntry.Matched): a missing reason, an
// unknown rule id, a suppression that matched nothing.
func (e *Engine) EvalDirectives(ctx context.Context, u *policy.Unit) ([]*Finding, error) {
	if len(u.Directives) == 0 {
		return nil, nil
	}
	var places []placeRef
	var dirs []*ast.Term
	for _, d := range u.Directives {
		places = append(places, placeRef{node: d.Node, file: d.File})
		var entries []*ast.Term
		for _, en := range d.Entries {
			entries = append(entries, ast.ObjectTerm(
				ast.Item(ast.StringTerm("rule"), ast.StringTerm(en.Rule)),
				ast.Item(ast.StringTerm("reason"), ast.StringTerm(en.Reason)),
				ast.Item(ast.StringTerm("path"), pathTerm(en.Path)),
				ast.Item(ast.StringTerm("key"), ast.BooleanTerm(en.Key)),
				ast.Item(ast.StringTerm("matched"), ast.BooleanTerm(en.Matched)),
			))
		}
		dirs = append(dirs, ast.ObjectTerm(
			ast.Item(ast.StringTerm("place"), ast.IntNumberTerm(len(places)-1)),
			ast.Item(ast.StringTerm("entries"), ast.ArrayTerm(entries...)),
		))
	}
	known := make([]*ast.Term, len(e.rules))
	for i, r := range e.rules {
		known[i] = ast.StringTerm(r.ID)
	}
	input := ast.NewObject(
		ast.Item(ast.StringTerm("directives"), ast.ArrayTerm(dirs...)),
		ast.Item(ast.StringTerm("known_rules"), ast.ArrayTerm(known...)),
	)
	fs, _, err := e.eval(ctx, input, nil, u.Name, func(v *Violation) (*policy.Document, *placeRef, error) {
		if v.Place == nil || *v.Place < 0 || *v.Place >= len(places) {
			return nil, nil, fmt.Errorf("rule %s returned a directive violation without a valid place", v.Rule)
		}
		return nil, &places[*v.Place], nil
	})
	return fs, err
}

// Check evaluates everything about a unit: every document, the unit's
// relations, then its in-source suppressions (matched to the findings, and
// checked themselves). Findings that Fn::If branches share are reported
// once; suppressed findings are returned marked. Evaluation errors are
// returned beside the findings of what could be evaluated.
func (e *Engine) Check(ctx context.Context, unit *policy.Unit, now time.Time) ([]*Finding, []error) {
	type key struct {
		rule, msg, file string
		span            policy.Span
	}
	seen := map[key]bool{}
	var all []*Finding
	var errs []error
	add := func(fs []*Finding, err error) {
		if err != nil {
			errs = append(errs, err)
		}
		for _, fd := range fs {
			k := key{fd.Rule.ID, fd.Message, fd.File.Path, fd.Span}
			if !seen[k] {
				seen[k] = true
				all = append(all, fd)
			}
		}
	}
	statements := make([]*ast.Term, len(unit.Documents))
	for i, doc := range unit.Documents {
		var fs []*Finding
		var err error
		fs, statements[i], err = e.evalDocument(ctx, doc, now)
		add(fs, err)
	}
	if e.userRules || relates(unit) {
		add(e.evalUnit(ctx, unit, now, statements))
	}
	suppress(unit, all)
	add(e.EvalDirectives(ctx, unit))
	SortFindings(all)
	return all, errs
}

// relates reports whether a unit holds anything for the unit rules to
// relate: more than one document, or a principal, an identity or a
// configuration set beside its documents. A lone policy file relates to
// nothing, so its unit is not evaluated (a query costs as much as a
// document's).
func relates(u *policy.Unit) bool {
	return len(u.Documents) > 1 || len(u.Principals) > 0 || len(u.Identities) > 0 || len(u.ConfigurationSets) > 0
}

// suppress marks the findings an in-source directive of the unit covers,
// and the directive entries that matched. It runs on every finding, before
// any --enable/--disable filter, so a directive for a rule turned off on
// this run is not called stale.
func suppress(u *policy.Unit, fs []*Finding) {
	for _, d := range u.Directives {
		for i := range d.Entries {
			for _, f := range fs {
				if d.Covers(i, f.Rule.ID, f.File, f.Span) {
					d.Entries[i].Matched = true
					if !f.Suppressed {
						f.Suppressed, f.Reason = true, d.Entries[i].Reason
					}
				}
			}
		}
	}
}

// placeRef is a definition a unit rule can point into.
type placeRef struct {
	node *policy.Node
	file *policy.File
}

type locator func(v *Violation) (*policy.Document, *placeRef, error)

// eval evaluates the rules on input and places their violations; it also
// returns the statements of a document input. complete, when not nil,
// adds to the input what only saves the rules work (the statements of a
// unit's documents), once the memo has been asked.
func (e *Engine) eval(ctx context.Context, input ast.Value, complete func(), name string, locate locator) ([]*Finding, *ast.Term, error) {
	ans, err := e.violations(ctx, input, complete)
	if err != nil {
		return nil, nil, fmt.Errorf("evaluating rules on %s: %w", name, err)
	}
	out := make([]*Finding, 0, len(ans.violations))
	for _, v := range ans.violations {
		f, err := e.place(v, locate)
		if err != nil {
			return nil, nil, err
		}
		out = append(out, f)
	}
	SortFindings(out)
	return out, ans.statements, nil
}

// violations evaluates the rules on input. Rules see nothing but their
// input (no clock, network or environment) and return paths, not
// positions, so the answer for an input already evaluated is taken from
// the memo: a policy copied into many files is evaluated once.
func (e *Engine) violations(ctx context.Context, input ast.Value, complete func()) (answer, error) {
	key, ok := e.memo.key(input)
	if ok {
		if vs, hit := e.memo.get(key); hit {
			return answer{violations: vs}, nil
		}
	}
	<-e.prepared
	if e.prepErr != nil {
		return answer{}, e.prepErr
	}
	if complete != nil {
		complete()
	}
	rs, err := e.query.Eval(ctx, oparego.EvalParsedInput(input))
	if err != nil {
		return answer{}, err
	}
	if len(rs) != 1 || len(rs[0].Expressions) != 2 {
		return answer{}, fmt.Errorf("the query returned %d results", len(rs))
	}
	var ans answer
	report, _ := rs[0].Expressions[0].Value.(*ast.Term)
	if report == nil {
		return answer{}, fmt.Errorf("the rules' report is missing")
	}
	set, isSet := report.Value.(ast.Set)
	if !isSet {
		return answer{}, fmt.Errorf("the rules' report is not a set")
	}
	items := set.Sorted()
	for i := range items.Len() {
		v, err := decodeViolation(items.Elem(i))
		if err != nil {
			return answer{}, err
		}
		ans.violations = append(ans.violations, v)
	}
	if sts, _ := rs[0].Expressions[1].Value.(*ast.Term); sts != nil {
		if a, isArray := sts.Value.(*ast.Array); isArray && a.Len() > 0 {
			ans.statements = sts
		}
	}
	if ok {
		// The statements are not remembered: they hold the document's
		// values, and keeping every document's would make the collector's
		// work grow with the repository (a scan of 10,000 files was 6%
		// slower). A unit whose document's answer came from the memo has
		// its statements computed again by the rules.
		e.memo.put(key, ans.violations)
	}
	return ans, nil
}

// answer is what the query returns for one input: its violations, and a
// document's statements (nil for other inputs, or none).
type answer struct {
	violations []*Violation
	statements *ast.Term
}

func decodeViolation(t *ast.Term) (*Violation, error) {
	item, err := ast.JSON(t.Value)
	if err != nil {
		return nil, err
	}
	raw, err := json.Marshal(item)
	if err != nil {
		return nil, err
	}
	v := &Violation{}
	dec := json.NewDecoder(bytes.NewReader(raw))
	dec.UseNumber()
	if err := dec.Decode(v); err != nil {
		return nil, fmt.Errorf("rule returned a malformed violation %s: %w", raw, err)
	}
	return v, nil
}

// place makes a finding of a violation; v is shared (memoized) and not
// changed.
func (e *Engine) place(v *Violation, locate locator) (*Finding, error) {
	rule, ok := e.byID[v.Rule]
	if !ok {
		return nil, fmt.Errorf("a violation names rule %q, which has no metadata", v.Rule)
	}
	if v.Message == "" {
		return nil, fmt.Errorf("rule %s returned a violation without a message", v.Rule)
	}
	doc, pl, err := locate(v)
	if err != nil {
		return nil, err
	}
	f := &Finding{Rule: rule, Level: rule.Level, Message: v.Message, Fix: v.Fix, Doc: doc}
	if v.Level != "" {
		if !v.Level.Valid() {
			return nil, fmt.Errorf("rule %s returned level %q", v.Rule, v.Level)
		}
		f.Level = v.Level
	}
	path, err := pathOf(v.Rule, v.Path)
	if err != nil {
		return nil, err
	}
	f.Path = path
	switch {
	case pl != nil:
		f.File = pl.file
		f.Span, _ = pl.node.Lookup(path, v.Key)
	case v.Error != nil:
		errs := doc.Decoded.Errors
		if *v.Error < 0 || *v.Error >= len(errs) {
			return nil, fmt.Errorf("rule %s names decode error %d of %d", v.Rule, *v.Error, len(errs))
		}
		de := errs[*v.Error]
		f.File, f.Span, f.Path = doc.File, de.Span, de.Path
		if de.Edit != nil {
			f.Edits = append(f.Edits, Edit{Span: de.Span, Text: *de.Edit})
		}
	case v.At == "name" && doc.NameSpan.End > doc.NameSpan.Start:
		f.File, f.Span = doc.File, doc.NameSpan
	case doc.Decoded != nil && doc.Decoded.Root != nil:
		f.File = doc.File
		f.Span, _ = doc.Decoded.Root.Lookup(path, v.Key)
		for _, ed := range v.Edits {
			p, err := pathOf(v.Rule, ed.Path)
			if err != nil {
				return nil, err
			}
			s, ok := doc.Decoded.Root.Lookup(p, false)
			if !ok || doc.Origin != "" {
				continue // nothing to edit where the user did not write it
			}
			switch ed.Op {
			case "replace":
				f.Edits = append(f.Edits, Edit{Span: s, Text: ed.Text})
			case "insert_after":
				f.Edits = append(f.Edits, Edit{Span: policy.Span{Start: s.End, End: s.End}, Text: ed.Text})
			default:
				return nil, fmt.Errorf("rule %s returned edit op %q", v.Rule, ed.Op)
			}
		}
	default:
		f.File, f.Span = doc.File, doc.Start
	}
	if doc != nil && doc.Origin != "" {
		f.Message = originNote(f.Message, doc.Origin, path)
	}
	f.Region = f.File.Region(f.Span)
	return f, nil
}

// SortFindings orders findings by file, position, rule and message.
func SortFindings(fs []*Finding) {
	sort.SliceStable(fs, func(i, j int) bool {
		a, b := fs[i], fs[j]
		if a.File.Path != b.File.Path {
			return a.File.Path < b.File.Path
		}
		if a.Span.Start != b.Span.Start {
			return a.Span.Start < b.Span.Start
		}
		if a.Rule.ID != b.Rule.ID {
			return a.Rule.ID < b.Rule.ID
		}
		return a.Message < b.Message
	})
}

func parseData(name string, src []byte) (any, error) {
	dec := json.NewDecoder(bytes.NewReader(src))
	dec.UseNumber()
	var v any
	if err := dec.Decode(&v); err != nil {
		return nil, fmt.Errorf("%s: %w", name, err)
	}
	return v, nil
}

func pathOf(rule string, raw []any) ([]any, error) {
	path := make([]any, len(raw))
	for i, p := range raw {
		switch p := p.(type) {
		case json.Number:
			n, err := p.Int64()
			if err != nil {
				return nil, fmt.Errorf("rule %s returned path element %s", rule, p)
			}
			path[i] = int(n)
		case string:
			path[i] = p
		default:
			return nil, fmt.Errorf("rule %s returned path element %v", rule, p)
		}
	}
	return path, nil
}

// originNote says which generated statement a finding is about, since its
// position is the line that generated the document.
func originNote(msg, origin string, path []any) string {
	if len(path) >= 2 && path[0] == "Statement" {
		if i, ok := path[1].(int); ok {
			return fmt.Sprintf("%s (in %s, statement %d)", msg, origin, i+1)
		}
	}
	return fmt.Sprintf("%s (in %s)", msg, origin)
}
