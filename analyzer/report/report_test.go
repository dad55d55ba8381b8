package report

import (
	"bytes"
	"context"
	"encoding/json"
	"strings"
	"testing"
	"time"

	"github.com/seslint/seslint/analyzer/engine"
	"github.com/seslint/seslint/analyzer/policy"
)

func findings(t *testing.T, src string) []*engine.Finding {
	t.Helper()
	eng, err := engine.New(context.Background(), engine.Options{})
	if err != nil {
		t.Fatal(err)
	}
	f := policy.NewFile("p.json", []byte(src))
	doc := &policy.Document{File: f, Kind: policy.Identity, Size: len(src), Decoded: policy.DecodeJSON([]byte(src), nil)}
	fs, err := eng.Eval(context.Background(), doc, time.Date(2026, 6, 1, 0, 0, 0, 0, time.UTC))
	if err != nil {
		t.Fatal(err)
	}
	var out []*engine.Finding
	for _, x := range fs {
		if x.Rule.ID == "SES107" {
			out = append(out, x)
		}
	}
	if len(out) == 0 {
		t.Fatalf("no SES107 finding in %s", src)
	}
	return out
}

// TestFingerprintsSurviveUnrelatedEdits: inserting lines and statements
// above a finding, or reformatting the file, keeps its fingerprint; a
// different offending value changes it.
func TestFingerprintsSurviveUnrelatedEdits(t *testing.T) {
	base := `{"Version": "2012-10-17", "Statement": [{"Sid": "Send", "Effect": "Allow", "Action": "ses:SendEmails", "Resource": "*"}]}`
	moved := "{\n\n  \"Version\": \"2012-10-17\",\n  \"Statement\": [\n    {\"Sid\": \"Limits\", \"Effect\": \"Allow\", \"Action\": \"ses:GetSendQuota\", \"Resource\": \"*\"},\n    {\n      \"Sid\": \"Send\",\n      \"Effect\": \"Allow\",\n      \"Action\": \"ses:SendEmails\",\n      \"Resource\": \"*\"\n    }\n  ]\n}\n"
	other := `{"Version": "2012-10-17", "Statement": [{"Sid": "Send", "Effect": "Allow", "Action": "ses:SendMail", "Resource": "*"}]}`
	a, b, c := findings(t, base)[0], findings(t, moved)[0], findings(t, other)[0]
	if a.Region.Start.Line == b.Region.Start.Line {
		t.Fatal("the edit should have moved the finding")
	}
	if Fingerprint(a) != Fingerprint(b) {
		t.Errorf("fingerprint changed after inserting lines and a statement above: %s vs %s", Fingerprint(a), Fingerprint(b))
	}
	if Fingerprint(a) == Fingerprint(c) {
		t.Error("different findings share a fingerprint")
	}
}

func TestFingerprintOccurrences(t *testing.T) {
	fs := findings(t, `{"Statement": [{"Effect": "Allow", "Action": ["ses:Frob", "ses:Frob"], "Resource": "*"}]}`)
	if len(fs) != 2 {
		t.Fatalf("%d findings", len(fs))
	}
	fps := fingerprints(fs)
	if fps[0] == fps[1] || !strings.HasSuffix(fps[0], ":1") && !strings.HasSuffix(fps[1], ":1") {
		t.Errorf("fingerprints %v", fps)
	}
}

func TestSARIFShape(t *testing.T) {
	fs := findings(t, "{\n  \"Statement\": [{\"Effect\": \"Allow\", \"Action\": \"ses:SendEmails\", \"Resource\": \"*\"}]\n}")
	eng, _ := engine.New(context.Background(), engine.Options{})
	var buf bytes.Buffer
	rep := &Report{Tool: Tool{Name: "seslint", Version: "1.2.3", InformationURI: "https://example.com"}, Rules: eng.Rules(), Findings: fs}
	if err := WriteSARIF(&buf, rep); err != nil {
		t.Fatal(err)
	}
	var log struct {
		Version string `json:"version"`
		Runs    []struct {
			ColumnKind string `json:"columnKind"`
			Tool       struct {
				Driver struct {
					SemanticVersion string `json:"semanticVersion"`
					Rules           []struct {
						ID string `json:"id"`
					} `json:"rules"`
				} `json:"driver"`
			} `json:"tool"`
			Results []struct {
				RuleID    string `json:"ruleId"`
				RuleIndex int    `json:"ruleIndex"`
				Message   struct {
					Text string `json:"text"`
				} `json:"message"`
				Locations []struct {
					PhysicalLocation struct {
						ArtifactLocation struct {
							URI       string `json:"uri"`
							URIBaseID string `json:"uriBaseId"`
						} `json:"artifactLocation"`
						Region struct {
							StartLine, StartColumn, EndLine, EndColumn int
						} `json:"region"`
					} `json:"physicalLocation"`
				} `json:"locations"`
				PartialFingerprints map[string]string `json:"partialFingerprints"`
			} `json:"results"`
		} `json:"runs"`
	}
	if err := json.Unmarshal(buf.Bytes(), &log); err != nil {
		t.Fatal(err)
	}
	run := log.Runs[0]
	if log.Version != "2.1.0" || run.ColumnKind != "unicodeCodePoints" || run.Tool.Driver.SemanticVersion != "1.2.3" {
		t.Errorf("header: %+v", log)
	}
	r := run.Results[0]
	loc := r.Locations[0].PhysicalLocation
	if r.RuleID != "SES107" || run.Tool.Driver.Rules[r.RuleIndex].ID != "SES107" {
		t.Errorf("rule %s index %d", r.RuleID, r.RuleIndex)
	}
	if loc.ArtifactLocation.URI != "p.json" || loc.ArtifactLocation.URIBaseID != "%SRCROOT%" {
		t.Errorf("artifact %+v", loc.ArtifactLocation)
	}
	if loc.Region.StartLine != 2 || loc.Region.StartColumn != 47 || loc.Region.EndLine != 2 || loc.Region.EndColumn != 63 {
		t.Errorf("region %+v", loc.Region)
	}
	if !strings.HasSuffix(r.Message.Text, "?") && !strings.HasSuffix(r.Message.Text, ".") {
		t.Errorf("message must end a sentence: %q", r.Message.Text)
	}
	if r.PartialFingerprints[fingerprintKey] == "" {
		t.Error("no fingerprint")
	}
}

func TestHelpers(t *testing.T) {
	if got := pascal("Unknown SES action"); got != "UnknownSESAction" {
		t.Errorf("pascal: %q", got)
	}
	if got := sentence("a b"); got != "a b." {
		t.Errorf("sentence: %q", got)
	}
	if got := escapePath("dir/a b#.json"); got != "dir/a%20b%23.json" {
		t.Errorf("escapePath: %q", got)
	}
	if !semverLike("0.1.0-dev") || semverLike("devel") {
		t.Error("semverLike")
	}
}
