package lifecycle

import (
	"encoding/json"
	"errors"
	"fmt"
	"io/fs"
	"path"
	"strings"

	"github.com/evalkit/evalkit/rct/plan"
)

// isYAML reports whether name is a YAML file by its extension.
func isYAML(name string) bool {
	ext := strings.ToLower(path.Ext(name))
	return ext == ".yaml" || ext == ".yml"
}

// checkPlanYAML describes a linked YAML file that is a pre-specified
// analysis plan and checks its digests (plan.Verify); any other YAML file
// is not a result.
func checkPlanYAML(fsys fs.FS, name string, c *LinkCheck) {
	p, err := plan.Verify(fsys, name, "")
	if p == nil {
		return
	}
	c.Kind = AnalysisPlan
	c.Summary = "analysis plan: primary outcome " + p.Primary.Outcome
	if n := len(p.Secondary); n > 0 {
		c.Summary += fmt.Sprintf(" and %d secondary", n)
	}
	c.Summary += fmt.Sprintf(", %s randomisation of %d units", p.Design.Method, p.Design.N)
	if err != nil {
		c.Problem, c.Detail = PlanMismatch, oneLine(err.Error())
	}
}

// checkPlanLock checks a linked plan lock against the plan it is for.
func checkPlanLock(fsys fs.FS, name string, data []byte, c *LinkCheck) {
	l, err := plan.ParseLock(data)
	if err != nil {
		c.Problem, c.Detail = PlanMismatch, c.Path+" cannot be checked: "+oneLine(err.Error())
		return
	}
	verifyPlan(fsys, path.Join(path.Dir(name), l.Plan), "", c)
}

// checkPlanAnalysis checks a linked analysis made under a plan (its JSON
// holds plan: file, sha256, changed) against the plan, found relative to
// the analysis's folder or else to the portfolio's; an analysis without a
// plan has nothing to check.
func checkPlanAnalysis(fsys fs.FS, name string, data []byte, c *LinkCheck) {
	var doc struct {
		Plan *struct {
			File    string `json:"file"`
			SHA256  string `json:"sha256"`
			Changed bool   `json:"changed"`
		} `json:"plan"`
	}
	if json.Unmarshal(data, &doc) != nil || doc.Plan == nil {
		return
	}
	if doc.Plan.Changed {
		c.Problem, c.Detail = PlanMismatch, fmt.Sprintf("%s was made under %s changed since its lock (--allow-changed-plan)", c.Path, doc.Plan.File)
		return
	}
	found := manifestFile(name, doc.Plan.File)
	if _, err := fs.Stat(fsys, found); err != nil {
		found = path.Clean(doc.Plan.File)
	}
	verifyPlan(fsys, found, doc.Plan.SHA256, c)
}

// verifyPlan checks the plan called name, which the link c leads to
// through a lock or an analysis, against want and its own digests
// (plan.Verify), and records what disagrees as c's problem.
func verifyPlan(fsys fs.FS, name, want string, c *LinkCheck) {
	p, err := plan.Verify(fsys, name, want)
	switch {
	case err == nil:
		return
	case p == nil && errors.Is(err, fs.ErrNotExist):
		c.Detail = fmt.Sprintf("%s cannot be checked: its plan %s is not there", c.Path, name)
	case p == nil:
		c.Detail = fmt.Sprintf("%s cannot be checked: its plan %s: %s", c.Path, name, oneLine(err.Error()))
	default:
		c.Detail = oneLine(err.Error())
	}
	c.Problem = PlanMismatch
}
