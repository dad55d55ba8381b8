package scan_test

import (
	"context"
	"fmt"
	"reflect"
	"sort"
	"testing"

	"github.com/seslint/seslint/analyzer/scan"
)

// TestSuppression checks which findings the CloudFormation Metadata
// directives of fixtures/cloudformation/SES001 suppress, with which
// reason, and that --disable does not make a directive look stale.
func TestSuppression(t *testing.T) {
	eng := newEngine(t)
	run := func(opts scan.Options) []string {
		opts.Now = fixtureNow
		res, err := scan.Run(context.Background(), eng, []string{"../../fixtures/cloudformation/SES001"}, opts)
		if err != nil {
			t.Fatal(err)
		}
		var got []string
		for _, f := range res.Findings {
			s := fmt.Sprintf("%s:%d:%d %s", f.File.Path[len("../../fixtures/cloudformation/SES001/"):], f.Region.Start.Line, f.Region.Start.Column, f.Rule.ID)
			if f.Suppressed {
				s += " suppressed: " + f.Reason
			}
			got = append(got, s)
		}
		sort.Strings(got)
		return got
	}
	want := []string{
		"bad.yaml:14:11 SES001",
		"bad.yaml:13:11 SES001",
		"bad.yaml:28:25 SES201 suppressed: this role only calls the SES v2 API, which has no SendRawEmail",
		"bad.yaml:29:27 SES602 suppressed: ",
		"bad.yaml:5:14 SES001",
		"good.json:25:59 SES201 suppressed: this role only calls the SES v2 API, which has no SendRawEmail",
		"good.json:25:88 SES602 suppressed: the account verifies exactly one identity",
	}
	sort.Strings(want)
	if got := run(scan.Options{}); !reflect.DeepEqual(got, want) {
		t.Errorf("findings:\n%q\nwant\n%q", got, want)
	}
	// With SES201 turned off, its directive still matched: no new SES001.
	var withoutSES201 []string
	for _, w := range want {
		if !contains(w, " SES201 ") {
			withoutSES201 = append(withoutSES201, w)
		}
	}
	if got := run(scan.Options{Disabled: map[string]bool{"SES201": true}}); !reflect.DeepEqual(got, withoutSES201) {
		t.Errorf("with --disable SES201:\n%q\nwant\n%q", got, withoutSES201)
	}
}

func contains(s, sub string) bool {
	for i := 0; i+len(sub) <= len(s); i++ {
		if s[i:i+len(sub)] == sub {
			return true
		}
	}
	return false
}
