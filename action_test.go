package seslint_test

// Tests of the GitHub Action (action.yml): its metadata, and its steps run
// on this machine the way a GitHub runner runs a composite action. The
// actions it uses (cache, setup-go, upload-sarif) are stood in for: the
// cache by a directory, setup-go by the Go on PATH, and the upload by a
// record of what would be uploaded, checked to be SARIF.

import (
	"bytes"
	"crypto/sha256"
	"encoding/hex"
	"encoding/json"
	"fmt"
	"os"
	"os/exec"
	"path/filepath"
	"regexp"
	"slices"
	"sort"
	"strings"
	"testing"

	"gopkg.in/yaml.v3"
)

// action is the part of action.yml's schema seslint's action uses; decoding
// with known fields only catches a misspelt key.
type action struct {
	Name        string
	Description string
	Author      string
	Branding    map[string]string
	Inputs      map[string]struct {
		Description string
		Required    bool
		Default     string
	}
	Outputs map[string]struct {
		Description string
		Value       string
	}
	Runs struct {
		Using string
		Steps []actionStep
	}
}

type actionStep struct {
	Name             string
	ID               string
	If               string
	Shell            string
	Run              string
	Uses             string
	WorkingDirectory string `yaml:"working-directory"`
	Env              map[string]string
	With             map[string]string
}

func readAction(t *testing.T) *action {
	t.Helper()
	b, err := os.ReadFile("action.yml")
	if err != nil {
		t.Fatal(err)
	}
	dec := yaml.NewDecoder(bytes.NewReader(b))
	dec.KnownFields(true)
	var a action
	if err := dec.Decode(&a); err != nil {
		t.Fatalf("action.yml: %v", err)
	}
	return &a
}

var exprRe = regexp.MustCompile(`\$\{\{(.*?)\}\}`)

// TestActionMetadata checks what GitHub checks when it loads the action,
// and what keeps its scripts safe: every input it reads is declared and
// every declared input is read, run steps name their shell, and inputs
// reach the scripts through the environment, never spliced into the script
// text (where a path holding `$(...)` would run).
func TestActionMetadata(t *testing.T) {
	a := readAction(t)
	if a.Runs.Using != "composite" || len(a.Runs.Steps) == 0 {
		t.Fatalf("runs.using %q with %d steps: want a composite action", a.Runs.Using, len(a.Runs.Steps))
	}
	for _, want := range []string{"paths", "config", "fail-on", "baseline", "category"} {
		if _, ok := a.Inputs[want]; !ok {
			t.Errorf("input %q is missing", want)
		}
	}
	used := map[string]bool{}
	var texts []string
	for _, o := range a.Outputs {
		texts = append(texts, o.Value)
	}
	for _, s := range a.Runs.Steps {
		texts = append(texts, s.If, s.WorkingDirectory)
		for _, v := range s.Env {
			texts = append(texts, v)
		}
		for _, v := range s.With {
			texts = append(texts, v)
		}
		if s.Run != "" {
			if s.Shell != "bash" {
				t.Errorf("step %q: shell %q, want bash", s.Name, s.Shell)
			}
			if exprRe.MatchString(s.Run) {
				t.Errorf("step %q: an expression in the script; pass it through env", s.Name)
			}
		}
		if (s.Run == "") == (s.Uses == "") {
			t.Errorf("step %q: want exactly one of run and uses", s.Name)
		}
	}
	inputRe := regexp.MustCompile(`\binputs\.([A-Za-z0-9_-]+)`)
	for _, tx := range texts {
		for _, m := range inputRe.FindAllStringSubmatch(tx, -1) {
			used[m[1]] = true
			if _, ok := a.Inputs[m[1]]; !ok {
				t.Errorf("inputs.%s is read but not declared", m[1])
			}
		}
	}
	for name := range a.Inputs {
		if !used[name] {
			t.Errorf("input %q is declared but never read", name)
		}
	}
}

