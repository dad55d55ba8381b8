package main

import (
	"bytes"
	"encoding/json"
	"fmt"
	"go/parser"
	"go/token"
	"io"
	"io/fs"
	"os"
	"path/filepath"
	"runtime"
	"strings"
	"sync"

	"github.com/hashicorp/hcl/v2"
	"github.com/hashicorp/hcl/v2/hclsyntax"
	"gopkg.in/yaml.v3"
)

// floor is the parse-only floor: walk the tree, read every file and decode
// it with the parser of its format — YAML with yaml.v3 (to nodes, every
// document of the file), JSON with encoding/json, HCL with hclsyntax, Go
// with go/parser — on all cores, and nothing else. It is what any tool
// that reads the whole repository pays at least.
func floor(args []string) int {
	if len(args) != 1 {
		fmt.Fprintln(os.Stderr, "usage: bench floor DIR")
		return 2
	}
	var files []string
	err := filepath.WalkDir(args[0], func(p string, d fs.DirEntry, err error) error {
		if err != nil {
			return err
		}
		if d.IsDir() && (d.Name() == ".git" || d.Name() == "node_modules") {
			return fs.SkipDir
		}
		if d.Type().IsRegular() {
			files = append(files, p)
		}
		return nil
	})
	if err != nil {
		fmt.Fprintln(os.Stderr, err)
		return 1
	}
	paths := make(chan string)
	var wg sync.WaitGroup
	var mu sync.Mutex
	var size int64
	decoded, failed := 0, 0
	for range runtime.GOMAXPROCS(0) {
		wg.Add(1)
		go func() {
			defer wg.Done()
			for p := range paths {
				b, err := os.ReadFile(p)
				if err != nil {
					fmt.Fprintln(os.Stderr, err)
					continue
				}
				ok, parsed := decode(p, b)
				mu.Lock()
				size += int64(len(b))
				if parsed {
					decoded++
				}
				if !ok {
					failed++
				}
				mu.Unlock()
			}
		}()
	}
	for _, p := range files {
		paths <- p
	}
	close(paths)
	wg.Wait()
	fmt.Printf("%d files, %d bytes, %d decoded, %d not valid\n", len(files), size, decoded, failed)
	return 0
}

// decode parses b by the file's extension; parsed is false for a file of
// no format the floor knows (read only).
func decode(p string, b []byte) (ok, parsed bool) {
	switch ext := strings.ToLower(filepath.Ext(p)); ext {
	case ".json":
		var v any
		return json.Unmarshal(b, &v) == nil, true
	case ".yaml", ".yml", ".template":
		dec := yaml.NewDecoder(bytes.NewReader(b))
		for {
			var n yaml.Node
			if err := dec.Decode(&n); err != nil {
				return err == io.EOF, true
			}
		}
	case ".tf":
		_, diags := hclsyntax.ParseConfig(b, p, hcl.InitialPos)
		return !diags.HasErrors(), true
	case ".go":
		_, err := parser.ParseFile(token.NewFileSet(), p, b, parser.ParseComments|parser.SkipObjectResolution)
		return err == nil, true
	}
	return true, false
}
