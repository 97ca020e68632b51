// Package lifecycle models the research life cycle that moves an
// intervention through gates: literature review and experimental planning,
// business capability and process evaluation, a randomised trial in
// progress, and the result and decision. It reads and writes portfolio files
// in YAML, keeping every comment and unknown key a person wrote.
//
// # The model
//
// Each intervention sits at a gate, 1 to 4. A gate requires evidence, named
// by keys (DefaultGates lists the defaults; a portfolio's top-level gates
// list can replace a gate's name or requirements). Each piece of evidence
// has a status: todo, in_progress, done or not_needed. An intervention is
// ready to pass its gate when every required key is done or not needed
// and, when the links are checked, its link stands (Portfolio.Missing,
// Portfolio.Standing). Gate 4 is the last: there the
// intervention waits for its decision (adopt, adapt, scale or stop), and
// "decision" is listed as missing until one is recorded.
//
// # Moves and their history
//
// Portfolio.Advance moves an intervention forward when the evidence allows,
// or with an override whose reason is recorded together with what was
// missing; it moves back without conditions. Every move appends an entry to
// the intervention's history:
//
//	history:
//	  - date: 2023-06-14
//	    from: 2
//	    to: 3
//	    note: board approved the trial design
//	    override: pilot starts in July        # only with an override
//	    missing: [data_ethics_review]         # what the override passed over
//	    decision: scale                       # only at gate 4
//
// A decision is recorded in two places: the intervention's decision key
// (read back as Intervention.Decision, shown by status) and the history
// entry of the move that made it. Reaching gate 4 and deciding may be one
// move (to 4 with a decision) or two (to 4, then a decision at 4, which is
// a history entry from 4 to 4); a later decision replaces the key and adds
// another entry.
//
// # Keeping the person's file
//
// Parse reads the file with goccy/go-yaml's parser, comments included, and
// keeps the syntax tree's positions. Advance does not re-print the tree
// (go-yaml's printer re-spaces comments and re-quotes strings): it edits the
// original text at the positions the tree gives — the gate's value, the
// decision, the end of the history (created if absent, in the style of the
// entries already there, block or flow) — and leaves every other byte as
// it was. It then parses the result and checks that the move reads back,
// so that a file it cannot edit safely is refused rather than damaged.
// Writing the file back (atomically) is the caller's job.
//
// # Links
//
// Evidence may carry a link to a file relative to the portfolio's folder —
// a power result, an allocation manifest, an analysis or a unit-cost JSON
// written by evalkit, or an analysis plan and its lock. Portfolio.CheckLinks
// looks them up in an fs.FS (the portfolio's folder: LinkDir or os.DirFS),
// sums up the evalkit results it finds, verifies allocation manifests as
// evalkit randomise verify does, checks the digests of plans (plan.Verify)
// and gives each link that does not stand its Problem: not there, the
// wrong kind of result for its evidence key, an allocation that does not
// verify, or a plan, lock or analysis whose digests disagree. With the checks in Portfolio.LinkChecks, evidence that is
// done but whose link has a problem is missing (Missing, Standing,
// Advance), so that a gate is passed on evidence that is in place:
//
//	p.LinkChecks = p.CheckLinks(lifecycle.LinkDir(filepath.Dir(file)))
//
// Portfolio.StatusReport gathers every intervention's standing and links as
// evalkit lifecycle status shows them, with a warning for a linked
// allocation whose size differs from the linked power result's
// (SampleSizeMismatch); it marshals to the command's JSON, and WriteText
// prints the command's table.
//
// # Bounds
//
// Parse refuses, before the YAML parser sees it, a file of more than
// 16 MiB, nested more than 64 lists and mappings deep, or holding a second
// document (package internal/yamlbound), so that no file can make the
// parser run away with time or memory. A file whose every line ends CRLF
// is read and edited with LF and written back with CRLF.
package lifecycle
