package main

import (
	"context"
	"errors"
	"io"
	"strings"

	"github.com/spf13/pflag"

	"github.com/seslint/seslint/analyzer/config"
	"github.com/seslint/seslint/analyzer/engine"
	"github.com/seslint/seslint/analyzer/report"
)

// runExplain prints a rule's documentation page, the Markdown of
// docs/rules/<id>.md, made from the rule's metadata.
func runExplain(args []string, stdout io.Writer) error {
	var dirs []string
	fs := pflag.NewFlagSet("seslint explain", pflag.ContinueOnError)
	fs.SetOutput(stdout)
	fs.Usage = func() {
		io.WriteString(stdout, "Usage: seslint explain [--rules DIR] RULE\n\nPrints what the rule finds, why, how to fix it, a bad and a good example,\nand how to suppress it.\n\n"+fs.FlagUsages())
	}
	fs.StringArrayVar(&dirs, "rules", nil, "also explain the rules in `DIR`")
	if err := fs.Parse(args); err != nil {
		if errors.Is(err, pflag.ErrHelp) {
			return err
		}
		return usagef("%v", err)
	}
	if fs.NArg() != 1 {
		return usagef("seslint explain takes one rule id, such as the first one 'seslint rules' lists")
	}
	eng, err := engine.New(context.Background(), engine.Options{RuleDirs: dirs})
	if err != nil {
		return err
	}
	arg := fs.Arg(0)
	r, ok := eng.Rule(strings.ToUpper(strings.TrimSpace(arg)))
	if !ok {
		var ids []string
		for _, r := range eng.Rules() {
			ids = append(ids, r.ID)
		}
		return usagef("no rule %q%s; 'seslint rules' lists them", arg, config.Suggest(strings.ToUpper(arg), ids))
	}
	return report.RuleDoc(stdout, r)
}
