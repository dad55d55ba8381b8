package report

import (
	"encoding/json"
	"fmt"
	"io"
	"strings"
	"unicode"

	"github.com/seslint/seslint/analyzer/engine"
)

// SARIF 2.1.0, the subset seslint writes. Field order follows the spec's
// examples so the output reads naturally.
type sarifLog struct {
	Schema  string     `json:"$schema"`
	Version string     `json:"version"`
	Runs    []sarifRun `json:"runs"`
}

type sarifRun struct {
	Tool        sarifTool         `json:"tool"`
	Invocations []sarifInvocation `json:"invocations"`
	Results     []sarifResult     `json:"results"`
	ColumnKind  string            `json:"columnKind"`
}

type sarifTool struct {
	Driver sarifDriver `json:"driver"`
}

type sarifDriver struct {
	Name            string      `json:"name"`
	Version         string      `json:"version"`
	SemanticVersion string      `json:"semanticVersion,omitempty"`
	InformationURI  string      `json:"informationUri"`
	Rules           []sarifRule `json:"rules"`
}

type sarifText struct {
	Text     string `json:"text"`
	Markdown string `json:"markdown,omitempty"`
}

type sarifRule struct {
	ID                   string            `json:"id"`
	Name                 string            `json:"name"`
	ShortDescription     sarifText         `json:"shortDescription"`
	FullDescription      sarifText         `json:"fullDescription"`
	Help                 sarifText         `json:"help"`
	HelpURI              string            `json:"helpUri,omitempty"`
	DefaultConfiguration sarifRuleConfig   `json:"defaultConfiguration"`
	Properties           sarifRuleProperty `json:"properties"`
}

type sarifRuleConfig struct {
	Level string `json:"level"`
}

type sarifRuleProperty struct {
	Tags             []string `json:"tags"`
	Precision        string   `json:"precision"`
	SecuritySeverity string   `json:"security-severity,omitempty"`
}

type sarifInvocation struct {
	ExecutionSuccessful        bool                `json:"executionSuccessful"`
	ToolExecutionNotifications []sarifNotification `json:"toolExecutionNotifications,omitempty"`
}

type sarifNotification struct {
	Level     string          `json:"level"`
	Message   sarifText       `json:"message"`
	Locations []sarifLocation `json:"locations,omitempty"`
}

type sarifResult struct {
	RuleID              string             `json:"ruleId"`
	RuleIndex           int                `json:"ruleIndex"`
	Level               string             `json:"level"`
	Message             sarifText          `json:"message"`
	Locations           []sarifLocation    `json:"locations"`
	PartialFingerprints map[string]string  `json:"partialFingerprints"`
	Suppressions        []sarifSuppression `json:"suppressions,omitempty"`
}

type sarifSuppression struct {
	Kind          string `json:"kind"`
	Justification string `json:"justification,omitempty"`
}

type sarifLocation struct {
	PhysicalLocation sarifPhysical `json:"physicalLocation"`
}

type sarifPhysical struct {
	ArtifactLocation sarifArtifactLocation `json:"artifactLocation"`
	Region           *sarifRegion          `json:"region,omitempty"`
}

type sarifArtifactLocation struct {
	URI       string `json:"uri"`
	URIBaseID string `json:"uriBaseId,omitempty"`
}

type sarifRegion struct {
	StartLine   int `json:"startLine"`
	StartColumn int `json:"startColumn"`
	EndLine     int `json:"endLine"`
	EndColumn   int `json:"endColumn"`
}

const srcRoot = "%SRCROOT%"

