package xlsx

import (
	"errors"
	"fmt"
	"io"
)

// Limits bound what reading a workbook may unpack, so that a small file
// cannot make a huge one (a zip bomb).
type Limits struct {
	// Bytes is the most bytes that the parts read (the workbook, its
	// relationships, the shared strings and the worksheet) may unpack to,
	// all together.
	Bytes int64
	// Cells is the most cells with a value, and the most shared strings,
	// that the worksheet may hold.
	Cells int
	// Sheets is the most worksheets the workbook may list, checked before
	// any worksheet is unpacked; 0 is no limit.
	Sheets int
	// Ratio, when positive, bounds the bytes unpacked by the workbook's
	// own size too: at most RatioFree + Ratio × its size in bytes (and
	// never more than Bytes), so that memory follows the file read.
	Ratio, RatioFree int64
}

// DefaultLimits are the limits evalkit reads with: 1 GiB of XML, 2^25
// (about 33.5 million) cells and 4,096 worksheets, which no workbook
// within Excel's own limits of useful size reaches; and at most 32 MiB
// plus 100 times the file's size unpacked. Worksheet XML saved by Excel or
// LibreOffice deflates about 5 to 30 times; a part that would unpack to
// more than 100 times the file is a zip bomb, refused from the size its
// zip entry states, before it is inflated.
var DefaultLimits = Limits{Bytes: 1 << 30, Cells: 1 << 25, Sheets: 1 << 12, Ratio: 100, RatioFree: 32 << 20}

// unpackable is the most bytes a workbook of size bytes may unpack to.
func (l Limits) unpackable(size int) int64 {
	if l.Ratio <= 0 {
		return l.Bytes
	}
	return min(l.Bytes, l.RatioFree+l.Ratio*int64(size))
}

// checkSheets refuses a workbook that lists more than l.Sheets worksheets.
func (l Limits) checkSheets(n int) error {
	if l.Sheets > 0 && n > l.Sheets {
		return fmt.Errorf("%w: the workbook lists %d worksheets, more than %d; save the sheet as CSV", ErrTooLarge, n, l.Sheets)
	}
	return nil
}

// ErrTooLarge is wrapped by the error for a workbook beyond its Limits.
var ErrTooLarge = errors.New("too large to read")

// budget counts the bytes unpacked against Limits.Bytes.
type budget struct {
	left int64
}

// limited returns r cut off with ErrTooLarge once the budget is spent.
func (b *budget) limited(r io.Reader, part string) io.Reader {
	return &budgetReader{r: r, b: b, part: part}
}

type budgetReader struct {
	r    io.Reader
	b    *budget
	part string
}

func (br *budgetReader) Read(p []byte) (int, error) {
	if br.b.left <= 0 {
		return 0, fmt.Errorf("%w: the workbook unpacks to more bytes than the limit while reading %s (a zip bomb?); save the sheet as CSV", ErrTooLarge, br.part)
	}
	if int64(len(p)) > br.b.left {
		p = p[:br.b.left]
	}
	n, err := br.r.Read(p)
	br.b.left -= int64(n)
	return n, err
}
