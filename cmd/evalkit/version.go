package main

import "github.com/evalkit/evalkit/rct"

// version is evalkit's release, rct.Version: manifests record it, so that
// an allocation can be re-derived with the release that made it.
const version = rct.Version
