package main

import (
	"bytes"
	"os"
	"testing"
)

// TestCatalogUpToDate checks that rego/seslint/catalog/data.json is what
// the generator makes of the shared catalog (go generate ./rego rewrites it).
func TestCatalogUpToDate(t *testing.T) {
	raw, err := os.ReadFile("../../../../shared/spec/ses-iam-catalog.json")
	if os.IsNotExist(err) {
		t.Skip("../shared/spec/ses-iam-catalog.json is not beside this checkout; skipping the up-to-date check")
	}
	if err != nil {
		t.Fatal(err)
	}
	want, err := Generate(raw)
	if err != nil {
		t.Fatal(err)
	}
	got, err := os.ReadFile("../../../rego/seslint/catalog/data.json")
	if err != nil {
		t.Fatal(err)
	}
	if !bytes.Equal(got, want) {
		t.Fatal("rego/seslint/catalog/data.json is stale: run go generate ./rego")
	}
	wantRego, err := GenerateRego(raw)
	if err != nil {
		t.Fatal(err)
	}
	gotRego, err := os.ReadFile("../../../rego/seslint/lib/catalog.rego")
	if err != nil {
		t.Fatal(err)
	}
	if !bytes.Equal(gotRego, wantRego) {
		t.Fatal("rego/seslint/lib/catalog.rego is stale: run go generate ./rego")
	}
}

func TestGenerateRejectsEmptyCatalog(t *testing.T) {
	if _, err := Generate([]byte(`{"actions": []}`)); err == nil {
		t.Fatal("want an error for a catalog without actions")
	}
	if _, err := Generate([]byte(`{`)); err == nil {
		t.Fatal("want an error for invalid JSON")
	}
}
