package power

import (
	"bytes"
	"fmt"
	"io"
	"strings"
	"text/tabwriter"
)

// WriteText prints the summary as evalkit power prints it without --json:
// the title, what was solved for, the values, then the assumptions, each
// wrapped at 78 columns.
func (s Summary) WriteText(w io.Writer) error {
	var b bytes.Buffer
	fmt.Fprintf(&b, "%s\nSolved for: %s\n\n", s.Title, s.Solved)
	tw := tabwriter.NewWriter(&b, 0, 0, 2, ' ', 0)
	for _, r := range s.Rows {
		fmt.Fprintf(tw, "  %s\t%s\n", r.Name, r.Value)
	}
	tw.Flush()
	b.WriteString("\nAssumptions:\n")
	for _, a := range s.Assumptions {
		b.WriteString(wrap("  - ", a, 78))
	}
	_, err := w.Write(b.Bytes())
	return err
}

// wrap wraps text at width, the first line after prefix and the rest
// indented to match.
func wrap(prefix, text string, width int) string {
	var b strings.Builder
	line := prefix
	indent := strings.Repeat(" ", len(prefix))
	for _, word := range strings.Fields(text) {
		if len(line)+1+len(word) > width && strings.TrimSpace(line) != strings.TrimSpace(prefix) {
			b.WriteString(strings.TrimRight(line, " ") + "\n")
			line = indent
		}
		if line != prefix && line != indent {
			line += " "
		}
		line += word
	}
	b.WriteString(line + "\n")
	return b.String()
}
