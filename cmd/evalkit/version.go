package main

// version is evalkit's release. Manifests record it, so that an allocation
// can be re-derived with the release that made it.
const version = "0.1.0"
