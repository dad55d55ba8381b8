// Command bench measures seslint on generated monorepos (make bench):
//
//	go run ./analyzer/internal/bench [-sizes 1000,10000] [-runs 3] [-seed 1]
//
// For each size it generates a repository with gencorpus in a temporary
// directory and times, as whole processes, run after run in turn:
//
//   - the parse-only floor: walk, read and decode every file on all cores
//     (this program, as `bench floor DIR`);
//   - seslint with every rule and SARIF output, with and without its Go
//     packages (--no-go), with --stats; its type cache (SESLINT_CACHE) is
//     a directory of the run, filled by the warm-up run, and one more run
//     has it off, as the first scan on a machine is;
//   - conftest v0.71.1 (installed with go install into the temporary
//     directory) with three small rules over the CloudFormation
//     templates, and over the whole repository;
//   - seslint on the CloudFormation templates alone;
//   - on the largest repository, a pre-commit run on 5 changed files.
//
// It reports the median wall time, CPU time (user + system), files/s,
// MB/s and peak resident memory of each, seslint's own stage times, and
// whether seslint reported exactly the findings the generator seeded.
package main

import (
	"bytes"
	"encoding/json"
	"flag"
	"fmt"
	"os"
	"os/exec"
	"path/filepath"
	"regexp"
	"runtime"
	"slices"
	"sort"
	"strconv"
	"strings"
	"time"

	"github.com/seslint/seslint/internal/expect"
)

const (
	now             = "2026-06-01T00:00:00Z"
	conftestVersion = "v0.71.1"
)

func main() {
	if len(os.Args) > 1 && os.Args[1] == "floor" {
		os.Exit(floor(os.Args[2:]))
	}
	sizes := flag.String("sizes", "1000,10000", "repository sizes in files, comma-separated")
	runs := flag.Int("runs", 3, "measured runs of each command (after one warm-up run)")
	seed := flag.Uint64("seed", 1, "seed of the generated repositories")
	keep := flag.Bool("keep", false, "keep the temporary directory (repositories, binaries, outputs)")
	conftest := flag.Bool("conftest", true, "install conftest "+conftestVersion+" and compare")
	flag.Parse()
	b := &bench{runs: *runs, seed: *seed}
	var err error
	for _, s := range strings.Split(*sizes, ",") {
		n, err := strconv.Atoi(strings.TrimSpace(s))
		if err != nil || n <= 0 {
			fail("-sizes: %q is not a number of files", s)
		}
		b.sizes = append(b.sizes, n)
	}
	if b.tmp, err = os.MkdirTemp("", "seslint-bench-"); err != nil {
		fail("%v", err)
	}
	// seslint's type cache: kept in the run's directory, so that runs
	// neither read nor fill the user's.
	os.Setenv("SESLINT_CACHE", filepath.Join(b.tmp, "type-cache"))
	if *keep {
		fmt.Printf("working directory: %s\n", b.tmp)
	} else {
		defer os.RemoveAll(b.tmp)
	}
	if err := b.setup(*conftest); err != nil {
		fail("%v", err)
	}
	for _, n := range b.sizes {
		if err := b.size(n); err != nil {
			fail("%v", err)
		}
	}
	b.summary()
}

func fail(format string, args ...any) {
	fmt.Fprintf(os.Stderr, "bench: "+format+"\n", args...)
	os.Exit(1)
}

type bench struct {
	runs           int
	seed           uint64
	sizes          []int
	tmp, root      string
	seslint, gen   string
	self, conftest string
	policy         string
	results        map[int]map[string]measure
	precommit      []measure
}

// measure is the medians of a command's runs.
type measure struct {
	name      string
	wall, cpu time.Duration
	rss       int64 // KiB
	files     int
	bytes     int64
	stderr    string
	exitCodes []int
}

