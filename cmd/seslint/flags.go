package main

import (
	"fmt"
	"strings"
)

// choice is a pflag value restricted to a fixed set of words.
type choice struct {
	value   string
	allowed []string
	kind    string
}

func newChoice(def, kind string, allowed ...string) *choice {
	return &choice{value: def, allowed: allowed, kind: kind}
}

func (c *choice) String() string { return c.value }

func (c *choice) Set(s string) error {
	for _, a := range c.allowed {
		if s == a {
			c.value = s
			return nil
		}
	}
	return fmt.Errorf("must be one of %s", strings.Join(c.allowed, ", "))
}

func (c *choice) Type() string { return c.kind }
