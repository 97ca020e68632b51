package unitcost

import (
	"errors"
	"testing"
)

func TestParsePounds(t *testing.T) {
	for _, tc := range []struct {
		name string
		in   string
		want Pence
		err  error
	}{
		{"whole pounds", "153000", 15300000, nil},
		{"pence", "1200.50", 120050, nil},
		{"one decimal", "1200.5", 120050, nil},
		{"leading point", ".07", 7, nil},
		{"trailing zeros", "10.500", 1050, nil},
		{"spaces", "  42 ", 4200, nil},
		{"plus", "+3", 300, nil},
		{"negative", "-3.07", -307, nil},
		{"zero", "0", 0, nil},
		{"leading zeros", "000012.30", 1230, nil},
		{"largest", "1000000000000", 100000000000000, nil},
		{"too large", "1000000000000.01", 0, ErrOverflow},
		{"far too large", "99999999999999999999999", 0, ErrOverflow},
		{"pound sign", "£1200", 0, ErrAmount},
		{"pound sign and comma", "£1,200", 0, ErrAmount},
		{"dollar", "$5", 0, ErrAmount},
		{"GBP", "GBP 5", 0, ErrAmount},
		{"thousands separator", "1,200", 0, ErrAmount},
		{"decimal comma", "12,50", 0, ErrAmount},
		{"k", "12k", 0, ErrAmount},
		{"K", "1.5K", 0, ErrAmount},
		{"m", "1.5m", 0, ErrAmount},
		{"p", "50p", 0, ErrAmount},
		{"exponent", "1e3", 0, ErrAmount},
		{"brackets", "(500)", 0, ErrAmount},
		{"inner space", "1 200", 0, ErrAmount},
		{"fraction of a penny", "12.345", 0, ErrAmount},
		{"two points", "1.2.3", 0, ErrAmount},
		{"point only", ".", 0, ErrAmount},
		{"trailing point", "12.", 0, ErrAmount},
		{"sign only", "-", 0, ErrAmount},
		{"words", "twelve", 0, ErrAmount},
		{"Inf", "Inf", 0, ErrAmount},
		{"empty", "", 0, ErrMissing},
		{"blank", "   ", 0, ErrMissing},
	} {
		t.Run(tc.name, func(t *testing.T) {
			got, err := ParsePounds(tc.in)
			if tc.err != nil {
				if !errors.Is(err, tc.err) {
					t.Fatalf("ParsePounds(%q) = %v, %v; want error %v", tc.in, got, err, tc.err)
				}
				return
			}
			if err != nil || got != tc.want {
				t.Fatalf("ParsePounds(%q) = %v, %v; want %v", tc.in, got, err, tc.want)
			}
		})
	}
}

func TestPenceString(t *testing.T) {
	for _, tc := range []struct {
		p    Pence
		want string
	}{{0, "0.00"}, {7, "0.07"}, {120050, "1200.50"}, {-307, "-3.07"}, {-9223372036854775808, "-92233720368547758.08"}} {
		if got := tc.p.String(); got != tc.want {
			t.Errorf("Pence(%d).String() = %q, want %q", int64(tc.p), got, tc.want)
		}
	}
}

func FuzzParsePounds(f *testing.F) {
	for _, s := range []string{"0", "1200.50", "£1,200", "12k", "-3.07", ".5", "1e3", "", "99999999999999"} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, s string) {
		p, err := ParsePounds(s)
		if err != nil {
			return
		}
		if p > maxLinePence || p < -maxLinePence {
			t.Fatalf("ParsePounds(%q) = %d, out of range", s, int64(p))
		}
		back, err := ParsePounds(p.String())
		if err != nil || back != p {
			t.Fatalf("ParsePounds(%q) = %v, but %q reads back as %v, %v", s, p, p.String(), back, err)
		}
	})
}

