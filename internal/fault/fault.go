// Package fault names the stages of a file's processing where a panic is
// contained — the file is reported as not checked, with an internal-error
// message, and every other file's results are still written — and lets
// tests make seslint panic at a chosen stage for a chosen file, to check
// that it is. Nothing but tests installs a hook; without one, Point does
// nothing.
package fault

import (
	"fmt"
	"path/filepath"
	"runtime"
	"strings"
	"sync/atomic"
)

// Stage is a step of a file's processing.
type Stage string

// The stages a hook can interrupt.
const (
	Read     Stage = "reading"
	Extract  Stage = "extracting policies"
	Evaluate Stage = "evaluating rules"
	Report   Stage = "writing results"
	// GoPackage is the go/analysis pass over one Go package.
	GoPackage Stage = "checking Go package"
	// TypeCheck is parsing and type-checking one Go package.
	TypeCheck Stage = "type-checking Go package"
)

type hookFunc = func(stage Stage, path string)

var hook atomic.Pointer[hookFunc]

// Set installs f, called at every Point, and returns a function that
// restores the previous hook. Only tests call it.
func Set(f func(stage Stage, path string)) (restore func()) {
	prev := hook.Swap(&f)
	return func() { hook.Store(prev) }
}

// Point calls the installed hook, if any, for path at stage.
func Point(stage Stage, path string) {
	if f := hook.Load(); f != nil && *f != nil {
		(*f)(stage, path)
	}
}

// Describe is the message of a notification for a panic recovered while
// at stage: the panic and the place in seslint's code it was raised, so
// a bug report can point at it. Call it from the deferred function that
// recovers.
func Describe(stage Stage, p any) string {
	site := ""
	if s := panicSite(); s != "" {
		site = " at " + s
	}
	lost := "not checked"
	if stage == Report {
		lost = "its findings are incomplete"
	}
	return fmt.Sprintf("internal error while %s: %v%s; %s, please report this", stage, p, site, lost)
}

// panicSite is the function and line where the panic being recovered was
// raised: the first frame below the runtime's panic machinery.
func panicSite() string {
	pcs := make([]uintptr, 64)
	n := runtime.Callers(3, pcs)
	frames := runtime.CallersFrames(pcs[:n])
	sawPanic := false
	for {
		fr, more := frames.Next()
		if fr.Function == "runtime.gopanic" || strings.HasPrefix(fr.Function, "runtime.panic") {
			sawPanic = true
		} else if sawPanic && !strings.HasPrefix(fr.Function, "runtime.") {
			fn := fr.Function[strings.LastIndex(fr.Function, "/")+1:]
			return fmt.Sprintf("%s (%s:%d)", fn, filepath.Base(fr.File), fr.Line)
		}
		if !more {
			return ""
		}
	}
}
