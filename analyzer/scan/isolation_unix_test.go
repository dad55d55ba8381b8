//go:build unix

package scan_test

import (
	"bufio"
	"context"
	"fmt"
	"net"
	"os"
	"os/exec"
	"path/filepath"
	"regexp"
	"runtime"
	"slices"
	"strings"
	"sync/atomic"
	"testing"

	"github.com/seslint/seslint/analyzer/engine"
	"github.com/seslint/seslint/analyzer/scan"
)

// untrustedModule writes a Go module as a stranger's pull request may
// hold one: a package with a policy, a dependency that is not in the
// module cache, a newer toolchain asked for, a go:generate line and a cgo
// file, and a --rules directory with a custom rule. It returns the
// module and the rules directory.
func untrustedModule(t *testing.T) (mod, rules string) {
	mod, rules = t.TempDir(), t.TempDir()
	pwned := filepath.Join(mod, "pwned")
	writeTree(t, mod, map[string]string{
		"go.mod": "module example.com/untrusted\n\ngo 1.22\n\ntoolchain go1.99.0\n\nrequire example.com/not/in/cache v1.2.3\n",
		// With its sums known, the go command would fetch the dependency.
		"go.sum": "example.com/not/in/cache v1.2.3 h1:AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA=\n" +
			"example.com/not/in/cache v1.2.3/go.mod h1:AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA=\n",
		"policy/policy.go": "// Package policy holds a policy.\npackage policy\n\n//go:generate touch " + pwned + "\n\n// Policy is sent to IAM.\nconst Policy = `" + badPolicy + "`\n",
		"policy/cgo.go":    "package policy\n\n// #cgo LDFLAGS: -lpwned\n// #include <stdio.h>\nimport \"C\"\n",
		"dep/dep.go":       "package dep\n\nimport _ \"example.com/not/in/cache\"\n\nconst Policy = `{\"Statement\": []}`\n",
	})
	writeTree(t, rules, map[string]string{"acme/everything.rego": `# METADATA
# title: Every policy
# description: Reports every policy, to show custom rules ran.
# custom:
#   id: ACME001
#   severity: note
#   seed: custom
#   remediation: None.
package seslint.rules.acme.everything

import data.seslint.lib.result

report contains result.fail(rego.metadata.chain(), {"message": "seen", "path": ["Statement"]}) if {
	input.document.Statement
}
`})
	return mod, rules
}

// hostileGoEnv sets an environment that would let the go command reach
// the network and switch toolchains, with a module proxy that counts the
// connections made to it.
func hostileGoEnv(t *testing.T) *atomic.Int32 {
	ln, err := net.Listen("tcp", "127.0.0.1:0")
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { ln.Close() })
	var conns atomic.Int32
	go func() {
		for {
			c, err := ln.Accept()
			if err != nil {
				return
			}
			conns.Add(1)
			c.Close()
		}
	}()
	proxy := "http://" + ln.Addr().String()
	for k, v := range map[string]string{
		"GOPROXY": proxy, "GOFLAGS": "-mod=mod", "GOTOOLCHAIN": "auto", "GOSUMDB": "off",
		"GONOSUMDB": "*", "GOINSECURE": "*", "HTTP_PROXY": proxy, "HTTPS_PROXY": proxy,
		"GOMODCACHE": t.TempDir(), "GOWORK": "", "CGO_ENABLED": "1", "GOVCS": "*:all",
		// Private modules are fetched with git, bypassing the proxy.
		"GOPRIVATE": "example.com/not/*",
	} {
		t.Setenv(k, v)
	}
	return &conns
}

