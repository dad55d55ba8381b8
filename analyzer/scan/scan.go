// Package scan walks the paths a user names, reads every file seslint
// understands, extracts its policy documents, evaluates the rules on them
// concurrently and returns the findings in a deterministic order.
package scan

import (
	"context"
	"errors"
	"fmt"
	"io/fs"
	"os"
	"path/filepath"
	"runtime"
	"slices"
	"sort"
	"strings"
	"sync"
	"time"

	"golang.org/x/tools/go/packages"

	"github.com/seslint/seslint/analyzer/config"
	"github.com/seslint/seslint/analyzer/engine"
	"github.com/seslint/seslint/analyzer/policy"
	"github.com/seslint/seslint/analyzer/source/cfn"
	"github.com/seslint/seslint/analyzer/source/jsonpolicy"
	"github.com/seslint/seslint/analyzer/source/terraform"
	"github.com/seslint/seslint/internal/fault"
)

// DefaultMaxFileSize is the largest file read by default; larger files are
// reported, not parsed.
const DefaultMaxFileSize = 10 << 20

// DefaultEvalTimeout bounds the evaluation of one file or deployment unit
// by default: a real template takes milliseconds.
const DefaultEvalTimeout = time.Minute

// skipDirs are directory names never descended into: they hold other
// people's code or tool state, not the repository's policies. cdk.out is
// not among them: its *.template.json files are the deployed templates.
var skipDirs = map[string]bool{".git": true, "node_modules": true, "vendor": true, ".terraform": true}

// Options configure a scan.
type Options struct {
	// Now is the evaluation time for the time-window rules.
	Now time.Time
	// ConfigDir is the directory of the configuration file: the globs of
	// ConfigExclude, Units and Kinds are relative to it.
	ConfigDir string
	// ConfigExclude holds the configuration's exclude globs.
	ConfigExclude []string
	// Exclude holds globs of slash-separated paths to leave out; ** matches
	// any number of directories.
	Exclude []string
	// Enabled, when not empty, keeps only these rules; Disabled drops rules.
	Enabled, Disabled map[string]bool
	// MaxFileSize bounds the files read (DefaultMaxFileSize when zero).
	MaxFileSize int64
	// EvalTimeout bounds the evaluation of the rules on one file or
	// deployment unit (DefaultEvalTimeout when zero); past it the file is
	// reported as not completely checked.
	EvalTimeout time.Duration
	// Workers is the number of files processed at once (GOMAXPROCS when
	// zero).
	Workers int
	// GoNetwork lets Go package loading download missing modules
	// (default: offline, module cache only).
	GoNetwork bool
	// NoGo leaves Go packages out of directory scans.
	NoGo bool
	// TypeCache is the directory keeping the types of the Go packages
	// that do not change between scans (the standard library, versioned
	// modules); when empty, every scan type-checks them from source.
	TypeCache string
	typeCache *typeCache
	// Severities replaces rules' levels (.seslint.yaml rules: severity).
	Severities map[string]engine.Level
	// Units are groups of globs whose files are evaluated as one
	// deployment unit (.seslint.yaml units:).
	Units [][]string
	// Identities are SES identities defined outside the repository.
	Identities []KnownIdentity
	// Kinds gives plain policy JSON files matching a glob their kind.
	Kinds []KindGlob
	// Progress, when set, is called after each file or module with the
	// running totals.
	Progress func(done, total, findings int)
}

// KnownIdentity is an SES identity the configuration declares.
type KnownIdentity struct {
	Name, Account, Region string
}

// KindGlob gives plain policy JSON files matching Glob the kind Kind.
type KindGlob struct {
	Glob, Kind string
}

// Notification is a problem of the tool rather than of the policies: a file
// that could not be read, a rule that failed. It always names the file.
type Notification struct {
	Path    string
	Message string
	// Error is true when the scan is incomplete because of it (exit 2).
	Error bool
}

// Result is what a scan found.
type Result struct {
	Findings      []*engine.Finding
	Notifications []Notification
	// Files counts the files read, Documents the policy documents
	// evaluated.
	Files, Documents int
	// Stats say where the time went.
	Stats Stats
}

