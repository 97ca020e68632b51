package pool

import (
	"errors"
	"fmt"
	"io"
	"math"
	"path"
	"strconv"
	"strings"

	"gonum.org/v1/gonum/mathext"

	"github.com/evalkit/evalkit/internal/table"
	"github.com/evalkit/evalkit/rct/analysis"
)

// File is an input file: the name errors give it (and the site's name,
// without its extension), and its content.
type File struct {
	Name string
	R    io.Reader
}

// ErrComparison is wrapped by the error for an analysis of several
// comparisons when none was chosen, or one that has not the chosen one.
var ErrComparison = errors.New("choose the comparison by its treatment arm")

// ReadAnalyses reads the JSON that `evalkit analyse --json` printed for each
// site, in the order given, and takes from each the comparison of the
// treatment arm named by comparison (or, when comparison is "", the file's
// only comparison). Each site is named by its file's name without the
// extension. A ratio is taken on the log scale, its se from its interval;
// a difference as it is, its se from its interval where the JSON's is null
// (see the package's documentation).
//
// Errors name the file and the comparison, for
//
//	text that is not JSON, or a key holding the wrong kind of value (the line)
//	no comparisons or no level: not the JSON of evalkit analyse
//	several comparisons and comparison "", or none of that treatment arm (wraps ErrComparison)
//	an unknown method, or a null estimate (the analysis's notes say why)
//	a ratio or an interval bound that is not greater than 0, an empty interval
//	a ratio among differences, or outcome types that differ
//	two files of the same site name
//
// and fewer than 2 files is an error wrapping ErrTooFewSites.
func ReadAnalyses(files []File, comparison string) (*Sites, error) {
	s := &Sites{}
	var first *analysisSite
	seen := make(map[string]string, len(files))
	for _, f := range files {
		a, err := readAnalysis(f, comparison)
		if err != nil {
			return nil, err
		}
		if first == nil {
			first, s.Log = a, a.method.Ratio()
		} else if err := a.poolableWith(first); err != nil {
			return nil, err
		}
		site := strings.TrimSuffix(f.Name, path.Ext(f.Name))
		if other, dup := seen[site]; dup {
			return nil, fmt.Errorf("%s: the same site name %q as %s: rename one of the files", f.Name, table.Clip(site), other)
		}
		seen[site] = f.Name
		s.Names, s.Estimate, s.SE = append(s.Names, site), append(s.Estimate, a.estimate), append(s.SE, a.se)
	}
	if len(s.Names) < 2 {
		return nil, tooFew(len(s.Names))
	}
	return s, nil
}

// analysisSite is one site's comparison, on the scale pooled.
type analysisSite struct {
	file         string
	typ          analysis.Type
	method       analysis.Method
	estimate, se float64
}

// poolableWith returns an error unless a can be pooled with first: the same
// outcome type, and both ratios or both differences.
func (a *analysisSite) poolableWith(first *analysisSite) error {
	if a.typ != first.typ {
		return fmt.Errorf("%s: a %s outcome, but %s's is %s: effects on different outcomes cannot be pooled", a.file, a.typ, first.file, first.typ)
	}
	if a.method.Ratio() != first.method.Ratio() {
		return fmt.Errorf("%s: a %s (%s), but %s's is a %s (%s): effects on different scales cannot be pooled",
			a.file, a.method.Measure(a.typ), a.method, first.file, first.method.Measure(first.typ), first.method)
	}
	return nil
}

