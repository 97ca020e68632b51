// Package plan is a trial's pre-specified statistical analysis plan: its
// YAML file, its lock, its rendering under the sections of a funder's
// plan, and the analysis that follows it.
//
// A plan names the trial's design (the manifest evalkit randomise wrote,
// with its SHA-256), the power calculation it was sized by, the primary
// and secondary outcomes and how they are analysed: covariates, model,
// confidence level, multiplicity adjustment, robust standard errors,
// randomisation inference, subgroups and the received column of a
// complier analysis. Init writes one from a manifest:
//
//	design:
//	  manifest: school_allocation.csv.manifest.json
//	  sha256: 3f1c…
//	  method: complete
//	  ...
//	primary:
//	  outcome: attendance
//	  type: continuous
//	covariates:
//	  - attendance_baseline
//	level: 0.95
//	adjust: holm
//
// A lock (NewLock, written beside the plan as LockPath) records the
// SHA-256 of the plan's bytes and when it was locked; File.Changed reports
// a plan that differs from its lock, which an analysis refuses unless told
// otherwise (File.Check). File.Analyse runs exactly the plan's analyses,
// the primary outcome's first, with every comparison marked Prespecified,
// and an analysis asked for beside the plan as further comparisons that
// are not. Render writes the plan as Markdown or self-contained HTML.
//
// Parse refuses, before the YAML parser sees it, a plan of more than
// 16 MiB, nested more than 64 lists and mappings deep, or holding a second
// document (package internal/yamlbound).
//
// The package never prints and reads files only through the functions it
// is given.
package plan
