package report

import (
	"html"
	"strings"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

// TestWarningsBesideResults: a comparison's warnings are shown in its own
// section, after its table; with several comparisons, those that concern
// every one come before them all; a code is shown in words.
func TestWarningsBesideResults(t *testing.T) {
	a := analysisExampleDeterrence()
	page, err := analysisHTML(analysisPageOf(a, nil))
	require.NoError(t, err)
	require.NotContains(t, string(page), `class="warnings"`)

	a.Warnings = []string{"possible_cluster: the arm is constant within each value of school", "no code here"}
	a.Comparisons[1].Warnings = []string{"few_clusters: the comparison of call-in + support with control has 8 clusters"}
	page, err = analysisHTML(analysisPageOf(a, nil))
	require.NoError(t, err)
	text := html.UnescapeString(string(page))
	common := strings.Index(text, "Before reporting any of these results")
	first := strings.Index(text, "<h3>call-in vs control</h3>")
	second := strings.Index(text, "<h3>call-in + support vs control</h3>")
	own := strings.Index(text, "<strong>Few clusters:</strong> the comparison of call-in + support")
	require.True(t, common >= 0 && first >= 0 && second >= 0 && own >= 0, "every part is shown")
	assert.Less(t, common, first, "the common warnings come before the comparisons")
	assert.Greater(t, own, second, "a comparison's warning is in its section")
	assert.Less(t, own, strings.Index(text, "<h2>How the effects were estimated</h2>"))
	assert.Contains(t, text, "<li><strong>Possible clusters:</strong> the arm is constant within each value of school</li>")
	assert.Contains(t, text, "<li><strong>Warning:</strong> no code here</li>")
	assert.NotContains(t, text, "few_clusters")

	// With one comparison every warning is beside it.
	a.Comparisons = a.Comparisons[:1]
	page, err = analysisHTML(analysisPageOf(a, nil))
	require.NoError(t, err)
	text = string(page)
	assert.NotContains(t, text, "Before reporting any of these results")
	assert.Greater(t, strings.Index(text, "Possible clusters"), strings.Index(text, "<h3>call-in vs control</h3>"))
}
