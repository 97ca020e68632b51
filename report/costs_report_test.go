package report

import (
	"math"
	"slices"
	"strings"
	"testing"
	"time"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/evalkit/evalkit/unitcost"
)

func TestRenderCosts(t *testing.T) {
	res := costsResult(t)
	res.Sensitivity = 0.1
	res.Interventions[0].Sensitivity = []unitcost.Sensitivity{{Input: "non_staff", Down: 700, Up: 800, Spread: 100}}
	res.Warnings = []string{"Costs with <no> reach: cost per person undefined."}
	r, err := RenderCosts(res, Provenance{DataFile: "/home/me/costs_2023_24.csv", DataSHA256: "ab12", Version: "0.1.0",
		Date: time.Date(2024, 4, 2, 10, 0, 0, 0, time.UTC)})
	require.NoError(t, err)
	analysisCheckSelfContained(t, r.HTML)
	html := string(r.HTML)
	var names []string
	for n := range r.Files() {
		names = append(names, n)
	}
	slices.Sort(names)
	assert.Equal(t, []string{"cost_per_person.png", "report.html", "tornado_school_navigators.png"}, names)
	assert.Equal(t, 2, strings.Count(html, "<svg"))
	assert.NotContains(t, html, "/home/me")
	assert.Contains(t, html, "<td>School Navigators</td>")
	assert.Contains(t, html, ">"+Money(res.Total.TotalCost)+"<", "the programme's total in pounds")
	assert.Contains(t, html, "Costs with &lt;no&gt; reach")
	assert.Contains(t, html, "<th class=\"num\">Non-staff</th>")
	assert.NotContains(t, html, "non_staff")
}

func TestMoney(t *testing.T) {
	for _, tc := range []struct {
		v    float64
		want string
	}{
		{1234.4, "£1,234"}, {1234567.5, "£1,234,568"}, {9.5, "£9.50"}, {0, "£0"}, {0.004, "£0.00"}, {-2500, "-£2,500"},
		{math.NaN(), "-"}, {math.Inf(1), "-"},
	} {
		assert.Equal(t, tc.want, Money(tc.v), "%v", tc.v)
	}
	assert.Equal(t, "school_navigators", costSlug("School Navigators"))
	assert.Equal(t, "a_b", costSlug("  a & b!"))
	assert.Equal(t, "intervention", costSlug("—"))
}
