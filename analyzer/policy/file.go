package policy

import (
	"sort"
	"unicode/utf8"
)

// File is a source file as seslint read it: its path relative to the scan
// root (slash-separated) and its bytes, with a line index built on demand.
type File struct {
	Path    string
	Content []byte
	lines   []int // byte offset of the start of each line
}

// NewFile returns a File for content read from path.
func NewFile(path string, content []byte) *File {
	return &File{Path: path, Content: content}
}

// Position is a 1-based line and column. Columns count Unicode code points
// (SARIF columnKind "unicodeCodePoints"), so a multi-byte character counts
// once and a CRLF file has the same columns as its LF twin.
type Position struct {
	Line, Column int
}

func (f *File) index() {
	if f.lines != nil {
		return
	}
	f.lines = append(make([]int, 0, 64), 0)
	for i, c := range f.Content {
		// A line ends at LF, CRLF or a CR alone (old Mac files), as
		// editors, SARIF and YAML count lines.
		if c == '\n' || (c == '\r' && (i+1 == len(f.Content) || f.Content[i+1] != '\n')) {
			f.lines = append(f.lines, i+1)
		}
	}
}

// utf8BOM is the byte order mark some editors write at the start of a
// UTF-8 file. Editors do not count it as a column, and neither do the
// parsers: columns on the first line start after it.
const utf8BOM = "\xEF\xBB\xBF"

// lineStart is the offset of the first column of a 0-based line.
func (f *File) lineStart(line int) int {
	if line == 0 && len(f.Content) >= len(utf8BOM) && string(f.Content[:len(utf8BOM)]) == utf8BOM {
		return len(utf8BOM)
	}
	return f.lines[line]
}

// Position converts a byte offset to a line and column. Offsets outside the
// file are clamped to it.
func (f *File) Position(off int) Position {
	f.index()
	off = max(0, min(off, len(f.Content)))
	line := sort.Search(len(f.lines), func(i int) bool { return f.lines[i] > off }) - 1
	start := min(f.lineStart(line), off)
	col := utf8.RuneCount(f.Content[start:off]) + 1
	return Position{Line: line + 1, Column: col}
}

// Offset converts a 1-based line and column (in code points) to a byte
// offset, for parsers that report line and column only (YAML, HCL).
func (f *File) Offset(p Position) int {
	f.index()
	if p.Line < 1 {
		return 0
	}
	if p.Line > len(f.lines) {
		return len(f.Content)
	}
	off := f.lineStart(p.Line - 1)
	for col := 1; col < p.Column && off < len(f.Content) && f.Content[off] != '\n' && f.Content[off] != '\r'; col++ {
		_, n := utf8.DecodeRune(f.Content[off:])
		off += n
	}
	return off
}

// CharAt is the span of the byte at off, for a problem a parser places
// there, or the empty span at the end of the file when off is past it.
func (f *File) CharAt(off int) Span {
	off = max(0, min(off, len(f.Content)))
	return Span{Start: off, End: min(off+1, len(f.Content))}
}

// Region is a span as 1-based positions, the end exclusive.
type Region struct {
	Start, End Position
}

// Region converts a span to positions. An empty span covers one character
// so that editors and code scanning highlight something.
func (f *File) Region(s Span) Region {
	if s.End <= s.Start {
		s.End = s.Start
		if s.Start < len(f.Content) && f.Content[s.Start] != '\n' && f.Content[s.Start] != '\r' {
			_, n := utf8.DecodeRune(f.Content[s.Start:])
			s.End = s.Start + n
		}
	}
	return Region{Start: f.Position(s.Start), End: f.Position(s.End)}
}

// Snippet returns the text of the line holding off, without its line break.
func (f *File) Snippet(off int) string {
	f.index()
	p := f.Position(off)
	start := f.lineStart(p.Line - 1)
	end := len(f.Content)
	if p.Line < len(f.lines) {
		end = f.lines[p.Line] - 1
	}
	if end > start && f.Content[end-1] == '\r' {
		end--
	}
	return string(f.Content[start:end])
}
