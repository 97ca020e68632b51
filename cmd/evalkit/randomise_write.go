package main

import (
	"os"
	"path/filepath"
	"time"

	"github.com/evalkit/evalkit/internal/atomicfile"
	"github.com/evalkit/evalkit/rct"
)

// randomiseWrite runs a randomisation and writes the output and manifest
// atomically, as one atomicfile.Set: nothing is written on error, and a
// concurrent run to the same --out fails instead of mixing the two.
func randomiseWrite(cfg *randomiseConfig) (*rct.Record, error) {
	mpath := rct.ManifestPath(cfg.out)
	if inFi, err := os.Stat(cfg.in); err == nil {
		for _, p := range []string{cfg.out, mpath} {
			if fi, err := os.Stat(p); err == nil && os.SameFile(inFi, fi) {
				return nil, usageErrorf("--out %s would replace the input %s; write the allocation to another file", cfg.out, cfg.in)
			}
		}
	}
	set, err := atomicfile.NewSet(cfg.force, cfg.out, mpath)
	if err != nil {
		return nil, err
	}
	defer set.Close()
	f, err := cfg.table.Open(cfg.in)
	if err != nil {
		return nil, err
	}
	r, err := rct.RandomiseFile(f, filepath.Base(cfg.in), cfg.settings)
	f.Close()
	if err != nil {
		return nil, err
	}
	out, err := set.Create(cfg.out)
	if err != nil {
		return nil, err
	}
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
	mf, err := set.Create(mpath)
	if err != nil {
		return nil, err
	}
	if _, err := mf.Write(data); err != nil {
		return nil, err
	}
	if err := set.Commit(); err != nil {
		return nil, err
	}
	return &rct.Record{Randomisation: r, Output: cfg.out, OutputSHA256: sum, Manifest: mpath}, nil
}