func (b *bench) setup(withConftest bool) error {
	out, err := exec.Command("go", "env", "GOMOD").Output()
	if err != nil || strings.TrimSpace(string(out)) == "" || strings.TrimSpace(string(out)) == os.DevNull {
		return fmt.Errorf("run bench from seslint's module (go env GOMOD: %v)", err)
	}
	b.root = filepath.Dir(strings.TrimSpace(string(out)))
	bin := filepath.Join(b.tmp, "bin")
	b.seslint, b.gen = filepath.Join(bin, "seslint"), filepath.Join(bin, "gencorpus")
	for pkg, exe := range map[string]string{"./cmd/seslint": b.seslint, "./analyzer/internal/gencorpus": b.gen} {
		cmd := exec.Command("go", "build", "-o", exe, pkg)
		cmd.Dir, cmd.Stderr = b.root, os.Stderr
		if err := cmd.Run(); err != nil {
			return fmt.Errorf("building %s: %w", pkg, err)
		}
	}
	if b.self, err = os.Executable(); err != nil {
		return err
	}
	if !withConftest {
		return nil
	}
	// go install outside any module, into the temporary directory: never
	// in the repository, never vendored.
	cmd := exec.Command("go", "install", "github.com/open-policy-agent/conftest@"+conftestVersion)
	cmd.Dir, cmd.Stderr = b.tmp, os.Stderr
	cmd.Env = append(os.Environ(), "GOBIN="+bin, "GOFLAGS=-mod=mod", "GOWORK=off")
	fmt.Fprintf(os.Stderr, "bench: installing conftest %s (the first time, this downloads and builds it)\n", conftestVersion)
	if err := cmd.Run(); err != nil {
		fmt.Fprintf(os.Stderr, "bench: conftest not installed (%v); comparing without it\n", err)
		return nil
	}
	b.conftest = filepath.Join(bin, "conftest")
	dir := filepath.Join(b.tmp, "conftest-policy")
	if err := os.MkdirAll(dir, 0o755); err != nil {
		return err
	}
	b.policy = dir
	return os.WriteFile(filepath.Join(dir, "ses.rego"), []byte(conftestPolicy), 0o644)
}

// corpus is a generated repository and what the generator said of it.
type corpus struct {
	dir      string
	files    int
	bytes    int64
	byKind   map[string][]string
	sizes    map[string]int64
	expected []string
}

func (b *bench) generate(n int) (*corpus, error) {
	c := &corpus{dir: filepath.Join(b.tmp, fmt.Sprintf("repo-%d", n)), byKind: map[string][]string{}, sizes: map[string]int64{}}
	cmd := exec.Command(b.gen, "-n", fmt.Sprint(n), "-seed", fmt.Sprint(b.seed), "-out", c.dir)
	cmd.Stderr = os.Stderr
	if err := cmd.Run(); err != nil {
		return nil, fmt.Errorf("generating %d files: %w", n, err)
	}
	man, err := os.ReadFile(filepath.Join(c.dir, "manifest.tsv"))
	if err != nil {
		return nil, err
	}
	for _, line := range strings.Split(string(man), "\n") {
		f := strings.Split(line, "\t")
		if len(f) != 3 || strings.HasPrefix(line, "#") {
			continue
		}
		size, _ := strconv.ParseInt(f[2], 10, 64)
		c.files++
		c.bytes += size
		c.byKind[f[1]] = append(c.byKind[f[1]], f[0])
		c.sizes[f[0]] = size
	}
	want, err := expect.Read(filepath.Join(c.dir, "expected.txt"))
	if err != nil {
		return nil, err
	}
	for _, w := range want {
		c.expected = append(c.expected, w.Key)
	}
	return c, nil
}

// command is one thing to time, run in the repository.
type command struct {
	name  string
	args  []string
	env   []string // added to the environment
	files int
	bytes int64
}

