package plan

import (
	"bytes"
	"crypto/sha256"
	"encoding/hex"
	"encoding/json"
	"fmt"
	"io"
	"path/filepath"

	"github.com/evalkit/evalkit/rct"
)

// Init returns a plan for the trial allocated as the manifest at
// manifestPath says, read and verified with rct.ReadDesign, sized by the
// evalkit power --json result at powerPath ("" for none), both recorded
// relative to dir, the plan's folder, with the settings
// given by the names of Keys (other names are not settings; Set gives
// each its value) over the defaults, level 0.95 and adjust holm. read
// reads a file (os.ReadFile will do). The plan is checked (Check).
func Init(manifestPath, powerPath, dir string, read func(string) ([]byte, error), settings map[string]string) (*Plan, error) {
	a, err := rct.ReadDesign(manifestPath, func(path string) (io.ReadCloser, error) {
		b, err := read(path)
		if err != nil {
			return nil, err
		}
		return io.NopCloser(bytes.NewReader(b)), nil
	})
	if err != nil {
		return nil, err
	}
	s := a.Settings
	p := &Plan{Version: rct.Version, Level: 0.95, Adjust: "holm", Design: Design{
		Manifest: relative(dir, manifestPath), SHA256: a.ManifestSHA256, Method: s.Method.String(), Seed: s.Seed,
		ID: s.ID, Arms: s.Arms, Ratio: a.Manifest.Flags["ratio"], Block: s.Block, Cluster: s.Cluster,
		BlockSizes: s.BlockSizes, Factors: s.Factors, N: a.N(), Counts: a.Manifest.Counts,
	}}
	if len(s.Block) > 0 {
		p.Design.Strata = len(a.Manifest.Strata)
	}
	if powerPath != "" {
		data, err := read(powerPath)
		if err != nil {
			return nil, err
		}
		if p.Power, err = ParsePower(data); err != nil {
			return nil, fmt.Errorf("%s: %w", filepath.Base(powerPath), err)
		}
		p.Power.File, p.Power.SHA256 = relative(dir, powerPath), digest(data)
	}
	for _, k := range Keys {
		if v, ok := settings[k.Name]; ok {
			if err := p.Set(k.Name, v); err != nil {
				return nil, err
			}
		}
	}
	return p, p.Check()
}

// ParsePower reads the values a plan reports from the JSON of evalkit
// power (keys design, alpha and power at least).
func ParsePower(data []byte) (*Power, error) {
	var p Power
	if err := json.Unmarshal(data, &p); err != nil || p.Design == "" || p.Alpha == nil || p.Power == nil {
		return nil, fmt.Errorf("not an evalkit power --json result (keys design, alpha and power)")
	}
	return &p, nil
}

// relative returns path as a plan records it: relative to dir and
// slash-separated, or absolute when there is no relative path.
func relative(dir, path string) string {
	ad, err1 := filepath.Abs(dir)
	ap, err2 := filepath.Abs(path)
	if err1 != nil || err2 != nil {
		return filepath.ToSlash(path)
	}
	if r, err := filepath.Rel(ad, ap); err == nil {
		return filepath.ToSlash(r)
	}
	return filepath.ToSlash(ap)
}

// resolve returns the path a plan in dir records as rel, as the operating
// system takes it, slash-separated (as results print it on every system).
func resolve(dir, rel string) string {
	if p := filepath.FromSlash(rel); filepath.IsAbs(p) {
		return filepath.ToSlash(p)
	}
	return filepath.ToSlash(filepath.Join(dir, filepath.FromSlash(rel)))
}

// digest returns the SHA-256 of data in hexadecimal.
func digest(data []byte) string {
	h := sha256.Sum256(data)
	return hex.EncodeToString(h[:])
}
