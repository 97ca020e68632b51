package plan

import (
	"bytes"
	"embed"
	"fmt"
	"html/template"
	"path/filepath"
	"strings"
)

//go:embed templates/plan.html.tmpl
var templates embed.FS

var planHTML = template.Must(template.New("plan.html.tmpl").Funcs(template.FuncMap{
	"inc": func(i int) int { return i + 1 },
}).ParseFS(templates, "templates/plan.html.tmpl"))

// Render writes the plan file f under the sections of a funder's
// statistical analysis plan (the Education Endowment Foundation's
// template): design and randomisation, sample size and minimum
// detectable effect size, primary analysis (its model written as the R
// call that defines it), secondary outcomes, subgroup analyses, baseline
// imbalance, missing data, compliance, effect size calculation and
// headline tables, headed by the files the plan rests on with their
// SHA-256 and the plan's lock. The format is name's extension: .md for
// Markdown, .html for one self-contained HTML file that opens with no
// network (its Content-Security-Policy allows nothing but its own style).
func Render(f *File, name string) ([]byte, error) {
	doc, err := newDocument(f)
	if err != nil {
		return nil, err
	}
	switch strings.ToLower(filepath.Ext(name)) {
	case ".md":
		return doc.markdown(), nil
	case ".html":
		var b bytes.Buffer
		err := planHTML.Execute(&b, doc)
		return b.Bytes(), err
	}
	return nil, fmt.Errorf("%s: render as .md or .html", name)
}

// markdown writes the document as Markdown: R calls in fenced blocks.
func (d *document) markdown() []byte {
	var b bytes.Buffer
	fmt.Fprintf(&b, "# %s\n\n", d.Title)
	for _, m := range d.Meta {
		fmt.Fprintf(&b, "- **%s:** %s\n", m.Name, m.Value)
	}
	for i, s := range d.Sections {
		fmt.Fprintf(&b, "\n## %d. %s\n", i+1, s.Title)
		for _, bl := range s.Blocks {
			if bl.Code {
				fmt.Fprintf(&b, "\n```r\n%s\n```\n", bl.Text)
			} else {
				fmt.Fprintf(&b, "\n%s\n", bl.Text)
			}
		}
	}
	return b.Bytes()
}