// TestActionRunsLocally runs the action's steps as a runner would, on a
// copy of the example repository as the workspace.
func TestActionRunsLocally(t *testing.T) {
	if testing.Short() {
		t.Skip("builds seslint and scans with it")
	}
	for _, tool := range []string{"bash", "go", "find", "xargs", "sha256sum"} {
		if _, err := exec.LookPath(tool); err != nil {
			t.Skipf("%s is not on PATH", tool)
		}
	}
	a := readAction(t)
	root, err := os.Getwd()
	if err != nil {
		t.Fatal(err)
	}
	work := t.TempDir()
	if err := os.CopyFS(work, os.DirFS(filepath.Join(root, "fixtures", "examples"))); err != nil {
		t.Fatal(err)
	}
	r := &runner{t: t, actionPath: root, workspace: work, cache: t.TempDir()}

	// 1. Defaults: the findings fail the job, the report is uploaded.
	res := r.run(a, nil)
	if !res.failed || res.outputs["exit-code"] != "1" {
		t.Fatalf("defaults: failed %v, exit-code %q, want a failure with 1:\n%s", res.failed, res.outputs["exit-code"], res.log)
	}
	if !slices.Contains(res.ran, "Build seslint") {
		t.Errorf("first run did not build seslint: ran %v", res.ran)
	}
	if len(res.uploads) != 1 || res.uploads[0]["category"] != "seslint" || res.uploads[0]["sarif_file"] != res.outputs["sarif"] {
		t.Fatalf("defaults: uploads %v, sarif output %q", res.uploads, res.outputs["sarif"])
	}
	results := sarifResults(t, res.outputs["sarif"])
	if !slices.Contains(results, "iam/mailer-policy.json:11 SES301") || !slices.Contains(results, "stacks/mailer.yaml:38 SES305") {
		t.Errorf("defaults: SARIF results %v", results)
	}
	for _, want := range []string{
		"iam/mailer-policy.json:11:19: error SES301: ", // the findings in the log
		"::error title=seslint::seslint exited with status 1",
	} {
		if !strings.Contains(res.log, want) {
			t.Errorf("defaults: the log lacks %q:\n%s", want, res.log)
		}
	}
	baseline, err := os.ReadFile(res.outputs["sarif"])
	if err != nil {
		t.Fatal(err)
	}

	// 2. fail-on none, no upload, two paths on two lines, a category: the
	//    binary comes from the cache this time.
	res = r.run(a, map[string]string{"fail-on": "none", "upload": "false", "paths": "iam\nses/", "category": "policies"})
	if res.failed || res.outputs["exit-code"] != "0" || len(res.uploads) != 0 {
		t.Fatalf("fail-on none: failed %v, exit-code %q, uploads %v:\n%s", res.failed, res.outputs["exit-code"], res.uploads, res.log)
	}
	if slices.Contains(res.ran, "Build seslint") || slices.Contains(res.ran, "Set up Go") {
		t.Errorf("second run rebuilt seslint despite the cached binary: ran %v", res.ran)
	}
	for _, r := range sarifResults(t, res.outputs["sarif"]) {
		if !strings.HasPrefix(r, "iam/") && !strings.HasPrefix(r, "ses/") {
			t.Errorf("paths: iam and ses/: a result in %s", r)
		}
	}

	// 3. A baseline holding every finding, and a configuration turning one
	//    rule's level up: only what is new since the baseline fails.
	if err := os.WriteFile(filepath.Join(work, "baseline.sarif"), baseline, 0o644); err != nil {
		t.Fatal(err)
	}
	res = r.run(a, map[string]string{"baseline": "baseline.sarif", "category": "baseline"})
	if res.failed || res.outputs["exit-code"] != "0" || len(sarifResults(t, res.outputs["sarif"])) != 0 {
		t.Errorf("baseline of the same findings: failed %v, exit-code %q:\n%s", res.failed, res.outputs["exit-code"], res.log)
	}
	// The example repository's own .seslint.yaml (its SCPs), plus the rule.
	own, err := os.ReadFile(filepath.Join(work, ".seslint.yaml"))
	if err != nil {
		t.Fatal(err)
	}
	if err := os.WriteFile(filepath.Join(work, "strict.yaml"), append(own, "rules:\n  SES201: {severity: error}\n"...), 0o644); err != nil {
		t.Fatal(err)
	}
	if err := os.WriteFile(filepath.Join(work, "iam", "new.json"), []byte(`{"Version": "2012-10-17", "Statement": [{"Effect": "Allow", "Action": "ses:SendEmail", "Resource": "*"}]}`), 0o644); err != nil {
		t.Fatal(err)
	}
	res = r.run(a, map[string]string{"baseline": "baseline.sarif", "config": "strict.yaml", "upload": "false"})
	if got := sarifResults(t, res.outputs["sarif"]); !res.failed || res.outputs["exit-code"] != "1" || !slices.Equal(got, []string{"iam/new.json:1 SES201", "iam/new.json:1 SES602"}) {
		t.Errorf("baseline and config: failed %v, exit-code %q, results %v:\n%s", res.failed, res.outputs["exit-code"], got, res.log)
	}

	// 4. A usage error: no report, nothing uploaded, the job fails with 2.
	res = r.run(a, map[string]string{"fail-on": "fatal"})
	if !res.failed || res.outputs["exit-code"] != "2" || res.outputs["sarif"] != "" || len(res.uploads) != 0 {
		t.Errorf("fail-on fatal: failed %v, outputs %v, uploads %v:\n%s", res.failed, res.outputs, res.uploads, res.log)
	}
	if !strings.Contains(res.log, "--fail-on") {
		t.Errorf("fail-on fatal: the log does not explain:\n%s", res.log)
	}
}

