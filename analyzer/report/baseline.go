package report

import (
	"encoding/json"
	"fmt"
	"os"

	"github.com/seslint/seslint/analyzer/engine"
)

// ReadBaseline returns the fingerprints of the results of a SARIF file
// seslint wrote (seslint baseline -o FILE).
func ReadBaseline(path string) (map[string]bool, error) {
	b, err := os.ReadFile(path)
	if err != nil {
		return nil, fmt.Errorf("reading baseline: %w", err)
	}
	var log struct {
		Runs []struct {
			Results []struct {
				PartialFingerprints map[string]string `json:"partialFingerprints"`
			} `json:"results"`
		} `json:"runs"`
	}
	if err := json.Unmarshal(b, &log); err != nil {
		return nil, fmt.Errorf("baseline %s is not SARIF: %w", path, err)
	}
	if len(log.Runs) == 0 {
		return nil, fmt.Errorf("baseline %s holds no SARIF run", path)
	}
	known := map[string]bool{}
	for _, r := range log.Runs {
		for _, res := range r.Results {
			if fp := res.PartialFingerprints[fingerprintKey]; fp != "" {
				known[fp] = true
			}
		}
	}
	return known, nil
}

// NewSince keeps the findings whose fingerprint is not in a baseline.
func NewSince(fs []*engine.Finding, baseline map[string]bool) []*engine.Finding {
	fps := fingerprints(fs)
	var out []*engine.Finding
	for i, f := range fs {
		if !baseline[fps[i]] {
			out = append(out, f)
		}
	}
	return out
}
