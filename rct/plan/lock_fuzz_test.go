package plan

import "testing"

// FuzzParseLock: any bytes are read as a lock or refused, never a panic;
// a lock read has its digest and time, and Marshal writes what ParseLock
// reads back the same.
func FuzzParseLock(f *testing.F) {
	f.Add([]byte(`{"plan":"plan.yaml","sha256":"ab","locked_at":"2024-01-01T00:00:00Z","evalkit_version":"0.1.0"}`))
	f.Add([]byte(`{"sha256":"","locked_at":"0001-01-01T00:00:00Z"}`))
	f.Add([]byte(`{"sha256":"x","locked_at":"9999-12-31T23:59:60Z","extra":1}`))
	f.Add([]byte(`[`))
	f.Fuzz(func(t *testing.T, data []byte) {
		l, err := ParseLock(data)
		if err != nil {
			return
		}
		if l.SHA256 == "" || l.LockedAt.IsZero() {
			t.Fatalf("%q read as %+v", data, l)
		}
		b, err := l.Marshal()
		if err != nil {
			t.Fatal(err)
		}
		back, err := ParseLock(b)
		if err != nil || back.SHA256 != l.SHA256 || !back.LockedAt.Equal(l.LockedAt) || back.Plan != l.Plan {
			t.Fatalf("%q: Marshal wrote %q, read back as %+v, %v", data, b, back, err)
		}
	})
}

// FuzzParsePower: any bytes are read as a power result or refused, never
// a panic; a result read has its design, alpha and power.
func FuzzParsePower(f *testing.F) {
	f.Add([]byte(`{"design":"cluster","solved":"effect","effect":0.6,"power":0.8,"alpha":0.05,"sided":2}`))
	f.Add([]byte(`{"design":"","alpha":null}`))
	f.Add([]byte(`{"design":"ttest","alpha":1e999,"power":-1}`))
	f.Fuzz(func(t *testing.T, data []byte) {
		p, err := ParsePower(data)
		if err != nil {
			return
		}
		if p.Design == "" || p.Alpha == nil || p.Power == nil {
			t.Fatalf("%q read as %+v", data, p)
		}
	})
}
