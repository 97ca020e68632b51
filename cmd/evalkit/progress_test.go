package main

import (
	"bytes"
	"testing"
	"time"
)

func TestProgressOnlyOnTerminal(t *testing.T) {
	var b bytes.Buffer
	p := newProgress(&env{stderr: &b}, "permutations")
	p.Update(5, 10)
	p.Update(10, 10)
	p.Done()
	if b.Len() != 0 {
		t.Errorf("progress drawn on a non-terminal: %q", b.String())
	}
	p = newProgress(&env{stderr: &b, terminal: true}, "permutations")
	p.Update(10, 10)
	p.Done()
	if got := b.String(); got != "\rpermutations: 10/10 (100%)\033[K\r\033[K" {
		t.Errorf("terminal progress = %q", got)
	}
	// The time left, from the rate since the progress began.
	b.Reset()
	p = newProgress(&env{stderr: &b, terminal: true}, "simulating")
	p.start = p.start.Add(-30 * time.Second)
	p.Update(250, 1000)
	if got := b.String(); got != "\rsimulating: 250/1000 (25%), about 1m30s left\033[K" {
		t.Errorf("terminal progress with the time left = %q", got)
	}
	b.Reset()
	p = newProgress(&env{stderr: &b, terminal: true}, "fitting")
	p.Show()
	p.Done()
	if got := b.String(); got != "\r\033[Kfitting ...\r\033[K" {
		t.Errorf("terminal status = %q", got)
	}
	b.Reset()
	newProgress(&env{stderr: &b}, "fitting").Show()
	if b.Len() != 0 {
		t.Errorf("status drawn on a non-terminal: %q", b.String())
	}
	var nilp *progress
	nilp.Update(1, 2) // a nil progress is a no-op
	nilp.Done()
	nilp.Show()
	if isTerminal(&b) {
		t.Error("a buffer is not a terminal")
	}
}
