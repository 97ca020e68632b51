package main

import (
	"errors"
	"fmt"
	"os"
	"path/filepath"
	"strings"

	"github.com/evalkit/evalkit/rct"
)

var randomiseVerifyUsage = usage("randomise_verify")

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
	var o rct.VerifyOptions
	fs.BoolVar(&o.AllowAbsolute, "allow-absolute", false, "read files the manifest names outside its folder (absolute, or through ..)")
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
	v, err := rct.Verify(m, rct.DirOpener(dir, o), o)
	if errors.Is(err, rct.ErrPathOutside) {
		return fmt.Errorf("%s: %w, or give --allow-absolute to read it", filepath.Base(*mpath), err)
	}
	if errors.Is(err, rct.ErrManifestFlags) {
		return fmt.Errorf("%s: %w", filepath.Base(*mpath), err)
	}
	if err != nil {
		return err
	}
	if *asJSON {
		res := &randomiseVerifyJSON{Verified: v.Verified, Manifest: *mpath, Input: rct.ResolveManifestPath(dir, m.Input.Path), Output: rct.ResolveManifestPath(dir, m.Output.Path),
			InputMatches: v.InputMatches, Reproduced: v.Reproduced, OutputMatches: v.OutputMatches, Version: m.Version,
			Differences: v.Differences, ReproducedSHA: v.ReproducedSHA256, RecordedOutSHA: m.Output.SHA256}
		if err := writeJSON(e.stdout, res); err != nil {
			return err
		}
	} else if v.Verified {
		how := map[bool]string{false: "byte for byte", true: "cell for cell"}[m.Output.SHA256Of == rct.CellsDigest]
		fmt.Fprintf(e.stdout, "Verified: %s is reproduced %s from %s (seed %d, %s, sha256 %s)\n", m.Output.Path, how, m.Input.Path, m.Seed, m.Method, m.Output.SHA256)
		for _, d := range v.Differences {
			fmt.Fprintf(e.stdout, "  %s\n", d)
		}
	}
	if !v.Verified {
		return fmt.Errorf("not verified: %s", strings.Join(v.Differences, "; "))
	}
	return nil
}
