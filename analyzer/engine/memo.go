package engine

import (
	"crypto/sha256"
	"sync"
	"sync/atomic"

	"github.com/open-policy-agent/opa/v1/ast"
)

// maxMemo bounds the memo: past it, new inputs are evaluated but not
// remembered, so memory stays bounded on any repository.
const maxMemo = 1 << 16

// memo remembers the violations of every input evaluated, keyed by a
// SHA-256 of the input's canonical text (objects' keys sorted). The input
// is all a rule can read — the document and what the extractor knows
// about it (kind, owner, name, identity, size, errors), the evaluation
// time — and holds no file name or position, so two files holding the
// same policy the same way share one evaluation.
type memo struct {
	mu      sync.Mutex
	m       map[[sha256.Size]byte][]*Violation
	queries atomic.Int64
	cached  atomic.Int64
}

func (m *memo) key(input ast.Value) ([sha256.Size]byte, bool) {
	m.queries.Add(1)
	a, ok := input.(interface{ AppendText([]byte) ([]byte, error) })
	if !ok {
		return sha256.Sum256([]byte(input.String())), true
	}
	text, err := a.AppendText(nil)
	if err != nil {
		return [sha256.Size]byte{}, false
	}
	return sha256.Sum256(text), true
}

func (m *memo) get(k [sha256.Size]byte) ([]*Violation, bool) {
	m.mu.Lock()
	vs, ok := m.m[k]
	m.mu.Unlock()
	if ok {
		m.cached.Add(1)
	}
	return vs, ok
}

func (m *memo) put(k [sha256.Size]byte, vs []*Violation) {
	m.mu.Lock()
	defer m.mu.Unlock()
	if m.m == nil {
		m.m = map[[sha256.Size]byte][]*Violation{}
	}
	if len(m.m) < maxMemo {
		m.m[k] = vs
	}
}

// Counters are the queries an engine ran since it was made, and how many
// of them the memo answered.
type Counters struct {
	Queries, Cached int64
}

// Counters returns the engine's query counts.
func (e *Engine) Counters() Counters {
	return Counters{Queries: e.memo.queries.Load(), Cached: e.memo.cached.Load()}
}
