package main

import "github.com/evalkit/evalkit/internal/atomicfile"

// The command's names for package atomicfile's writers.
var (
	errExists         = atomicfile.ErrExists
	checkAbsent       = atomicfile.CheckAbsent
	createAtomic      = atomicfile.Create
	writeFileAtomic   = atomicfile.WriteFile
	writeDirAtomic    = atomicfile.WriteDir
	removeOnInterrupt = atomicfile.RemoveOnInterrupt
)
