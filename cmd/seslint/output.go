package main

import (
	"fmt"
	"io/fs"
	"os"
	"path/filepath"
	"strings"
)

// createOutput opens the -o file for writing. It never writes through a
// symbolic link, nor into anything but a regular file: seslint runs in
// checkouts of untrusted pull requests, where a link planted at the
// report's path (or at a directory on the way to it inside the working
// directory) would make it overwrite whatever the job may write, and a
// planted named pipe would make it wait forever. A path outside the
// working directory (/dev/null, /dev/stdout, a file under $RUNNER_TEMP)
// is the machine's, not the repository's, and is opened as given.
func createOutput(path string) (*os.File, error) {
	if !insideWorkingDir(path) {
		f, err := os.OpenFile(path, os.O_WRONLY|os.O_CREATE|os.O_TRUNC, 0o644)
		if err != nil {
			return nil, fmt.Errorf("-o %s: %w", path, unwrapPath(err))
		}
		return f, nil
	}
	if err := noLinkedDirs(path); err != nil {
		return nil, err
	}
	if info, err := os.Lstat(path); err == nil {
		switch mode := info.Mode(); {
		case mode&fs.ModeSymlink != 0:
			return nil, fmt.Errorf("-o %s: is a symbolic link; seslint does not write through links (remove it or choose another path)", path)
		case !mode.IsRegular():
			return nil, fmt.Errorf("-o %s: exists and is not a regular file", path)
		}
	}
	// O_NOFOLLOW closes the window between the check and the open.
	f, err := os.OpenFile(path, os.O_WRONLY|os.O_CREATE|os.O_TRUNC|oNoFollow, 0o644)
	if err != nil {
		return nil, fmt.Errorf("-o %s: %w", path, unwrapPath(err))
	}
	return f, nil
}

// noLinkedDirs refuses an output path whose directories below the working
// directory include a symbolic link. Directories above it (a linked home
// or temporary directory) are the machine's, not the repository's.
func noLinkedDirs(path string) error {
	wd, rel, err := fromWorkingDir(path)
	if err != nil {
		return nil
	}
	rel = filepath.Dir(rel)
	if rel == "." || rel == ".." || strings.HasPrefix(rel, ".."+string(filepath.Separator)) {
		return nil
	}
	dir := wd
	for _, part := range strings.Split(rel, string(filepath.Separator)) {
		dir = filepath.Join(dir, part)
		info, err := os.Lstat(dir)
		if err != nil {
			return nil // does not exist: the open reports it
		}
		if info.Mode()&fs.ModeSymlink != 0 {
			shown, _ := filepath.Rel(wd, dir)
			return fmt.Errorf("-o %s: %s is a symbolic link; seslint does not write through links (choose another path)", path, filepath.ToSlash(shown))
		}
	}
	return nil
}

// insideWorkingDir reports whether path names something at or below the
// working directory, where a checkout could have planted it. When the
// working directory cannot be known, every path counts as inside.
func insideWorkingDir(path string) bool {
	_, rel, err := fromWorkingDir(path)
	return err != nil || (rel != ".." && !strings.HasPrefix(rel, ".."+string(filepath.Separator)))
}

// fromWorkingDir returns the working directory and path relative to it.
func fromWorkingDir(path string) (wd, rel string, err error) {
	if wd, err = os.Getwd(); err != nil {
		return "", "", err
	}
	abs, err := filepath.Abs(path)
	if err != nil {
		return "", "", err
	}
	rel, err = filepath.Rel(wd, abs)
	return wd, rel, err
}

func unwrapPath(err error) error {
	if pe, ok := err.(*fs.PathError); ok {
		return pe.Err
	}
	return err
}