// Run scans paths (files or directories) with the engine.
func Run(ctx context.Context, eng *engine.Engine, paths []string, opts Options) (*Result, error) {
	start := time.Now()
	if opts.MaxFileSize == 0 {
		opts.MaxFileSize = DefaultMaxFileSize
	}
	if opts.EvalTimeout == 0 {
		opts.EvalTimeout = DefaultEvalTimeout
	}
	opts.typeCache = openTypeCache(opts.TypeCache)
	excl, err := compileGlobs(opts.Exclude)
	if err != nil {
		return nil, err
	}
	cexcl, err := compileGlobsAt(opts.ConfigExclude, opts.ConfigDir)
	if err != nil {
		return nil, err
	}
	excl = append(excl, cexcl...)
	groups := make([][]glob, len(opts.Units))
	for i, g := range opts.Units {
		if groups[i], err = compileGlobsAt(g, opts.ConfigDir); err != nil {
			return nil, err
		}
	}
	res := &Result{}
	var files, goPatterns []string
	var goMods []goModule
	var goFiles []string
	for _, p := range paths {
		if strings.HasSuffix(filepath.ToSlash(p), "/...") || p == "..." {
			goPatterns = append(goPatterns, p)
			continue
		}
		if note := excludedNamed(p, excl); note != nil {
			res.Notifications = append(res.Notifications, *note)
			continue
		}
		found, notes, err := walk(p, excl)
		if err != nil {
			return nil, err
		}
		res.Notifications = append(res.Notifications, notes...)
		info, err := os.Stat(p)
		switch {
		case err == nil && info.IsDir():
			files = append(files, found...)
			if !opts.NoGo {
				mods, notes := goModules(p, excl, opts.MaxFileSize)
				goMods = append(goMods, mods...)
				res.Notifications = append(res.Notifications, notes...)
			}
		case strings.HasSuffix(p, ".go"):
			goFiles = append(goFiles, p)
		default:
			files = append(files, found...)
		}
	}
	files = dedupe(files)
	res.Stats.Files = len(files)
	res.Stats.Walk = time.Since(start)
	requested := map[string]bool{}
	for _, f := range files {
		requested[displayPath(f)] = true
	}
	if len(groups) > 0 {
		files = dedupe(append(files, unitMembers(groups, requested, excl, opts.ConfigDir)...))
	}
	// Go files named one by one (a pre-commit hook): their packages are
	// checked, their findings kept. A file that mentions no policy and not
	// the AWS SDK is read, not loaded, as in a directory scan. The few
	// packages are loaded while the files are scanned, for the latency of
	// a hook; directory scans only list theirs then (below), and
	// type-check them after the files, which keep the cores busy.
	byDir := map[string]map[string]bool{}
	for _, f := range goFiles {
		if holdsNoPolicy(f, opts.MaxFileSize) {
			res.Files++
			res.Stats.Skipped++
			continue
		}
		d := filepath.Dir(f)
		if byDir[d] == nil {
			byDir[d] = map[string]bool{}
		}
		byDir[d][displayPath(f)] = true
	}
	namedGo := make(chan []loadedGo, 1)
	go func() {
		var loaded []loadedGo
		for _, d := range sortedKeys(byDir) {
			t := time.Now()
			pkgs, notes := loadGo(ctx, d, []string{"."}, nil, opts)
			loaded = append(loaded, loadedGo{dir: d, pkgs: pkgs, notes: notes, took: time.Since(t)})
		}
		namedGo <- loaded
	}()
	// The modules of scanned directories are listed (go list, another
	// process) while the files are scanned, and type-checked and analysed
	// after them.
	var mods []goModule
	seenMod := map[string]bool{}
	for _, m := range goMods {
		if !seenMod[m.Dir] {
			seenMod[m.Dir] = true
			mods = append(mods, m)
		}
	}
	lists := make([]chan listed, len(mods))
	for i := range lists {
		lists[i] = make(chan listed, 1)
	}
	go func() {
		for i, m := range mods {
			lists[i] <- listGo(ctx, m.Dir, m.Packages, opts)
		}
	}()
	defer func() {
		// Go packages are type-checked by the checker, which runs its own
		// goroutines; they are scanned after the files.
		goStart := time.Now()
		if len(goPatterns) > 0 {
			fs, notes := scanGo(ctx, eng, ".", goPatterns, nil, opts, &res.Stats)
			res.Findings = append(res.Findings, fs...)
			res.Notifications = append(res.Notifications, notes...)
		}
		for i, m := range mods {
			l := <-lists[i]
			fs, notes := scanGo(ctx, eng, m.Dir, m.Packages, &l, opts, &res.Stats)
			res.Findings = append(res.Findings, fs...)
			res.Notifications = append(res.Notifications, notes...)
		}
		var loading time.Duration // of named files' packages, before now
		for _, l := range <-namedGo {
			fs, notes := analyseGo(eng, l.dir, l.pkgs, opts)
			for _, f := range fs {
				if byDir[l.dir][f.File.Path] {
					res.Findings = append(res.Findings, f)
				}
			}
			res.Notifications = append(res.Notifications, l.notes...)
			res.Notifications = append(res.Notifications, notes...)
			res.Stats.GoPackages += len(l.pkgs)
			loading += l.took
			res.Files += len(byDir[l.dir])
		}
		res.Stats.Go = time.Since(goStart) + loading
		res.Stats.GoCached = opts.typeCache.Hits()
		engine.SortFindings(res.Findings)
		res.Stats.Wall = time.Since(start)
	}()

	jobs := plan(files)
	for i := range jobs {
		jobs[i].group = -1
		for g, gl := range groups {
			if matchesAny(gl, jobs[i].paths) {
				jobs[i].group = g
				break
			}
		}
	}
	workers := opts.Workers
	if workers <= 0 {
		workers = runtime.GOMAXPROCS(0)
	}
	res.Stats.Workers = workers
	results := make([]jobResult, len(jobs))
	var wg sync.WaitGroup
	next := make(chan int)
	var mu sync.Mutex
	done, findings := 0, 0
	for range workers {
		wg.Add(1)
		go func() {
			defer wg.Done()
			for i := range next {
				results[i] = runJob(ctx, eng, jobs[i], opts)
				if opts.Progress != nil {
					mu.Lock()
					done++
					findings += len(results[i].findings)
					opts.Progress(done, len(jobs), findings)
					mu.Unlock()
				}
			}
		}()
	}
	for i := range jobs {
		next <- i
	}
	close(next)
	wg.Wait()

	// Units joined by the configuration are evaluated together.
	joined := make([]*policy.Unit, len(groups))
	for i, j := range jobs {
		if j.group < 0 || results[i].unit == nil {
			continue
		}
		joined[j.group] = merge(joined[j.group], results[i].unit, fmt.Sprintf("units[%d]", j.group))
	}
	for g, u := range joined {
		if u == nil || len(u.Documents) == 0 {
			continue
		}
		t := time.Now()
		fs, notes := evaluateJoined(ctx, eng, u, opts, groupPaths(jobs, g))
		since(&res.Stats.Evaluate, t)
		res.Stats.Units++
		for _, f := range fs {
			if requested[f.File.Path] {
				res.Findings = append(res.Findings, f)
			}
		}
		res.Notifications = append(res.Notifications, notes...)
	}

	for _, o := range results {
		for _, f := range o.findings {
			if requested[f.File.Path] {
				res.Findings = append(res.Findings, f)
			}
		}
		res.Notifications = append(res.Notifications, o.notes...)
		res.Documents += o.docs
		res.Files += o.read
		res.Stats.add(o.st)
	}
	engine.SortFindings(res.Findings)
	sort.SliceStable(res.Notifications, func(i, j int) bool { return res.Notifications[i].Path < res.Notifications[j].Path })
	return res, nil
}

