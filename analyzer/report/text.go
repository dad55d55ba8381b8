package report

import (
	"bufio"
	"fmt"
	"io"

	"github.com/seslint/seslint/analyzer/engine"
)

// TextOptions configure the text format.
type TextOptions struct {
	// Color adds ANSI colours (only for a terminal).
	Color bool
	// NoHints leaves out the fix line under each finding.
	NoHints bool
}

var levelColor = map[engine.Level]string{
	engine.LevelError:   "\x1b[1;31m",
	engine.LevelWarning: "\x1b[1;33m",
	engine.LevelNote:    "\x1b[1;36m",
}

// WriteText writes one line per finding, `path:line:col: level SESnnn:
// message`, followed by an indented fix line, then tool notifications.
func WriteText(w io.Writer, r *Report, opts TextOptions) error {
	bw := bufio.NewWriter(w)
	for _, f := range r.Findings {
		if f.Suppressed {
			continue
		}
		level := string(f.Level)
		if opts.Color {
			level = levelColor[f.Level] + level + "\x1b[0m"
		}
		fmt.Fprintf(bw, "%s:%d:%d: %s %s: %s\n", f.File.Path, f.Region.Start.Line, f.Region.Start.Column, level, f.Rule.ID, f.Message)
		if !opts.NoHints {
			if h := hint(f); h != "" {
				fmt.Fprintf(bw, "    fix: %s\n", h)
			}
		}
	}
	for _, n := range r.Notes {
		fmt.Fprintf(bw, "%s: %s\n", n.Path, n.Message)
	}
	return bw.Flush()
}

// Summary is the closing line for stderr: counts by level.
func Summary(r *Report, files, docs int) string {
	counts := map[engine.Level]int{}
	shown, suppressed := 0, 0
	for _, f := range r.Findings {
		if f.Suppressed {
			suppressed++
			continue
		}
		shown++
		counts[f.Level]++
	}
	plural := func(n int, s string) string {
		if n == 1 {
			return fmt.Sprintf("%d %s", n, s)
		}
		return fmt.Sprintf("%d %ss", n, s)
	}
	extra := ""
	if suppressed > 0 {
		extra = fmt.Sprintf(", %d suppressed in source", suppressed)
	}
	return fmt.Sprintf("%s (%s, %s, %s%s) in %s, %s",
		plural(shown, "finding"),
		plural(counts[engine.LevelError], "error"),
		plural(counts[engine.LevelWarning], "warning"),
		plural(counts[engine.LevelNote], "note"), extra,
		plural(docs, "policy document"),
		plural(files, "file"))
}
