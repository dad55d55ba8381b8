// Package config reads .seslint.yaml, the project's seslint configuration,
// and reports every mistake in it at file:line:column.
package config

import (
	"bytes"
	"errors"
	"fmt"
	"io"
	"os"
	"path/filepath"
	"regexp"
	"sort"
	"strings"
	"time"

	"gopkg.in/yaml.v3"
)

// FileNames are the names seslint looks for, walking up from the scanned
// path.
var FileNames = []string{".seslint.yaml", ".seslint.yml"}

// Config is the content of .seslint.yaml.
type Config struct {
	// Path is the file it was read from.
	Path string
	// Rules holds per-rule settings by rule id.
	Rules map[string]RuleConfig
	// Exclude lists globs of paths to leave out.
	Exclude []string
	// Units lists groups of globs whose files are one deployment unit.
	Units [][]string
	// Identities are SES identities defined outside the repository.
	Identities []Identity
	// Now is the evaluation time of the time-window rules, when set.
	Now time.Time
	// Kinds maps globs of plain policy JSON files to their kind
	// (identity, boundary, scp, sending-authorization, resource).
	Kinds []KindGlob
}

// RuleConfig is one rule's setting.
type RuleConfig struct {
	// Enabled is false to turn the rule off; nil leaves it as it is.
	Enabled *bool
	// Severity, when set, replaces the rule's level: error, warning or
	// note.
	Severity string
}

// Identity is an SES identity the repository does not define.
type Identity struct {
	Name, Account, Region string
}

// KindGlob gives the files matching Glob the kind Kind.
type KindGlob struct {
	Glob, Kind string
}

// Error is a mistake in the configuration file, at a position.
type Error struct {
	Path         string
	Line, Column int
	Msg          string
}

func (e *Error) Error() string { return fmt.Sprintf("%s:%d:%d: %s", e.Path, e.Line, e.Column, e.Msg) }

// Errors are all the mistakes found in one file.
type Errors []*Error

func (es Errors) Error() string {
	msgs := make([]string, len(es))
	for i, e := range es {
		msgs[i] = e.Error()
	}
	return strings.Join(msgs, "\n")
}

// Find looks for a configuration file in dir and its parents.
func Find(dir string) (string, bool) {
	abs, err := filepath.Abs(dir)
	if err != nil {
		return "", false
	}
	if info, err := os.Stat(abs); err == nil && !info.IsDir() {
		abs = filepath.Dir(abs)
	}
	for {
		for _, n := range FileNames {
			p := filepath.Join(abs, n)
			if info, err := os.Stat(p); err == nil && info.Mode().IsRegular() {
				return p, true
			}
		}
		parent := filepath.Dir(abs)
		if parent == abs {
			return "", false
		}
		abs = parent
	}
}

// Load reads and validates a configuration file. knownRules are the rule
// ids the engine has; validGlob checks a glob pattern.
func Load(path string, knownRules []string, validGlob func(string) error) (*Config, error) {
	f, err := os.Open(path)
	if err != nil {
		return nil, err
	}
	defer f.Close()
	b, err := io.ReadAll(io.LimitReader(f, maxSize+1))
	if err != nil {
		return nil, err
	}
	if len(b) > maxSize {
		return nil, fmt.Errorf("%s is larger than %d bytes; a configuration is a few lines", path, maxSize)
	}
	return Parse(path, b, knownRules, validGlob)
}

// maxSize bounds the configuration file read.
const maxSize = 1 << 20

var yamlLine = regexp.MustCompile(`^yaml: line (\d+): (.*)$`)

// Parse validates configuration content read from path.
func Parse(path string, content []byte, knownRules []string, validGlob func(string) error) (*Config, error) {
	c := &Config{Path: path, Rules: map[string]RuleConfig{}}
	var doc yaml.Node
	if err := yaml.Unmarshal(content, &doc); err != nil {
		line, msg := 1, err.Error()
		if m := yamlLine.FindStringSubmatch(msg); m != nil {
			fmt.Sscan(m[1], &line)
			msg = m[2]
		}
		return nil, Errors{{Path: path, Line: line, Column: 1, Msg: "not valid YAML: " + strings.TrimPrefix(msg, "yaml: ")}}
	}
	if len(bytes.TrimSpace(content)) == 0 || len(doc.Content) == 0 {
		return c, nil
	}
	p := &parser{path: path, known: map[string]bool{}, validGlob: validGlob}
	for _, id := range knownRules {
		p.known[id] = true
	}
	p.knownList = knownRules
	root := doc.Content[0]
	if root.Kind != yaml.MappingNode {
		p.fail(root, "the configuration must be a mapping of rules:, exclude:, units:, identities:, now:, kinds:")
		return nil, p.errs
	}
	for i := 0; i+1 < len(root.Content); i += 2 {
		k, v := root.Content[i], root.Content[i+1]
		if v.Kind == yaml.ScalarNode && v.Tag == "!!null" {
			continue // a key with everything under it commented out
		}
		switch k.Value {
		case "rules":
			p.rules(c, v)
		case "exclude":
			c.Exclude = p.globs(v, "exclude")
		case "units":
			p.units(c, v)
		case "identities":
			p.identities(c, v)
		case "now":
			t, err := time.Parse(time.RFC3339, v.Value)
			if v.Kind != yaml.ScalarNode || err != nil {
				p.fail(v, fmt.Sprintf("now: %q is not an RFC 3339 time such as 2026-01-02T15:04:05Z", v.Value))
			}
			c.Now = t
		case "kinds":
			p.kinds(c, v)
		default:
			p.fail(k, fmt.Sprintf("unknown key %q%s (known: rules, exclude, units, identities, now, kinds)", k.Value, Suggest(k.Value, []string{"rules", "exclude", "units", "identities", "now", "kinds"})))
		}
	}
	if len(p.errs) > 0 {
		return nil, p.errs
	}
	return c, nil
}

