// Command sesvet runs seslint's go/analysis pass under go vet:
//
//	go install github.com/seslint/seslint/cmd/sesvet@latest
//	go vet -vettool=$(command -v sesvet) ./...
package main

import (
	"golang.org/x/tools/go/analysis/unitchecker"

	"github.com/seslint/seslint/analyzer"
)

func main() { unitchecker.Main(analyzer.Analyzer) }
