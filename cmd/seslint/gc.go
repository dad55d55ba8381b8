package main

import (
	"os"
	"runtime/debug"
)

// Rule evaluation allocates many short-lived values, so with Go's default
// (a collection each time the heap doubles) about a third of a scan's CPU
// time goes to the garbage collector. seslint lets the heap grow
// eleven-fold between collections instead, under a soft limit that keeps a
// large scan's memory bounded: past gcLimit the collector runs as often as
// needed. A large scan reaches the limit either way; a small one (a
// thousand files) then rarely collects at all. GOGC and GOMEMLIMIT, when
// set, are obeyed instead.
const (
	gcPercent = 1000
	gcLimit   = 192 << 20
)

func tuneGC() {
	if os.Getenv("GOGC") == "" {
		debug.SetGCPercent(gcPercent)
	}
	if os.Getenv("GOMEMLIMIT") == "" {
		debug.SetMemoryLimit(gcLimit)
	}
}
