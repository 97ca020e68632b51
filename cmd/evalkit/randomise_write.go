package main

import (
	"bufio"
	"crypto/sha256"
	"encoding/csv"
	"encoding/hex"
	"errors"
	"fmt"
	"io"
	"os"
	"path/filepath"
	"runtime/debug"
	"strconv"
	"strings"
	"time"

	"github.com/evalkit/evalkit/internal/table"
	"github.com/evalkit/evalkit/rct"
)

// randomiseResult is what a randomisation produced.
type randomiseResult struct {
	cfg      *randomiseConfig
	alloc    *rct.Allocation
	rows     int
	inSHA    string
	outSHA   string
	manifest string
}

// randomiseManifestPath is the manifest's path for an output path.
func randomiseManifestPath(out string) string { return out + ".manifest.json" }

// randomiseAllocate reads the input at path (hashing it as it is read) and
// allocates its units.
func randomiseAllocate(cfg *randomiseConfig, path string) (*table.Table, *rct.Allocation, string, error) {
	f, err := os.Open(path)
	if err != nil {
		return nil, nil, "", err
	}
	defer f.Close()
	h := sha256.New()
	tee := io.TeeReader(f, h)
	t, err := table.Read(tee, filepath.Base(path))
	if err != nil {
		return nil, nil, "", err
	}
	if _, err := io.Copy(io.Discard, tee); err != nil {
		return nil, nil, "", err
	}
	if t.Rows() == 0 {
		return nil, nil, "", fmt.Errorf("%s: no units to randomise (the file has a header and no rows)", t.Name)
	}
	for _, c := range []string{"arm", "block_seq", "block_size"} {
		if t.Has(c) && (c == "arm" || cfg.opt.Method == rct.Blocks) {
			return nil, nil, "", fmt.Errorf("%s: already has a column %q, which the output adds; rename it", t.Name, c)
		}
	}
	col := func(name string) (rct.Column, error) {
		v, err := t.Column(name)
		return rct.Column{Name: name, Values: v}, err
	}
	d := &rct.Design{Arms: cfg.arms, Ratio: cfg.ratio}
	if d.ID, err = col(cfg.id); err != nil {
		return nil, nil, "", err
	}
	for _, b := range cfg.block {
		c, err := col(b)
		if err != nil {
			return nil, nil, "", err
		}
		d.Strata = append(d.Strata, c)
	}
	if cfg.cluster != "" {
		if d.Cluster, err = col(cfg.cluster); err != nil {
			return nil, nil, "", err
		}
	}
	opt := cfg.opt
	for _, name := range cfg.factors {
		c, err := col(name)
		if err != nil {
			return nil, nil, "", err
		}
		opt.Factors = append(opt.Factors, c)
	}
	a, err := rct.Randomise(d, opt, cfg.seed)
	if err != nil {
		return nil, nil, "", randomiseDataError(t.Name, err)
	}
	return t, a, hex.EncodeToString(h.Sum(nil)), nil
}

// randomiseDataError names the file and the row (as a spreadsheet counts
// them) in the library's errors.
func randomiseDataError(file string, err error) error {
	var ue *rct.UnitError
	if errors.As(err, &ue) {
		msg := fmt.Sprintf("%s: row %d", file, ue.Row+2)
		if ue.Column != "" {
			msg += fmt.Sprintf(", column %q", ue.Column)
		}
		if ue.Value != "" {
			msg += fmt.Sprintf(": %q", table.Clip(ue.Value))
		}
		msg += ": " + ue.Err.Error()
		if ue.Other >= 0 {
			msg += fmt.Sprintf(" (first seen at row %d)", ue.Other+2)
		}
		return errors.New(msg)
	}
	return fmt.Errorf("%s: %w", file, err)
}

// randomiseEncode writes the allocation: every input column as text, in
// order, then arm (and block_seq, block_size).
func randomiseEncode(w io.Writer, t *table.Table, a *rct.Allocation) error {
	bw := bufio.NewWriterSize(w, 1<<16)
	cw := csv.NewWriter(bw)
	blocks := a.BlockSeq != nil
	header := append([]string(nil), t.Header...)
	header = append(header, "arm")
	if blocks {
		header = append(header, "block_seq", "block_size")
	}
	if err := cw.Write(header); err != nil {
		return err
	}
	rec := make([]string, len(header))
	ncol := len(t.Header)
	for i := 0; i < t.Rows(); i++ {
		for j := 0; j < ncol; j++ {
			rec[j] = t.Cols[j][i]
		}
		rec[ncol] = a.Arms[a.Arm[i]]
		if blocks {
			rec[ncol+1] = strconv.Itoa(a.BlockSeq[i])
			rec[ncol+2] = strconv.Itoa(a.BlockSize[i])
		}
		if err := cw.Write(rec); err != nil {
			return err
		}
	}
	cw.Flush()
	if err := cw.Error(); err != nil {
		return err
	}
	return bw.Flush()
}