func sortedKeys[V any](m map[string]V) []string {
	keys := make([]string, 0, len(m))
	for k := range m {
		keys = append(keys, k)
	}
	sort.Strings(keys)
	return keys
}

func matchesAny(globs []glob, paths []string) bool {
	for _, p := range paths {
		rel := filepath.ToSlash(displayPath(p))
		if excluded(globs, rel, filepath.Base(p)) {
			return true
		}
	}
	return false
}

// merge joins unit b into a (nil for a new unit), renumbering b's links.
func merge(a, b *policy.Unit, name string) *policy.Unit {
	if a == nil {
		a = &policy.Unit{Name: name}
	}
	off := len(a.Documents)
	a.Documents = append(a.Documents, b.Documents...)
	for _, p := range b.Principals {
		q := *p
		q.Policies = make([]int, len(p.Policies))
		for i, k := range p.Policies {
			q.Policies[i] = k + off
		}
		if q.Boundary >= 0 {
			q.Boundary += off
		}
		a.Principals = append(a.Principals, &q)
	}
	a.Identities = append(a.Identities, b.Identities...)
	a.ConfigurationSets = append(a.ConfigurationSets, b.ConfigurationSets...)
	a.Directives = append(a.Directives, b.Directives...)
	return a
}

// job is the files that form one deployment unit: a single file, or the
// .tf files of one directory (a Terraform module).
type job struct {
	paths []string
	// module is the directory of a Terraform module job.
	module string
	// group is the configured unit group the job joins (-1: none).
	group int
}

