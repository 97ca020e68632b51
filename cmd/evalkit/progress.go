package main

import (
	"fmt"
	"time"

	"github.com/evalkit/evalkit/internal/timeleft"
)

// progress draws "label: done/total (pct%), about 1m20s left" on stderr,
// redrawn in place at most ten times a second, and only when stderr is a
// terminal: never on stdout, never into a pipe or a file.
type progress struct {
	e           *env
	label       string
	start, last time.Time
	drawn       bool
}

func newProgress(e *env, label string) *progress {
	return &progress{e: e, label: label, start: time.Now()}
}

// Update reports that done of total steps are finished. It is safe to pass
// as a library's progress callback from a single goroutine.
func (p *progress) Update(done, total int) {
	if p == nil || !p.e.terminal {
		return
	}
	now := time.Now()
	if done < total && now.Sub(p.last) < 100*time.Millisecond {
		return
	}
	p.last = now
	pct := 100.0
	if total > 0 {
		pct = 100 * float64(done) / float64(total)
	}
	fmt.Fprintf(p.e.stderr, "\r%s: %d/%d (%.0f%%)%s\033[K", p.label, done, total, pct, timeleft.Text(now.Sub(p.start), done, total))
	p.drawn = true
}

// Done clears the progress line.
func (p *progress) Done() {
	if p == nil || !p.drawn {
		return
	}
	fmt.Fprint(p.e.stderr, "\r\033[K")
	p.drawn = false
}

// Show draws the label alone, for work whose steps are not counted.
func (p *progress) Show() {
	if p == nil || !p.e.terminal {
		return
	}
	fmt.Fprintf(p.e.stderr, "\r\033[K%s ...", p.label)
	p.drawn = true
}
