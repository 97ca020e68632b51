package main

import (
	"fmt"
	"os"
	"path/filepath"
	"time"

	"github.com/evalkit/evalkit/internal/atomicfile"
	"github.com/evalkit/evalkit/rct"
)

// randomiseWrite runs a randomisation and writes the output and manifest
// atomically; nothing is written on error.
func randomiseWrite(cfg *randomiseConfig) (*rct.Record, error) {
	mpath := rct.ManifestPath(cfg.out)
	if inFi, err := os.Stat(cfg.in); err == nil {
		for _, p := range []string{cfg.out, mpath} {
			if fi, err := os.Stat(p); err == nil && os.SameFile(inFi, fi) {
				return nil, usageErrorf("--out %s would replace the input %s; write the allocation to another file", cfg.out, cfg.in)
			}
		}
	}
	if !cfg.force {
		for _, p := range []string{cfg.out, mpath} {
			if err := atomicfile.CheckAbsent(p); err != nil {
				return nil, err
			}
		}
	}
	f, err := cfg.table.Open(cfg.in)
	if err != nil {
		return nil, err
	}
	units, err := rct.ReadUnits(f, filepath.Base(cfg.in))
	f.Close()
	if err != nil {
		return nil, err
	}
	r, err := rct.RandomiseUnits(units, cfg.settings)
	if err != nil {
		return nil, err
	}
	out, err := atomicfile.Create(cfg.out, cfg.force)
	if err != nil {
		return nil, err
	}
	defer out.Abort()
	sum, err := r.WriteAllocation(out, cfg.out)
	if err != nil {
		return nil, err
	}
	m, err := r.Manifest(rct.ManifestOptions{Input: cfg.in, Output: cfg.out, OutputSHA256: sum, Flags: cfg.flags, Created: time.Now()})
	if err != nil {
		return nil, err
	}
	data, err := m.Marshal()
	if err != nil {
		return nil, err
	}
	mf, err := atomicfile.Create(mpath, cfg.force)
	if err != nil {
		return nil, err
	}
	defer mf.Abort()
	if _, err := mf.Write(data); err != nil {
		return nil, err
	}
	if err := out.Commit(cfg.force); err != nil {
		return nil, err
	}
	if err := mf.Commit(cfg.force); err != nil {
		return nil, fmt.Errorf("%s written, but not its manifest: %w", cfg.out, err)
	}
	return &rct.Record{Randomisation: r, Output: cfg.out, OutputSHA256: sum, Manifest: mpath}, nil
}
