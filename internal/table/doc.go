// Package table reads CSV files and worksheets of .xlsx workbooks into
// columns of text, the way every evalkit command reads its input.
//
// Every column is read as text first, so an identifier such as 007 stays
// 007; only the columns a command uses are converted to numbers, and a value
// that is not a number is an error naming the file, the row (as a person
// counts it in a spreadsheet, the header being row 1) and the column, or in
// a workbook the cell (Sheet1!C7).
//
// CSV: a UTF-8 byte-order mark and CRLF line endings are accepted, fields
// may be quoted as RFC 4180 describes, and Options choose another field
// delimiter (; tab |) or the Windows-1252 encoding. Text that is not valid
// in the encoding is an error naming the row and column, and a header that
// is one field holding another delimiter is an error suggesting it.
// Workbooks (by the name's extension .xlsx or .xlsm, or by their bytes):
// the first visible worksheet or the one Options name, its row 1 the
// header, each cell's stored value as text (package xlsx).
//
// Both follow the same rules for what spreadsheets leave: a column whose
// header is blank is left out when it holds no values and is an error when
// it does; blank rows at the end are left out; a cell holding a
// spreadsheet's error value (#DIV/0!, #VALUE!, #REF!, ...) is an error.
// The missing-value tokens of evalkit's contract are an empty field, NA,
// NaN, ., null and #N/A. Duplicate column names, rows with the wrong number
// of fields and files without a header are errors; so are a header holding
// a carriage return (a file whose lines end in CR alone) and what is beyond
// the bounds (limits.go): a line of more than 10,000 fields, a field of
// more than 1 MiB, more than 4 GiB of text. Every message counts rows as
// the records they are, the header being row 1, and gives the line of the
// file beside the row where the two differ: "row 4 (line 6)".
//
// For example, the file
//
//	id,area,crimes,
//	007,north,3,
//	008,south,#N/A,
//	,,,
//
// gives the columns id, area and crimes, id as ["007" "008"], and
// Float("crimes") gives [3 NaN] with one value missing.
package table
