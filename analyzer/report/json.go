package report

import (
	"encoding/json"
	"io"
)

type jsonFinding struct {
	Rule        string `json:"rule"`
	Level       string `json:"level"`
	Title       string `json:"title"`
	Message     string `json:"message"`
	Fix         string `json:"fix,omitempty"`
	Path        string `json:"path"`
	Line        int    `json:"line"`
	Column      int    `json:"column"`
	EndLine     int    `json:"end_line"`
	EndColumn   int    `json:"end_column"`
	Fingerprint string `json:"fingerprint"`
	Suppressed  bool   `json:"suppressed,omitempty"`
	// Justification is the reason the in-source suppression gives.
	Justification string `json:"justification,omitempty"`
}

type jsonNote struct {
	Path    string `json:"path"`
	Message string `json:"message"`
	Error   bool   `json:"error"`
}

type jsonReport struct {
	Tool          string        `json:"tool"`
	Version       string        `json:"version"`
	Findings      []jsonFinding `json:"findings"`
	Notifications []jsonNote    `json:"notifications"`
}

// WriteJSON writes the findings as one JSON object.
func WriteJSON(w io.Writer, r *Report) error {
	out := jsonReport{Tool: r.Tool.Name, Version: r.Tool.Version, Findings: []jsonFinding{}, Notifications: []jsonNote{}}
	fps := fingerprints(r.Findings)
	for i, f := range r.Findings {
		out.Findings = append(out.Findings, jsonFinding{
			Rule: f.Rule.ID, Level: string(f.Level), Title: f.Rule.Title, Message: f.Message, Fix: hint(f),
			Path: f.File.Path, Line: f.Region.Start.Line, Column: f.Region.Start.Column,
			EndLine: f.Region.End.Line, EndColumn: f.Region.End.Column, Fingerprint: fps[i],
			Suppressed: f.Suppressed, Justification: f.Reason,
		})
	}
	for _, n := range r.Notes {
		out.Notifications = append(out.Notifications, jsonNote(n))
	}
	enc := json.NewEncoder(w)
	enc.SetIndent("", "  ")
	enc.SetEscapeHTML(false)
	return enc.Encode(out)
}
