// Package report writes scan results as text, JSON or SARIF 2.1.0.
//
// Output is deterministic: findings are sorted, paths are relative and
// slash-separated, and nothing depends on the time, the working directory
// or the command line.
package report

import (
	"crypto/sha256"
	"encoding/hex"
	"encoding/json"
	"fmt"
	"strings"

	"github.com/seslint/seslint/analyzer/engine"
	"github.com/seslint/seslint/analyzer/policy"
	"github.com/seslint/seslint/analyzer/scan"
)

// Report is everything an output format needs.
type Report struct {
	Tool     Tool
	Rules    []*engine.Rule
	Findings []*engine.Finding
	Notes    []scan.Notification
}

// Tool identifies seslint in the output.
type Tool struct {
	Name           string
	Version        string
	InformationURI string
	// DocsURI is the base of the per-rule documentation: helpUri is
	// DocsURI + "/SESnnn.md".
	DocsURI string
}

// Format is an output format.
type Format string

// Formats.
const (
	Text  Format = "text"
	JSON  Format = "json"
	SARIF Format = "sarif"
)

// fingerprintKey is the partialFingerprints key seslint writes.
const fingerprintKey = "seslint/v1"

// Fingerprint identifies a finding across runs without line numbers: the
// rule, the file, the document's owner and name, the logical place in the
// document (statements named by Sid when they have one, so inserting a
// statement above does not change it) and the offending text itself
// (white space folded; not the message, so a reworded message in a new
// seslint version does not reopen alerts). Findings with the same key get
// an occurrence number.
func Fingerprint(f *engine.Finding) string {
	var b strings.Builder
	b.WriteString(f.Rule.ID)
	b.WriteByte(0)
	b.WriteString(f.File.Path)
	b.WriteByte(0)
	if f.Doc != nil {
		b.WriteString(f.Doc.Owner)
		b.WriteByte(0)
		b.WriteString(f.Doc.Name)
	}
	b.WriteByte(0)
	b.WriteString(logicalPath(f))
	b.WriteByte(0)
	b.WriteString(offendingText(f))
	sum := sha256.Sum256([]byte(b.String()))
	return hex.EncodeToString(sum[:16])
}

// offendingText is the source text a finding points at, white space
// folded; the message for a finding about a whole document (its text would
// change with any edit of the document) or an empty span.
func offendingText(f *engine.Finding) string {
	c := f.File.Content
	if len(f.Path) == 0 || f.Span.Start < 0 || f.Span.End > len(c) || f.Span.End <= f.Span.Start {
		return f.Message
	}
	return strings.Join(strings.Fields(string(c[f.Span.Start:f.Span.End])), " ")
}

// logicalPath renders a finding's JSON path with statement indexes
// replaced by the statement's Sid, or its content.
func logicalPath(f *engine.Finding) string {
	var root *policy.Node
	if f.Doc != nil && f.Doc.Decoded != nil {
		root = f.Doc.Decoded.Root
	}
	parts := make([]string, 0, len(f.Path))
	for i, p := range f.Path {
		if n, ok := p.(int); ok && i == 1 && f.Path[0] == "Statement" && root != nil {
			if st, ok := root.Get("Statement"); ok && st.Kind == policy.Array && n < len(st.Elems) {
				parts = append(parts, statementKey(st.Elems[n]))
				continue
			}
		}
		parts = append(parts, fmt.Sprint(p))
	}
	return strings.Join(parts, "/")
}

// statementKey names a statement by its Sid, or by its content when it has
// none, so inserting or removing another statement does not change it.
func statementKey(st *policy.Node) string {
	if sid, ok := st.Get("Sid"); ok && sid.Kind == policy.String && sid.Text != "" {
		return "sid:" + sid.Text
	}
	b, _ := json.Marshal(st.Interface())
	sum := sha256.Sum256(b)
	return "stmt:" + hex.EncodeToString(sum[:6])
}

// fingerprints returns each finding's fingerprint with its occurrence
// number among findings of the same key, in output order.
func fingerprints(fs []*engine.Finding) []string {
	out := make([]string, len(fs))
	seen := map[string]int{}
	for i, f := range fs {
		k := Fingerprint(f)
		seen[k]++
		out[i] = fmt.Sprintf("%s:%d", k, seen[k])
	}
	return out
}

// hint returns the fix to show with a finding: the rule's own for this
// occurrence, or the rule's remediation folded to one line.
func hint(f *engine.Finding) string {
	if f.Fix != "" {
		return f.Fix
	}
	return strings.Join(strings.Fields(f.Rule.Remediation), " ")
}
