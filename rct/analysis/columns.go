package analysis

import (
	"errors"
	"fmt"
	"io"
	"slices"
	"strings"

	"github.com/evalkit/evalkit/internal/table"
)

// Columns names the trial's columns. An empty Arm means "arm"; Outcome is
// required; Exposure (counts only), Block and Cluster may be empty, and
// Covariates nil.
//
// ID, the column of unit ids, is read only when given; an analysis by the
// trial's design (Data.Allocated) needs it to find each row's allocation.
//
// Received (0/1: whether the unit received the intervention) adds each
// comparison's complier average causal effect; Subgroup, a column of
// labels, its estimate within each level and the interaction test.
type Columns struct {
	Arm, Outcome, Exposure, Block, Cluster string
	Covariates                             []string
	ID                                     string
	Received, Subgroup                     string
}

// Source is a table of text columns, such as a CSV file read by ReadCSV or
// a dataframe (package frame). Columns are read as text so that evalkit's
// own rules convert them: the missing-value tokens (empty, NA, NaN, .,
// null), decimal numbers only, and errors that name the row and column.
//
// A Source may also have a method FileName() string, the name its errors
// give it, and a method Labels(name string) ([]string, error), which Read
// calls instead of Column for the columns of labels (arm, block, cluster):
// package frame's refuses a dataframe column that gota has turned into
// numbers.
//
// A *table.Table (ReadCSV's) is read without a string per cell where it
// can be: the arm by its Codes, the numbers of a CSV file by its Float,
// the outcome's text and the search for possible clusters cell by cell
// (textColumn). Any other Source is read by Column, with the same results
// and errors.
type Source interface {
	// Names returns the column names.
	Names() []string
	// Column returns the named column's values in row order, or an error
	// naming the column when there is none.
	Column(name string) ([]string, error)
}

// Data is a trial's columns, read and converted, ready for Analyse.
type Data struct {
	file   string
	cols   Columns
	arm    armColumn
	y      []float64
	ytext  textColumn
	ex     []float64 // nil without an exposure column
	extext textColumn
	// yHasText reports that some outcome is text: neither a number nor
	// missing (NaN in y), such as yes or no.
	yHasText bool
	cov      []covariate
	block    []string // nil without a block column
	cluster  []string // nil without a cluster column
	// clusterLike are the columns that may be clusters, without a cluster
	// column (possible_cluster).
	clusterLike []clusterColumn
	// id holds the unit ids (nil without Columns.ID), and design the
	// allocation the rows were matched to (Allocated).
	id     []string
	design *Design
	// received is 0, 1 or NaN (missing) by row, nil without
	// Columns.Received; subgroup the Columns.Subgroup labels, or nil.
	received []float64
	subgroup []string
}

// Columns returns the columns d was read with, Arm filled in.
func (d Data) Columns() Columns { return d.cols }

// Rows returns the number of rows read.
func (d Data) Rows() int { return d.arm.len() }

// ReadCSV reads a trial from CSV with the command's rules: a UTF-8
// byte-order mark and CRLF line ends are accepted, every column is read as
// text, the columns c names are converted, and errors name the file (the
// base name of r's Name method, as an *os.File has), the row (the header
// being row 1) and the column.
func ReadCSV(r io.Reader, c Columns) (Data, error) {
	t, err := table.ReadFrom(r)
	if err != nil {
		return Data{}, err
	}
	return Read(t, c)
}

