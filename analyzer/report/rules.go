package report

import (
	"encoding/json"
	"fmt"
	"io"
	"strings"
	"text/tabwriter"

	"github.com/seslint/seslint/analyzer/engine"
)

// WriteRules writes the rule table (text, json or markdown) from the rules'
// metadata.
func WriteRules(w io.Writer, rules []*engine.Rule, format string) error {
	switch format {
	case "json":
		enc := json.NewEncoder(w)
		enc.SetIndent("", "  ")
		enc.SetEscapeHTML(false)
		return enc.Encode(rules)
	case "markdown":
		fmt.Fprintln(w, "| id | severity | title | source |")
		fmt.Fprintln(w, "|---|---|---|---|")
		for _, r := range rules {
			fmt.Fprintf(w, "| %s | %s | %s | %s |\n", r.ID, r.Level, strings.ReplaceAll(r.Title, "|", `\|`), seedName(r.Seed))
		}
		return nil
	default:
		tw := tabwriter.NewWriter(w, 0, 4, 2, ' ', 0)
		fmt.Fprintln(tw, "ID\tSEVERITY\tTITLE")
		for _, r := range rules {
			fmt.Fprintf(tw, "%s\t%s\t%s\n", r.ID, r.Level, r.Title)
		}
		return tw.Flush()
	}
}
