// Package table reads CSV files into columns of text, the way every evalkit
// command reads its input.
//
// Every column is read as text first, so an identifier such as 007 stays
// 007; only the columns a command uses are converted to numbers, and a value
// that is not a number is an error naming the file, the row (as a person
// counts it in a spreadsheet, the header being row 1) and the column.
//
// A UTF-8 byte-order mark and CRLF line endings are accepted, fields may be
// quoted as RFC 4180 describes, and the missing-value tokens of evalkit's
// contract are an empty field, NA, NaN, . and null. Duplicate or empty
// column names, rows with the wrong number of fields and files without a
// header are errors.
//
// For example, the file
//
//	id,area,crimes
//	007,north,3
//	008,south,NA
//
// gives the column id as ["007" "008"], and Float("crimes") gives [3 NaN]
// with one value missing.
package table
