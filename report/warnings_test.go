package report

import (
	"strings"
	"testing"

	"github.com/stretchr/testify/require"
)

// TestWarningsBesideResults: the result's warnings are shown between the
// results table and the method, code and text apart; none, no box.
func TestWarningsBesideResults(t *testing.T) {
	a := analysisExampleHotspots(10)
	page, err := analysisHTML(a, nil)
	require.NoError(t, err)
	require.NotContains(t, string(page), `class="warnings"`)

	a.Warnings = []string{"possible_cluster: the arm is constant within each value of school", "no code here"}
	page, err = analysisHTML(a, nil)
	require.NoError(t, err)
	html := string(page)
	box := strings.Index(html, `<div class="warnings"`)
	require.Greater(t, box, strings.Index(html, "</table>"), "the warnings follow the results table")
	require.Less(t, box, strings.Index(html, "<h2>Method</h2>"))
	require.Contains(t, html, "<li><code>possible_cluster</code> the arm is constant within each value of school</li>")
	require.Contains(t, html, "<li><code>warning</code> no code here</li>")
}