func (b *bench) size(n int) error {
	c, err := b.generate(n)
	if err != nil {
		return err
	}
	sarif := filepath.Join(b.tmp, fmt.Sprintf("seslint-%d.sarif", n))
	seslint := []string{b.seslint, "--now", now, "--fail-on", "none", "-f", "sarif", "-o", sarif, "--stats", "."}
	cfn := append(slices.Clone(c.byKind["cfn-yaml"]), c.byKind["cfn-json"]...)
	sort.Strings(cfn)
	var cfnBytes int64
	for _, f := range cfn {
		cfnBytes += c.sizes[f]
	}
	cmds := []command{
		{name: "floor", args: []string{b.self, "floor", "."}, files: c.files, bytes: c.bytes},
		{name: "seslint", args: seslint, files: c.files, bytes: c.bytes},
		{name: "seslint, no type cache", args: []string{b.seslint, "--now", now, "--fail-on", "none", "-f", "sarif", "-o", os.DevNull, "."}, env: []string{"SESLINT_CACHE=off"}, files: c.files, bytes: c.bytes},
		{name: "seslint --no-go", args: []string{b.seslint, "--now", now, "--fail-on", "none", "-f", "sarif", "-o", os.DevNull, "--stats", "--no-go", "."}, files: c.files, bytes: c.bytes},
		{name: "seslint (templates)", args: append([]string{b.seslint, "--now", now, "--fail-on", "none", "-f", "sarif", "-o", os.DevNull}, cfn...), files: len(cfn), bytes: cfnBytes},
	}
	if b.conftest != "" {
		cmds = append(cmds,
			command{name: "conftest (templates)", args: append([]string{b.conftest, "test", "--no-color", "-p", b.policy}, cfn...), files: len(cfn), bytes: cfnBytes},
			command{name: "conftest", args: []string{b.conftest, "test", "--no-color", "-p", b.policy, "--ignore", unparseable(c), "."}, files: c.files, bytes: c.bytes},
		)
	}
	fmt.Fprintf(os.Stderr, "bench: %d files (%.1f MB): %d commands, %d runs each\n", c.files, float64(c.bytes)/(1<<20), len(cmds), b.runs)
	res := b.measureAll(c.dir, cmds)
	if b.results == nil {
		b.results = map[int]map[string]measure{}
	}
	b.results[n] = res
	b.table(c, cmds, res)
	b.check(c, sarif)
	if n == slices.Max(b.sizes) {
		b.preCommit(c)
	}
	return nil
}

// unparseable is a --ignore pattern for the files conftest cannot parse,
// the plain JSON files with a seeded trailing comma (in a template or a
// heredoc the broken JSON is a string): conftest stops at the first file
// it cannot parse.
func unparseable(c *corpus) string {
	re := regexp.MustCompile(`^(\S+\.json):\d+:\d+ SES101 `)
	seen := map[string]bool{}
	var pats []string
	for _, e := range c.expected {
		if m := re.FindStringSubmatch(e + " "); m != nil && !seen[m[1]] {
			seen[m[1]] = true
			pats = append(pats, regexp.QuoteMeta(m[1]))
		}
	}
	if len(pats) == 0 {
		return "^$"
	}
	return strings.Join(pats, "|")
}

// measureAll runs every command once to warm up, then runs times each,
// in turn, so that a change of the machine's load hits all alike.
func (b *bench) measureAll(dir string, cmds []command) map[string]measure {
	all := map[string][]run{}
	for i := 0; i <= b.runs; i++ {
		for _, c := range cmds {
			r := execute(dir, c.args, c.env)
			if i > 0 {
				all[c.name] = append(all[c.name], r)
			}
		}
	}
	out := map[string]measure{}
	for _, c := range cmds {
		out[c.name] = summarize(c, all[c.name])
	}
	return out
}

type run struct {
	wall, cpu time.Duration
	rss       int64
	code      int
	stderr    string
}

