//go:build !unix

package main

// oNoFollow is not available here; createOutput's check before opening
// stands alone.
const oNoFollow = 0