// WriteSARIF writes one SARIF 2.1.0 run: every loaded rule in rules[], one
// result per finding with a line-independent fingerprint, tool problems as
// toolExecutionNotifications.
func WriteSARIF(w io.Writer, r *Report) error {
	run := sarifRun{
		Tool: sarifTool{Driver: sarifDriver{
			Name: r.Tool.Name, Version: r.Tool.Version, InformationURI: r.Tool.InformationURI,
			Rules: []sarifRule{},
		}},
		Results:    []sarifResult{},
		ColumnKind: "unicodeCodePoints",
	}
	if v := strings.TrimPrefix(r.Tool.Version, "v"); semverLike(v) {
		run.Tool.Driver.SemanticVersion = v
	}
	index := map[string]int{}
	for i, rule := range r.Rules {
		index[rule.ID] = i
		run.Tool.Driver.Rules = append(run.Tool.Driver.Rules, sarifRuleOf(rule, r.Tool))
	}

	fps := fingerprints(r.Findings)
	for i, f := range r.Findings {
		run.Results = append(run.Results, sarifResult{
			RuleID:    f.Rule.ID,
			RuleIndex: index[f.Rule.ID],
			Level:     string(f.Level),
			Message:   sarifText{Text: sentence(f.Message)},
			Locations: []sarifLocation{{PhysicalLocation: sarifPhysical{
				ArtifactLocation: artifactLocation(f.File.Path),
				Region: &sarifRegion{
					StartLine: f.Region.Start.Line, StartColumn: f.Region.Start.Column,
					EndLine: f.Region.End.Line, EndColumn: f.Region.End.Column,
				},
			}}},
			PartialFingerprints: map[string]string{fingerprintKey: fps[i]},
			Suppressions:        suppressionsOf(f),
		})
	}

	inv := sarifInvocation{ExecutionSuccessful: true}
	for _, n := range r.Notes {
		level := "warning"
		if n.Error {
			level = "error"
			inv.ExecutionSuccessful = false
		}
		inv.ToolExecutionNotifications = append(inv.ToolExecutionNotifications, sarifNotification{
			Level:     level,
			Message:   sarifText{Text: sentence(n.Message)},
			Locations: []sarifLocation{{PhysicalLocation: sarifPhysical{ArtifactLocation: artifactLocation(n.Path)}}},
		})
	}
	run.Invocations = []sarifInvocation{inv}

	enc := json.NewEncoder(w)
	enc.SetIndent("", "  ")
	enc.SetEscapeHTML(false)
	return enc.Encode(sarifLog{
		Schema:  "https://json.schemastore.org/sarif-2.1.0.json",
		Version: "2.1.0",
		Runs:    []sarifRun{run},
	})
}

// suppressionsOf marks a finding suppressed in source, so code scanning
// shows it as dismissed rather than dropping it.
func suppressionsOf(f *engine.Finding) []sarifSuppression {
	if !f.Suppressed {
		return nil
	}
	return []sarifSuppression{{Kind: "inSource", Justification: f.Reason}}
}

func artifactLocation(p string) sarifArtifactLocation {
	if strings.HasPrefix(p, "/") {
		return sarifArtifactLocation{URI: "file://" + escapePath(p)}
	}
	return sarifArtifactLocation{URI: escapePath(p), URIBaseID: srcRoot}
}

// escapePath percent-encodes what a URI path may not hold.
func escapePath(p string) string {
	var b strings.Builder
	for i := 0; i < len(p); i++ {
		c := p[i]
		if c < 0x80 && (unicode.IsLetter(rune(c)) || unicode.IsDigit(rune(c)) || strings.IndexByte("-._~/!$&'()*+,;=:@", c) >= 0) {
			b.WriteByte(c)
		} else {
			fmt.Fprintf(&b, "%%%02X", c)
		}
	}
	return b.String()
}

func sarifRuleOf(rule *engine.Rule, tool Tool) sarifRule {
	tags := []string{rule.Category()}
	if rule.SecuritySeverity != "" {
		tags = append([]string{"security"}, tags...)
	}
	sr := sarifRule{
		ID:                   rule.ID,
		Name:                 pascal(rule.Title),
		ShortDescription:     sarifText{Text: sentence(rule.Title)},
		FullDescription:      sarifText{Text: sentence(oneLine(rule.Description))},
		Help:                 sarifText{Text: HelpText(rule), Markdown: HelpMarkdown(rule)},
		DefaultConfiguration: sarifRuleConfig{Level: string(rule.Level)},
		Properties:           sarifRuleProperty{Tags: tags, Precision: "very-high", SecuritySeverity: rule.SecuritySeverity},
	}
	if tool.DocsURI != "" && rule.Source == "builtin" {
		sr.HelpURI = tool.DocsURI + "/" + rule.ID + ".md"
	}
	return sr
}

