package report

import (
	"bytes"
	"strings"
	"testing"
)

func TestWritePortfolioHTML(t *testing.T) {
	gates := portfolioTestGates()
	gates[0].Cards[1].Name = `Operation <Paramount> & "friends"`
	gates[0].Cards[1].LastMove = "2023-04-03: gate 1 to 2"
	var a, b bytes.Buffer
	if err := WritePortfolioHTML(&a, "Portfolio & board", gates); err != nil {
		t.Fatal(err)
	}
	if err := WritePortfolioHTML(&b, "Portfolio & board", gates); err != nil {
		t.Fatal(err)
	}
	page := a.String()
	if page != b.String() {
		t.Error("two renderings of the same portfolio differ")
	}
	for _, want := range []string{
		"<!DOCTYPE html>",
		"<title>Portfolio &amp; board</title>",
		"<svg",
		"5 interventions; 2 at gate 1; 1 at gate 2; 0 at gate 3; 2 at gate 4. 1 ready to move on",
		"Operation &lt;Paramount&gt; &amp; &#34;friends&#34;",
		"2023-04-03: gate 1 to 2",
		"waiting for business case, data ethics review, randomisation plan, analysis plan, power analysis",
		`<span class="alert">link not found: process evaluation</span>`,
		"No intervention at this gate.",
		"decision: scale",
	} {
		if !strings.Contains(page, want) {
			t.Errorf("page lacks %q", want)
		}
	}
	for _, bad := range []string{"<?xml", "<script", "<link", " src=", "url(http", "@import"} {
		if strings.Contains(page, bad) {
			t.Errorf("page holds %q: it must be self-contained", bad)
		}
	}
}