// isolatedScan scans the module with the custom rules and checks what it
// reports: the policy package's findings, the dependency's package named
// as not loaded.
func isolatedScan(t *testing.T, mod, rules string, network bool) {
	t.Helper()
	eng, err := engine.New(context.Background(), engine.Options{RuleDirs: []string{rules}})
	if err != nil {
		t.Fatal(err)
	}
	t.Chdir(mod)
	res, err := scan.Run(context.Background(), eng, []string{"."}, scan.Options{Now: fixtureNow, GoNetwork: network})
	if err != nil {
		t.Fatal(err)
	}
	if network {
		return
	}
	findings, notes := where(res)
	line := strings.Count("// Package policy holds a policy.\npackage policy\n\n//go:generate touch x\n\n// Policy is sent to IAM.\nconst Policy = `", "\n") + 3
	want := fmt.Sprintf("policy/policy.go:%d:%s SES107", line, strings.SplitN(badPolicyAt, ":", 2)[1])
	if !slices.Contains(findings, want) || !slices.Contains(findings, fmt.Sprintf("policy/policy.go:%d:16 ACME001", line)) {
		t.Errorf("findings %v, want %s and the custom rule's ACME001", findings, want)
	}
	if n, ok := notes["dep/dep.go:3:10"]; !ok || !n.Error || !strings.Contains(n.Message, "could not import example.com/not/in/cache") {
		t.Errorf("notifications %v, want the dependency named as not loaded", notes)
	}
	if _, err := os.Stat(filepath.Join(mod, "pwned")); err == nil {
		t.Error("the module's go:generate line ran")
	}
}

// TestLoaderAndRulesStayInside: scanning a Go module with custom rules
// connects to nothing and runs no program but `go list`, even in an
// environment that would let the go command download modules and
// toolchains. The go command is found on a PATH holding only a wrapper
// that logs its arguments, so any other program looked up by name is not
// found; where strace is installed, the scan also runs under it and every
// program started and every connection made, by any process, is checked
// (go list itself runs one program: the local compiler, for its version).
// With --go-network, the same scan does reach the proxy: the check can
// fail.
func TestLoaderAndRulesStayInside(t *testing.T) {
	if tree := os.Getenv("SESLINT_ISOLATION_TREE"); tree != "" {
		// Run by the strace check below.
		mod, rules, _ := strings.Cut(tree, string(os.PathListSeparator))
		isolatedScan(t, mod, rules, os.Getenv("SESLINT_ISOLATION_NETWORK") != "")
		return
	}
	goBin := filepath.Join(runtime.GOROOT(), "bin", "go")
	if _, err := os.Stat(goBin); err != nil {
		t.Skipf("no go command at %s: %v", goBin, err)
	}
	mod, rules := untrustedModule(t)
	conns := hostileGoEnv(t)

	bin := t.TempDir()
	log := filepath.Join(t.TempDir(), "go-calls")
	wrapper := "#!/bin/sh\nprintf '%s\\n' \"$*\" >> " + log + "\nexec " + goBin + " \"$@\"\n"
	if err := os.WriteFile(filepath.Join(bin, "go"), []byte(wrapper), 0o755); err != nil {
		t.Fatal(err)
	}
	// The programs the go command would look up by name: each logs
	// itself as a call the test refuses.
	for _, name := range []string{"git", "hg", "svn", "bzr", "fossil", "gcc", "cc", "clang", "pkg-config"} {
		fake := "#!/bin/sh\nprintf '" + name + " %s\\n' \"$*\" >> " + log + "\nexit 1\n"
		if err := os.WriteFile(filepath.Join(bin, name), []byte(fake), 0o755); err != nil {
			t.Fatal(err)
		}
	}
	t.Setenv("PATH", bin)

	t.Run("offline", func(t *testing.T) {
		isolatedScan(t, mod, rules, false)
		if n := conns.Load(); n != 0 {
			t.Errorf("%d connections to the module proxy", n)
		}
		calls, err := os.ReadFile(log)
		if err != nil {
			t.Fatal(err)
		}
		for _, c := range strings.Split(strings.TrimSpace(string(calls)), "\n") {
			if !strings.HasPrefix(c, "list ") {
				t.Errorf("go %s", c)
			}
		}
		t.Logf("go commands run:\n%s", calls)
	})

	// traced runs the scan in a copy of this test under strace and
	// returns what the trace shows.
	traced := func(t *testing.T, network bool) (problems []string, lists int) {
		strace, err := exec.LookPath("/usr/bin/strace")
		if err != nil {
			t.Skip("strace is not installed; the wrapper check covers the programs started by name")
		}
		trace := filepath.Join(t.TempDir(), "trace")
		cmd := exec.Command(strace, "-f", "-qq", "-s", "256", "-e", "trace=execve,execveat,connect", "-o", trace,
			os.Args[0], "-test.run=^TestLoaderAndRulesStayInside$", "-test.v")
		cmd.Env = append(os.Environ(), "SESLINT_ISOLATION_TREE="+mod+string(os.PathListSeparator)+rules, "PATH="+bin)
		if network {
			cmd.Env = append(cmd.Env, "SESLINT_ISOLATION_NETWORK=1")
		}
		out, err := cmd.CombinedOutput()
		if err != nil || !strings.Contains(string(out), "--- PASS: TestLoaderAndRulesStayInside") {
			t.Fatalf("the scan under strace: %v\n%s", err, out)
		}
		problems, lists, err = traceProblems(trace, goBin)
		if err != nil {
			t.Fatal(err)
		}
		return problems, lists
	}

	t.Run("strace", func(t *testing.T) {
		before := conns.Load()
		problems, lists := traced(t, false)
		for _, p := range problems {
			t.Error(p)
		}
		if lists == 0 {
			t.Error("no `go list` in the trace: did strace follow the scan?")
		}
		if n := conns.Load() - before; n != 0 {
			t.Errorf("%d connections to the module proxy", n)
		}
	})

	t.Run("strace, network allowed", func(t *testing.T) {
		problems, _ := traced(t, true)
		found := false
		for _, p := range problems {
			found = found || strings.HasPrefix(p, "a connection")
		}
		if !found {
			t.Errorf("with --go-network the trace shows no connection: the check proves nothing (%v)", problems)
		}
	})

	t.Run("network allowed", func(t *testing.T) {
		isolatedScan(t, mod, rules, true)
		if conns.Load() == 0 {
			t.Error("with --go-network the go command did not reach the proxy: the offline check proves nothing")
		}
	})
}

