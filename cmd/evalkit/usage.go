package main

import "embed"

// usageFiles holds each command's usage text, with its worked example, as
// a text file: usage/NAME.txt is printed by evalkit NAME -h.
//
//go:embed usage/*.txt
var usageFiles embed.FS

// usage returns the usage text of usage/name.txt.
func usage(name string) string {
	b, err := usageFiles.ReadFile("usage/" + name + ".txt")
	if err != nil {
		panic("evalkit: no usage text " + name) // a file missing from the build
	}
	return string(b)
}
