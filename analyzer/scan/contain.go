package scan

import (
	"context"

	"github.com/seslint/seslint/analyzer/engine"
	"github.com/seslint/seslint/analyzer/policy"
	"github.com/seslint/seslint/internal/fault"
)

// internalErrors are the notifications of a panic while processing the
// files of a job: each file is named as not checked. Call it from the
// deferred function that recovers.
func internalErrors(paths []string, stage fault.Stage, p any) []Notification {
	msg := fault.Describe(stage, p)
	notes := make([]Notification, len(paths))
	for i, path := range paths {
		notes[i] = Notification{Path: displayPath(path), Message: msg, Error: true}
	}
	return notes
}

// evaluateJoined evaluates a unit joined from the files of several jobs
// (.seslint.yaml units:); a panic becomes an internal error for each of
// those files.
func evaluateJoined(ctx context.Context, eng *engine.Engine, u *policy.Unit, opts Options, paths []string) (fs []*engine.Finding, notes []Notification) {
	defer func() {
		if p := recover(); p != nil {
			fs, notes = nil, internalErrors(paths, fault.Evaluate, p)
		}
	}()
	for _, p := range paths {
		fault.Point(fault.Evaluate, displayPath(p))
	}
	return evaluate(ctx, eng, u, opts)
}

// groupPaths lists the files of the jobs joined into group g.
func groupPaths(jobs []job, g int) []string {
	var paths []string
	for _, j := range jobs {
		if j.group == g {
			paths = append(paths, j.paths...)
		}
	}
	return paths
}
