package unitcost

import (
	"fmt"
	"strings"
)

// Category is the kind of a cost line. Every category counts in an
// intervention's total cost, which is its full economic cost; the totals by
// category keep cash spending apart from the value of what was given.
type Category int

const (
	// Staff is pay and on-costs of the people who deliver the intervention.
	Staff Category = iota
	// NonStaff is other direct spending: venues, equipment, travel, grants.
	NonStaff
	// Overhead is a share of management, accommodation and support costs.
	Overhead
	// InKind is the value of staff, premises or services given by a partner
	// without payment, such as officers seconded by the police.
	InKind
	// Volunteer is the value of volunteers' time.
	Volunteer
)

// Categories lists the categories in the order that reports show them.
var Categories = []Category{Staff, NonStaff, Overhead, InKind, Volunteer}

var categoryNames = [...]string{"staff", "non_staff", "overhead", "in_kind", "volunteer"}

// String returns the category's name as sheets write it, such as non_staff.
func (c Category) String() string {
	if c < 0 || int(c) >= len(categoryNames) {
		return fmt.Sprintf("Category(%d)", int(c))
	}
	return categoryNames[c]
}

// MarshalText returns the category's name, so that it can key a JSON object.
func (c Category) MarshalText() ([]byte, error) {
	if c < 0 || int(c) >= len(categoryNames) {
		return nil, fmt.Errorf("unitcost: %v is not a category", c)
	}
	return []byte(categoryNames[c]), nil
}

// ParseCategory reads a category's name: staff, non_staff, overhead,
// in_kind or volunteer, in any letter case, with surrounding spaces
// ignored. Anything else, such as "non-staff" or "salaries", is an error
// wrapping ErrCategory that lists the names.
func ParseCategory(s string) (Category, error) {
	t := strings.ToLower(strings.TrimSpace(s))
	for i, n := range categoryNames {
		if t == n {
			return Category(i), nil
		}
	}
	return 0, fmt.Errorf("%w; use one of %s", ErrCategory, strings.Join(categoryNames[:], ", "))
}