// plan groups files into jobs, in path order. A Terraform file named on
// its own (a pre-commit hook passes only the staged files) brings its
// module's other files along, for the rules that relate them; only the
// requested files' findings are reported.
func plan(files []string) []job {
	var jobs []job
	modules := map[string]int{}
	for _, f := range files {
		if isTerraform(f) {
			dir := filepath.Dir(f)
			if i, ok := modules[dir]; ok {
				jobs[i].paths = append(jobs[i].paths, f)
				continue
			}
			modules[dir] = len(jobs)
			jobs = append(jobs, job{paths: []string{f}, module: dir})
			continue
		}
		jobs = append(jobs, job{paths: []string{f}})
	}
	for i := range jobs {
		if jobs[i].module == "" {
			continue
		}
		entries, err := os.ReadDir(jobs[i].module)
		if err != nil {
			continue
		}
		have := map[string]bool{}
		for _, p := range jobs[i].paths {
			have[filepath.Clean(p)] = true
		}
		for _, e := range entries {
			p := filepath.Join(jobs[i].module, e.Name())
			if e.Type().IsRegular() && isTerraform(p) && !have[filepath.Clean(p)] {
				jobs[i].paths = append(jobs[i].paths, p)
			}
		}
		sort.Strings(jobs[i].paths)
	}
	return jobs
}

func isTerraform(p string) bool {
	lp := strings.ToLower(p)
	return strings.HasSuffix(lp, ".tf") || strings.HasSuffix(lp, ".tf.json")
}

type jobResult struct {
	findings []*engine.Finding
	notes    []Notification
	docs     int
	read     int
	// unit is kept, not evaluated, for jobs joined into a configured unit.
	unit *policy.Unit
	st   stages
}

// runJob reads, extracts and evaluates one job. A panic while doing so
// becomes a notification naming its files, so the other files are still
// reported.
func runJob(ctx context.Context, eng *engine.Engine, j job, opts Options) (r jobResult) {
	stage := fault.Read
	defer func() {
		if p := recover(); p != nil {
			r = jobResult{notes: internalErrors(j.paths, stage, p)}
		}
	}()
	var files []*policy.File
	t := time.Now()
	for _, path := range j.paths {
		f, note := readFile(path, opts)
		if note != nil {
			r.notes = append(r.notes, *note)
			continue
		}
		files = append(files, f)
		r.read++
		r.st.bytes += int64(len(f.Content))
	}
	t = since(&r.st.read, t)
	if len(files) == 0 {
		return r
	}
	stage = fault.Extract
	for _, f := range files {
		fault.Point(stage, f.Path)
	}
	var unit *policy.Unit
	if j.module != "" {
		parsed := terraform.ParseModule(files)
		t = since(&r.st.parse, t)
		unit = parsed.Unit(displayPath(j.module))
		since(&r.st.extract, t)
	} else {
		unit = extract(files[0], opts, &r.st)
	}
	if unit == nil {
		return r
	}
	r.docs = len(unit.Documents)
	if j.group >= 0 {
		// Identities and configuration sets matter to the joined unit
		// even from a file without policies.
		r.unit = unit
		return r
	}
	if len(unit.Documents) == 0 {
		return r
	}
	stage = fault.Evaluate
	for _, f := range files {
		fault.Point(stage, f.Path)
	}
	var notes []Notification
	t = time.Now()
	r.findings, notes = evaluate(ctx, eng, unit, opts)
	since(&r.st.evaluate, t)
	r.st.units++
	r.notes = append(r.notes, notes...)
	return r
}

// evaluate runs the rules on a unit and keeps the findings of the rules
// this run reports.
func evaluate(ctx context.Context, eng *engine.Engine, unit *policy.Unit, opts Options) (findings []*engine.Finding, notes []Notification) {
	addKnownIdentities(unit, opts.Identities)
	ctx, cancel := context.WithTimeout(ctx, opts.EvalTimeout)
	defer cancel()
	all, errs := eng.Check(ctx, unit, opts.Now)
	if errors.Is(ctx.Err(), context.DeadlineExceeded) {
		errs = []error{fmt.Errorf("the rules did not finish within %s (--eval-timeout); findings of %s may be missing", opts.EvalTimeout, unit.Name)}
	}
	for _, err := range errs {
		notes = append(notes, Notification{Path: unit.Name, Message: err.Error(), Error: true})
	}
	for _, fd := range all {
		if keep(fd.Rule.ID, opts) {
			if l, ok := opts.Severities[fd.Rule.ID]; ok {
				fd.Level = l
			}
			findings = append(findings, fd)
		}
	}
	return findings, notes
}

