// Package rct designs and randomises controlled trials: a trial's design
// (units, strata, clusters, arms and ratio), randomisation that can be
// re-derived from its seed and audited through a manifest, balance
// diagnostics, and randomisation inference that reuses the randomiser.
//
// Every random draw comes from evalkit's own documented generator, so an
// allocation depends only on the seed and the input, never on the internals
// of Go's library, on map order or on the order of files on disk.
package rct
