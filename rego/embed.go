// Package rego embeds seslint's rule bundle: the Rego rules under
// seslint/rules, their shared library under seslint/lib and the SES catalog
// data under seslint/catalog.
package rego

import "embed"

//go:generate go run ../analyzer/internal/gencatalog -in ../../shared/spec/ses-iam-catalog.json -out seslint/catalog/data.json -rego seslint/lib/catalog.rego

// Bundle holds every file under seslint/, tests included; loaders skip
// files ending in _test.rego when they build the rule set.
//
//go:embed seslint
var Bundle embed.FS
