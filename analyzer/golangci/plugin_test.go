package golangci

import (
	"testing"

	"github.com/golangci/plugin-module-register/register"
)

func TestPluginRegistersTheAnalyzer(t *testing.T) {
	newPlugin, err := register.GetPlugin("seslint")
	if err != nil {
		t.Fatal(err)
	}
	p, err := newPlugin(nil)
	if err != nil {
		t.Fatal(err)
	}
	as, err := p.BuildAnalyzers()
	if err != nil || len(as) != 1 || as[0].Name != "seslint" {
		t.Fatalf("analyzers %v, %v", as, err)
	}
	if p.GetLoadMode() != register.LoadModeTypesInfo {
		t.Errorf("load mode %q", p.GetLoadMode())
	}
}