// addKnownIdentities gives a unit the identities the configuration
// declares that it does not define itself, and tells a sending
// authorization policy that names one of them which identity (account and
// region) it is attached to.
func addKnownIdentities(u *policy.Unit, known []KnownIdentity) {
	if len(known) == 0 {
		return
	}
	defined := map[string]bool{}
	for _, id := range u.Identities {
		defined[strings.ToLower(id.Name)] = true
	}
	byName := map[string]KnownIdentity{}
	for _, k := range known {
		byName[strings.ToLower(k.Name)] = k
		if !defined[strings.ToLower(k.Name)] {
			u.Identities = append(u.Identities, &policy.SESIdentity{Named: policy.Named{Name: k.Name}, Region: k.Region})
		}
	}
	for _, d := range u.Documents {
		if d.Kind != policy.SendingAuthorization || d.Identity != "" || d.Decoded == nil || d.Decoded.Root == nil {
			continue
		}
		if name := firstIdentityName(d.Decoded.Root); name != "" {
			if k, ok := byName[strings.ToLower(name)]; ok && k.Account != "" && k.Region != "" {
				d.Identity = fmt.Sprintf("arn:aws:ses:%s:%s:identity/%s", k.Region, k.Account, k.Name)
			}
		}
	}
}

// firstIdentityName is the identity name of a policy's first Resource ARN.
func firstIdentityName(root *policy.Node) string {
	st, ok := root.Get("Statement")
	if !ok {
		return ""
	}
	if st.Kind == policy.Array {
		if len(st.Elems) == 0 {
			return ""
		}
		st = st.Elems[0]
	}
	r, ok := st.Get("Resource")
	if !ok {
		return ""
	}
	if r.Kind == policy.Array {
		if len(r.Elems) == 0 {
			return ""
		}
		r = r.Elems[0]
	}
	if r.Kind != policy.String {
		return ""
	}
	if i := strings.Index(r.Text, ":identity/"); i >= 0 {
		return r.Text[i+len(":identity/"):]
	}
	return ""
}

func keep(id string, opts Options) bool {
	if len(opts.Enabled) > 0 && !opts.Enabled[id] {
		return false
	}
	return !opts.Disabled[id]
}

// extract returns the deployment unit of a file, by its name and a sniff
// of its content: a template's documents and what relates them, or a plain
// policy file's one document. A file recognised as a template that does
// not parse becomes a document holding only the parse error, so it is
// reported. nil means the file holds no policy.
func extract(f *policy.File, opts Options, st *stages) *policy.Unit {
	t := time.Now()
	defer func() { since(&st.extract, t) }()
	parsed := func() { t = since(&st.parse, t) }
	name := strings.ToLower(f.Path)
	switch {
	case strings.HasSuffix(name, ".json"):
		if !mayHoldJSON(f.Content) {
			st.skipped++
			return nil
		}
		return extractJSON(f, opts, parsed)
	case strings.HasSuffix(name, ".yaml"), strings.HasSuffix(name, ".yml"), strings.HasSuffix(name, ".template"):
		if !cfn.Sniff(f.Content) {
			st.skipped++
			return nil
		}
		tpl, err := cfn.ParseYAML(f)
		parsed()
		if err != nil {
			return single(f, unparsed(f, err))
		}
		if tpl != nil {
			return tpl.Unit()
		}
	}
	return nil
}

func single(f *policy.File, d *policy.Document) *policy.Unit {
	return &policy.Unit{Name: f.Path, Documents: []*policy.Document{d}}
}

