package yamlbound

import (
	"fmt"
	"strings"
)

// Message returns a goccy/go-yaml error message on one line. The parser
// quotes the character it stopped at, and a tab quoted that way reads as
// a space once the message is on one line ("found character ' '"), so a
// tab is named, with column when it is not 0:
//
//	found a tab character at column 3 that cannot start any token (YAML indents with spaces)
func Message(msg string, column int) string {
	if strings.Contains(msg, "'\t'") {
		tab := "a tab character"
		if column > 0 {
			tab += fmt.Sprintf(" at column %d", column)
		}
		msg = strings.Replace(msg, "character '\t'", tab, 1)
		msg = strings.ReplaceAll(msg, "'\t'", "a tab") + " (YAML indents with spaces)"
	}
	return strings.Join(strings.Fields(msg), " ")
}
