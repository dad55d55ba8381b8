// Command gencorpus writes a synthetic monorepo for seslint's benchmark:
//
//	go run ./analyzer/internal/gencorpus -n 1000 -seed 1 -out DIR
//
// The repository is deterministic for a seed and holds exactly n files, a
// mix of what a company's infrastructure monorepo holds: per service,
// CloudFormation YAML templates (short-form intrinsics, several resources,
// SAM), CDK output (*.template.json), a Terraform module (.tf), CDKTF
// output (cdk.tf.json), plan JSON, plain policy JSON, Kubernetes manifests,
// Node.js and CI files, and Go packages holding policy literals (one go.mod
// at the root). Files are 1-30 KB, the go.mod aside.
// About one SES policy in five carries a seeded mistake.
//
// Besides the files it writes DIR/expected.txt, every finding seslint must
// report with --now 2026-06-01T00:00:00Z, one per line as
// `path:line:column RULE message fragment`, and DIR/manifest.tsv, each
// file's path, kind and size, for the benchmark.
package main

import (
	"context"
	"flag"
	"fmt"
	"math/rand/v2"
	"os"
	"path/filepath"
	"sort"
	"strings"

	"github.com/seslint/seslint/analyzer/engine"
)

func main() {
	n := flag.Int("n", 1000, "number of files to write")
	seed := flag.Uint64("seed", 1, "random seed: the same seed writes the same repository")
	out := flag.String("out", "", "directory to write the repository to (created; must be empty if it exists)")
	flag.Parse()
	if *out == "" || *n <= 0 || flag.NArg() > 0 {
		fmt.Fprintln(os.Stderr, "usage: gencorpus -n N -seed S -out DIR")
		os.Exit(2)
	}
	if err := generate(*out, *n, *seed); err != nil {
		fmt.Fprintln(os.Stderr, "gencorpus:", err)
		os.Exit(1)
	}
}

// gen writes one repository.
type gen struct {
	r     *rand.Rand
	out   string
	n     int
	files []*written
	// goMod is set once the root go.mod is written.
	goMod bool
	// ids maps a rule's package under seslint.rules to its id.
	ids map[string]string
}

type written struct {
	path, kind string
	size       int
	wants      []expect
}

func generate(out string, n int, seed uint64) error {
	if entries, err := os.ReadDir(out); err == nil && len(entries) > 0 {
		return fmt.Errorf("%s is not empty", out)
	}
	ids, err := ruleIDs()
	if err != nil {
		return err
	}
	g := &gen{r: rand.New(rand.NewPCG(seed, 0x5e5)), out: out, n: n, ids: ids}
	for i := 0; !g.full(); i++ {
		if err := g.service(i); err != nil {
			return err
		}
	}
	return g.finish()
}

func (g *gen) full() bool { return len(g.files) >= g.n }

// emit writes a generated file, unless the repository is full.
func (g *gen) emit(f *file) error {
	if g.full() {
		return nil
	}
	content, wants := f.finish()
	for i := range wants {
		id, ok := g.ids[wants[i].rule]
		if !ok {
			return fmt.Errorf("%s: no rule seslint.rules.%s", f.path, wants[i].rule)
		}
		wants[i].rule = id
	}
	p := filepath.Join(g.out, filepath.FromSlash(f.path))
	if err := os.MkdirAll(filepath.Dir(p), 0o755); err != nil {
		return err
	}
	if err := os.WriteFile(p, content, 0o644); err != nil {
		return err
	}
	g.files = append(g.files, &written{path: f.path, kind: f.kind, size: len(content), wants: wants})
	return nil
}

// ruleIDs reads the rules' ids from their metadata, by package.
func ruleIDs() (map[string]string, error) {
	eng, err := engine.New(context.Background(), engine.Options{})
	if err != nil {
		return nil, err
	}
	ids := map[string]string{}
	for _, r := range eng.Rules() {
		ids[strings.TrimPrefix(r.Package, "seslint.rules.")] = r.ID
	}
	return ids, nil
}

