package report

import (
	"fmt"
	"strings"
)

// analysisMarkdown returns summary.md: the report's headlines, its table
// of arms and each comparison's table with its warnings and notes, as
// Markdown for a board paper. Every text is escaped, so that a label
// cannot add markup.
func analysisMarkdown(pg analysisPage) []byte {
	var b strings.Builder
	fmt.Fprintf(&b, "# %s\n\n", mdText(pg.Title))
	if len(pg.Headlines) > 0 {
		b.WriteString("## Findings\n\n")
		for _, h := range pg.Headlines {
			fmt.Fprintf(&b, "- %s\n", mdText(h))
		}
		b.WriteString("\n")
	}
	b.WriteString("## Arms\n\n")
	head := []string{"Arm", "Randomised", "Analysed"}
	if pg.Summaries {
		head = append(head, "Outcome")
	}
	var rows [][]string
	for _, a := range pg.Arms {
		r := []string{a.Arm, a.Randomised, a.Analysed}
		if pg.Summaries {
			r = append(r, a.Summary)
		}
		rows = append(rows, r)
	}
	mdTable(&b, head, rows, 1)
	b.WriteString("## Results\n\n")
	mdWarnings(&b, "Before reporting any of these results:", pg.Common)
	for _, r := range pg.Results {
		fmt.Fprintf(&b, "### %s\n\n", mdText(r.Comparison))
		if r.Method != "" {
			fmt.Fprintf(&b, "Method: %s.\n\n", mdText(r.Method))
		}
		var rows [][]string
		for _, e := range r.Effects {
			rows = append(rows, []string{e.Measure, e.Value, e.Interval, e.P})
		}
		mdTable(&b, []string{"Measure", "Estimate", pg.CI, "p-value"}, rows, 1)
		if r.Randomisation != "" {
			fmt.Fprintf(&b, "%s\n\n", mdText(r.Randomisation))
		}
		mdWarnings(&b, "Before reporting this result:", r.Warnings)
		if len(r.Notes) > 0 {
			b.WriteString("Notes:\n\n")
			for _, n := range r.Notes {
				fmt.Fprintf(&b, "- %s\n", mdText(n))
			}
			b.WriteString("\n")
		}
	}
	if len(pg.Results) == 0 {
		b.WriteString("No comparisons were made.\n\n")
	}
	fmt.Fprintf(&b, "---\n\nOutcome %s (%s); data %s", mdText(pg.Outcome), pg.OutcomeType, mdText(or(pg.DataFile, "not recorded")))
	if pg.DataSHA256 != "" {
		fmt.Fprintf(&b, " (SHA-256 `%s`)", strings.ReplaceAll(pg.DataSHA256, "`", ""))
	}
	fmt.Fprintf(&b, "; evalkit %s", mdText(pg.Version))
	if pg.Date != "" {
		fmt.Fprintf(&b, "; %s", pg.Date)
	}
	b.WriteString(".\n")
	return []byte(b.String())
}

// mdWarnings writes warnings as a list under a bold heading.
func mdWarnings(b *strings.Builder, heading string, ws []analysisWarning) {
	if len(ws) == 0 {
		return
	}
	fmt.Fprintf(b, "**%s**\n\n", heading)
	for _, w := range ws {
		fmt.Fprintf(b, "- **%s:** %s\n", mdText(w.Title), mdText(w.Text))
	}
	b.WriteString("\n")
}

// mdTable writes a table whose columns from numeric on are right-aligned.
func mdTable(b *strings.Builder, head []string, rows [][]string, numeric int) {
	cells := func(r []string) {
		b.WriteString("|")
		for _, c := range r {
			b.WriteString(" " + strings.ReplaceAll(mdText(c), "|", `\|`) + " |")
		}
		b.WriteString("\n")
	}
	cells(head)
	b.WriteString("|")
	for i := range head {
		if i >= numeric && head[i] != "Outcome" {
			b.WriteString("---:|")
		} else {
			b.WriteString("---|")
		}
	}
	b.WriteString("\n")
	for _, r := range rows {
		cells(r)
	}
	b.WriteString("\n")
}

// mdEscaper escapes the characters that would make Markdown or HTML of
// a text, and turns line breaks into spaces.
var mdEscaper = strings.NewReplacer(`\`, `\\`, "*", `\*`, "`", "\\`", "[", `\[`, "]", `\]`, "<", `\<`, ">", `\>`, "#", `\#`, "\n", " ", "\r", " ")

// mdText escapes s for Markdown.
func mdText(s string) string { return mdEscaper.Replace(s) }

// or returns s, or def when s is empty.
func or(s, def string) string {
	if s == "" {
		return def
	}
	return s
}
