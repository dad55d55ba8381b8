package terraform

import (
	"testing"

	"github.com/zclconf/go-cty/cty"
)

// numberText writes every number as big.Float's shortest form would,
// fast path or not.
func TestNumberText(t *testing.T) {
	for _, src := range []string{"0", "14", "-3", "1209600", "9223372036854775807", "-9223372036854775808",
		"9223372036854775808", "123456789012345678901234567890", "0.5", "-0.25", "3.14", "1e3", "1.5e-7", "1e30"} {
		v, err := cty.ParseNumberVal(src)
		if err != nil {
			t.Fatal(err)
		}
		f := v.AsBigFloat()
		if got, want := numberText(f), f.Text('f', -1); got != want {
			t.Errorf("numberText(%s) = %q, want %q", src, got, want)
		}
	}
}
