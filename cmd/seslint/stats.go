package main

import (
	"fmt"
	"io"
	"time"

	"github.com/seslint/seslint/analyzer/engine"
	"github.com/seslint/seslint/analyzer/scan"
)

// writeStats prints --stats: each stage's time and what it handled. Read,
// parse, extract and evaluate are summed over the workers, which run them
// at once.
func writeStats(w io.Writer, eng *engine.Engine, st scan.Stats, rules, rep, total time.Duration) {
	sec := func(d time.Duration) string { return fmt.Sprintf("%7.3fs", d.Seconds()) }
	ev := eng.Counters()
	fmt.Fprintf(w, "seslint stats: %s wall, %d workers (read to evaluate: time summed over the workers)\n", sec(total), st.Workers)
	fmt.Fprintf(w, "  rules    %s  rule set compiled\n", sec(rules))
	fmt.Fprintf(w, "  walk     %s  %d files to read\n", sec(st.Walk), st.Files)
	fmt.Fprintf(w, "  read     %s  %.1f MB\n", sec(st.Read), float64(st.Bytes)/(1<<20))
	fmt.Fprintf(w, "  parse    %s  %d files not parsed: their content cannot hold a policy, template or plan\n", sec(st.Parse), st.Skipped)
	fmt.Fprintf(w, "  extract  %s  %d deployment units\n", sec(st.Extract), st.Units)
	fmt.Fprintf(w, "  evaluate %s  %d queries, %d answered from the cache of identical inputs\n", sec(st.Evaluate), ev.Queries, ev.Cached)
	fmt.Fprintf(w, "  go       %s  %d packages loaded, type-checked and analysed (wall); types of %d imported packages from the type cache\n", sec(st.Go), st.GoPackages, st.GoCached)
	fmt.Fprintf(w, "  report   %s\n", sec(rep))
}
