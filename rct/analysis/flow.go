package analysis

import "github.com/evalkit/evalkit/internal/table"

// ArmFlow is one arm's participant flow, the counts of a CONSORT 2010
// flow diagram [1], with the clusters of a cluster trial as its cluster
// extension [2] asks. With a design (Data.Allocated) the allocation is the
// manifest's; without one it is the trial file's rows with the arm.
//
//	Allocated = NotInData + NoOutcome + Excluded + Analysed
//
// [1] Schulz, K. F., Altman, D. G. and Moher, D. (2010). CONSORT 2010
// statement. BMJ 340, c332.
// [2] Campbell, M. K., Piaggio, G., Elbourne, D. R. and Altman, D. G.
// (2012). Consort 2010 statement: extension to cluster randomised trials.
// BMJ 345, e5661.
type ArmFlow struct {
	Arm string
	// Allocated counts the units allocated to the arm.
	Allocated int
	// NotInData counts the allocated units without a row in the trial
	// file, and NoOutcome the rows without an outcome: together, those
	// lost to follow-up.
	NotInData, NoOutcome int
	// Excluded counts the rows with an outcome left out of the analysis
	// for another missing value: an exposure, covariate, block or cluster.
	Excluded int
	// Analysed counts the rows analysed (Arm.N).
	Analysed int
	// ClustersAllocated counts the arm's clusters and ClustersAnalysed
	// those with at least one row analysed; both 0 without a cluster.
	ClustersAllocated, ClustersAnalysed int
}

// flow returns the arms' flow, in the order of the Result's arms.
func (t *trial) flow() []ArmFlow {
	d := t.d
	arms := t.arms()
	index := make(map[string]int, len(arms))
	out := make([]ArmFlow, len(arms))
	allocated := make([]map[string]bool, len(arms))
	for j, a := range arms {
		index[a.label] = j
		out[j] = ArmFlow{Arm: a.label, Analysed: len(a.y), Excluded: a.nMissing}
		allocated[j] = map[string]bool{}
		analysed := map[string]bool{}
		for _, i := range a.rows {
			if d.cluster != nil {
				analysed[d.cluster[i]] = true
			}
		}
		out[j].ClustersAnalysed = len(analysed)
	}
	armOf := make([]int, len(d.arm.levels)) // index by code, -1 for none
	for k, lab := range d.arm.levels {
		if j, ok := index[lab]; ok {
			armOf[k] = j
		} else {
			armOf[k] = -1
		}
	}
	for i, k := range d.arm.codes {
		if k < 0 || armOf[k] < 0 {
			continue
		}
		j := armOf[k]
		if d.outcomeMissing(i) {
			out[j].NoOutcome++
			out[j].Excluded--
		}
		if d.design == nil {
			out[j].Allocated++
			if d.cluster != nil && !table.IsMissing(d.cluster[i]) {
				allocated[j][d.cluster[i]] = true
			}
		}
	}
	if des := d.design; des != nil {
		inData := make([]bool, des.NAllocated)
		for _, u := range des.unit {
			if u >= 0 {
				inData[u] = true
			}
		}
		for u, lab := range des.alloc.Arm {
			j, ok := index[lab]
			if !ok {
				continue
			}
			out[j].Allocated++
			if !inData[u] {
				out[j].NotInData++
			}
			if des.alloc.Cluster != nil {
				allocated[j][des.alloc.Cluster[u]] = true
			}
		}
	}
	for j := range out {
		out[j].ClustersAllocated = len(allocated[j])
	}
	return out
}
