package scan

import "bytes"

// mayHoldJSON reports whether a .json file can be a plain policy, a
// CloudFormation template or a Terraform plan, from its bytes: a file that
// cannot is not decoded at all (most JSON in a repository is package
// manifests, translations, fixtures).
//
// It is exact, not a guess: extract reads a decoded file as a policy only
// when its top-level object has a Statement key (any case), as a template
// only when it has AWSTemplateFormatVersion or Resources of AWS:: or
// Custom:: types, as a plan only when it has planned_values; and reports a
// file that does not decode only when it names a Statement, or looks like
// a template or plan. Each needs these words in the bytes, unless a \u
// escape spells them, so a file with any \u escape is decoded.
func mayHoldJSON(content []byte) bool {
	return bytes.Contains(content, []byte(`\u`)) ||
		bytes.Contains(content, []byte("planned_values")) ||
		bytes.Contains(content, []byte("AWSTemplateFormatVersion")) ||
		(bytes.Contains(content, []byte("Resources")) &&
			(bytes.Contains(content, []byte("AWS::")) || bytes.Contains(content, []byte("Custom::")))) ||
		containsFold(content, "statement")
}

// containsFold reports whether b holds word (lower-case ASCII letters) in
// any case.
func containsFold(b []byte, word string) bool {
	first := word[0]
	for i := 0; i+len(word) <= len(b); i++ {
		if b[i]|0x20 != first {
			continue
		}
		j := 1
		for j < len(word) && b[i+j]|0x20 == word[j] {
			j++
		}
		if j == len(word) {
			return true
		}
	}
	return false
}
