// Package expect reads the expected findings of seslint's fixtures and
// test repositories — expected.txt files of lines
//
//	file:line:column RULE message fragment
//
// with # comments and blank lines — and compares what a scan reported
// with them: every expected finding once, and nothing else.
package expect

import (
	"bufio"
	"fmt"
	"os"
	"sort"
	"strings"
)

// Want is one expected finding.
type Want struct {
	// Key is "file:line:column RULE".
	Key string
	// Fragment must appear in the finding's message ("" matches any).
	Fragment string
	// Line is the line of the expected file that says so.
	Line int
}

// Read reads an expected file.
func Read(path string) ([]Want, error) {
	f, err := os.Open(path)
	if err != nil {
		return nil, err
	}
	defer f.Close()
	var out []Want
	sc := bufio.NewScanner(f)
	n := 0
	for sc.Scan() {
		n++
		line := strings.TrimSpace(sc.Text())
		if line == "" || strings.HasPrefix(line, "#") {
			continue
		}
		fields := strings.SplitN(line, " ", 3)
		if len(fields) < 2 {
			return nil, fmt.Errorf("%s:%d: want `file:line:column RULE message fragment`", path, n)
		}
		w := Want{Key: fields[0] + " " + fields[1], Line: n}
		if len(fields) == 3 {
			w.Fragment = fields[2]
		}
		out = append(out, w)
	}
	return out, sc.Err()
}

// Compare matches the findings got (messages by "file:line:column RULE")
// with want, each finding at most once, and returns what is missing and
// what was not expected, sorted.
func Compare(want []Want, got map[string][]string) (missing, unexpected []string) {
	left := map[string][]string{}
	for k, msgs := range got {
		left[k] = append([]string(nil), msgs...)
	}
	for _, w := range want {
		msgs := left[w.Key]
		i := -1
		for j, m := range msgs {
			if strings.Contains(m, w.Fragment) {
				i = j
				break
			}
		}
		if i < 0 {
			missing = append(missing, fmt.Sprintf("line %d: %s %q (at that place: %q)", w.Line, w.Key, w.Fragment, msgs))
			continue
		}
		left[w.Key] = append(msgs[:i], msgs[i+1:]...)
	}
	for k, msgs := range left {
		for _, m := range msgs {
			unexpected = append(unexpected, k+" "+m)
		}
	}
	sort.Strings(missing)
	sort.Strings(unexpected)
	return missing, unexpected
}
