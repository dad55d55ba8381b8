package engine

import (
	"context"
	"os"
	"path/filepath"
	"strings"
	"testing"
)

// TestCapabilitiesLeaveOutTheOutsideWorld: no builtin that reaches the
// network, the environment, the clock or randomness is available to
// rules, whatever OPA adds: none marked nondeterministic is kept.
func TestCapabilitiesLeaveOutTheOutsideWorld(t *testing.T) {
	kept := map[string]bool{}
	for _, b := range Capabilities().Builtins {
		kept[b.Name] = true
		if b.Nondeterministic {
			t.Errorf("%s is nondeterministic and kept", b.Name)
		}
	}
	for _, name := range []string{
		"http.send", "net.lookup_ip_addr", "net.cidr_contains", "opa.runtime", "time.now_ns",
		"rand.intn", "uuid.rfc4122", "json.match_schema", "json.verify_schema",
		"io.jwt.encode_sign", "io.jwt.encode_sign_raw", "io.jwt.decode_verify", "trace", "print",
		"crypto.x509.parse_and_verify_certificates",
	} {
		if kept[name] {
			t.Errorf("%s is available to rules", name)
		}
	}
	// What the built-in rules need stays.
	for _, name := range []string{"regex.match", "glob.match", "startswith", "lower", "object.get", "time.parse_rfc3339_ns"} {
		if !kept[name] {
			t.Errorf("%s is not available to rules", name)
		}
	}
}

// TestUserRulesCannotCallOutsideBuiltins: a --rules directory whose rule
// calls a left-out builtin does not load, and the error names it.
func TestUserRulesCannotCallOutsideBuiltins(t *testing.T) {
	calls := map[string]string{
		"http.send":          `http.send({"method": "GET", "url": "http://127.0.0.1:1/"})`,
		"net.lookup_ip_addr": `net.lookup_ip_addr("example.com")`,
		"opa.runtime":        `opa.runtime().env.HOME`,
		"time.now_ns":        `time.now_ns() > 0`,
		"rand.intn":          `rand.intn("x", 10) > 0`,
		"uuid.rfc4122":       `uuid.rfc4122("x")`,
		"json.match_schema":  `json.match_schema({}, {"$ref": "http://127.0.0.1:1/schema.json"})`,
		"json.verify_schema": `json.verify_schema({"$ref": "http://127.0.0.1:1/schema.json"})`,
		"io.jwt.encode_sign": `io.jwt.encode_sign({"alg": "HS256"}, {}, {"kty": "oct", "k": "AA"})`,
		"trace":              `trace("x")`,
	}
	for name, call := range calls {
		t.Run(name, func(t *testing.T) {
			dir := t.TempDir()
			src := `# METADATA
# title: Reaches outside
# description: Must not load.
# custom:
#   id: EVIL001
#   severity: error
#   seed: custom
#   remediation: None.
package seslint.rules.evil.outside

import data.seslint.lib.result

report contains result.fail(rego.metadata.chain(), {"message": "x", "path": []}) if {
	` + call + `
}
`
			if err := os.WriteFile(filepath.Join(dir, "outside.rego"), []byte(src), 0o644); err != nil {
				t.Fatal(err)
			}
			_, err := New(context.Background(), Options{RuleDirs: []string{dir}})
			if err == nil || !strings.Contains(err.Error(), name) {
				t.Errorf("error %v, want one naming %s", err, name)
			}
		})
	}
}
