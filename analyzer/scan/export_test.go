package scan

import (
	"context"

	"github.com/seslint/seslint/analyzer/engine"
	"github.com/seslint/seslint/analyzer/policy"
	"github.com/seslint/seslint/analyzer/source/terraform"
)

// ProcessForTest does to one file's content what a scan does: text
// decoding, extraction by name and content, and evaluation. unit is nil
// when the file holds no policy; binary is true when it is not text.
func ProcessForTest(ctx context.Context, eng *engine.Engine, name string, content []byte, opts Options) (unit *policy.Unit, findings []*engine.Finding, notes []Notification, binary bool) {
	text, binaryAt := asText(content)
	if binaryAt >= 0 {
		return nil, nil, nil, true
	}
	f := policy.NewFile(name, text)
	if isTerraform(name) {
		unit = terraform.LoadModule(".", []*policy.File{f})
	} else {
		unit = extract(f, opts, &stages{})
	}
	if unit == nil || len(unit.Documents) == 0 {
		return unit, nil, nil, false
	}
	findings, notes = evaluate(ctx, eng, unit, opts)
	return unit, findings, notes, false
}
