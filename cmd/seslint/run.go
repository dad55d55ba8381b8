package main

import (
	"context"
	"errors"
	"fmt"
	"io"
	"os"
	"path/filepath"
	"runtime/debug"
	"slices"
	"sort"
	"strings"
	"time"

	"github.com/spf13/pflag"

	"github.com/seslint/seslint/analyzer/engine"
	"github.com/seslint/seslint/analyzer/report"
	"github.com/seslint/seslint/analyzer/scan"
)

// Exit codes.
const (
	exitOK       = 0 // no finding at or above --fail-on
	exitFindings = 1 // findings at or above --fail-on
	exitError    = 2 // usage error, or the scan could not be completed
)

const (
	informationURI = "https://github.com/seslint/seslint"
	docsURI        = "https://github.com/seslint/seslint/blob/main/docs/rules" // docs/rules/<id>.md, generated from the rules' metadata
)

// usageError is a mistake on the command line: exit 2 with a hint to --help.
type usageError struct{ msg string }

func (e *usageError) Error() string { return e.msg }

func usagef(format string, args ...any) error { return &usageError{fmt.Sprintf(format, args...)} }

// run is seslint's main, testable: it returns the exit code.
func run(args []string, stdout, stderr io.Writer) int {
	var err error
	code := exitOK
	switch {
	case len(args) > 0 && args[0] == "rules":
		err = runRules(args[1:], stdout)
	case len(args) > 0 && args[0] == "explain":
		err = runExplain(args[1:], stdout)
	case len(args) > 0 && args[0] == "init":
		err = runInit(args[1:], stdout)
	case len(args) > 0 && args[0] == "baseline":
		// seslint baseline -o FILE [PATH ...]: a SARIF of every current
		// finding, for --baseline; it succeeds whatever it finds.
		code, err = runScan(append([]string{"--format=sarif", "--fail-on=none"}, args[1:]...), stdout, stderr)
	default:
		code, err = runScan(args, stdout, stderr)
	}
	if err == nil {
		return code
	}
	if errors.Is(err, pflag.ErrHelp) {
		return exitOK
	}
	fmt.Fprintf(stderr, "seslint: %v\n", err)
	var ue *usageError
	if errors.As(err, &ue) {
		fmt.Fprintln(stderr, "Run 'seslint --help' for usage.")
	}
	return exitError
}

// devVersion is the version of a build from a checkout rather than from a
// tagged module.
const devVersion = "0.1.0-dev"

func version() string {
	if bi, ok := debug.ReadBuildInfo(); ok && bi.Main.Version != "" && bi.Main.Version != "(devel)" {
		return strings.TrimPrefix(bi.Main.Version, "v")
	}
	return devVersion
}

type scanFlags struct {
	format  *choice
	output  string
	failOn  *choice
	enable  []string
	disable []string
	rules   []string
	now     string
	exclude []string
	maxSize int64
	timeout time.Duration
	noColor bool
	config  string
	base    string
	noGo    bool
	goNet   bool
	quiet   bool
	version bool
	noHints bool
	stats   bool
}

func newScanFlags(stderr io.Writer) (*pflag.FlagSet, *scanFlags) {
	f := &scanFlags{
		format: newChoice("text", "format", "text", "json", "sarif"),
		failOn: newChoice("error", "level", "error", "warning", "note", "none"),
	}
	fs := pflag.NewFlagSet("seslint", pflag.ContinueOnError)
	fs.SetOutput(stderr)
	fs.SortFlags = false
	fs.VarP(f.format, "format", "f", "output format: text, json or sarif")
	fs.StringVarP(&f.output, "output", "o", "", "write the report to `FILE` instead of standard output (inside the working directory, never through a symbolic link)")
	fs.Var(f.failOn, "fail-on", "exit 1 when a finding is at or above this level: error, warning, note or none")
	fs.StringSliceVar(&f.enable, "enable", nil, "run only these `RULES` (rule ids, comma-separated or repeated)")
	fs.StringSliceVar(&f.disable, "disable", nil, "do not run these `RULES`")
	fs.StringArrayVar(&f.rules, "rules", nil, "load extra Rego rules from `DIR` (repeatable)")
	fs.StringVar(&f.config, "config", "", "read the configuration from `FILE` (default: .seslint.yaml found walking up from the first path)")
	fs.StringVar(&f.base, "baseline", "", "report only findings whose fingerprint is not in this SARIF `FILE` (seslint baseline -o FILE writes one)")
	fs.StringVar(&f.now, "now", "", "evaluate time conditions at `TIME` (RFC 3339; default: the current time)")
	fs.StringArrayVar(&f.exclude, "exclude", nil, "leave out paths matching `GLOB` (repeatable; ** spans directories)")
	fs.Int64Var(&f.maxSize, "max-file-size", scan.DefaultMaxFileSize, "report, without parsing, files larger than `BYTES`")
	fs.DurationVar(&f.timeout, "eval-timeout", scan.DefaultEvalTimeout, "report a file as not checked when the rules take longer than `DURATION` on it")
	fs.BoolVar(&f.noGo, "no-go", false, "do not type-check the Go modules found under the scanned directories")
	fs.BoolVar(&f.goNet, "go-network", false, "let Go package loading download missing modules (default: offline, module cache only)")
	fs.BoolVar(&f.noColor, "no-color", false, "no colours in text output (default: colour on a terminal, unless NO_COLOR is set)")
	fs.BoolVar(&f.noHints, "no-hints", false, "text output: leave out the fix line under each finding")
	fs.BoolVarP(&f.quiet, "quiet", "q", false, "print nothing on standard error but errors (no summary, no progress)")
	fs.BoolVar(&f.stats, "stats", false, "print on standard error where the time went: rules, walk, read, parse, extract, evaluate, Go packages, report")
	fs.BoolVar(&f.version, "version", false, "print the version and exit")
	return fs, f
}