type parser struct {
	path      string
	known     map[string]bool
	knownList []string
	validGlob func(string) error
	errs      Errors
}

func (p *parser) fail(n *yaml.Node, msg string) {
	p.errs = append(p.errs, &Error{Path: p.path, Line: n.Line, Column: n.Column, Msg: msg})
}

func (p *parser) rules(c *Config, v *yaml.Node) {
	if v.Kind != yaml.MappingNode {
		p.fail(v, "rules: must map rule ids to settings, e.g. SES601: {enabled: false}")
		return
	}
	for i := 0; i+1 < len(v.Content); i += 2 {
		k, s := v.Content[i], v.Content[i+1]
		id := strings.ToUpper(k.Value)
		if !p.known[id] {
			p.fail(k, fmt.Sprintf("rules: %q is not a seslint rule%s", k.Value, Suggest(id, p.knownList)))
			continue
		}
		if s.Kind != yaml.MappingNode {
			p.fail(s, fmt.Sprintf("rules: %s: want a mapping such as {enabled: false} or {severity: warning}", id))
			continue
		}
		rc := RuleConfig{}
		for j := 0; j+1 < len(s.Content); j += 2 {
			sk, sv := s.Content[j], s.Content[j+1]
			switch sk.Value {
			case "enabled":
				var b bool
				if err := sv.Decode(&b); err != nil || sv.Tag != "!!bool" {
					p.fail(sv, fmt.Sprintf("rules: %s: enabled must be true or false, not %q", id, sv.Value))
					continue
				}
				rc.Enabled = &b
			case "severity":
				switch sv.Value {
				case "error", "warning", "note":
					rc.Severity = sv.Value
				default:
					p.fail(sv, fmt.Sprintf("rules: %s: severity %q must be error, warning or note", id, sv.Value))
				}
			default:
				p.fail(sk, fmt.Sprintf("rules: %s: unknown setting %q (known: enabled, severity)", id, sk.Value))
			}
		}
		c.Rules[id] = rc
	}
}

func (p *parser) globs(v *yaml.Node, what string) []string {
	if v.Kind != yaml.SequenceNode {
		p.fail(v, fmt.Sprintf("%s: must be a list of globs, e.g. [\"legacy/**\"]", what))
		return nil
	}
	var out []string
	for _, g := range v.Content {
		if g.Kind != yaml.ScalarNode {
			p.fail(g, fmt.Sprintf("%s: each entry must be a glob string", what))
			continue
		}
		if err := p.validGlob(g.Value); err != nil {
			p.fail(g, fmt.Sprintf("%s: %v", what, err))
			continue
		}
		out = append(out, g.Value)
	}
	return out
}

func (p *parser) units(c *Config, v *yaml.Node) {
	if v.Kind != yaml.SequenceNode {
		p.fail(v, "units: must be a list of glob lists, e.g. - [\"org/scp/**\", \"accounts/**\"]")
		return
	}
	for _, g := range v.Content {
		if gs := p.globs(g, "units"); len(gs) > 0 {
			c.Units = append(c.Units, gs)
		}
	}
}

var accountRe = regexp.MustCompile(`^[0-9]{12}$`)

func (p *parser) identities(c *Config, v *yaml.Node) {
	if v.Kind != yaml.SequenceNode {
		p.fail(v, "identities: must be a list of {name, account, region}")
		return
	}
	for _, it := range v.Content {
		if it.Kind != yaml.MappingNode {
			p.fail(it, "identities: each entry must be a mapping {name: example.com, account: \"123456789012\", region: eu-west-1}")
			continue
		}
		var id Identity
		for j := 0; j+1 < len(it.Content); j += 2 {
			k, val := it.Content[j], it.Content[j+1]
			switch k.Value {
			case "name":
				id.Name = val.Value
			case "account":
				id.Account = val.Value
				if !accountRe.MatchString(val.Value) {
					p.fail(val, fmt.Sprintf("identities: account %q is not a 12-digit account ID (quote it so YAML keeps the leading zeros)", val.Value))
				}
			case "region":
				id.Region = val.Value
			default:
				p.fail(k, fmt.Sprintf("identities: unknown key %q (known: name, account, region)", k.Value))
			}
		}
		if id.Name == "" {
			p.fail(it, "identities: an entry needs a name (example.com or sender@example.com)")
			continue
		}
		c.Identities = append(c.Identities, id)
	}
}

