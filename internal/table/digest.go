package table

import (
	"crypto/sha256"
	"encoding/binary"
	"encoding/hex"
	"hash"
)

// CellsHash computes the digest of a table's cells, which a randomise
// manifest records for an allocation written as a workbook, so that the
// workbook may be opened and saved again (its bytes change) and still be
// checked cell for cell:
//
//	SHA-256 over the rows in order, the header first, each row written as
//	its number of cells n, then each cell as its length in bytes m and its
//	m bytes of UTF-8 text, n and m as unsigned 64-bit big-endian integers.
//
// Every cell is written, empty ones included, so no two tables have the
// same stream of bytes.
type CellsHash struct {
	h   hash.Hash
	buf [8]byte
}

// NewCellsHash returns a CellsHash with no rows yet.
func NewCellsHash() *CellsHash { return &CellsHash{h: sha256.New()} }

// Row adds a row's cells.
func (c *CellsHash) Row(cells []string) {
	c.uint(len(cells))
	for _, s := range cells {
		c.uint(len(s))
		c.h.Write([]byte(s))
	}
}

func (c *CellsHash) uint(n int) {
	binary.BigEndian.PutUint64(c.buf[:], uint64(n))
	c.h.Write(c.buf[:])
}

// Sum returns the digest in hexadecimal.
func (c *CellsHash) Sum() string { return hex.EncodeToString(c.h.Sum(nil)) }

// CellsSHA256 returns the digest of the table's cells (CellsHash): its
// header, then each data row.
func (t *Table) CellsSHA256() string {
	c := NewCellsHash()
	c.Row(t.Header)
	row := make([]string, len(t.Header))
	var spans []span
	for i := 0; i < t.Rows(); i++ {
		spans = t.row(i, spans)
		for j, s := range spans {
			row[j] = t.str(s)
		}
		c.Row(row)
	}
	return c.Sum()
}
