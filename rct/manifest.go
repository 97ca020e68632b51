package rct

import (
	"bytes"
	"crypto/sha256"
	"encoding/hex"
	"encoding/json"
	"fmt"
)

// Generator names the random number generator and draws of this package,
// as manifests record it.
const Generator = "xoshiro256** seeded by SplitMix64; Lemire bounded integers; Fisher-Yates shuffle"

// Manifest is the audit record written beside an allocation: enough to
// re-derive it (the release, the method, every setting and the seed) and
// to show that neither the input nor the output has changed since (their
// SHA-256 digests).
type Manifest struct {
	// Version is the evalkit release that made the allocation.
	Version string `json:"evalkit_version"`
	// Generator is the generator's description (the Generator constant).
	Generator string `json:"generator"`
	// Method is the randomisation method.
	Method string `json:"method"`
	// Seed is the generator's seed.
	Seed uint64 `json:"seed"`
	// Flags holds every setting by name, as given or defaulted.
	Flags map[string]string `json:"flags"`
	// Input and Output describe the files.
	Input  ManifestFile `json:"input"`
	Output ManifestFile `json:"output"`
	// N is the number of units; Counts the units per arm.
	N      int            `json:"n"`
	Counts map[string]int `json:"counts"`
	// Strata holds the counts of each stratum.
	Strata []ManifestStratum `json:"strata"`
	// Created is the time of creation, UTC, in RFC 3339 form.
	Created string `json:"created_utc"`
	// FieldsSHA256 is the digest of every other field (FieldsDigest),
	// which Marshal records and Verify checks, so that no field, not even
	// the release or the time, can be edited unnoticed. A manifest made
	// before evalkit recorded it has none ("").
	FieldsSHA256 string `json:"fields_sha256,omitempty"`
}

// ManifestFile identifies a file by its path (relative to the manifest's
// directory) and its SHA-256 digest in hexadecimal.
type ManifestFile struct {
	Path   string `json:"path"`
	SHA256 string `json:"sha256"`
	Rows   int    `json:"rows"`
	// SHA256Of says what SHA256 is the digest of: "" for the file's bytes,
	// CellsDigest for the cells of a workbook's allocation sheet
	// (CellsSHA256), which survive the workbook being opened and saved.
	SHA256Of string `json:"sha256_of,omitempty"`
}

// CellsDigest is ManifestFile.SHA256Of for a digest of an allocation
// workbook's cells (Randomisation.CellsSHA256).
const CellsDigest = "cells"

// ManifestStratum holds one stratum's counts.
type ManifestStratum struct {
	Stratum string         `json:"stratum"`
	N       int            `json:"n"`
	Counts  map[string]int `json:"counts"`
}

// ArmCounts returns counts keyed by arm name.
func ArmCounts(arms []string, counts []int) map[string]int {
	m := make(map[string]int, len(arms))
	for j, a := range arms {
		m[a] = counts[j]
	}
	return m
}

// FieldsDigest returns the SHA-256 digest, in hexadecimal, of every field
// of the manifest but FieldsSHA256, as Marshal records it in
// fields_sha256: the digest of the manifest's JSON without that key in
// its compact form (encoding/json's Marshal: no spaces or line ends, keys
// in the order the manifest is written, the keys of flags and counts
// sorted, and <, > and & written as \u003c, \u003e and \u0026). It guards
// against edits, not forgery: anyone can compute it again.
func (m *Manifest) FieldsDigest() (string, error) {
	c := *m
	c.FieldsSHA256 = ""
	b, err := json.Marshal(&c)
	if err != nil {
		return "", err
	}
	sum := sha256.Sum256(b)
	return hex.EncodeToString(sum[:]), nil
}

// Marshal returns the manifest as indented JSON ending in a newline, with
// fields_sha256 set to FieldsDigest (whatever m.FieldsSHA256 holds).
func (m *Manifest) Marshal() ([]byte, error) {
	c := *m
	sum, err := m.FieldsDigest()
	if err != nil {
		return nil, err
	}
	c.FieldsSHA256 = sum
	b, err := json.MarshalIndent(&c, "", "  ")
	if err != nil {
		return nil, err
	}
	return append(b, '\n'), nil
}

// ParseManifest reads a manifest, refusing unknown keys and a manifest
// without a method, seed or output digest.
func ParseManifest(data []byte) (*Manifest, error) {
	dec := json.NewDecoder(bytes.NewReader(data))
	dec.DisallowUnknownFields()
	var m Manifest
	if err := dec.Decode(&m); err != nil {
		return nil, fmt.Errorf("not an evalkit manifest: %w", err)
	}
	if m.Method == "" || m.Flags == nil || m.Output.SHA256 == "" || m.Input.SHA256 == "" {
		return nil, fmt.Errorf("not an evalkit manifest: method, flags or digests missing")
	}
	return &m, nil
}