// Read reads the columns c names from src and converts the outcome, the
// exposure and the numeric covariates to numbers. A covariate with a value
// that is neither a number nor missing is categorical (a factor). An
// outcome may hold the words yes, no, true and false, which Analyse reads
// as a binary outcome; other text is an error there. Without a cluster
// column, Read also looks for columns that may be clusters
// (possible_cluster).
func Read(src Source, c Columns) (Data, error) {
	if c.Arm == "" {
		c.Arm = "arm"
	}
	if c.Outcome == "" {
		return Data{}, fmt.Errorf("analysis: no outcome column named")
	}
	if err := checkCovariates(c); err != nil {
		return Data{}, err
	}
	d := Data{file: "input", cols: c}
	if n, ok := src.(interface{ FileName() string }); ok {
		d.file = n.FileName()
	}
	var err error
	if d.arm, err = readArms(src, c.Arm); err != nil {
		return Data{}, err
	}
	var clusterLike func() []clusterColumn
	if c.Cluster == "" {
		clusterLike = searchClusters(src, c, d.arm)
	}
	if d.ytext, err = readNamedText(src, c.Outcome); err != nil {
		return Data{}, err
	}
	// A numeric outcome and exposure are held without the file's text,
	// unless a column of labels (ids, blocks, clusters, subgroups), whose
	// strings are pieces of that text, will keep it anyway: a Data of
	// numbers and codes lets the file go once the caller is done with the
	// table. (A factor's values keep it too, found only once read.)
	compact := c.ID == "" && c.Block == "" && c.Cluster == "" && c.Subgroup == ""
	d.y, d.yHasText, d.ytext = outcomeNumbers(d.ytext, compact)
	if c.Exposure != "" {
		if d.extext, d.ex, err = d.numbers(src, c.Exposure); err != nil {
			return Data{}, err
		}
	}
	for _, n := range c.Covariates {
		cv, err := d.readCovariate(src, n)
		if err != nil {
			return Data{}, err
		}
		d.cov = append(d.cov, cv)
	}
	if c.ID != "" {
		if d.id, err = labels(src, c.ID); err != nil {
			return Data{}, err
		}
	}
	if c.Block != "" {
		if d.block, err = labels(src, c.Block); err != nil {
			return Data{}, err
		}
	}
	if c.Cluster != "" {
		if d.cluster, err = labels(src, c.Cluster); err != nil {
			return Data{}, err
		}
	}
	if err := d.readReceived(src); err != nil {
		return Data{}, err
	}
	if err := d.readSubgroup(src); err != nil {
		return Data{}, err
	}
	for _, col := range []textColumn{d.ytext, d.extext, {s: d.block}, {s: d.cluster}, {s: d.id}, {s: d.subgroup}} {
		if col.read() && col.len() != d.arm.len() {
			return Data{}, fmt.Errorf("%s: the columns have different lengths (%d and %d rows)", d.file, d.arm.len(), col.len())
		}
	}
	for _, v := range d.cov {
		if n := max(len(v.x), len(v.text)); n != d.arm.len() {
			return Data{}, fmt.Errorf("%s: the columns have different lengths (%d and %d rows)", d.file, d.arm.len(), n)
		}
	}
	if clusterLike != nil {
		d.clusterLike = clusterLike()
	}
	if compact && d.extext.read() {
		d.extext = compactText(d.extext, d.ex)
	}
	return d, nil
}

// labels returns a column of labels from src.
func labels(src Source, name string) ([]string, error) {
	if l, ok := src.(interface {
		Labels(name string) ([]string, error)
	}); ok {
		return l.Labels(name)
	}
	return src.Column(name)
}

// checkCovariates refuses an empty covariate name, one given twice, and the
// outcome or arm given as a covariate.
func checkCovariates(c Columns) error {
	return checkCovariateNames(c.Covariates, "the outcome or the arm column", c.Outcome, c.Arm)
}

// checkCovariateNames refuses an empty covariate name, one given twice,
// and one of the columns others, which are what.
func checkCovariateNames(names []string, what string, others ...string) error {
	seen := map[string]bool{}
	for _, n := range names {
		switch {
		case n == "":
			return fmt.Errorf("analysis: an empty covariate name")
		case seen[n]:
			return fmt.Errorf("analysis: covariate %q is given twice", table.Clip(n))
		case slices.Contains(others, n):
			return fmt.Errorf("analysis: covariate %q is %s", table.Clip(n), what)
		}
		seen[n] = true
	}
	return nil
}

// ParseCovariates splits a comma-separated list of covariate columns, as
// evalkit analyse's --covariates, each name trimmed: an empty list is
// none; an empty name, a name given twice, or the outcome or arm column of
// c is an error.
func ParseCovariates(list string, c Columns) ([]string, error) {
	if strings.TrimSpace(list) == "" {
		return nil, nil
	}
	names := splitNames(list)
	if c.Arm == "" {
		c.Arm = "arm"
	}
	return names, checkCovariateNames(names, "the outcome or the arm column", c.Outcome, c.Arm)
}

// errNoData is returned by Analyse for a Data that was not read.
var errNoData = errors.New("analysis: no data: read the trial with Read or ReadCSV")