// readAnalysis reads one file and takes its comparison.
func readAnalysis(f File, comparison string) (*analysisSite, error) {
	data, err := io.ReadAll(f.R)
	if err != nil {
		return nil, fmt.Errorf("%s: %w", f.Name, err)
	}
	var doc analysisJSON
	if err := decodeJSON(f.Name, data, &doc); err != nil {
		return nil, err
	}
	if doc.Comparisons == nil || doc.Type == nil || doc.Level == nil {
		return nil, fmt.Errorf("%s: no comparisons, type or level: not the JSON of evalkit analyse --json", f.Name)
	}
	typ, err := analysis.ParseType(*doc.Type)
	if err != nil || typ == analysis.Auto {
		return nil, fmt.Errorf("%s: outcome type %q: want continuous, binary or count", f.Name, *doc.Type)
	}
	if level := *doc.Level; !(level > 0 && level < 1) {
		return nil, fmt.Errorf("%s: level %g: want the confidence level of the analysis, between 0 and 1", f.Name, level)
	}
	c, err := chooseComparison(f.Name, *doc.Comparisons, comparison)
	if err != nil {
		return nil, err
	}
	where := fmt.Sprintf("%s: comparison %s vs %s", f.Name, strconv.Quote(c.Treatment), strconv.Quote(c.Control))
	m, err := analysis.ParseMethod(c.Method)
	if err != nil {
		return nil, fmt.Errorf("%s: unknown method %q", where, c.Method)
	}
	if c.Estimate == nil {
		return nil, fmt.Errorf("%s: the estimate is null (the analysis's notes say why): nothing to pool", where)
	}
	a := &analysisSite{file: f.Name, typ: typ, method: m}
	z := -mathext.NormalQuantile((1 - *doc.Level) / 2)
	if m.Ratio() {
		a.estimate, a.se, err = logRatio(*c.Estimate, c.CILow, c.CIHigh, z)
	} else {
		a.estimate, a.se, err = difference(*c.Estimate, c.SE, c.CILow, c.CIHigh, z)
	}
	if err != nil {
		return nil, fmt.Errorf("%s (%s): %w", where, m, err)
	}
	return a, nil
}

// chooseComparison returns the comparison of the treatment arm named
// treatment, or the only one when treatment is "".
func chooseComparison(file string, cs []analysisComparison, treatment string) (*analysisComparison, error) {
	arms := make([]string, len(cs))
	for i, c := range cs {
		if treatment != "" && c.Treatment == treatment {
			return &cs[i], nil
		}
		arms[i] = strconv.Quote(c.Treatment)
	}
	switch {
	case len(cs) == 0:
		return nil, fmt.Errorf("%s: no comparisons to pool", file)
	case treatment != "":
		return nil, fmt.Errorf("%s: no comparison of treatment %q (the treatments are %s): %w", file, table.Clip(treatment), strings.Join(arms, ", "), ErrComparison)
	case len(cs) > 1:
		return nil, fmt.Errorf("%s: %d comparisons (the treatments are %s): %w", file, len(cs), strings.Join(arms, ", "), ErrComparison)
	}
	return &cs[0], nil
}

// logRatio returns log(ratio) and the se of the log from the interval,
// (log(hi) - log(lo)) / (2 z).
func logRatio(ratio float64, lo, hi *float64, z float64) (est, se float64, err error) {
	if !(ratio > 0) {
		return 0, 0, fmt.Errorf("the ratio %g is not greater than 0: its log cannot be pooled", ratio)
	}
	if lo == nil || hi == nil {
		return 0, 0, errors.New("the interval is null: no standard error for the log ratio")
	}
	if !(*lo > 0 && *hi > *lo) {
		return 0, 0, fmt.Errorf("the interval %g to %g is not of ratios greater than 0, low below high", *lo, *hi)
	}
	se = (math.Log(*hi) - math.Log(*lo)) / (2 * z)
	if !(se > 0) {
		return 0, 0, fmt.Errorf("the interval %g to %g is too narrow for a standard error", *lo, *hi)
	}
	return math.Log(ratio), se, nil
}

// difference returns the estimate and its se, or where the se is null,
// (hi - lo) / (2 z).
func difference(est float64, se, lo, hi *float64, z float64) (float64, float64, error) {
	if se != nil {
		if !(*se > 0) {
			return 0, 0, fmt.Errorf("se %g: a standard error must be greater than 0", *se)
		}
		return est, *se, nil
	}
	if lo == nil || hi == nil {
		return 0, 0, errors.New("the se and the interval are null: no standard error")
	}
	s := (*hi - *lo) / (2 * z)
	if !(s > 0) || math.IsInf(s, 0) {
		return 0, 0, fmt.Errorf("the interval %g to %g gives no standard error (low must be below high)", *lo, *hi)
	}
	return est, s, nil
}
