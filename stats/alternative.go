package stats

// Alternative is the alternative hypothesis of a test. Its zero value is the
// two-sided test.
type Alternative int

const (
	// TwoSided is the alternative that the effect differs from the null value.
	TwoSided Alternative = iota
	// Less is the alternative that the effect is below the null value.
	Less
	// Greater is the alternative that the effect is above the null value.
	Greater
)

func (a Alternative) String() string {
	switch a {
	case TwoSided:
		return "two.sided"
	case Less:
		return "less"
	case Greater:
		return "greater"
	}
	return "Alternative(?)"
}
