package scan

import (
	"time"
)

// Stats say where a scan's time went (seslint --stats). Walk, Go and Wall
// are wall-clock times; Read, Parse, Extract and Evaluate are summed over
// the workers, which run them at once, so they can add up to more than
// the wall time.
type Stats struct {
	Workers int
	// Walk is finding the files (and the Go modules among them).
	Walk time.Duration
	// Read is reading files; Parse decoding them (JSON, YAML, HCL);
	// Extract building their documents and deployment units; Evaluate
	// running the rules (Eval, EvalUnit and the suppressions).
	Read, Parse, Extract, Evaluate time.Duration
	// Go is loading, type-checking and analysing Go packages once the
	// files are done (go list for scanned directories runs while they are
	// scanned).
	Go time.Duration
	// Wall is the whole scan.
	Wall time.Duration

	// Files is the files found that seslint reads; Skipped those whose
	// content showed they hold no policy, template or plan (not parsed);
	// Bytes what was read.
	Files, Skipped int
	Bytes          int64
	// Units is the deployment units evaluated; GoPackages the Go packages
	// checked; GoCached the packages they import whose types were read
	// from the type cache.
	Units, GoPackages, GoCached int
}

// stages is one job's share of the summed stage times.
type stages struct {
	read, parse, extract, evaluate time.Duration
	skipped                        int
	bytes                          int64
	units                          int
}

func (s *Stats) add(t stages) {
	s.Read += t.read
	s.Parse += t.parse
	s.Extract += t.extract
	s.Evaluate += t.evaluate
	s.Skipped += t.skipped
	s.Bytes += t.bytes
	s.Units += t.units
}

// since adds the time since start to *d and returns now, to time
// consecutive stages.
func since(d *time.Duration, start time.Time) time.Time {
	now := time.Now()
	*d += now.Sub(start)
	return now
}