// sarifResults lists a SARIF file's results as "path:line RULE", sorted.
func sarifResults(t *testing.T, path string) []string {
	t.Helper()
	b, err := os.ReadFile(path)
	if err != nil {
		t.Fatalf("SARIF report: %v", err)
	}
	var log struct {
		Version string
		Runs    []struct {
			Results []struct {
				RuleID    string `json:"ruleId"`
				Locations []struct {
					PhysicalLocation struct {
						ArtifactLocation struct{ URI string }
						Region           struct{ StartLine int }
					}
				}
			}
		}
	}
	if err := json.Unmarshal(b, &log); err != nil || log.Version != "2.1.0" || len(log.Runs) != 1 {
		t.Fatalf("%s is not a SARIF 2.1.0 log of one run: %v", path, err)
	}
	out := []string{}
	for _, r := range log.Runs[0].Results {
		l := r.Locations[0].PhysicalLocation
		out = append(out, fmt.Sprintf("%s:%d %s", l.ArtifactLocation.URI, l.Region.StartLine, r.RuleID))
	}
	sort.Strings(out)
	return out
}

// runner runs a composite action's steps with a runner's environment.
type runner struct {
	t          *testing.T
	actionPath string // GITHUB_ACTION_PATH: where the action's files are
	workspace  string // GITHUB_WORKSPACE: the checked-out repository
	cache      string // stands in for the actions cache service
}

type runResult struct {
	failed  bool
	outputs map[string]string // the action's outputs
	ran     []string          // names of the steps that ran
	uploads []map[string]string
	log     string
}

func (r *runner) run(a *action, with map[string]string) runResult {
	t := r.t
	t.Helper()
	temp := t.TempDir() // RUNNER_TEMP is new for every job
	inputs := map[string]string{}
	for name, in := range a.Inputs {
		inputs[name] = in.Default
	}
	for k, v := range with {
		if _, ok := a.Inputs[k]; !ok {
			t.Fatalf("no input %q", k)
		}
		inputs[k] = v
	}
	c := &exprContext{
		inputs: inputs,
		steps:  map[string]map[string]string{},
		values: map[string]string{
			"github.action_path": r.actionPath,
			"github.workspace":   r.workspace,
			"runner.temp":        temp,
			"runner.os":          "Linux",
		},
	}
	env := append(os.Environ(),
		"CI=true", "GITHUB_ACTIONS=true", "RUNNER_OS=Linux", "RUNNER_ARCH=X64",
		"RUNNER_TEMP="+temp, "GITHUB_ACTION_PATH="+r.actionPath, "GITHUB_WORKSPACE="+r.workspace)
	var res runResult
	var log strings.Builder
	for i, s := range a.Runs.Steps {
		run, err := c.stepCondition(s.If)
		if err != nil {
			t.Fatalf("step %q: if: %v", s.Name, err)
		}
		if !run {
			if s.ID != "" {
				c.steps[s.ID] = map[string]string{} // a skipped step's outputs are empty
			}
			continue
		}
		res.ran = append(res.ran, s.Name)
		outputs := map[string]string{}
		if s.Uses != "" {
			outputs = r.uses(c, s, &res)
		} else {
			stepEnv := slices.Clone(env)
			for k, v := range s.Env {
				stepEnv = append(stepEnv, k+"="+c.interpolate(t, v))
			}
			outFile := filepath.Join(temp, fmt.Sprintf("output-%d", i))
			script := filepath.Join(temp, fmt.Sprintf("step-%d.sh", i))
			if err := os.WriteFile(script, []byte(s.Run), 0o644); err != nil {
				t.Fatal(err)
			}
			cmd := exec.Command("bash", "--noprofile", "--norc", "-eo", "pipefail", script)
			cmd.Env = append(stepEnv, "GITHUB_OUTPUT="+outFile)
			cmd.Dir = r.workspace
			if s.WorkingDirectory != "" {
				cmd.Dir = c.interpolate(t, s.WorkingDirectory)
			}
			out, err := cmd.CombinedOutput()
			fmt.Fprintf(&log, "--- %s\n%s", s.Name, out)
			if err != nil {
				fmt.Fprintf(&log, "(%v)\n", err)
				c.failed = true
			}
			outputs = readOutputs(t, outFile)
		}
		if s.ID != "" {
			c.steps[s.ID] = outputs
		}
	}
	res.failed = c.failed
	res.outputs = map[string]string{}
	for name, o := range a.Outputs {
		res.outputs[name] = c.interpolate(t, o.Value)
	}
	res.log = log.String()
	return res
}