func scanUsage(fs *pflag.FlagSet, rules []*engine.Rule) string {
	var b strings.Builder
	b.WriteString(`seslint finds the IAM and SES policy mistakes behind Amazon SES "Unauthorized"
and "554 Access denied" errors, at the line you edit.

Usage:
  seslint [flags] [PATH ...]     scan files and directories (default: .);
                                 Go modules found in them, and ./... patterns,
                                 are type-checked (offline) and their policy
                                 strings and AWS SDK calls checked
  seslint rules [--format F]     list the rules (F: text, json, markdown)
  seslint explain RULE           what a rule finds, why, how to fix and
                                 suppress it (docs/rules/RULE.md)
  seslint init                   write a commented .seslint.yaml here
  seslint baseline -o FILE [PATH ...]
                                 record today's findings; later runs with
                                 --baseline FILE report only new ones

Flags:
`)
	b.WriteString(fs.FlagUsages())
	counts := map[engine.Level]int{}
	for _, r := range rules {
		counts[r.Level]++
	}
	if len(rules) > 0 {
		fmt.Fprintf(&b, "\nRules: %d (%d error, %d warning, %d note), %s to %s; 'seslint rules' lists them.\n",
			len(rules), counts[engine.LevelError], counts[engine.LevelWarning], counts[engine.LevelNote],
			rules[0].ID, rules[len(rules)-1].ID)
	}
	b.WriteString(`
Exit status: 0 no finding at or above --fail-on, 1 findings, 2 usage error or
incomplete scan.

Environment:
  SESLINT_CACHE   where the types of the Go standard library and module cache
                  packages are kept between scans (default: seslint in the
                  user cache directory; "off": type-check them every scan)
  NO_COLOR        no colours in text output

Examples:
  seslint .                                   scan the repository
  seslint -f sarif -o seslint.sarif .         for GitHub code scanning
  seslint --fail-on warning policies/         stricter gate
`)
	return b.String()
}

func runScan(args []string, stdout, stderr io.Writer) (int, error) {
	fs, f := newScanFlags(stderr)
	help := false
	fs.BoolVarP(&help, "help", "h", false, "show this help")
	if err := fs.Parse(args); err != nil {
		return exitError, usagef("%v", err)
	}
	ctx := context.Background()
	if help {
		eng, _ := engine.New(ctx, engine.Options{})
		var rules []*engine.Rule
		if eng != nil {
			rules = eng.Rules()
		}
		fmt.Fprint(stdout, scanUsage(fs, rules))
		return exitOK, nil
	}
	if f.version {
		fmt.Fprintf(stdout, "seslint %s\n", version())
		return exitOK, nil
	}
	now := time.Now()
	if f.now != "" {
		t, err := time.Parse(time.RFC3339, f.now)
		if err != nil {
			return exitError, usagef("--now %q: want an RFC 3339 time such as 2026-01-02T15:04:05Z", f.now)
		}
		now = t
	}
	if f.maxSize <= 0 {
		return exitError, usagef("--max-file-size must be positive")
	}
	if f.timeout <= 0 {
		return exitError, usagef("--eval-timeout must be positive")
	}
	started := time.Now()
	eng, err := engine.New(ctx, engine.Options{RuleDirs: f.rules})
	if err != nil {
		return exitError, err
	}
	enabled, err := ruleSet(eng, "--enable", f.enable)
	if err != nil {
		return exitError, err
	}
	disabled, err := ruleSet(eng, "--disable", f.disable)
	if err != nil {
		return exitError, err
	}
	paths := fs.Args()
	if len(paths) == 0 {
		paths = []string{"."}
	}
	opts := scan.Options{
		Now: now, Exclude: f.exclude, Enabled: enabled, Disabled: disabled, MaxFileSize: f.maxSize, EvalTimeout: f.timeout,
		NoGo: f.noGo, GoNetwork: f.goNet, TypeCache: typeCacheDir(),
	}
	cfg, err := loadConfig(eng, f.config, paths[0])
	if err != nil {
		return exitError, err
	}
	if cfg != nil {
		applyConfig(cfg, &opts, f.now != "")
	}
	prog := newProgress(stderr, f.quiet)
	if prog != nil {
		opts.Progress = prog.update
	}
	res, err := scan.Run(ctx, eng, paths, opts)
	prog.clear()
	if err != nil {
		return exitError, err
	}
	if f.base != "" {
		known, err := report.ReadBaseline(f.base)
		if err != nil {
			return exitError, err
		}
		res.Findings = report.NewSince(res.Findings, known)
	}
	reported := time.Now()
	rep := &report.Report{
		Tool:     report.Tool{Name: "seslint", Version: version(), InformationURI: informationURI, DocsURI: docsURI},
		Rules:    eng.Rules(),
		Findings: res.Findings,
		Notes:    res.Notifications,
	}
	rep.LeaveOutBroken()
	out := stdout
	var file *os.File
	if f.output != "" {
		file, err = createOutput(f.output)
		if err != nil {
			return exitError, err
		}
		out = file
	}
	switch f.format.value {
	case "json":
		err = report.WriteJSON(out, rep)
	case "sarif":
		err = report.WriteSARIF(out, rep)
	default:
		err = report.WriteText(out, rep, report.TextOptions{Color: file == nil && !f.noColor && colorTerminal(stdout), NoHints: f.noHints})
	}
	if file != nil {
		if cerr := file.Close(); err == nil {
			err = cerr
		}
	}
	if err != nil {
		return exitError, err
	}
	if f.stats {
		compiled, _ := eng.Prepared() // compiled while the scan began
		writeStats(stderr, eng, res.Stats, compiled, time.Since(reported), time.Since(started))
	}
	if !f.quiet {
		fmt.Fprintln(stderr, report.Summary(rep, res.Files, res.Documents))
	}
	for _, n := range rep.Notes {
		if n.Error {
			return exitError, fmt.Errorf("scan incomplete: %d file(s) could not be checked (see the messages above)", countErrors(rep.Notes))
		}
	}
	return exitCode(res.Findings, f.failOn.value), nil
}