var kinds = []string{"identity", "boundary", "scp", "sending-authorization", "resource"}

func (p *parser) kinds(c *Config, v *yaml.Node) {
	if v.Kind != yaml.MappingNode {
		p.fail(v, "kinds: must map globs to a kind, e.g. \"org/scp/*.json\": scp")
		return
	}
	for i := 0; i+1 < len(v.Content); i += 2 {
		k, val := v.Content[i], v.Content[i+1]
		if err := p.validGlob(k.Value); err != nil {
			p.fail(k, fmt.Sprintf("kinds: %v", err))
			continue
		}
		ok := false
		for _, kk := range kinds {
			ok = ok || kk == val.Value
		}
		if !ok {
			p.fail(val, fmt.Sprintf("kinds: %q is not a kind (%s)", val.Value, strings.Join(kinds, ", ")))
			continue
		}
		c.Kinds = append(c.Kinds, KindGlob{Glob: k.Value, Kind: val.Value})
	}
}

// Suggest returns " (did you mean X?)" for a near candidate.
func Suggest(word string, candidates []string) string {
	best, bestD := "", 3
	for _, c := range candidates {
		if d := distance(strings.ToLower(word), strings.ToLower(c)); d < bestD {
			best, bestD = c, d
		}
	}
	if best == "" {
		return ""
	}
	return fmt.Sprintf(" (did you mean %s?)", best)
}

// distance is the Levenshtein distance.
func distance(a, b string) int {
	prev := make([]int, len(b)+1)
	for j := range prev {
		prev[j] = j
	}
	for i := 1; i <= len(a); i++ {
		cur := make([]int, len(b)+1)
		cur[0] = i
		for j := 1; j <= len(b); j++ {
			cost := 1
			if a[i-1] == b[j-1] {
				cost = 0
			}
			cur[j] = min(prev[j]+1, cur[j-1]+1, prev[j-1]+cost)
		}
		prev = cur
	}
	return prev[len(b)]
}

// Template is what `seslint init` writes: every key, commented.
const Template = `# seslint configuration. seslint finds this file by walking up from the
# scanned path; --config names another. Every key is optional. Globs are
# relative to the directory of this file.

# Turn rules off, or change their level (error, warning, note).
rules:
  # SES602: {enabled: false}      # sending on "*" without a From condition
  # SES201: {severity: warning}   # SendEmail without SendRawEmail

# Paths to leave out (** spans directories).
exclude:
  # - "legacy/**"
  # - "**/testdata/**"

# Files evaluated together as one deployment unit, beside the default units
# (a template, a Terraform module, a Go package): e.g. an SCP repository
# scanned with the accounts' stacks.
units:
  # - ["org/scp/**", "accounts/**"]

# SES identities defined outside this repository, used to check send grants
# and sending authorization policies against their account and region.
identities:
  # - {name: example.com, account: "123456789012", region: eu-west-1}

# Evaluate time conditions (aws:CurrentTime) at this time instead of now.
# now: 2026-01-01T00:00:00Z

# The kind of plain policy JSON files, when their content does not say
# (identity, boundary, scp, sending-authorization, resource).
kinds:
  # "org/scp/*.json": scp
`

// ErrExists is returned by WriteTemplate when the file is there.
var ErrExists = errors.New("already exists")

// WriteTemplate writes Template to path, never over an existing file.
func WriteTemplate(path string) error {
	f, err := os.OpenFile(path, os.O_WRONLY|os.O_CREATE|os.O_EXCL, 0o644)
	if err != nil {
		if os.IsExist(err) {
			return fmt.Errorf("%s %w", path, ErrExists)
		}
		return err
	}
	if _, err := f.WriteString(Template); err != nil {
		f.Close()
		return err
	}
	return f.Close()
}

// Severities returns the per-rule level overrides.
func (c *Config) Severities() map[string]string {
	out := map[string]string{}
	for id, r := range c.Rules {
		if r.Severity != "" {
			out[id] = r.Severity
		}
	}
	return out
}

// Disabled returns the rules turned off.
func (c *Config) Disabled() []string {
	var out []string
	for id, r := range c.Rules {
		if r.Enabled != nil && !*r.Enabled {
			out = append(out, id)
		}
	}
	sort.Strings(out)
	return out
}
