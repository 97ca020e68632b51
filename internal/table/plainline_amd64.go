package table

// plainEndVec is plainEnd sixteen bytes at a time (SSE2), for as long as
// sixteen bytes are left; see plainline_amd64.s.
//
//go:noescape
func plainEndVec(s string, pos int, sep byte) (at, seps, state int)
