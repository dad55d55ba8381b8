package scan

import (
	"fmt"
	"os"
	"path"
	"path/filepath"
	"regexp"
	"strings"
)

// glob is a compiled --exclude pattern. Patterns use path.Match syntax on
// slash-separated paths, plus ** for any number of directories. A pattern
// without a slash also matches a file or directory name anywhere.
type glob struct {
	pattern string
	re      *regexp.Regexp
	name    bool
	// base, when set, is the absolute directory the pattern is relative
	// to (the configuration file's); paths are matched relative to it,
	// and paths outside it never match. Otherwise patterns match paths
	// as seslint prints them, relative to the working directory.
	base, wd string
}

func compileGlobs(patterns []string) ([]glob, error) {
	return compileGlobsAt(patterns, "")
}

// compileGlobsAt compiles patterns relative to the directory base ("" for
// the working directory).
func compileGlobsAt(patterns []string, base string) ([]glob, error) {
	var out []glob
	for _, p := range patterns {
		g, err := compileGlobAt(p, base)
		if err != nil {
			return nil, err
		}
		out = append(out, g)
	}
	return out, nil
}

func compileGlobAt(p, base string) (glob, error) {
	g, err := compileGlob(p)
	if err != nil || base == "" {
		return g, err
	}
	if g.base, err = filepath.Abs(base); err != nil {
		return glob{}, err
	}
	if g.wd, err = os.Getwd(); err != nil {
		return glob{}, err
	}
	return g, nil
}

func compileGlob(p string) (glob, error) {
	if _, err := path.Match(strings.ReplaceAll(p, "**", "*"), ""); err != nil {
		return glob{}, fmt.Errorf("invalid glob %q: %w", p, err)
	}
	var b strings.Builder
	b.WriteString("^")
	for i := 0; i < len(p); i++ {
		c := p[i]
		switch {
		case c == '*' && i+1 < len(p) && p[i+1] == '*':
			i++
			if i+1 < len(p) && p[i+1] == '/' {
				i++
				b.WriteString("(?:.*/)?")
			} else {
				b.WriteString(".*")
			}
		case c == '*':
			b.WriteString("[^/]*")
		case c == '?':
			b.WriteString("[^/]")
		case c == '[':
			j := strings.IndexByte(p[i:], ']')
			if j < 0 {
				return glob{}, fmt.Errorf("invalid glob %q: unclosed [", p)
			}
			class := p[i+1 : i+j]
			if strings.HasPrefix(class, "!") {
				class = "^" + class[1:]
			}
			b.WriteString("[" + class + "]")
			i += j
		case c == '\\' && i+1 < len(p):
			i++
			b.WriteString(regexp.QuoteMeta(string(p[i])))
		default:
			b.WriteString(regexp.QuoteMeta(string(c)))
		}
	}
	b.WriteString("$")
	re, err := regexp.Compile(b.String())
	if err != nil {
		return glob{}, fmt.Errorf("invalid glob %q: %w", p, err)
	}
	return glob{pattern: p, re: re, name: !strings.Contains(p, "/")}, nil
}

// excluded reports whether a slash-separated path (or its base name, for
// patterns without a slash) matches any pattern.
func excluded(globs []glob, rel, name string) bool {
	rel = strings.TrimPrefix(rel, "./")
	for _, g := range globs {
		p := rel
		if g.base != "" {
			var ok bool
			if p, ok = g.relative(rel); !ok {
				continue
			}
		}
		if g.re.MatchString(p) || (g.name && g.re.MatchString(name)) {
			return true
		}
	}
	return false
}

// relative returns path p (relative to the working directory, or
// absolute) relative to the glob's base, slash-separated; false when p is
// not under the base.
func (g glob) relative(p string) (string, bool) {
	abs := filepath.FromSlash(p)
	if !filepath.IsAbs(abs) {
		abs = filepath.Join(g.wd, abs)
	}
	r, err := filepath.Rel(g.base, abs)
	if err != nil || r == ".." || strings.HasPrefix(r, ".."+string(filepath.Separator)) {
		return "", false
	}
	return filepath.ToSlash(r), true
}

// ValidGlob reports whether an --exclude or configuration glob compiles.
func ValidGlob(p string) error {
	_, err := compileGlob(p)
	return err
}
