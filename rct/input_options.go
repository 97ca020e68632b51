package rct

import "github.com/evalkit/evalkit/internal/table"

// inputOptions returns how a manifest's flags say the units file was read:
// its "encoding", "delimiter" and "sheet", as evalkit's --encoding,
// --delimiter and --sheet take them; absent flags (as in manifests written
// before them) are UTF-8, commas and the first sheet.
func inputOptions(flags map[string]string) (table.Options, error) {
	return table.ParseOptions(flags["encoding"], flags["delimiter"], flags["sheet"])
}
