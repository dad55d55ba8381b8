package main

import (
	"bytes"
	"io"
	"os"
	"path/filepath"
	"regexp"
	"strings"
	"testing"
	"time"
)

// asTerminal makes every writer count as a terminal for the test.
func asTerminal(t *testing.T) {
	old := isTerminal
	isTerminal = func(io.Writer) bool { return true }
	t.Cleanup(func() { isTerminal = old })
}

func TestProgressOnATerminal(t *testing.T) {
	asTerminal(t)
	t.Chdir(repoRoot)
	var out, errb bytes.Buffer
	code := run([]string{fixedNow, "fixtures/examples"}, &out, &errb)
	if code != exitFindings {
		t.Fatalf("exit %d", code)
	}
	got := errb.String()
	// The last state drawn is the whole scan, then the line is erased and
	// the summary follows.
	final := regexp.MustCompile(`\r(seslint: 5/5 files checked, (\d+) findings)(\r *\r)(\d+) findings \(`)
	m := final.FindStringSubmatch(got)
	if m == nil {
		t.Fatalf("stderr %q: want the progress line for 5 of 5 files, erased before the summary", got)
	}
	if m[2] != m[4] {
		t.Errorf("progress counted %s findings, the summary %s", m[2], m[4])
	}
	if len(m[3]) != 2+len(m[1]) {
		t.Errorf("the erasing run of spaces %q does not cover the line", m[3])
	}
	if strings.Contains(out.String(), "\r") || strings.Contains(out.String(), "checked") {
		t.Errorf("progress on standard output: %q", out.String())
	}
	// --quiet: nothing at all on standard error.
	errb.Reset()
	run([]string{fixedNow, "--quiet", "fixtures/examples"}, io.Discard, &errb)
	if errb.Len() != 0 {
		t.Errorf("--quiet on a terminal: stderr %q", errb.String())
	}
}

func TestNoProgressWhenStderrIsNotATerminal(t *testing.T) {
	t.Chdir(repoRoot)
	f, err := os.Create(filepath.Join(t.TempDir(), "stderr"))
	if err != nil {
		t.Fatal(err)
	}
	defer f.Close()
	run([]string{fixedNow, "fixtures/examples"}, io.Discard, f)
	b, err := os.ReadFile(f.Name())
	if err != nil {
		t.Fatal(err)
	}
	if !regexp.MustCompile(`^\d+ findings \([^\r]*\n$`).Match(b) {
		t.Errorf("stderr to a file holds more than the summary: %q", b)
	}
}

func TestProgressRedrawsAtMostEvery100ms(t *testing.T) {
	var b bytes.Buffer
	now := time.Date(2026, 1, 1, 0, 0, 0, 0, time.UTC)
	p := &progress{w: &b, now: func() time.Time { return now }}
	p.update(1, 10, 0) // drawn: the first
	now = now.Add(50 * time.Millisecond)
	p.update(2, 10, 3) // too soon
	now = now.Add(60 * time.Millisecond)
	p.update(3, 10, 12) // drawn
	p.update(10, 10, 1) // drawn: the last is always drawn
	p.clear()
	p.clear() // nothing left to erase
	want := "\rseslint: 1/10 files checked, 0 findings" +
		"\rseslint: 3/10 files checked, 12 findings" +
		"\rseslint: 10/10 files checked, 1 finding " + "\rseslint: 10/10 files checked, 1 finding" +
		"\r" + strings.Repeat(" ", len("seslint: 10/10 files checked, 1 finding")) + "\r"
	if b.String() != want {
		t.Errorf("drawn:\n%q\nwant:\n%q", b.String(), want)
	}
	var nilProgress *progress
	nilProgress.clear() // a run without progress
}