var (
	execRe    = regexp.MustCompile(`^\d+ +execve(?:at)?\("([^"]*)", \[([^\]]*)\]`)
	connectRe = regexp.MustCompile(`^\d+ +connect\(\d+, \{sa_family=(\w+)`)
)

// traceProblems reads strace's record: the test binary, the go wrapper
// and its shell, the go command running `list`, and the local toolchain's
// compiler asked for its version by go list, are the only programs
// started, and no process connects anywhere. It returns what breaks that
// and how many times go list ran.
func traceProblems(trace, goBin string) (problems []string, lists int, err error) {
	f, err := os.Open(trace)
	if err != nil {
		return nil, 0, err
	}
	defer f.Close()
	compiler := filepath.Join(runtime.GOROOT(), "pkg", "tool", runtime.GOOS+"_"+runtime.GOARCH, "compile")
	execs := 0
	sc := bufio.NewScanner(f)
	sc.Buffer(make([]byte, 1<<20), 1<<20)
	for sc.Scan() {
		line := sc.Text()
		if m := connectRe.FindStringSubmatch(line); m != nil {
			problems = append(problems, fmt.Sprintf("a connection (%s): %s", m[1], line))
			continue
		}
		m := execRe.FindStringSubmatch(line)
		if m == nil {
			continue
		}
		execs++
		prog, args := m[1], m[2]
		switch {
		case execs == 1 && prog == os.Args[0]:
		case strings.HasSuffix(prog, "/go") && strings.Contains(args, `"list"`):
			if prog == goBin {
				lists++
			}
		case strings.HasSuffix(prog, "/go") && strings.HasPrefix(args, `"/bin/sh"`):
			// The wrapper, by its shell.
		case prog == "/bin/sh" || prog == "/usr/bin/sh":
		case prog == compiler && args == `"`+compiler+`", "-V=full"`:
			// go list -compiled (which the loader asks for) reads the
			// local toolchain's compiler version for its build cache.
		default:
			problems = append(problems, "a program started: "+line)
		}
	}
	return problems, lists, sc.Err()
}
