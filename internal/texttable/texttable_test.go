package texttable

import (
	"bytes"
	"testing"

	"github.com/stretchr/testify/assert"
)

func TestWrite(t *testing.T) {
	tb := Table{Title: "By funder", Align: "lr"}
	tb.Add("Funder", "Cost")
	tb.Add("VRU core grant", "£153,000.00")
	tb.Add("TVP", "£9.00")
	var b bytes.Buffer
	tb.Write(&b)
	// "Funder" is padded to the 14 runes of "VRU core grant"; the pound
	// sign counts as one rune, so "£153,000.00" is 11 wide.
	assert.Equal(t, "\nBy funder\n"+
		"Funder                 Cost\n"+
		"VRU core grant  £153,000.00\n"+
		"TVP                   £9.00\n", b.String())
}

func TestWriteNoTitleShortRow(t *testing.T) {
	tb := Table{Align: "lll"}
	tb.Add("a", "bb", "c")
	tb.Add("aaa") // a short row: no trailing spaces
	var b bytes.Buffer
	tb.Write(&b)
	assert.Equal(t, "\na    bb  c\naaa\n", b.String())
}

func TestWriteTooManyCellsPanics(t *testing.T) {
	tb := Table{Align: "l"}
	tb.Add("a", "b")
	assert.PanicsWithValue(t, "texttable: a row has more cells than the table has columns", func() { tb.Write(&bytes.Buffer{}) })
}
