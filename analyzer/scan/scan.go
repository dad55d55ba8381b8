// Package scan walks the paths a user names, reads every file seslint
// understands, extracts its policy documents, evaluates the rules on them
// concurrently and returns the findings in a deterministic order.
package scan

import (
	"context"
	"fmt"
	"io/fs"
	"os"
	"path/filepath"
	"runtime"
	"sort"
	"strings"
	"sync"
	"time"

	"github.com/seslint/seslint/analyzer/engine"
	"github.com/seslint/seslint/analyzer/policy"
	"github.com/seslint/seslint/analyzer/source/cfn"
	"github.com/seslint/seslint/analyzer/source/jsonpolicy"
	"github.com/seslint/seslint/analyzer/source/terraform"
)

// DefaultMaxFileSize is the largest file read by default; larger files are
// reported, not parsed.
const DefaultMaxFileSize = 10 << 20

// skipDirs are directory names never descended into: they hold other
// people's code or tool state, not the repository's policies. cdk.out is
// not among them: its *.template.json files are the deployed templates.
var skipDirs = map[string]bool{".git": true, "node_modules": true, "vendor": true, ".terraform": true}

// Options configure a scan.
type Options struct {
	// Now is the evaluation time for the time-window rules.
	Now time.Time
	// Exclude holds globs of slash-separated paths to leave out; ** matches
	// any number of directories.
	Exclude []string
	// Enabled, when not empty, keeps only these rules; Disabled drops rules.
	Enabled, Disabled map[string]bool
	// MaxFileSize bounds the files read (DefaultMaxFileSize when zero).
	MaxFileSize int64
	// Workers is the number of files processed at once (GOMAXPROCS when
	// zero).
	Workers int
	// GoNetwork lets Go package loading download missing modules
	// (default: offline, module cache only).
	GoNetwork bool
	// NoGo leaves Go packages out of directory scans.
	NoGo bool
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
}

// Run scans paths (files or directories) with the engine.
func Run(ctx context.Context, eng *engine.Engine, paths []string, opts Options) (*Result, error) {
	if opts.MaxFileSize == 0 {
		opts.MaxFileSize = DefaultMaxFileSize
	}
	excl, err := compileGlobs(opts.Exclude)
	if err != nil {
		return nil, err
	}
	res := &Result{}
	var files, goPatterns, goMods []string
	for _, p := range paths {
		if strings.HasSuffix(filepath.ToSlash(p), "/...") || p == "..." {
			goPatterns = append(goPatterns, p)
			continue
		}
		found, notes, err := walk(p, excl)
		if err != nil {
			return nil, err
		}
		files = append(files, found...)
		res.Notifications = append(res.Notifications, notes...)
		if info, err := os.Stat(p); err == nil && info.IsDir() && !opts.NoGo {
			goMods = append(goMods, goModules(p, excl)...)
		}
	}
	defer func() {
		// Go packages are type-checked by the checker, which runs its own
		// goroutines; they are scanned after the files.
		if len(goPatterns) > 0 {
			fs, notes := scanGo(ctx, eng, ".", goPatterns, opts)
			res.Findings = append(res.Findings, fs...)
			res.Notifications = append(res.Notifications, notes...)
		}
		for _, m := range dedupe(goMods) {
			fs, notes := scanGo(ctx, eng, m, []string{"./..."}, opts)
			res.Findings = append(res.Findings, fs...)
			res.Notifications = append(res.Notifications, notes...)
		}
		engine.SortFindings(res.Findings)
	}()
	files = dedupe(files)

	jobs := plan(files)
	workers := opts.Workers
	if workers <= 0 {
		workers = runtime.GOMAXPROCS(0)
	}
	results := make([]jobResult, len(jobs))
	var wg sync.WaitGroup
	next := make(chan int)
	for range workers {
		wg.Add(1)
		go func() {
			defer wg.Done()
			for i := range next {
				results[i] = runJob(ctx, eng, jobs[i], opts)
			}
		}()
	}
	for i := range jobs {
		next <- i
	}
	close(next)
	wg.Wait()

	for _, o := range results {
		res.Findings = append(res.Findings, o.findings...)
		res.Notifications = append(res.Notifications, o.notes...)
		res.Documents += o.docs
		res.Files += o.read
	}
	engine.SortFindings(res.Findings)
	sort.SliceStable(res.Notifications, func(i, j int) bool { return res.Notifications[i].Path < res.Notifications[j].Path })
	return res, nil
}

// job is the files that form one deployment unit: a single file, or the
// .tf files of one directory (a Terraform module).
type job struct {
	paths []string
	// module is the directory of a Terraform module job.
	module string
}