func execute(dir string, args, env []string) run {
	cmd := exec.Command(args[0], args[1:]...)
	cmd.Dir = dir
	if env != nil {
		cmd.Env = append(os.Environ(), env...)
	}
	var stdout, stderr bytes.Buffer
	cmd.Stdout, cmd.Stderr = &stdout, &stderr
	start := time.Now()
	err := cmd.Run()
	r := run{wall: time.Since(start), stderr: stderr.String()}
	if cmd.ProcessState == nil {
		r.code = -1
		r.stderr += err.Error()
		return r
	}
	r.code = cmd.ProcessState.ExitCode()
	r.cpu = cmd.ProcessState.UserTime() + cmd.ProcessState.SystemTime()
	r.rss = maxRSS(cmd.ProcessState)
	return r
}

func summarize(c command, runs []run) measure {
	m := measure{name: c.name, files: c.files, bytes: c.bytes}
	if len(runs) == 0 {
		return m
	}
	byWall := slices.Clone(runs)
	sort.Slice(byWall, func(i, j int) bool { return byWall[i].wall < byWall[j].wall })
	med := byWall[len(byWall)/2]
	m.wall, m.stderr = med.wall, med.stderr
	cpus := make([]time.Duration, len(runs))
	rss := make([]int64, len(runs))
	for i, r := range runs {
		cpus[i], rss[i] = r.cpu, r.rss
		m.exitCodes = append(m.exitCodes, r.code)
	}
	slices.Sort(cpus)
	slices.Sort(rss)
	m.cpu, m.rss = cpus[len(cpus)/2], rss[len(rss)/2]
	return m
}

func (b *bench) table(c *corpus, cmds []command, res map[string]measure) {
	kinds := make([]string, 0, len(c.byKind))
	for k := range c.byKind {
		kinds = append(kinds, fmt.Sprintf("%s %d", k, len(c.byKind[k])))
	}
	sort.Strings(kinds)
	load, _ := os.ReadFile("/proc/loadavg")
	fmt.Printf("\n## %d files, %.1f MB (seed %d; %s)\n\n", c.files, float64(c.bytes)/(1<<20), b.seed, strings.Join(kinds, ", "))
	fmt.Printf("%d CPUs, load average before: %s; median of %d runs after a warm-up\n\n", runtime.NumCPU(), strings.TrimSpace(string(load)), b.runs)
	fmt.Println("| command | files | wall | CPU | files/s | MB/s | peak RSS | exit |")
	fmt.Println("|---|---:|---:|---:|---:|---:|---:|---|")
	for _, cmd := range cmds {
		m := res[cmd.name]
		fmt.Printf("| %s | %d | %.3f s | %.3f s | %.0f | %.1f | %.0f MiB | %v |\n", m.name, m.files, m.wall.Seconds(), m.cpu.Seconds(),
			float64(m.files)/m.wall.Seconds(), float64(m.bytes)/(1<<20)/m.wall.Seconds(), float64(m.rss)/1024, uniq(m.exitCodes))
	}
	fmt.Println()
	fmt.Println("seslint --stats (median run):")
	fmt.Println()
	fmt.Println("```")
	fmt.Print(statsLines(res["seslint"].stderr))
	fmt.Println("```")
	for _, m := range []measure{res["seslint"], res["seslint, no type cache"], res["seslint --no-go"], res["conftest"], res["conftest (templates)"], res["seslint (templates)"]} {
		if m.name != "" && !allZeroOrOne(m.exitCodes) {
			fmt.Printf("\n%s exited %v: %s\n", m.name, m.exitCodes, lastLines(m.stderr, 5))
		}
	}
}

func statsLines(stderr string) string {
	var b strings.Builder
	in := false
	for _, l := range strings.Split(stderr, "\n") {
		if strings.HasPrefix(l, "seslint stats:") {
			in = true
		}
		if in && l != "" {
			b.WriteString(l + "\n")
		}
	}
	return b.String()
}

