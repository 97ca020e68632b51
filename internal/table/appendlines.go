package table

// AppendLines appends to b the lines of rows lo, lo+1, ... up to hi-1,
// each as WrittenLine returns it followed by tails[tail[i]] (i the row),
// and returns b and the row it stopped at: hi, or the first row whose line
// WrittenLine does not return or that does not end where the next row's
// begins but for its LF (endAtNext), which the caller writes another way.
// It is WrittenLine and append in one loop, for the many short lines of a
// large file.
func (t *Table) AppendLines(b []byte, lo, hi int, tail []int, tails []string) ([]byte, int) {
	if t.sep != ',' || len(t.field) != t.width {
		return b, lo
	}
	i := lo
	for ; i < hi; i++ {
		if (t.held[i>>6]|t.quotes[i>>6])&(1<<(i&63)) != 0 {
			break
		}
		end, ok := t.endAtNext(i)
		if !ok {
			break
		}
		b = append(b, t.text[t.starts[i]:end]...)
		b = append(b, tails[tail[i]]...)
	}
	return b, i
}
