package rct

// Version is evalkit's release. Every manifest records it, so that an
// allocation can be re-derived with the release that made it; a release
// that changes any allocation (the generator, its seeding or a method's
// draws) changes it.
const Version = "0.1.0"