// uses stands in for the actions the composite action calls.
func (r *runner) uses(c *exprContext, s actionStep, res *runResult) map[string]string {
	t := r.t
	with := map[string]string{}
	for k, v := range s.With {
		with[k] = c.interpolate(t, v)
	}
	name, _, _ := strings.Cut(s.Uses, "@")
	cached := func() string {
		sum := sha256.Sum256([]byte(with["key"]))
		return filepath.Join(r.cache, hex.EncodeToString(sum[:8]))
	}
	switch name {
	case "actions/cache/restore":
		if b, err := os.ReadFile(cached()); err == nil {
			if err := os.WriteFile(with["path"], b, 0o755); err != nil {
				t.Fatal(err)
			}
			return map[string]string{"cache-hit": "true"}
		}
		return map[string]string{"cache-hit": "false"}
	case "actions/cache/save":
		b, err := os.ReadFile(with["path"])
		if err != nil {
			t.Fatalf("cache save: %v", err)
		}
		if err := os.WriteFile(cached(), b, 0o644); err != nil {
			t.Fatal(err)
		}
	case "actions/setup-go":
		if f := with["go-version-file"]; f != "" {
			if _, err := os.Stat(f); err != nil {
				t.Errorf("setup-go: go-version-file: %v", err)
			}
		} else if with["go-version"] == "" {
			t.Error("setup-go: neither go-version nor go-version-file")
		}
	case "github/codeql-action/upload-sarif":
		if _, err := os.Stat(with["sarif_file"]); err != nil {
			t.Errorf("upload-sarif: %v", err)
		}
		res.uploads = append(res.uploads, with)
	default:
		t.Fatalf("step %q uses %s, which this test does not stand in for", s.Name, s.Uses)
	}
	return map[string]string{}
}

// readOutputs reads a GITHUB_OUTPUT file: name=value lines, and
// name<<DELIMITER blocks.
func readOutputs(t *testing.T, path string) map[string]string {
	out := map[string]string{}
	b, err := os.ReadFile(path)
	if err != nil {
		if os.IsNotExist(err) {
			return out
		}
		t.Fatal(err)
	}
	lines := strings.Split(strings.TrimSuffix(string(b), "\n"), "\n")
	for i := 0; i < len(lines); i++ {
		if name, delim, ok := strings.Cut(lines[i], "<<"); ok && !strings.Contains(name, "=") {
			var val []string
			for i++; i < len(lines) && lines[i] != delim; i++ {
				val = append(val, lines[i])
			}
			out[name] = strings.Join(val, "\n")
			continue
		}
		if name, val, ok := strings.Cut(lines[i], "="); ok {
			out[name] = val
		} else if lines[i] != "" {
			t.Errorf("GITHUB_OUTPUT: malformed line %q", lines[i])
		}
	}
	return out
}

// exprContext evaluates the GitHub Actions expressions the action uses:
// property references, string literals, ==, !=, !, &&, || and the
// functions always, success, failure and format.
type exprContext struct {
	inputs map[string]string
	steps  map[string]map[string]string // step id → its outputs
	values map[string]string            // other contexts: "runner.temp"...
	failed bool                         // a step has failed
}

// interpolate replaces each ${{ expression }} in s by its value.
func (c *exprContext) interpolate(t *testing.T, s string) string {
	t.Helper()
	var err error
	out := exprRe.ReplaceAllStringFunc(s, func(m string) string {
		v, e := c.eval(exprRe.FindStringSubmatch(m)[1])
		if e != nil && err == nil {
			err = e
		}
		return str(v)
	})
	if err != nil {
		t.Fatalf("%q: %v", s, err)
	}
	return out
}

// stepCondition evaluates a step's if:, which without a status function
// holds only while no step has failed.
func (c *exprContext) stepCondition(cond string) (bool, error) {
	cond = strings.TrimSpace(cond)
	if m := exprRe.FindStringSubmatch(cond); m != nil && strings.TrimSpace(m[0]) == cond {
		cond = m[1]
	}
	if cond == "" {
		return !c.failed, nil
	}
	v, err := c.eval(cond)
	if err != nil {
		return false, err
	}
	if !regexp.MustCompile(`\b(always|success|failure|cancelled)\(`).MatchString(cond) && c.failed {
		return false, nil
	}
	return truthy(v), nil
}

