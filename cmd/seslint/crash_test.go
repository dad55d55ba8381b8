package main

import (
	"bytes"
	"encoding/json"
	"flag"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/seslint/seslint/internal/fault"
)

var internalErrorSARIF = flag.String("internal-error-sarif", "", "write the SARIF of TestInternalErrorInEveryFormat to this `FILE` (make sarif-check validates it)")

// sarifLocations are the locations of a SARIF result or notification.
type sarifLocations []struct {
	PhysicalLocation struct {
		ArtifactLocation struct {
			URI string `json:"uri"`
		} `json:"artifactLocation"`
	} `json:"physicalLocation"`
}

type sarifOut struct {
	Runs []struct {
		Results []struct {
			RuleID    string         `json:"ruleId"`
			Locations sarifLocations `json:"locations"`
		} `json:"results"`
		Invocations []struct {
			ExecutionSuccessful        bool `json:"executionSuccessful"`
			ToolExecutionNotifications []struct {
				Level   string `json:"level"`
				Message struct {
					Text string `json:"text"`
				} `json:"message"`
				Locations sarifLocations `json:"locations"`
			} `json:"toolExecutionNotifications"`
		} `json:"invocations"`
	} `json:"runs"`
}

// TestInternalErrorInEveryFormat: a panic while processing one file, or
// while writing one of its findings, is an internal-error notification
// naming the file in text, JSON and SARIF (toolExecutionNotifications,
// executionSuccessful false), the exit status is 2, and the other file's
// finding is still written.
func TestInternalErrorInEveryFormat(t *testing.T) {
	for _, stage := range []fault.Stage{fault.Extract, fault.Report} {
		for _, format := range []string{"text", "json", "sarif"} {
			t.Run(string(stage)+"/"+format, func(t *testing.T) {
				dir := t.TempDir()
				for _, name := range []string{"a.json", "b.json"} {
					if err := os.WriteFile(filepath.Join(dir, name), []byte(unknownAction), 0o644); err != nil {
						t.Fatal(err)
					}
				}
				t.Chdir(dir)
				defer fault.Set(func(s fault.Stage, path string) {
					if s == stage && path == "b.json" {
						panic("injected")
					}
				})()
				var out, errb bytes.Buffer
				code := run([]string{fixedNow, "-f", format, "."}, &out, &errb)
				if code != exitError {
					t.Errorf("exit %d, want %d", code, exitError)
				}
				if !strings.Contains(errb.String(), "scan incomplete: 1 file(s) could not be checked") {
					t.Errorf("stderr %q", errb.String())
				}
				wantMsg := "internal error while " + string(stage) + ": injected at seslint.TestInternalErrorInEveryFormat."
				switch format {
				case "text":
					lines := strings.Split(out.String(), "\n")
					if !strings.HasPrefix(lines[0], "a.json:4:16: error SES107: ") {
						t.Errorf("first line %q", lines[0])
					}
					if !strings.Contains(out.String(), "\nb.json: "+wantMsg) || strings.Contains(out.String(), "b.json:4:16") {
						t.Errorf("output:\n%s", out.String())
					}
				case "json":
					var r struct {
						Findings []struct {
							Rule, Path   string
							Line, Column int
						}
						Notifications []struct {
							Path, Message string
							Error         bool
						}
					}
					if err := json.Unmarshal(out.Bytes(), &r); err != nil {
						t.Fatal(err)
					}
					if len(r.Findings) != 1 || r.Findings[0].Path != "a.json" || r.Findings[0].Line != 4 || r.Findings[0].Column != 16 || r.Findings[0].Rule != "SES107" {
						t.Errorf("findings %+v", r.Findings)
					}
					if len(r.Notifications) != 1 || r.Notifications[0].Path != "b.json" || !r.Notifications[0].Error || !strings.HasPrefix(r.Notifications[0].Message, wantMsg) {
						t.Errorf("notifications %+v", r.Notifications)
					}
				case "sarif":
					var r sarifOut
					if err := json.Unmarshal(out.Bytes(), &r); err != nil {
						t.Fatal(err)
					}
					run := r.Runs[0]
					if len(run.Results) != 1 || run.Results[0].RuleID != "SES107" || run.Results[0].Locations[0].PhysicalLocation.ArtifactLocation.URI != "a.json" {
						t.Errorf("results %+v", run.Results)
					}
					inv := run.Invocations[0]
					if inv.ExecutionSuccessful || len(inv.ToolExecutionNotifications) != 1 {
						t.Fatalf("invocation %+v", inv)
					}
					n := inv.ToolExecutionNotifications[0]
					if n.Level != "error" || n.Locations[0].PhysicalLocation.ArtifactLocation.URI != "b.json" ||
						!strings.HasPrefix(n.Message.Text, wantMsg) {
						t.Errorf("notification %+v", n)
					}
					if *internalErrorSARIF != "" && stage == fault.Extract {
						if err := os.WriteFile(*internalErrorSARIF, out.Bytes(), 0o644); err != nil {
							t.Fatal(err)
						}
					}
				}
			})
		}
	}
}

// TestConfigurationCannotNameAnOutput: output paths come from the command
// line only; the scanned repository's configuration has no key for one.
func TestConfigurationCannotNameAnOutput(t *testing.T) {
	dir := t.TempDir()
	for name, content := range map[string]string{"policy.json": unknownAction, ".seslint.yaml": "output: /tmp/overwritten\n"} {
		if err := os.WriteFile(filepath.Join(dir, name), []byte(content), 0o644); err != nil {
			t.Fatal(err)
		}
	}
	t.Chdir(dir)
	var out, errb bytes.Buffer
	code := run([]string{fixedNow, "."}, &out, &errb)
	if code != exitError || !strings.Contains(errb.String(), `.seslint.yaml:1:1: unknown key "output"`) {
		t.Errorf("exit %d, stderr %q", code, errb.String())
	}
}
