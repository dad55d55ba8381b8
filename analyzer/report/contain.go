package report

import (
	"fmt"
	"sort"

	"github.com/seslint/seslint/analyzer/engine"
	"github.com/seslint/seslint/analyzer/scan"
	"github.com/seslint/seslint/internal/fault"
)

// LeaveOutBroken takes out of the report the findings that cannot be
// written — working out their fingerprint, text or location panics, or
// the location is no line and column of the file — and names each file
// they are in with an internal-error notification, so that one bad
// finding does not lose every other file's results. Call it before
// writing; the writers compute nothing it has not computed.
func (r *Report) LeaveOutBroken() {
	kept := make([]*engine.Finding, 0, len(r.Findings))
	noted := map[string]bool{}
	for _, f := range r.Findings {
		path, problem := checkWritable(f)
		if problem == "" {
			kept = append(kept, f)
			continue
		}
		if !noted[path] {
			noted[path] = true
			r.Notes = append(r.Notes, scan.Notification{Path: path, Message: problem, Error: true})
		}
	}
	if len(noted) == 0 {
		return
	}
	r.Findings = kept
	sort.SliceStable(r.Notes, func(i, j int) bool { return r.Notes[i].Path < r.Notes[j].Path })
}

// checkWritable computes what every format writes of a finding, and
// returns the problem that prevents writing it ("" for none) with the
// path of its file.
func checkWritable(f *engine.Finding) (path, problem string) {
	path = "(unknown file)"
	defer func() {
		if p := recover(); p != nil {
			problem = fault.Describe(fault.Report, p)
		}
	}()
	path = f.File.Path
	fault.Point(fault.Report, path)
	_ = Fingerprint(f)
	_, _, _ = hint(f), sentence(f.Message), f.Rule.Title
	_, _ = artifactLocation(path), suppressionsOf(f)
	s, e := f.Region.Start, f.Region.End
	lines := f.File.Position(len(f.File.Content)).Line
	if s.Line < 1 || s.Column < 1 || e.Line < s.Line || (e.Line == s.Line && e.Column < s.Column) || e.Line > lines {
		return path, fmt.Sprintf("internal error while %s: %s has no valid position (%d:%d to %d:%d); its findings are incomplete, please report this",
			fault.Report, f.Rule.ID, s.Line, s.Column, e.Line, e.Column)
	}
	return path, ""
}
