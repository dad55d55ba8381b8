// Package golangci registers seslint's analyzer as a golangci-lint module
// plugin. Build a custom golangci-lint with it (golangci-lint custom) using
// a .custom-gcl.yml such as:
//
//	version: v2.15.0
//	plugins:
//	  - module: github.com/seslint/seslint
//	    import: github.com/seslint/seslint/analyzer/golangci
//	    version: latest
//
// and enable it in .golangci.yml (uniq-by-line: false keeps two findings
// on one line of a policy):
//
//	version: "2"
//	linters:
//	  default: none
//	  enable: [seslint]
//	  settings:
//	    custom:
//	      seslint:
//	        type: module
//	        description: IAM and SES policy mistakes in Go
//	issues:
//	  uniq-by-line: false
package golangci

import (
	"github.com/golangci/plugin-module-register/register"
	"golang.org/x/tools/go/analysis"

	"github.com/seslint/seslint/analyzer"
)

func init() {
	register.Plugin("seslint", New)
}

// New returns the plugin; seslint takes no settings.
func New(any) (register.LinterPlugin, error) { return plugin{}, nil }

type plugin struct{}

// BuildAnalyzers returns seslint's go/analysis pass.
func (plugin) BuildAnalyzers() ([]*analysis.Analyzer, error) {
	return []*analysis.Analyzer{analyzer.Analyzer}, nil
}

// GetLoadMode asks for type information: the pass reads constant values
// and the types of AWS SDK inputs.
func (plugin) GetLoadMode() string { return register.LoadModeTypesInfo }
