// Package lifecycle models the research life cycle that moves an
// intervention through gates: literature review and experimental planning,
// business capability and process evaluation, a randomised trial in
// progress, and the result and decision. It reads and writes portfolio files
// in YAML, keeping every comment and unknown key a person wrote.
package lifecycle
