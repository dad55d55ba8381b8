// Command seslint finds the IAM and SES policy mistakes that make Amazon SES
// answer "Unauthorized" or "554 Access denied", before they are deployed.
//
//	seslint [flags] [PATH ...]
//	seslint rules [--format text|json|markdown]
//	seslint explain RULE
//	seslint baseline -o FILE [PATH ...]
//	seslint init
//
// Run `seslint --help` for the flags.
package main

import "os"

func main() {
	tuneGC()
	os.Exit(run(os.Args[1:], os.Stdout, os.Stderr))
}
