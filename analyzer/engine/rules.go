package engine

import (
	"fmt"
	"io/fs"
	"os"
	"path"
	"path/filepath"
	"regexp"
	"sort"
	"strings"

	"github.com/open-policy-agent/opa/v1/ast"

	sesrego "github.com/seslint/seslint/rego"
)

// Level is a result's severity, named as SARIF names levels.
type Level string

// Levels, most severe first.
const (
	LevelError   Level = "error"
	LevelWarning Level = "warning"
	LevelNote    Level = "note"
)

// Rank orders levels: error 3, warning 2, note 1, anything else 0.
func (l Level) Rank() int {
	switch l {
	case LevelError:
		return 3
	case LevelWarning:
		return 2
	case LevelNote:
		return 1
	}
	return 0
}

// Valid reports whether l is one of the three levels.
func (l Level) Valid() bool { return l.Rank() > 0 }

// Rule is one rule's identity and documentation, decoded from the
// `# METADATA` block of its Rego package. Every surface that shows rules
// (SARIF rules[], `seslint rules`, docs, --help) reads it from here.
type Rule struct {
	ID          string `json:"id"`
	Title       string `json:"title"`
	Description string `json:"description"`
	Level       Level  `json:"severity"`
	Remediation string `json:"remediation"`
	// Seed names the AWS article in shared/seeds the rule comes from
	// ("000".."004"), or "catalog"/"iam" for rules built on AWS reference
	// data alone.
	Seed string `json:"seed"`
	// SecuritySeverity is GitHub's security-severity score ("0.0".."10.0")
	// for rules about security; empty otherwise.
	SecuritySeverity string   `json:"security_severity,omitempty"`
	Bad              string   `json:"bad,omitempty"`
	Good             string   `json:"good,omitempty"`
	Related          []string `json:"related,omitempty"`
	// Package is the Rego package ("seslint.rules.grammar.unknown_action").
	Package string `json:"package"`
	// Source is where the rule was loaded from: "builtin" or the file of a
	// --rules directory.
	Source string `json:"source"`
}

// Category is the second-to-last element of the rule's package.
func (r *Rule) Category() string {
	parts := strings.Split(r.Package, ".")
	if len(parts) < 2 {
		return ""
	}
	return parts[len(parts)-2]
}

var (
	ruleIDPattern  = regexp.MustCompile(`^[A-Z][A-Z0-9]*[0-9]{3}$`)
	securityPatern = regexp.MustCompile(`^(10\.0|[0-9]\.[0-9])$`)
)

// module is a parsed Rego file with where it came from.
type module struct {
	name   string
	mod    *ast.Module
	source string
}

// loadBuiltin parses every non-test Rego file of the embedded bundle and
// returns the modules and the catalog data.
func loadBuiltin() ([]module, map[string]any, error) {
	var mods []module
	data := map[string]any{}
	err := fs.WalkDir(sesrego.Bundle, "seslint", func(p string, d fs.DirEntry, err error) error {
		if err != nil || d.IsDir() {
			return err
		}
		src, err := fs.ReadFile(sesrego.Bundle, p)
		if err != nil {
			return err
		}
		switch {
		case strings.HasSuffix(p, "_test.rego"):
			return nil
		case strings.HasSuffix(p, ".rego"):
			m, err := parseModule(p, src)
			if err != nil {
				return err
			}
			mods = append(mods, module{name: p, mod: m, source: "builtin"})
		case path.Base(p) == "data.json":
			v, err := parseData(p, src)
			if err != nil {
				return err
			}
			setData(data, strings.Split(path.Dir(p), "/"), v)
		}
		return nil
	})
	return mods, data, err
}

// loadDir parses the user rules of a --rules directory (tests excluded).
func loadDir(dir string) ([]module, error) {
	var mods []module
	err := filepath.WalkDir(dir, func(p string, d fs.DirEntry, err error) error {
		if err != nil {
			return err
		}
		if d.IsDir() || !strings.HasSuffix(p, ".rego") || strings.HasSuffix(p, "_test.rego") {
			return nil
		}
		if !d.Type().IsRegular() {
			// Never opened: a named pipe would block, a link may lead
			// anywhere.
			return fmt.Errorf("%s is not a regular file", p)
		}
		src, err := os.ReadFile(p)
		if err != nil {
			return err
		}
		m, err := parseModule(p, src)
		if err != nil {
			return err
		}
		mods = append(mods, module{name: p, mod: m, source: p})
		return nil
	})
	if err != nil {
		return nil, fmt.Errorf("loading rules from %s: %w", dir, err)
	}
	if len(mods) == 0 {
		return nil, fmt.Errorf("loading rules from %s: no .rego files", dir)
	}
	return mods, nil
}