func lastLines(s string, n int) string {
	lines := strings.Split(strings.TrimSpace(s), "\n")
	if len(lines) > n {
		lines = lines[len(lines)-n:]
	}
	return strings.Join(lines, "\n")
}

func uniq(codes []int) string {
	seen := map[int]bool{}
	var out []string
	for _, c := range codes {
		if !seen[c] {
			seen[c] = true
			out = append(out, fmt.Sprint(c))
		}
	}
	return strings.Join(out, ",")
}

func allZeroOrOne(codes []int) bool {
	for _, c := range codes {
		if c != 0 && c != 1 {
			return false
		}
	}
	return true
}

// check compares seslint's SARIF with the findings the generator seeded.
func (b *bench) check(c *corpus, sarif string) {
	got, err := sarifFindings(sarif)
	if err != nil {
		fmt.Printf("\ncorrectness: cannot read %s: %v\n", sarif, err)
		return
	}
	want := map[string]bool{}
	for _, e := range c.expected {
		want[e] = true
	}
	var missing, extra []string
	for k := range want {
		if !got[k] {
			missing = append(missing, k)
		}
	}
	for k := range got {
		if !want[k] {
			extra = append(extra, k)
		}
	}
	sort.Strings(missing)
	sort.Strings(extra)
	verdict := "exactly the seeded findings"
	if len(missing)+len(extra) > 0 {
		verdict = fmt.Sprintf("%d missing, %d unexpected", len(missing), len(extra))
	}
	fmt.Printf("\ncorrectness: %d findings seeded, %d reported in the SARIF: %s\n", len(want), len(got), verdict)
	for i, m := range missing {
		if i < 10 {
			fmt.Printf("  missing %s\n", m)
		}
	}
	for i, x := range extra {
		if i < 10 {
			fmt.Printf("  unexpected %s\n", x)
		}
	}
}

func sarifFindings(path string) (map[string]bool, error) {
	raw, err := os.ReadFile(path)
	if err != nil {
		return nil, err
	}
	var log struct {
		Runs []struct {
			Results []struct {
				RuleID    string `json:"ruleId"`
				Locations []struct {
					PhysicalLocation struct {
						ArtifactLocation struct {
							URI string `json:"uri"`
						} `json:"artifactLocation"`
						Region struct {
							StartLine   int `json:"startLine"`
							StartColumn int `json:"startColumn"`
						} `json:"region"`
					} `json:"physicalLocation"`
				} `json:"locations"`
			} `json:"results"`
		} `json:"runs"`
	}
	if err := json.Unmarshal(raw, &log); err != nil {
		return nil, err
	}
	out := map[string]bool{}
	for _, r := range log.Runs {
		for _, res := range r.Results {
			for _, l := range res.Locations {
				p := l.PhysicalLocation
				out[fmt.Sprintf("%s:%d:%d %s", p.ArtifactLocation.URI, p.Region.StartLine, p.Region.StartColumn, res.RuleID)] = true
			}
		}
	}
	return out, nil
}

