// Package xlsx reads the cells of an Office Open XML workbook (.xlsx) as
// text, and writes workbooks of text and number cells.
//
// Reading takes a worksheet's stored values, never their formatted form:
// a number cell gives its value at full precision in its shortest decimal
// form (FormatNumber), a text cell its text as written (an id 007 stays
// 007), a boolean TRUE or FALSE and an error cell its code (#N/A,
// #DIV/0!, ...). A formula gives the value its workbook saved with it.
//
// The reader is written for workbooks from anywhere, malicious ones
// included: what it unpacks is bounded (Limits), every part is streamed
// through encoding/xml, and every fault is an error, never a panic. For
// example, the sheet
//
//	   A    B
//	1  id   crimes
//	2  007  3
//	3  008  2.5
//
// with A2 and A3 typed as text is read as the rows [id crimes] [007 3]
// [008 2.5].
package xlsx
