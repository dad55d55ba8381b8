package main

import (
	"fmt"
	"io"
	"os"
	"strings"
	"sync"
	"time"
)

// progress shows a long scan's progress on a terminal: one line on
// standard error, rewritten in place (carriage return, no escape codes),
// at most every progressEvery, and erased before the report is written.
type progress struct {
	w     io.Writer
	now   func() time.Time
	mu    sync.Mutex
	last  time.Time
	width int // length of the line on screen
}

const progressEvery = 100 * time.Millisecond

// newProgress returns nil, which shows nothing, unless w is a terminal and
// the run is not --quiet.
func newProgress(w io.Writer, quiet bool) *progress {
	if quiet || !isTerminal(w) {
		return nil
	}
	return &progress{w: w, now: time.Now}
}

// isTerminal reports whether w is a character device (a tty).
var isTerminal = func(w io.Writer) bool {
	f, ok := w.(*os.File)
	if !ok {
		return false
	}
	st, err := f.Stat()
	return err == nil && st.Mode()&os.ModeCharDevice != 0
}

// update is scan.Options.Progress: done of total files (a Terraform
// module counts once) checked, findings so far.
func (p *progress) update(done, total, findings int) {
	p.mu.Lock()
	defer p.mu.Unlock()
	t := p.now()
	if done < total && t.Sub(p.last) < progressEvery {
		return
	}
	p.last = t
	unit := "files"
	if total == 1 {
		unit = "file"
	}
	line := fmt.Sprintf("seslint: %d/%d %s checked, %d finding", done, total, unit, findings)
	if findings != 1 {
		line += "s"
	}
	pad := max(p.width-len(line), 0)
	fmt.Fprintf(p.w, "\r%s%s", line, strings.Repeat(" ", pad))
	if pad > 0 {
		fmt.Fprintf(p.w, "\r%s", line)
	}
	p.width = len(line)
}

// clear erases the progress line, if one was drawn.
func (p *progress) clear() {
	if p == nil {
		return
	}
	p.mu.Lock()
	defer p.mu.Unlock()
	if p.width > 0 {
		fmt.Fprintf(p.w, "\r%s\r", strings.Repeat(" ", p.width))
		p.width = 0
	}
}