func (g *gen) finish() error {
	var wants []expect
	var man strings.Builder
	man.WriteString("# path\tkind\tbytes\n")
	sort.Slice(g.files, func(i, j int) bool { return g.files[i].path < g.files[j].path })
	for _, f := range g.files {
		fmt.Fprintf(&man, "%s\t%s\t%d\n", f.path, f.kind, f.size)
		wants = append(wants, f.wants...)
	}
	sort.SliceStable(wants, func(i, j int) bool {
		a, b := wants[i], wants[j]
		if a.path != b.path {
			return a.path < b.path
		}
		if a.line != b.line {
			return a.line < b.line
		}
		if a.col != b.col {
			return a.col < b.col
		}
		return a.rule < b.rule
	})
	var exp strings.Builder
	exp.WriteString("# path:line:column RULE message fragment (seslint --now 2026-06-01T00:00:00Z)\n")
	for _, w := range wants {
		fmt.Fprintf(&exp, "%s:%d:%d %s %s\n", w.path, w.line, w.col, w.rule, w.frag)
	}
	if err := os.WriteFile(filepath.Join(g.out, "expected.txt"), []byte(exp.String()), 0o644); err != nil {
		return err
	}
	return os.WriteFile(filepath.Join(g.out, "manifest.tsv"), []byte(man.String()), 0o644)
}

// minSize is the size every file reaches but the root go.mod: kinds that
// are often smaller (variables, outputs, plain policies, manifests) are
// written with more of what such files hold until they reach it.
const minSize = 1024

// target is a file size to aim at: 1-30 KB, small files more likely.
func (g *gen) target() int {
	if g.r.IntN(6) == 0 {
		return 1024 + g.r.IntN(7*1024)
	}
	return 8*1024 + g.r.IntN(20*1024)
}

func (g *gen) chance(num, den int) bool { return g.r.IntN(den) < num }

func (g *gen) pick(list []string) string { return list[g.r.IntN(len(list))] }

func (g *gen) word() string { return g.pick(words) }

func (g *gen) account() string {
	return fmt.Sprintf("%012d", 100000000000+g.r.Int64N(899999999999))
}

var words = []string{
	"orders", "billing", "invoices", "accounts", "signup", "alerts", "digest", "reports", "catalog", "search",
	"payments", "refunds", "shipping", "returns", "reviews", "loyalty", "coupons", "inventory", "pricing", "audit",
	"profile", "session", "ledger", "export", "import", "webhook", "partner", "support", "tickets", "survey",
}

var roles = []string{"api", "worker", "mailer", "notifier", "scheduler", "gateway", "sync", "jobs"}

var regions = []string{"us-east-1", "us-west-2", "eu-west-1", "eu-central-1", "ap-southeast-2"}

// svc is one service of the monorepo and what its files share.
type svc struct {
	name, dir string
	domain    string
	region    string
	account   string
	partner   string
	// settings are the Terraform module's numeric variables, which its
	// outputs may echo.
	settings []string
}

func (g *gen) service(i int) error {
	s := &svc{name: fmt.Sprintf("%s-%s-%03d", g.word(), g.pick(roles), i)}
	s.dir = "services/" + s.name
	s.domain = strings.SplitN(s.name, "-", 2)[0] + fmt.Sprintf("%d.example.com", i)
	s.region = g.pick(regions)
	s.account = g.account()
	s.partner = g.account()
	all := i < 3 // the first services have every kind of file
	steps := []struct {
		num, den int
		run      func(*svc) error
	}{
		{9, 10, g.cfnTemplates},
		{2, 5, g.cdkOutput},
		{9, 20, g.terraformModule},
		{1, 8, g.cdktf},
		{3, 20, g.plans},
		{1, 2, g.policyFiles},
		{1, 3, g.kubernetes},
		{1, 4, g.node},
		{1, 4, g.goPackages},
		{1, 1, g.docs},
	}
	for _, st := range steps {
		if g.full() {
			return nil
		}
		if all || g.chance(st.num, st.den) {
			if err := st.run(s); err != nil {
				return err
			}
		}
	}
	if i%6 == 5 {
		return g.workflow(s)
	}
	return nil
}
