package main

import (
	"crypto/sha256"
	"encoding/hex"
	"fmt"
	"os"
	"path/filepath"
	"reflect"
	"sort"
	"strings"

	"github.com/evalkit/evalkit/rct"
)

const randomiseVerifyUsage = `
Usage: evalkit randomise verify --manifest FILE.manifest.json [--json]

Re-derives an allocation from its manifest: checks that the input is the one
randomised (SHA-256), re-runs the randomisation with the recorded flags and
seed, and compares the result with the recorded output digest and with the
output file. Exits 0 only when everything matches byte for byte, 1 otherwise,
saying what differs. Paths in the manifest are relative to its directory.

Example:

	evalkit randomise verify --manifest allocation.csv.manifest.json
`

// randomiseVerifyJSON is the --json output of verify.
type randomiseVerifyJSON struct {
	Verified       bool     `json:"verified"`
	Manifest       string   `json:"manifest"`
	Input          string   `json:"input"`
	Output         string   `json:"output"`
	InputMatches   bool     `json:"input_matches"`
	Reproduced     bool     `json:"reproduced"`
	OutputMatches  *bool    `json:"output_file_matches"`
	Version        string   `json:"evalkit_version"`
	Differences    []string `json:"differences"`
	ReproducedSHA  string   `json:"reproduced_sha256"`
	RecordedOutSHA string   `json:"recorded_sha256"`
}

func randomiseVerify(e *env, args []string) error {
	fs := newFlagSet(e, "randomise verify", randomiseVerifyUsage)
	mpath := fs.String("manifest", "", "the manifest `file` written beside an allocation")
	asJSON := fs.Bool("json", false, "print the result as one JSON object")
	if err := parseFlags(fs, args, false); err != nil {
		return err
	}
	if err := required([2]string{"manifest", *mpath}); err != nil {
		return err
	}
	data, err := os.ReadFile(*mpath)
	if err != nil {
		return err
	}
	m, err := rct.ParseManifest(data)
	if err != nil {
		return fmt.Errorf("%s: %w", filepath.Base(*mpath), err)
	}
	dir := filepath.Dir(*mpath)
	resolve := func(p string) string {
		if filepath.IsAbs(p) {
			return p
		}
		return filepath.Join(dir, filepath.FromSlash(p))
	}
	in, outPath := resolve(m.Input.Path), resolve(m.Output.Path)

	// Rebuild the randomisation's flags from the manifest, in and out
	// replaced by the resolved paths.
	var fargs []string
	names := make([]string, 0, len(m.Flags))
	for k := range m.Flags {
		names = append(names, k)
	}
	sort.Strings(names)
	for _, k := range names {
		v := m.Flags[k]
		switch k {
		case "in":
			v = in
		case "out":
			v = outPath
		}
		fargs = append(fargs, "--"+k+"="+v)
	}
	rfs := newFlagSet(e, "randomise", randomiseUsage)
	rfs.Usage = func() {} // a bad recorded flag is an error line, never the usage on stdout
	f := newRandomiseFlags(rfs)
	if _, ok := m.Flags["h"]; ok {
		return fmt.Errorf("%s: the recorded flags are not valid: -h is not a setting", filepath.Base(*mpath))
	}
	if _, ok := m.Flags["help"]; ok {
		return fmt.Errorf("%s: the recorded flags are not valid: -help is not a setting", filepath.Base(*mpath))
	}
	if err := rfs.Parse(fargs); err != nil {
		return fmt.Errorf("%s: the recorded flags are not valid: %v", filepath.Base(*mpath), err)
	}
	cfg, err := f.config(rfs)
	if err != nil {
		return fmt.Errorf("%s: the recorded flags are not valid: %v", filepath.Base(*mpath), err)
	}

	res := &randomiseVerifyJSON{Manifest: *mpath, Input: in, Output: outPath, Version: m.Version, RecordedOutSHA: m.Output.SHA256, Differences: []string{}}
	if m.Version != version {
		res.Differences = append(res.Differences, fmt.Sprintf("made by evalkit %s, checked with %s", m.Version, version))
	}
	t, a, inSHA, err := randomiseAllocate(cfg, in)
	if err != nil {
		return err
	}
	res.InputMatches = inSHA == m.Input.SHA256
	if !res.InputMatches {
		res.Differences = append(res.Differences, fmt.Sprintf("input %s has changed since it was randomised (sha256 %s, recorded %s)", m.Input.Path, inSHA, m.Input.SHA256))
	}
	h := sha256.New()
	if err := randomiseEncode(h, t, a); err != nil {
		return err
	}
	res.ReproducedSHA = hex.EncodeToString(h.Sum(nil))
	res.Reproduced = res.ReproducedSHA == m.Output.SHA256
	if !res.Reproduced {
		res.Differences = append(res.Differences, fmt.Sprintf("re-derived allocation differs from the recorded one (sha256 %s, recorded %s)", res.ReproducedSHA, m.Output.SHA256))
	}
	if sum, err := fileSHA256(outPath); err == nil {
		ok := sum == m.Output.SHA256
		res.OutputMatches = &ok
		if !ok {
			res.Differences = append(res.Differences, fmt.Sprintf("output file %s has been changed since it was written (sha256 %s, recorded %s)", m.Output.Path, sum, m.Output.SHA256))
		}
	} else {
		res.Differences = append(res.Differences, fmt.Sprintf("output file %s cannot be read: %v", m.Output.Path, err))
	}
	recorded := randomiseRecordDiffers(m, cfg, a, t.Rows())
	res.Differences = append(res.Differences, recorded...)
	res.Verified = res.InputMatches && res.Reproduced && res.OutputMatches != nil && *res.OutputMatches && len(recorded) == 0
	if *asJSON {
		if err := writeJSON(e.stdout, res); err != nil {
			return err
		}
	} else if res.Verified {
		fmt.Fprintf(e.stdout, "Verified: %s is reproduced byte for byte from %s (seed %d, %s, sha256 %s)\n", m.Output.Path, m.Input.Path, m.Seed, m.Method, m.Output.SHA256)
	}
	if !res.Verified {
		return fmt.Errorf("not verified: %s", strings.Join(res.Differences, "; "))
	}
	return nil
}