func (c *exprContext) eval(expr string) (any, error) {
	p := &exprParser{c: c, toks: regexp.MustCompile(`'(?:[^']|'')*'|==|!=|&&|\|\||[!(),]|[A-Za-z_][A-Za-z0-9_.-]*|\S`).FindAllString(expr, -1)}
	v, err := p.or()
	if err == nil && p.i < len(p.toks) {
		err = fmt.Errorf("unexpected %q", p.toks[p.i])
	}
	return v, err
}

type exprParser struct {
	c    *exprContext
	toks []string
	i    int
}

func (p *exprParser) peek() string {
	if p.i < len(p.toks) {
		return p.toks[p.i]
	}
	return ""
}

func (p *exprParser) or() (any, error) {
	l, err := p.and()
	for err == nil && p.peek() == "||" {
		p.i++
		var r any
		if r, err = p.and(); !truthy(l) {
			l = r
		}
	}
	return l, err
}

func (p *exprParser) and() (any, error) {
	l, err := p.cmp()
	for err == nil && p.peek() == "&&" {
		p.i++
		var r any
		if r, err = p.cmp(); truthy(l) {
			l = r
		}
	}
	return l, err
}

func (p *exprParser) cmp() (any, error) {
	l, err := p.unary()
	for err == nil && (p.peek() == "==" || p.peek() == "!=") {
		op := p.toks[p.i]
		p.i++
		var r any
		r, err = p.unary()
		l = strings.EqualFold(str(l), str(r)) == (op == "==")
	}
	return l, err
}

func (p *exprParser) unary() (any, error) {
	if p.peek() == "!" {
		p.i++
		v, err := p.unary()
		return !truthy(v), err
	}
	return p.primary()
}

func (p *exprParser) primary() (any, error) {
	tok := p.peek()
	p.i++
	switch {
	case tok == "":
		return nil, fmt.Errorf("unexpected end")
	case tok == "(":
		v, err := p.or()
		if err == nil && p.peek() != ")" {
			err = fmt.Errorf("missing )")
		}
		p.i++
		return v, err
	case strings.HasPrefix(tok, "'"):
		return strings.ReplaceAll(tok[1:len(tok)-1], "''", "'"), nil
	case tok == "true" || tok == "false":
		return tok == "true", nil
	case p.peek() == "(":
		p.i++
		var args []any
		for p.peek() != ")" {
			v, err := p.or()
			if err != nil {
				return nil, err
			}
			args = append(args, v)
			if p.peek() == "," {
				p.i++
			} else if p.peek() != ")" {
				return nil, fmt.Errorf("%s(: unexpected %q", tok, p.peek())
			}
		}
		p.i++
		return p.call(tok, args)
	}
	return p.c.lookup(tok)
}

func (p *exprParser) call(name string, args []any) (any, error) {
	switch name {
	case "always":
		return true, nil
	case "success":
		return !p.c.failed, nil
	case "failure":
		return p.c.failed, nil
	case "format":
		if len(args) == 0 {
			return nil, fmt.Errorf("format needs a format string")
		}
		s := str(args[0])
		for i, a := range args[1:] {
			s = strings.ReplaceAll(s, fmt.Sprintf("{%d}", i), str(a))
		}
		return s, nil
	}
	return nil, fmt.Errorf("function %s is not supported here", name)
}

// lookup reads a property; an unknown input, step or context is an error,
// as it would be a mistake in the action.
func (c *exprContext) lookup(ref string) (any, error) {
	parts := strings.Split(ref, ".")
	switch {
	case parts[0] == "inputs" && len(parts) == 2:
		v, ok := c.inputs[parts[1]]
		if !ok {
			return nil, fmt.Errorf("no input %q", parts[1])
		}
		return v, nil
	case parts[0] == "steps" && len(parts) == 4 && parts[2] == "outputs":
		outs, ok := c.steps[parts[1]]
		if !ok {
			return nil, fmt.Errorf("%s: step %q has not run or has no id", ref, parts[1])
		}
		return outs[parts[3]], nil
	}
	if v, ok := c.values[ref]; ok {
		return v, nil
	}
	return nil, fmt.Errorf("unknown reference %s", ref)
}

func truthy(v any) bool {
	if b, ok := v.(bool); ok {
		return b
	}
	return str(v) != ""
}

func str(v any) string {
	if v == nil {
		return ""
	}
	return fmt.Sprint(v)
}
