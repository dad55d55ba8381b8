package main

import (
	"errors"
	"fmt"
	"io"
	"io/fs"
	"os"
	"path/filepath"

	"github.com/spf13/pflag"

	"github.com/seslint/seslint/analyzer/config"
	"github.com/seslint/seslint/analyzer/engine"
	"github.com/seslint/seslint/analyzer/scan"
)

// loadConfig reads --config, or the .seslint.yaml found walking up from the
// first scanned path; nil when there is none.
func loadConfig(eng *engine.Engine, explicit, firstPath string) (*config.Config, error) {
	path := explicit
	if path == "" {
		p, ok := config.Find(firstPath)
		if !ok {
			return nil, nil
		}
		// Errors name the file as the user would type it.
		path = p
		if wd, err := os.Getwd(); err == nil {
			if rel, err := filepath.Rel(wd, p); err == nil {
				path = rel
			}
		}
		// A link found in the scanned tree could point at any file the
		// job can read, and messages about the configuration quote it.
		if info, err := os.Lstat(p); err == nil && info.Mode()&fs.ModeSymlink != 0 {
			return nil, fmt.Errorf("configuration %s is a symbolic link; seslint does not follow a link it finds (pass --config to use it)", path)
		}
	}
	var ids []string
	for _, r := range eng.Rules() {
		ids = append(ids, r.ID)
	}
	c, err := config.Load(path, ids, scan.ValidGlob)
	if err != nil {
		var es config.Errors
		if errors.As(err, &es) {
			return nil, fmt.Errorf("invalid configuration:\n%v", es)
		}
		return nil, fmt.Errorf("reading configuration: %w", err)
	}
	return c, nil
}

// applyConfig turns the configuration into scan options; flags win (a
// --now given on the command line over now:).
func applyConfig(c *config.Config, opts *scan.Options, nowFlag bool) {
	for _, id := range c.Disabled() {
		if opts.Disabled == nil {
			opts.Disabled = map[string]bool{}
		}
		opts.Disabled[id] = true
	}
	for id, sev := range c.Severities() {
		if opts.Severities == nil {
			opts.Severities = map[string]engine.Level{}
		}
		opts.Severities[id] = engine.Level(sev)
	}
	opts.ConfigDir = filepath.Dir(c.Path)
	opts.ConfigExclude = c.Exclude
	opts.Units = c.Units
	for _, id := range c.Identities {
		opts.Identities = append(opts.Identities, scan.KnownIdentity{Name: id.Name, Account: id.Account, Region: id.Region})
	}
	for _, k := range c.Kinds {
		opts.Kinds = append(opts.Kinds, scan.KindGlob{Glob: k.Glob, Kind: k.Kind})
	}
	if !c.Now.IsZero() && !nowFlag {
		opts.Now = c.Now
	}
}

// runInit writes a commented default configuration in the current
// directory.
func runInit(args []string, stdout io.Writer) error {
	fs := pflag.NewFlagSet("seslint init", pflag.ContinueOnError)
	fs.SetOutput(stdout)
	path := ".seslint.yaml"
	fs.StringVarP(&path, "output", "o", path, "write the configuration to `FILE`")
	if err := fs.Parse(args); err != nil {
		if errors.Is(err, pflag.ErrHelp) {
			return err
		}
		return usagef("%v", err)
	}
	if err := config.WriteTemplate(path); err != nil {
		return err
	}
	fmt.Fprintf(stdout, "wrote %s\n", path)
	return nil
}