// randomiseWrite runs a randomisation and writes the output and manifest
// atomically; nothing is written on error.
func randomiseWrite(cfg *randomiseConfig) (*randomiseResult, error) {
	// A million-row file is held as text while the allocation is made;
	// collecting garbage more often keeps the peak memory below R's for
	// the same work, for a little more CPU time.
	defer debug.SetGCPercent(debug.SetGCPercent(20))
	mpath := randomiseManifestPath(cfg.out)
	if inFi, err := os.Stat(cfg.in); err == nil {
		for _, p := range []string{cfg.out, mpath} {
			if fi, err := os.Stat(p); err == nil && os.SameFile(inFi, fi) {
				return nil, usageErrorf("--out %s would replace the input %s; write the allocation to another file", cfg.out, cfg.in)
			}
		}
	}
	if !cfg.force {
		for _, p := range []string{cfg.out, mpath} {
			if err := checkAbsent(p); err != nil {
				return nil, err
			}
		}
	}
	t, a, inSHA, err := randomiseAllocate(cfg, cfg.in)
	if err != nil {
		return nil, err
	}
	out, err := createAtomic(cfg.out, cfg.force)
	if err != nil {
		return nil, err
	}
	defer out.Abort()
	h := sha256.New()
	if err := randomiseEncode(io.MultiWriter(out, h), t, a); err != nil {
		return nil, err
	}
	res := &randomiseResult{cfg: cfg, alloc: a, rows: t.Rows(), inSHA: inSHA, outSHA: hex.EncodeToString(h.Sum(nil)), manifest: mpath}
	m, err := res.manifestFor(time.Now())
	if err != nil {
		return nil, err
	}
	data, err := m.Marshal()
	if err != nil {
		return nil, err
	}
	mf, err := createAtomic(mpath, cfg.force)
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
	return res, nil
}

// manifestFor builds the manifest; paths are relative to its directory.
func (r *randomiseResult) manifestFor(now time.Time) (*rct.Manifest, error) {
	dir, err := filepath.Abs(filepath.Dir(r.manifest))
	if err != nil {
		return nil, err
	}
	in, err := filepath.Abs(r.cfg.in)
	if err != nil {
		return nil, err
	}
	rel, err := filepath.Rel(dir, in)
	if err != nil {
		rel = in
	}
	a := r.alloc
	m := &rct.Manifest{
		Version:   version,
		Generator: rct.Generator,
		Method:    a.Method.String(),
		Seed:      r.cfg.seed,
		Flags:     r.cfg.flags,
		Input:     rct.ManifestFile{Path: filepath.ToSlash(rel), SHA256: r.inSHA, Rows: r.rows},
		Output:    rct.ManifestFile{Path: filepath.Base(r.cfg.out), SHA256: r.outSHA, Rows: r.rows},
		N:         r.rows,
		Counts:    rct.ArmCounts(a.Arms, a.Counts),
		Created:   now.UTC().Format(time.RFC3339),
	}
	for _, s := range a.Strata {
		m.Strata = append(m.Strata, rct.ManifestStratum{Stratum: s.Stratum, N: s.N, Counts: rct.ArmCounts(a.Arms, s.Counts)})
	}
	return m, nil
}

// randomiseJSON is the --json output of the contract.
type randomiseJSON struct {
	Method       string                `json:"method"`
	Seed         uint64                `json:"seed"`
	N            int                   `json:"n"`
	Counts       map[string]int        `json:"counts"`
	Strata       []rct.ManifestStratum `json:"strata"`
	Output       string                `json:"output"`
	Manifest     string                `json:"manifest"`
	InputSHA256  string                `json:"input_sha256"`
	OutputSHA256 string                `json:"output_sha256"`
}

func (r *randomiseResult) jsonOut() *randomiseJSON {
	a := r.alloc
	j := &randomiseJSON{Method: a.Method.String(), Seed: r.cfg.seed, N: r.rows, Counts: rct.ArmCounts(a.Arms, a.Counts),
		Strata: []rct.ManifestStratum{}, Output: r.cfg.out, Manifest: r.manifest, InputSHA256: r.inSHA, OutputSHA256: r.outSHA}
	for _, s := range a.Strata {
		j.Strata = append(j.Strata, rct.ManifestStratum{Stratum: s.Stratum, N: s.N, Counts: rct.ArmCounts(a.Arms, s.Counts)})
	}
	return j
}

// randomiseShownStrata is how many strata the table shows.
const randomiseShownStrata = 30

func (r *randomiseResult) writeTable(w io.Writer) error {
	a := r.alloc
	fmt.Fprintf(w, "Randomised %d units by %s randomisation (seed %d) into %s\nManifest: %s\n\n", r.rows, a.Method, r.cfg.seed, r.cfg.out, r.manifest)
	shown := a.Strata
	if len(shown) > randomiseShownStrata {
		shown = shown[:randomiseShownStrata]
	}
	nameW := len("stratum")
	for _, s := range shown {
		nameW = max(nameW, len(s.Stratum))
	}
	numW := make([]int, len(a.Arms)+1)
	numW[0] = max(len("n"), len(strconv.Itoa(r.rows)))
	for j, arm := range a.Arms {
		numW[j+1] = max(len(arm), len(strconv.Itoa(a.Counts[j])))
	}
	var b strings.Builder
	line := func(name string, n int, counts []int) {
		fmt.Fprintf(&b, "%-*s  %*d", nameW, name, numW[0], n)
		for j, c := range counts {
			fmt.Fprintf(&b, "  %*d", numW[j+1], c)
		}
		b.WriteByte('\n')
	}
	fmt.Fprintf(&b, "%-*s  %*s", nameW, "stratum", numW[0], "n")
	for j, arm := range a.Arms {
		fmt.Fprintf(&b, "  %*s", numW[j+1], arm)
	}
	b.WriteByte('\n')
	for _, s := range shown {
		line(s.Stratum, s.N, s.Counts)
	}
	if len(a.Strata) > len(shown) {
		fmt.Fprintf(&b, "(%d more strata: see the manifest)\n", len(a.Strata)-len(shown))
	}
	line("total", r.rows, a.Counts)
	_, err := io.WriteString(w, b.String())
	return err
}