// preCommit times seslint on 5 files of the repository, as a pre-commit
// hook runs it on the staged files: two templates, a Terraform file (its
// module comes along), a policy and a CDK template; then the same with a
// Go file holding a policy among them (its package is type-checked; a Go
// file that mentions no policy is only read).
func (b *bench) preCommit(c *corpus) {
	pick := func(kind string, k int) string {
		fs := c.byKind[kind]
		if len(fs) == 0 {
			return ""
		}
		return fs[(k*7919)%len(fs)]
	}
	pickGoPolicy := func(k int) string {
		fs := c.byKind["go"]
		for i := range fs {
			f := fs[(k*7919+i)%len(fs)]
			if b, err := os.ReadFile(filepath.Join(c.dir, f)); err == nil && bytes.Contains(b, []byte(`"Statement"`)) {
				return f
			}
		}
		return ""
	}
	sets := []struct {
		name  string
		files []string
	}{
		{"5 files", []string{pick("cfn-yaml", 1), pick("cfn-yaml", 2), pick("tf", 3), pick("policy-json", 4), pick("cfn-json", 5)}},
		{"5 files, one of them Go", []string{pick("cfn-yaml", 1), pick("cfn-yaml", 2), pick("tf", 3), pick("policy-json", 4), pickGoPolicy(5)}},
	}
	fmt.Printf("\n## pre-commit: seslint on 5 changed files of the %d-file repository\n\n", c.files)
	fmt.Println("| files | wall | CPU | peak RSS |")
	fmt.Println("|---|---:|---:|---:|")
	for _, s := range sets {
		files := slices.DeleteFunc(slices.Clone(s.files), func(f string) bool { return f == "" })
		cmd := command{name: s.name, args: append([]string{b.seslint, "--now", now, "--fail-on", "none", "-q"}, files...)}
		m := b.measureAll(c.dir, []command{cmd})[s.name]
		b.precommit = append(b.precommit, m)
		fmt.Printf("| %s (%s) | %.3f s | %.3f s | %.0f MiB |\n", s.name, strings.Join(files, " "), m.wall.Seconds(), m.cpu.Seconds(), float64(m.rss)/1024)
	}
}

// summary sets the figures against the targets of the performance issue.
func (b *bench) summary() {
	fmt.Println("\n## against the targets")
	fmt.Println()
	big, small := slices.Max(b.sizes), slices.Min(b.sizes)
	if r, ok := b.results[big]; ok {
		s, f := r["seslint"], r["floor"]
		fmt.Printf("- %d files, full rules, SARIF: seslint %.3f s = %.2fx the parse-only floor (%.3f s; target at most 1.5x); without Go packages %.3f s = %.2fx\n",
			big, s.wall.Seconds(), s.wall.Seconds()/f.wall.Seconds(), f.wall.Seconds(), r["seslint --no-go"].wall.Seconds(), r["seslint --no-go"].wall.Seconds()/f.wall.Seconds())
		fmt.Printf("- %d files, type cache off: seslint %.3f s = %.2fx the floor\n", big, r["seslint, no type cache"].wall.Seconds(), r["seslint, no type cache"].wall.Seconds()/f.wall.Seconds())
		fmt.Printf("- %d files: seslint peak RSS %.0f MiB (target under 300 MiB)\n", big, float64(s.rss)/1024)
	}
	if r, ok := b.results[small]; ok && b.conftest != "" {
		fmt.Printf("- %d files: conftest %.3f s / seslint %.3f s = %.2fx (target at least 3x); templates only: conftest %.3f s / seslint %.3f s = %.2fx\n",
			small, r["conftest"].wall.Seconds(), r["seslint"].wall.Seconds(), r["conftest"].wall.Seconds()/r["seslint"].wall.Seconds(),
			r["conftest (templates)"].wall.Seconds(), r["seslint (templates)"].wall.Seconds(), r["conftest (templates)"].wall.Seconds()/r["seslint (templates)"].wall.Seconds())
		fmt.Printf("- %d files, type cache off: conftest %.3f s / seslint %.3f s = %.2fx\n", small, r["conftest"].wall.Seconds(), r["seslint, no type cache"].wall.Seconds(), r["conftest"].wall.Seconds()/r["seslint, no type cache"].wall.Seconds())
	}
	if big != small {
		rb, rs := b.results[big]["seslint"], b.results[small]["seslint"]
		pb, ps := rb.wall.Seconds()/float64(rb.files), rs.wall.Seconds()/float64(rs.files)
		fmt.Printf("- time per file: %.3f ms at %d files, %.3f ms at %d: %.2fx (target at most 1.2x)\n", pb*1000, big, ps*1000, small, pb/ps)
	}
	for _, m := range b.precommit {
		fmt.Printf("- pre-commit, %s: %.3f s (target under 0.3 s)\n", m.name, m.wall.Seconds())
	}
}