func countErrors(notes []scan.Notification) int {
	n := 0
	for _, x := range notes {
		if x.Error {
			n++
		}
	}
	return n
}

func exitCode(findings []*engine.Finding, failOn string) int {
	if failOn == "none" {
		return exitOK
	}
	threshold := engine.Level(failOn).Rank()
	for _, f := range findings {
		if !f.Suppressed && f.Level.Rank() >= threshold {
			return exitFindings
		}
	}
	return exitOK
}

// ruleSet checks rule ids named on the command line against the loaded
// rules.
func ruleSet(eng *engine.Engine, flag string, ids []string) (map[string]bool, error) {
	set := map[string]bool{}
	for _, id := range ids {
		id = strings.ToUpper(strings.TrimSpace(id))
		if id == "" {
			continue
		}
		if _, ok := eng.Rule(id); !ok {
			var known []string
			for _, r := range eng.Rules() {
				known = append(known, r.ID)
			}
			return nil, usagef("%s %s: no such rule (known: %s)", flag, id, strings.Join(known, ", "))
		}
		set[id] = true
	}
	return set, nil
}

func colorTerminal(w io.Writer) bool {
	if os.Getenv("NO_COLOR") != "" || os.Getenv("TERM") == "dumb" {
		return false
	}
	f, ok := w.(*os.File)
	if !ok {
		return false
	}
	st, err := f.Stat()
	return err == nil && st.Mode()&os.ModeCharDevice != 0
}

// runRules prints the rule table from the rules' metadata.
func runRules(args []string, stdout io.Writer) error {
	format := newChoice("text", "format", "text", "json", "markdown")
	var dirs []string
	fs := pflag.NewFlagSet("seslint rules", pflag.ContinueOnError)
	fs.SetOutput(stdout)
	fs.VarP(format, "format", "f", "text, json or markdown")
	fs.StringArrayVar(&dirs, "rules", nil, "also list the rules in `DIR`")
	if err := fs.Parse(args); err != nil {
		if errors.Is(err, pflag.ErrHelp) {
			return err
		}
		return usagef("%v", err)
	}
	if fs.NArg() > 0 {
		return usagef("seslint rules takes no arguments")
	}
	eng, err := engine.New(context.Background(), engine.Options{RuleDirs: dirs})
	if err != nil {
		return err
	}
	rules := slices.Clone(eng.Rules())
	sort.Slice(rules, func(i, j int) bool { return rules[i].ID < rules[j].ID })
	return report.WriteRules(stdout, rules, format.value)
}

// typeCacheDir is where scans keep the types of Go packages that do not
// change (scan.Options.TypeCache): $SESLINT_CACHE, or seslint in the user
// cache directory; none when SESLINT_CACHE is "off" or there is no user
// cache directory.
func typeCacheDir() string {
	switch dir := os.Getenv("SESLINT_CACHE"); dir {
	case "off":
		return ""
	case "":
		base, err := os.UserCacheDir()
		if err != nil {
			return ""
		}
		return filepath.Join(base, "seslint")
	default:
		return dir
	}
}