// extractJSON decodes a .json file and returns its unit: a plain policy, a
// template, a plan, or nil. parsed is called once the text is decoded.
func extractJSON(f *policy.File, opts Options, parsed func()) *policy.Unit {
	dec := policy.DecodeJSON(f.Content, nil)
	parsed()
	templateLike := cfn.Sniff(f.Content) || terraform.SniffPlan(f.Content)
	if doc := jsonpolicy.Extract(f, dec); doc != nil && (dec.Root != nil || !templateLike) {
		for _, k := range opts.Kinds {
			if g, err := compileGlobAt(k.Glob, opts.ConfigDir); err == nil && excluded([]glob{g}, f.Path, filepath.Base(f.Path)) {
				doc.Kind = policy.DocKind(k.Kind)
				break
			}
		}
		if !doc.SESRelevant() {
			// A policy of another service: left alone, as in templates.
			return nil
		}
		return single(f, doc)
	}
	if dec.Root != nil {
		if t := cfn.FromJSON(f, dec); t != nil {
			return t.Unit()
		}
		if terraform.IsPlan(dec.Root) {
			return terraform.FromPlan(f, dec.Root)
		}
		return nil
	}
	if templateLike {
		last := dec.Errors[len(dec.Errors)-1]
		return single(f, unparsed(f, &policy.DecodeError{
			Kind: policy.ErrFileSyntax, Span: last.Span,
			Message: "JSON: " + last.Message, Fix: last.Fix,
		}))
	}
	return nil
}

// unparsed is the document of a template that could not be parsed.
func unparsed(f *policy.File, err *policy.DecodeError) *policy.Document {
	return &policy.Document{
		File: f, Kind: policy.Identity, Start: err.Span,
		Decoded: &policy.Decoded{Errors: []*policy.DecodeError{err}},
	}
}

// candidate reports whether a file name is one seslint reads.
func candidate(name string) bool {
	name = strings.ToLower(name)
	if slices.Contains(config.FileNames, name) {
		return false // seslint's own configuration
	}
	for _, ext := range []string{".json", ".yaml", ".yml", ".template", ".tf"} {
		if strings.HasSuffix(name, ext) {
			return true
		}
	}
	return false
}

func walk(root string, excl []glob) ([]string, []Notification, error) {
	info, err := os.Lstat(root)
	if err != nil {
		return nil, nil, fmt.Errorf("cannot scan %s: %w", root, err)
	}
	if !info.IsDir() {
		// A file named on the command line is read whatever its name, but
		// only if it is a regular file (or a link to one); a link named
		// there is followed, to a directory too.
		st, err := os.Stat(root)
		if err != nil {
			return nil, nil, fmt.Errorf("cannot scan %s: %w", root, err)
		}
		switch {
		case st.IsDir():
			root += string(filepath.Separator)
		case !st.Mode().IsRegular():
			return nil, nil, fmt.Errorf("cannot scan %s: %s, not a regular file or directory", root, irregularKind(st.Mode()))
		default:
			return []string{root}, nil, nil
		}
	}
	var files []string
	var notes []Notification
	err = filepath.WalkDir(root, func(p string, d fs.DirEntry, err error) error {
		if err != nil {
			if d != nil && d.IsDir() {
				notes = append(notes, Notification{Path: displayPath(p), Message: "cannot read directory: " + reason(err), Error: true})
				return fs.SkipDir
			}
			notes = append(notes, Notification{Path: displayPath(p), Message: "cannot read: " + reason(err), Error: true})
			return nil
		}
		rel := filepath.ToSlash(p)
		if d.IsDir() {
			if p != root && (skipDirs[d.Name()] || excluded(excl, rel, d.Name())) {
				return fs.SkipDir
			}
			return nil
		}
		if excluded(excl, rel, d.Name()) {
			return nil
		}
		if !d.Type().IsRegular() {
			if note := irregular(p, d); note != nil {
				notes = append(notes, *note)
			}
			return nil
		}
		if !candidate(d.Name()) {
			return nil
		}
		files = append(files, p)
		return nil
	})
	return files, notes, err
}

func dedupe(files []string) []string {
	seen := map[string]bool{}
	out := files[:0]
	for _, f := range files {
		c := filepath.Clean(f)
		if !seen[c] {
			seen[c] = true
			out = append(out, c)
		}
	}
	sort.Strings(out)
	return out
}

// displayPath makes a path relative to the working directory when it lies
// under it, slash-separated, so that output does not depend on where the
// repository is checked out.
func displayPath(p string) string {
	if filepath.IsAbs(p) {
		if wd, err := os.Getwd(); err == nil {
			if rel, err := filepath.Rel(wd, p); err == nil && !strings.HasPrefix(rel, "..") {
				p = rel
			}
		}
	}
	return filepath.ToSlash(filepath.Clean(p))
}

// loadedGo is the packages of a directory of Go files named one by one,
// loaded.
type loadedGo struct {
	dir   string
	pkgs  []*packages.Package
	notes []Notification
	took  time.Duration // loading
}
