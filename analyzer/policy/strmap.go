package policy

import (
	"strconv"
	"unicode/utf16"
	"unicode/utf8"
)

// JSONStringOffsets maps every byte of a JSON string literal's decoded
// value to the file offset of the source text that produced it. span is the
// literal with its quotes. Offsets of escape sequences map to the
// backslash; the final entry (index len(value)) is the closing quote.
func JSONStringOffsets(src []byte, span Span) []int {
	if span.End-span.Start < 2 || span.End > len(src) {
		return nil
	}
	out := make([]int, 0, span.End-span.Start)
	i := span.Start + 1
	if _, n := typographicAt(src, span.Start); n > 0 {
		i = span.Start + n
	}
	end := span.End - 1
	if _, n := typographicAt(src, span.End-3); n > 0 && span.End-3 >= i {
		end = span.End - 3
	}
	for i < end {
		c := src[i]
		if c != '\\' || i+1 >= end {
			out = append(out, i)
			i++
			continue
		}
		start := i
		switch src[i+1] {
		case 'u':
			r := rune(0)
			if i+6 <= end {
				if v, err := strconv.ParseUint(string(src[i+2:i+6]), 16, 32); err == nil {
					r = rune(v)
				}
			}
			i += 6
			if utf16.IsSurrogate(r) && i+6 <= end && src[i] == '\\' && src[i+1] == 'u' {
				if v, err := strconv.ParseUint(string(src[i+2:i+6]), 16, 32); err == nil {
					if d := utf16.DecodeRune(r, rune(v)); d != utf8.RuneError {
						r = d
						i += 6
					}
				}
			}
			if utf16.IsSurrogate(r) {
				r = utf8.RuneError
			}
			for range utf8.RuneLen(r) {
				out = append(out, start)
			}
		default:
			out = append(out, start)
			i += 2
		}
	}
	return append(out, end)
}

func typographicAt(src []byte, off int) (rune, int) {
	if off >= 0 && off+3 <= len(src) && src[off] == 0xE2 && src[off+1] == 0x80 {
		switch src[off+2] {
		case 0x98, 0x99, 0x9C, 0x9D:
			return utf8.DecodeRune(src[off:])
		}
	}
	return 0, 0
}

// OffsetMapper returns a Mapper over a table of file offsets, one per byte
// of the decoded text plus one for its end. Offsets past the table map to
// its last entry.
func OffsetMapper(offsets []int) Mapper {
	return func(off int) int {
		switch {
		case len(offsets) == 0:
			return 0
		case off < 0:
			return offsets[0]
		case off >= len(offsets):
			return offsets[len(offsets)-1]
		}
		return offsets[off]
	}
}

// AlignOffsets maps each byte of a string's value to the offset of the
// source text that produced it, for the source in src[start:end] (without
// delimiters). It walks both in step: equal bytes map to each other, an
// escape sequence (with escapes set: \n, \", \uXXXX, \UXXXXXXXX, \xXX)
// maps the bytes it produces to its backslash, and any other source byte
// is skipped — the indentation a heredoc or block scalar strips, the
// doubled quote or $$ a language unescapes. The final entry is the offset
// after the last mapped byte.
func AlignOffsets(src []byte, start, end int, value string, escapes bool) []int {
	end = max(0, min(end, len(src)))
	start = max(0, min(start, end))
	out := make([]int, 0, len(value)+1)
	si := start
	for vi := 0; vi < len(value); {
		if si >= end {
			out = append(out, end)
			vi++
			continue
		}
		c := src[si]
		switch {
		// An escape first: in "\\u0041" the first backslash is not the
		// value's backslash but the start of an escape.
		case escapes && c == '\\' && si+1 < end:
			n, size := escapeSize(src[si+1 : end])
			for range max(1, n) {
				if vi < len(value) {
					out = append(out, si)
					vi++
				}
			}
			si += 1 + size
		case c == value[vi]:
			out = append(out, si)
			si++
			vi++
		default:
			si++
		}
	}
	return append(out, min(si, end))
}

// escapeSize returns how many value bytes the escape after a backslash
// produces and how many source bytes it spans.
func escapeSize(rest []byte) (produced, size int) {
	hex := func(n int) (int, int) {
		if len(rest) < 1+n {
			return 1, len(rest)
		}
		v, err := strconv.ParseUint(string(rest[1:1+n]), 16, 32)
		if err != nil || !utf8.ValidRune(rune(v)) {
			return 1, 1 + n
		}
		return utf8.RuneLen(rune(v)), 1 + n
	}
	switch rest[0] {
	case 'u':
		return hex(4)
	case 'U':
		return hex(8)
	case 'x':
		return hex(2)
	}
	return 1, 1
}