// randomiseRecordDiffers lists the manifest's recorded facts (method, seed,
// generator, counts) that differ from those of the allocation its flags
// re-derive, so that a manifest edited by hand cannot pass verification.
func randomiseRecordDiffers(m *rct.Manifest, cfg *randomiseConfig, a *rct.Allocation, rows int) []string {
	var diffs []string
	differ := func(what string, recorded, derived any) {
		if !reflect.DeepEqual(recorded, derived) {
			diffs = append(diffs, fmt.Sprintf("the manifest records %s %v, the recorded flags give %v", what, recorded, derived))
		}
	}
	differ("method", m.Method, a.Method.String())
	differ("seed", m.Seed, cfg.seed)
	differ("generator", m.Generator, rct.Generator)
	differ("n", m.N, rows)
	differ("input rows", m.Input.Rows, rows)
	differ("output rows", m.Output.Rows, rows)
	differ("counts", m.Counts, rct.ArmCounts(a.Arms, a.Counts))
	strata := make([]rct.ManifestStratum, 0, len(a.Strata))
	for _, st := range a.Strata {
		strata = append(strata, rct.ManifestStratum{Stratum: st.Stratum, N: st.N, Counts: rct.ArmCounts(a.Arms, st.Counts)})
	}
	if (len(m.Strata) != 0 || len(strata) != 0) && !reflect.DeepEqual(m.Strata, strata) {
		diffs = append(diffs, "the manifest's counts by stratum differ from those the recorded flags give")
	}
	return diffs
}
