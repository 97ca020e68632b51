//go:build !amd64

package table

// plainEndVec reads nothing where there is no vector code: plainEnd reads
// every word itself.
func plainEndVec(s string, pos int, sep byte) (at, seps, state int) { return pos, 0, vecMore }

// plainRun reads no line where there is no vector code: plainRecord reads
// each.
func plainRun(s string, pos int, sep byte, seps int, starts []uint32, most int) (n, next int) {
	return 0, pos
}

// prefetch does nothing where there is no vector code.
func prefetch(s []byte) {}
