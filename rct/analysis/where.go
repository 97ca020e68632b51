package analysis

// where returns the rows i of s for which keep(i) holds, in order, with
// the covariates' model columns made afresh from those rows
// (setCovariates), so that a factor has the levels they hold.
func (s *subset) where(d *Data, keep func(i int) bool) (*subset, error) {
	out := &subset{}
	for i := range s.row {
		if !keep(i) {
			continue
		}
		out.row = append(out.row, s.row[i])
		out.y = append(out.y, s.y[i])
		out.treat = append(out.treat, s.treat[i])
		if s.exposure != nil {
			out.exposure = append(out.exposure, s.exposure[i])
		}
		if s.block != nil {
			out.block = append(out.block, s.block[i])
		}
		if s.cluster != nil {
			out.cluster = append(out.cluster, s.cluster[i])
		}
	}
	return out, out.setCovariates(d)
}
