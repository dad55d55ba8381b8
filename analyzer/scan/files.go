package scan

import (
	"bytes"
	"errors"
	"fmt"
	"io"
	"io/fs"
	"os"
	"unicode/utf16"
	"unicode/utf8"

	"github.com/seslint/seslint/analyzer/policy"
	"github.com/seslint/seslint/internal/fault"
)

// readFile reads a regular file within the size limit, as text: UTF-16
// (with its byte order mark) is converted to UTF-8, and a file with a NUL
// byte in its first 8000 bytes is binary and reported, not parsed. Named
// pipes and devices are never opened: the walk leaves them out, and a
// file that is not regular here is refused before it is opened.
func readFile(path string, opts Options) (*policy.File, *Notification) {
	rel := displayPath(path)
	fault.Point(fault.Read, rel)
	fail := func(err error) (*policy.File, *Notification) {
		return nil, &Notification{Path: rel, Message: "cannot read: " + reason(err), Error: true}
	}
	info, err := os.Stat(path)
	if err != nil {
		return fail(err)
	}
	if !info.Mode().IsRegular() {
		return nil, &Notification{Path: rel, Message: "not scanned: " + irregularKind(info.Mode()) + ", not a regular file", Error: true}
	}
	tooLarge := func(size int64) (*policy.File, *Notification) {
		return nil, &Notification{Path: rel, Message: fmt.Sprintf("not scanned: %d bytes is over the %d-byte limit (--max-file-size)", size, opts.MaxFileSize), Error: true}
	}
	if info.Size() > opts.MaxFileSize {
		return tooLarge(info.Size())
	}
	f, err := os.Open(path)
	if err != nil {
		return fail(err)
	}
	defer f.Close()
	// The file may have changed since it was listed: check the one opened.
	if info, err = f.Stat(); err != nil {
		return fail(err)
	}
	if !info.Mode().IsRegular() {
		return nil, &Notification{Path: rel, Message: "not scanned: " + irregularKind(info.Mode()) + ", not a regular file", Error: true}
	}
	// One allocation for a file that did not change since the Stat, as
	// os.ReadFile: io.ReadAll would grow its buffer from 512 bytes,
	// copying the content several times.
	var buf bytes.Buffer
	buf.Grow(int(min(info.Size(), opts.MaxFileSize)) + bytes.MinRead)
	if _, err := buf.ReadFrom(io.LimitReader(f, opts.MaxFileSize+1)); err != nil {
		return fail(err)
	}
	content := buf.Bytes()
	if int64(len(content)) > opts.MaxFileSize {
		return tooLarge(int64(len(content)))
	}
	text, binaryAt := asText(content)
	if binaryAt >= 0 {
		return nil, &Notification{Path: rel, Message: fmt.Sprintf("not scanned: binary content (a NUL byte at offset %d), not a text file", binaryAt)}
	}
	return policy.NewFile(rel, text), nil
}

// reason is the cause of a file system error without the path, which the
// notification names already (relative, as everywhere in the output).
func reason(err error) string {
	var pe *fs.PathError
	if errors.As(err, &pe) {
		return pe.Err.Error()
	}
	return err.Error()
}

// binarySniff is how far a file is searched for a NUL byte, as git does.
const binarySniff = 8000

// asText returns content as UTF-8: UTF-16 with a byte order mark is
// converted (line and column in code points are the same in both, so
// positions stay right), anything else is kept as it is. binaryAt is the
// offset in text of a NUL byte near its start, or -1.
func asText(content []byte) (text []byte, binaryAt int) {
	text = fromUTF16(content)
	return text, bytes.IndexByte(text[:min(len(text), binarySniff)], 0)
}

// fromUTF16 converts UTF-16 with a byte order mark to UTF-8, and returns
// anything else as it is (UTF-32, whose mark starts like UTF-16's, too:
// its NUL bytes then make it binary).
func fromUTF16(content []byte) []byte {
	if len(content) >= 2 {
		var order func([]byte) uint16
		switch {
		case len(content) >= 4 && content[0] == 0xFF && content[1] == 0xFE && content[2] == 0 && content[3] == 0:
			return content
		case content[0] == 0xFF && content[1] == 0xFE:
			order = func(b []byte) uint16 { return uint16(b[0]) | uint16(b[1])<<8 }
		case content[0] == 0xFE && content[1] == 0xFF:
			order = func(b []byte) uint16 { return uint16(b[1]) | uint16(b[0])<<8 }
		}
		if order != nil {
			units := make([]uint16, 0, len(content)/2)
			for i := 2; i+1 < len(content); i += 2 {
				units = append(units, order(content[i:]))
			}
			out := make([]byte, 0, len(units))
			for _, r := range utf16.Decode(units) {
				out = utf8.AppendRune(out, r)
			}
			if len(content)%2 == 1 {
				// A stray last byte: keep it visible to the parsers.
				out = utf8.AppendRune(out, utf8.RuneError)
			}
			return out
		}
	}
	return content
}

// irregularKind names what a non-regular file is.
func irregularKind(m fs.FileMode) string {
	switch {
	case m&fs.ModeSymlink != 0:
		return "a symbolic link"
	case m&fs.ModeNamedPipe != 0:
		return "a named pipe (FIFO)"
	case m&fs.ModeSocket != 0:
		return "a socket"
	case m&fs.ModeDevice != 0:
		return "a device"
	case m.IsDir():
		return "a directory"
	}
	return "a special file"
}

// irregular is the notification for what the walk found that is not a
// regular file or a directory: it is never opened. A symbolic link is
// not followed (it may point outside the scanned tree, or at itself); it
// is mentioned when it could have been scanned — a file name seslint
// reads, a directory, or a link that does not resolve.
func irregular(p string, d fs.DirEntry) *Notification {
	mode := d.Type()
	if mode&fs.ModeSymlink != 0 {
		target, err := os.Stat(p)
		if err == nil && !target.IsDir() && !candidate(d.Name()) {
			return nil
		}
		msg := "not scanned: a symbolic link; links found while walking are not followed (name the target to scan it)"
		if err != nil {
			msg = "not scanned: a symbolic link that does not resolve (" + reason(err) + ")"
		}
		return &Notification{Path: displayPath(p), Message: msg}
	}
	return &Notification{Path: displayPath(p), Message: "not scanned: " + irregularKind(mode) + ", not a regular file"}
}
