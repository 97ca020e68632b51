package rct

import (
	"bytes"
	"errors"
	"io"
	"strings"
	"testing"
)

// FuzzParseSettings: any flags give settings or a SettingsError, never a
// panic, and accepted settings come back from their Flags.
func FuzzParseSettings(f *testing.F) {
	f.Add("control,treatment", "2:1", "3,6", "blocks", "20230401", "", "0.8")
	f.Add("a,b,c", "1:1:1", "", "complete", "0", "school", "0.8")
	f.Add("a,,b", "0:1", "4,x", "minimise", "-1", "", "abc")
	f.Fuzz(func(t *testing.T, arms, ratio, sizes, method, seed, cluster, prob string) {
		flags := map[string]string{"id": "id", "arms": arms, "ratio": ratio, "block-sizes": sizes, "method": method,
			"seed": seed, "cluster": cluster, "minimise-prob": prob, "factors": "f"}
		if method != "minimise" {
			delete(flags, "factors")
		}
		s, err := ParseSettings(flags)
		if err != nil {
			var se *SettingsError
			if !errors.As(err, &se) {
				t.Fatalf("error %v is not a SettingsError", err)
			}
			return
		}
		if len(s.Arms) < 2 || s.Ratio != nil && len(s.Ratio) != len(s.Arms) {
			t.Fatalf("accepted arms %q ratio %v", s.Arms, s.Ratio)
		}
		back, err := ParseSettings(s.Flags())
		if err != nil || !back.equal(s) {
			t.Fatalf("settings %+v come back as %+v, %v", s, back, err)
		}
	})
}

// FuzzRandomiseUnits reads any text as a units file and randomises it:
// an error or an allocation that its own manifest verifies, never a panic.
func FuzzRandomiseUnits(f *testing.F) {
	f.Add("unit_id,area,school\n1,n,a\n2,n,a\n3,s,b\n4,s,c\n", "area", "school", uint8(0))
	f.Add("\uFEFFunit_id,area\r\n\"0,1\",n\r\n2,\r\n", "area", "", uint8(1))
	f.Add("unit_id,area,f\n1,n,x\n2,n,y\n3,n,x\n", "", "", uint8(3))
	f.Fuzz(func(t *testing.T, text, block, cluster string, method uint8) {
		u, err := ReadUnits(strings.NewReader(text), "u.csv")
		if err != nil {
			return
		}
		s := Settings{ID: "unit_id", Arms: []string{"control", "treatment"}, Block: splitList(block), Cluster: cluster, Method: Method(method % 4), Seed: 1}
		switch s.Method {
		case Blocks:
			s.BlockSizes = []int{2, 4}
		case Minimise:
			s.Factors, s.Cluster = []string{"f"}, ""
		}
		r, err := RandomiseUnits(u, s)
		if err != nil {
			return
		}
		var out bytes.Buffer
		sum, err := r.WriteCSV(&out)
		if err != nil {
			t.Fatal(err)
		}
		m, err := r.Manifest(ManifestOptions{Input: "u.csv", Output: "a.csv", OutputSHA256: sum})
		if err != nil {
			t.Fatal(err)
		}
		files := map[string]string{"u.csv": text, "a.csv": out.String()}
		v, err := Verify(m, func(p string) (io.ReadCloser, error) { return io.NopCloser(strings.NewReader(files[p])), nil }, VerifyOptions{})
		if err != nil || !v.Verified {
			t.Fatalf("not verified: %v %v", err, v)
		}
	})
}