// plan groups files into jobs, in path order.
func plan(files []string) []job {
	var jobs []job
	modules := map[string]int{}
	for _, f := range files {
		if lf := strings.ToLower(f); strings.HasSuffix(lf, ".tf") || strings.HasSuffix(lf, ".tf.json") {
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
	return jobs
}

type jobResult struct {
	findings []*engine.Finding
	notes    []Notification
	docs     int
	read     int
}

// runJob reads, extracts and evaluates one job. A panic while doing so
// becomes a notification naming its files, so the other files are still
// reported.
func runJob(ctx context.Context, eng *engine.Engine, j job, opts Options) (r jobResult) {
	defer func() {
		if p := recover(); p != nil {
			r = jobResult{notes: []Notification{{Path: displayPath(j.paths[0]), Message: fmt.Sprintf("internal error: %v", p), Error: true}}}
		}
	}()
	var files []*policy.File
	for _, path := range j.paths {
		f, note := readFile(path, opts)
		if note != nil {
			r.notes = append(r.notes, *note)
			continue
		}
		files = append(files, f)
		r.read++
	}
	if len(files) == 0 {
		return r
	}
	var unit *policy.Unit
	if j.module != "" {
		unit = terraform.LoadModule(displayPath(j.module), files)
	} else {
		unit = extract(files[0])
	}
	if unit == nil || len(unit.Documents) == 0 {
		return r
	}
	r.docs = len(unit.Documents)
	var notes []Notification
	r.findings, notes = evaluate(ctx, eng, unit, opts)
	r.notes = append(r.notes, notes...)
	return r
}

// readFile reads a file within the size limit.
func readFile(path string, opts Options) (*policy.File, *Notification) {
	rel := displayPath(path)
	info, err := os.Stat(path)
	if err != nil {
		return nil, &Notification{Path: rel, Message: err.Error(), Error: true}
	}
	if info.Size() > opts.MaxFileSize {
		return nil, &Notification{Path: rel, Message: fmt.Sprintf("not scanned: %d bytes is over the %d-byte limit (--max-file-size)", info.Size(), opts.MaxFileSize), Error: true}
	}
	content, err := os.ReadFile(path)
	if err != nil {
		return nil, &Notification{Path: rel, Message: err.Error(), Error: true}
	}
	return policy.NewFile(rel, content), nil
}

// evaluate runs the rules on a unit and keeps the findings of the rules
// this run reports.
func evaluate(ctx context.Context, eng *engine.Engine, unit *policy.Unit, opts Options) (findings []*engine.Finding, notes []Notification) {
	all, errs := eng.Check(ctx, unit, opts.Now)
	for _, err := range errs {
		notes = append(notes, Notification{Path: unit.Name, Message: err.Error(), Error: true})
	}
	for _, fd := range all {
		if keep(fd.Rule.ID, opts) {
			findings = append(findings, fd)
		}
	}
	return findings, notes
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
func extract(f *policy.File) *policy.Unit {
	name := strings.ToLower(f.Path)
	single := func(d *policy.Document) *policy.Unit {
		return &policy.Unit{Name: f.Path, Documents: []*policy.Document{d}}
	}
	switch {
	case strings.HasSuffix(name, ".json"):
		dec := policy.DecodeJSON(f.Content, nil)
		templateLike := cfn.Sniff(f.Content) || terraform.SniffPlan(f.Content)
		if doc := jsonpolicy.Extract(f, dec); doc != nil && (dec.Root != nil || !templateLike) {
			return single(doc)
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
			return single(unparsed(f, &policy.DecodeError{
				Kind: policy.ErrFileSyntax, Span: last.Span,
				Message: "JSON: " + last.Message, Fix: last.Fix,
			}))
		}
	case strings.HasSuffix(name, ".yaml"), strings.HasSuffix(name, ".yml"), strings.HasSuffix(name, ".template"):
		if !cfn.Sniff(f.Content) {
			return nil
		}
		t, err := cfn.ParseYAML(f)
		if err != nil {
			return single(unparsed(f, err))
		}
		if t != nil {
			return t.Unit()
		}
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
		// only if it is a regular file (or a link to one).
		st, err := os.Stat(root)
		if err != nil {
			return nil, nil, fmt.Errorf("cannot scan %s: %w", root, err)
		}
		if !st.Mode().IsRegular() {
			return nil, nil, fmt.Errorf("cannot scan %s: not a regular file or directory", root)
		}
		return []string{root}, nil, nil
	}
	var files []string
	var notes []Notification
	err = filepath.WalkDir(root, func(p string, d fs.DirEntry, err error) error {
		if err != nil {
			notes = append(notes, Notification{Path: displayPath(p), Message: err.Error(), Error: true})
			if d != nil && d.IsDir() {
				return fs.SkipDir
			}
			return nil
		}
		rel := filepath.ToSlash(p)
		if d.IsDir() {
			if p != root && (skipDirs[d.Name()] || excluded(excl, rel, d.Name())) {
				return fs.SkipDir
			}
			return nil
		}
		if !d.Type().IsRegular() || !candidate(d.Name()) || excluded(excl, rel, d.Name()) {
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
