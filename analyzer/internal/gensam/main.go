// Command gensam writes analyzer/source/cfn/sam_policy_templates.json: the
// AWS SAM policy templates that grant SES actions, taken from SAM's
// published definitions (samtranslator/policy_templates_data/
// policy_templates.json), so a template's `Policies: [SESCrudPolicy: ...]`
// is checked as the statements SAM deploys.
//
// Run by go generate in package cfn; TestSAMTemplatesUpToDate checks the
// checked-in file against the source when it is available.
package main

import (
	"bytes"
	"crypto/sha256"
	"encoding/hex"
	"encoding/json"
	"flag"
	"fmt"
	"os"
	"sort"
	"strings"
)

func main() {
	in := flag.String("in", "../../../../shared/corpus/realworld/aws__serverless-application-model/samtranslator/policy_templates_data/policy_templates.json", "SAM's policy_templates.json")
	out := flag.String("out", "sam_policy_templates.json", "the file to write")
	flag.Parse()
	raw, err := os.ReadFile(*in)
	if err != nil {
		fmt.Fprintln(os.Stderr, "gensam:", err)
		os.Exit(2)
	}
	data, err := Generate(raw)
	if err != nil {
		fmt.Fprintln(os.Stderr, "gensam:", err)
		os.Exit(2)
	}
	if err := os.WriteFile(*out, data, 0o644); err != nil {
		fmt.Fprintln(os.Stderr, "gensam:", err)
		os.Exit(2)
	}
}

// Generate keeps the templates whose statements name an ses: action.
func Generate(raw []byte) ([]byte, error) {
	var src struct {
		Version   string                     `json:"Version"`
		Templates map[string]json.RawMessage `json:"Templates"`
	}
	if err := json.Unmarshal(raw, &src); err != nil {
		return nil, fmt.Errorf("reading SAM policy templates: %w", err)
	}
	if len(src.Templates) == 0 {
		return nil, fmt.Errorf("no Templates in the SAM policy templates file")
	}
	names := make([]string, 0, len(src.Templates))
	for n := range src.Templates {
		names = append(names, n)
	}
	sort.Strings(names)
	keep := map[string]json.RawMessage{}
	for _, n := range names {
		var t struct {
			Definition json.RawMessage `json:"Definition"`
		}
		if err := json.Unmarshal(src.Templates[n], &t); err != nil {
			return nil, fmt.Errorf("template %s: %w", n, err)
		}
		if strings.Contains(string(t.Definition), `"ses:`) {
			keep[n] = src.Templates[n]
		}
	}
	sum := sha256.Sum256(raw)
	doc := map[string]any{
		"source": map[string]any{
			"file":       "aws/serverless-application-model samtranslator/policy_templates_data/policy_templates.json (shared/corpus/realworld copy, commit 7000d0a3b0e5e0d9fca014ce135850718aad1290)",
			"version":    src.Version,
			"sha256":     hex.EncodeToString(sum[:]),
			"written_by": "go generate ./analyzer/source/cfn (analyzer/internal/gensam)",
		},
		"templates": keep,
	}
	var buf bytes.Buffer
	enc := json.NewEncoder(&buf)
	enc.SetIndent("", "  ")
	enc.SetEscapeHTML(false)
	if err := enc.Encode(doc); err != nil {
		return nil, err
	}
	return buf.Bytes(), nil
}