// HelpText is a rule's help as plain text: what, why, fix, examples.
func HelpText(r *engine.Rule) string {
	var b strings.Builder
	fmt.Fprintf(&b, "%s: %s\n\n%s\n\nFix: %s\n", r.ID, r.Title, strings.TrimSpace(r.Description), strings.TrimSpace(r.Remediation))
	if r.Bad != "" {
		fmt.Fprintf(&b, "\nBad:\n%s\n", indent(r.Bad))
	}
	if r.Good != "" {
		fmt.Fprintf(&b, "\nGood:\n%s\n", indent(r.Good))
	}
	return b.String()
}

// HelpMarkdown is a rule's help as Markdown, for code scanning alerts.
func HelpMarkdown(r *engine.Rule) string {
	var b strings.Builder
	fmt.Fprintf(&b, "# %s: %s\n\n%s\n\n## How to fix\n\n%s\n", r.ID, r.Title, strings.TrimSpace(r.Description), strings.TrimSpace(r.Remediation))
	if r.Bad != "" {
		fmt.Fprintf(&b, "\n## Bad\n\n```%s\n%s\n```\n", fence(r.Bad), strings.TrimSpace(r.Bad))
	}
	if r.Good != "" {
		fmt.Fprintf(&b, "\n## Good\n\n```%s\n%s\n```\n", fence(r.Good), strings.TrimSpace(r.Good))
	}
	if r.Seed != "" {
		fmt.Fprintf(&b, "\nSource: %s.\n", seedName(r.Seed))
	}
	for _, ref := range r.Related {
		fmt.Fprintf(&b, "\n- <%s>", strings.Trim(ref, `"`))
	}
	if len(r.Related) > 0 {
		b.WriteString("\n")
	}
	return b.String()
}

// fence names the language of an example for Markdown highlighting.
func fence(example string) string {
	switch t := strings.TrimSpace(example); {
	case strings.HasPrefix(t, "{"), strings.HasPrefix(t, "["):
		return "json"
	case strings.HasPrefix(t, "resource "), strings.HasPrefix(t, "data "):
		return "hcl"
	case strings.HasPrefix(t, "package "), strings.Contains(t, ":= "):
		return "go"
	}
	return "yaml"
}

func indent(s string) string {
	lines := strings.Split(strings.TrimRight(s, "\n"), "\n")
	for i, l := range lines {
		lines[i] = "    " + l
	}
	return strings.Join(lines, "\n")
}

func oneLine(s string) string { return strings.Join(strings.Fields(s), " ") }

// sentence ends s with a full stop unless it already ends a sentence.
func sentence(s string) string {
	s = strings.TrimSpace(s)
	if s == "" || strings.ContainsAny(s[len(s)-1:], ".?!") {
		return s
	}
	return s + "."
}

func pascal(title string) string {
	var b strings.Builder
	for _, w := range strings.FieldsFunc(title, func(r rune) bool { return !unicode.IsLetter(r) && !unicode.IsDigit(r) }) {
		rs := []rune(w)
		b.WriteRune(unicode.ToUpper(rs[0]))
		b.WriteString(string(rs[1:]))
	}
	return b.String()
}

func semverLike(v string) bool {
	parts := strings.SplitN(strings.SplitN(v, "-", 2)[0], ".", 3)
	if len(parts) != 3 {
		return false
	}
	for _, p := range parts {
		if p == "" || strings.Trim(p, "0123456789") != "" {
			return false
		}
	}
	return true
}
