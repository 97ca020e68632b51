// Package rct designs and randomises controlled trials: a trial's design
// (units, strata, clusters, arms and ratio), randomisation that can be
// re-derived from its seed and audited through a manifest, balance
// diagnostics, and randomisation inference that reuses the randomiser.
//
// Every random draw comes from evalkit's own documented generator, so an
// allocation depends only on the seed and the input, never on the internals
// of Go's library, on map order or on the order of files on disk.
//
// A program does what evalkit randomise does with four calls: ReadUnits
// reads a units file, RandomiseUnits allocates it under Settings,
// Randomisation.WriteCSV and Randomisation.Manifest give the allocation
// file and its manifest, and Verify re-derives an allocation from its
// manifest. RandomiseFile is ReadUnits and RandomiseUnits in one call, as
// evalkit randomise makes it: the same allocation, with the file's digest
// computed while its units are laid out. For the units file
//
//	unit_id,area
//	007,north
//	008,north
//
// the allocation file repeats every column as written and adds the arm:
//
//	unit_id,area,arm
//	007,north,control
//	008,north,treatment
//
// Design, Options and Randomise are the same randomisation over columns
// held in memory.
package rct
