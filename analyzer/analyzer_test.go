package analyzer_test

import (
	"testing"

	"golang.org/x/tools/go/analysis/analysistest"

	"github.com/seslint/seslint/analyzer"
)

func init() {
	// The time-window rules evaluate at a fixed time in tests.
	if err := analyzer.Analyzer.Flags.Set("now", "2026-06-01T00:00:00Z"); err != nil {
		panic(err)
	}
}

func TestAnalyzer(t *testing.T) {
	analysistest.Run(t, analysistest.TestData(), analyzer.Analyzer, "literals", "policies", "sdk", "clean", "suppress",
		"rules/grammar", "rules/send", "rules/resource", "rules/authorization", "rules/guardrail", "rules/privilege", "rules/directive", "rules/policycount")
}

func TestSuggestedFixes(t *testing.T) {
	analysistest.RunWithSuggestedFixes(t, analysistest.TestData(), analyzer.Analyzer, "fixes")
}