func parseModule(name string, src []byte) (*ast.Module, error) {
	return ast.ParseModuleWithOpts(name, string(src), ast.ParserOptions{
		ProcessAnnotation: true,
		RegoVersion:       ast.RegoV1,
	})
}

func setData(root map[string]any, keys []string, v any) {
	cur := root
	for i, k := range keys {
		if i == len(keys)-1 {
			cur[k] = v
			return
		}
		next, ok := cur[k].(map[string]any)
		if !ok {
			next = map[string]any{}
			cur[k] = next
		}
		cur = next
	}
}

// rulesOf decodes and validates the metadata of every rule package. A rule
// package is one under seslint.rules; it must carry one `# METADATA` block
// of scope package with a complete custom section.
func rulesOf(mods []module) ([]*Rule, error) {
	var rules []*Rule
	seen := map[string]string{}
	var problems []string
	for _, m := range mods {
		pkg := strings.TrimPrefix(m.mod.Package.Path.String(), "data.")
		if !strings.HasPrefix(pkg, "seslint.rules.") {
			continue
		}
		r, err := ruleOf(m, pkg)
		if err != nil {
			problems = append(problems, err.Error())
			continue
		}
		if other, ok := seen[r.ID]; ok {
			problems = append(problems, fmt.Sprintf("%s: rule id %s is already used by %s", m.name, r.ID, other))
			continue
		}
		seen[r.ID] = m.name
		rules = append(rules, r)
	}
	if len(problems) > 0 {
		sort.Strings(problems)
		return nil, fmt.Errorf("invalid rule metadata:\n  %s", strings.Join(problems, "\n  "))
	}
	sort.Slice(rules, func(i, j int) bool { return rules[i].ID < rules[j].ID })
	return rules, nil
}

func ruleOf(m module, pkg string) (*Rule, error) {
	var ann *ast.Annotations
	for _, a := range m.mod.Annotations {
		if a.Scope == "package" {
			ann = a
		}
	}
	if ann == nil {
		return nil, fmt.Errorf("%s: package %s has no `# METADATA` block of scope package", m.name, pkg)
	}
	str := func(key string) string {
		s, _ := ann.Custom[key].(string)
		return strings.TrimSpace(s)
	}
	r := &Rule{
		ID:               str("id"),
		Title:            strings.TrimSpace(ann.Title),
		Description:      strings.TrimSpace(ann.Description),
		Level:            Level(str("severity")),
		Remediation:      str("remediation"),
		Seed:             str("seed"),
		SecuritySeverity: str("security_severity"),
		Package:          pkg,
		Source:           m.source,
	}
	if ex, ok := ann.Custom["example"].(map[string]any); ok {
		r.Bad, _ = ex["bad"].(string)
		r.Good, _ = ex["good"].(string)
	}
	for _, rr := range ann.RelatedResources {
		r.Related = append(r.Related, rr.Ref.String())
	}
	var missing []string
	if !ruleIDPattern.MatchString(r.ID) {
		missing = append(missing, fmt.Sprintf("custom.id %q (want letters then three digits)", r.ID))
	}
	if !r.Level.Valid() {
		missing = append(missing, fmt.Sprintf("custom.severity %q (want error, warning or note)", r.Level))
	}
	if r.SecuritySeverity != "" && !securityPatern.MatchString(r.SecuritySeverity) {
		missing = append(missing, fmt.Sprintf("custom.security_severity %q (want a score such as \"7.5\")", r.SecuritySeverity))
	}
	for name, v := range map[string]string{"title": r.Title, "description": r.Description, "custom.remediation": r.Remediation} {
		if v == "" {
			missing = append(missing, name)
		}
	}
	if len(missing) > 0 {
		sort.Strings(missing)
		return nil, fmt.Errorf("%s: package %s: missing or invalid %s", m.name, pkg, strings.Join(missing, ", "))
	}
	return r, nil
}