func TestParseYear(t *testing.T) {
	for _, tc := range []struct {
		name string
		in   string
		want int
		err  error
	}{
		{"calendar", "2023", 2023, nil},
		{"financial", "2023-24", 2023, nil},
		{"financial slash", "2023/24", 2023, nil},
		{"financial long", "2023-2024", 2023, nil},
		{"century", "1999-00", 1999, nil},
		{"spaces", " 2024 ", 2024, nil},
		{"not consecutive", "2023-25", 0, ErrYear},
		{"two digits", "23", 0, ErrYear},
		{"text", "last year", 0, ErrYear},
		{"decimal", "2023.0", 0, ErrYear},
		{"too early", "1066", 0, ErrYear},
		{"empty", "", 0, ErrMissing},
	} {
		t.Run(tc.name, func(t *testing.T) {
			got, err := ParseYear(tc.in)
			if tc.err != nil {
				if !errors.Is(err, tc.err) {
					t.Fatalf("ParseYear(%q) = %v, %v; want error %v", tc.in, got, err, tc.err)
				}
				return
			}
			if err != nil || got != tc.want {
				t.Fatalf("ParseYear(%q) = %v, %v; want %v", tc.in, got, err, tc.want)
			}
		})
	}
}

func TestParseCategory(t *testing.T) {
	for i, n := range []string{"staff", "non_staff", "overhead", "in_kind", "volunteer"} {
		c, err := ParseCategory(" " + n + " ")
		if err != nil || c != Category(i) || c.String() != n {
			t.Errorf("ParseCategory(%q) = %v, %v", n, c, err)
		}
	}
	if c, err := ParseCategory("Staff"); err != nil || c != Staff {
		t.Errorf("ParseCategory(Staff) = %v, %v", c, err)
	}
	for _, bad := range []string{"non-staff", "salaries", "", "in kind"} {
		if _, err := ParseCategory(bad); !errors.Is(err, ErrCategory) {
			t.Errorf("ParseCategory(%q): err = %v, want ErrCategory", bad, err)
		}
	}
}

func TestStaffCost(t *testing.T) {
	for _, tc := range []struct {
		name   string
		salary Pence
		rate   float64
		wte    float64
		want   Pence
		err    error
	}{
		// 42000 × 1.30 × 0.4 = 21840 exactly (the Sports & Inclusion post).
		{"impact manager VRU share", 4200000, 0.30, 0.4, 2184000, nil},
		{"impact manager StreetGames share", 4200000, 0.30, 0.6, 3276000, nil},
		// 30000 × 1.28 × 0.4 = 15360, though 1.28 × 0.4 is not exact in binary.
		{"binary fractions", 3000000, 0.28, 0.4, 1536000, nil},
		// 25000.01 × 1 × 0.5 = 12500.005: the half penny rounds up.
		{"half penny up", 2500001, 0, 0.5, 1250001, nil},
		// 0.01 × 1.1 × 0.1 = 0.0011: less than half a penny.
		{"rounds to nothing", 1, 0.1, 0.1, 0, nil},
		{"several posts", 3100000, 0.25, 2.5, 9687500, nil},
		{"no time", 3100000, 0.25, 0, 0, nil},
		{"negative salary", -1, 0.25, 1, 0, ErrNegative},
		{"negative rate", 100, -0.1, 1, 0, ErrNegative},
		{"negative wte", 100, 0.1, -1, 0, ErrNegative},
		{"NaN wte", 100, 0.1, nan(), 0, ErrNumber},
		{"percentage as rate", 100, 28, 1, 0, ErrNumber},
		{"too large", 100000000000000, 0.3, 10, 0, ErrOverflow},
	} {
		t.Run(tc.name, func(t *testing.T) {
			got, err := StaffCost(tc.salary, tc.rate, tc.wte)
			if tc.err != nil {
				if !errors.Is(err, tc.err) {
					t.Fatalf("StaffCost = %v, %v; want error %v", got, err, tc.err)
				}
				return
			}
			if err != nil || got != tc.want {
				t.Fatalf("StaffCost = %v, %v; want %v", got, err, tc.want)
			}
		})
	}
}
