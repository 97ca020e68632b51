//go:build linux

package main

import (
	"bytes"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"
)

// brokenTables are files that no table reader may take, each with the
// fragment of the error every command gives for it.
var brokenTables = []struct {
	file, frag, fix string
}{
	{"empty.csv", "the file is empty", ""},
	{"bom_only.csv", "the file is empty", ""},
	{"invalid_utf8.csv", "not UTF-8", ""},
	{"ragged.csv", "has 3 fields", ""},
	{"unbalanced_quote.csv", "extraneous or missing", ""},
	{"cr_only.csv", "line end", "E1"}, // #21 E1: today "no column ..." or "duplicate column name"
}

// tableReaders are the command lines that read one table, F standing for
// the table under attack; every other file they name is valid.
var tableReaders = []struct {
	name string
	args []string
}{
	{"analyse", []string{"analyse", "--in", "F", "--outcome", "y"}},
	{"randomise", []string{"randomise", "--in", "F", "--id", "y", "--arms", "a,b", "--seed", "1", "--out", "@W/alloc.csv"}},
	{"power simulate", []string{"power", "simulate", "--units", "F", "--id", "y", "--effect", "0.3", "--sims", "10"}},
	{"icc", []string{"icc", "--in", "F", "--outcome", "y", "--cluster", "arm"}},
	{"pool", []string{"pool", "--in", "F"}},
	{"did", []string{"did", "--in", "F", "--unit", "arm", "--time", "y", "--outcome", "y", "--first-treated", "y"}},
	{"match", []string{"match", "--in", "F", "--treat", "y", "--covariates", "arm"}},
	{"unitcost costs", []string{"unitcost", "--costs", "F", "--reach", "@T/unitcost/multiyear_reach.csv"}},
	{"unitcost reach", []string{"unitcost", "--costs", "@T/unitcost/multiyear_costs.csv", "--reach", "F"}},
	{"unitcost outcomes", []string{"unitcost", "--costs", "@T/unitcost/multiyear_costs.csv", "--reach", "@T/unitcost/multiyear_reach.csv", "--outcomes", "F"}},
	{"unitcost deflators", []string{"unitcost", "--costs", "@T/unitcost/multiyear_costs.csv", "--reach", "@T/unitcost/multiyear_reach.csv", "--price-year", "2023", "--deflators", "F"}},
	{"benefits unit costs", []string{"benefits", "--analysis", "@T/benefits/hotspots.json", "--crime", "robbery", "--baseline", "100", "--unit-costs", "F"}},
	{"benefits deflators", []string{"benefits", "--analysis", "@T/benefits/hotspots.json", "--crime", "robbery", "--baseline", "100", "--price-year", "2023", "--deflators", "F"}},
	{"benefits harm weights", []string{"benefits", "--analysis", "@T/benefits/hotspots.json", "--crime", "robbery", "--baseline", "100", "--harm-weights", "F"}},
}

// jsonReaders are the command lines that read a JSON file, F standing for
// the file under attack.
var jsonReaders = []struct {
	name string
	args []string
}{
	{"randomise verify", []string{"randomise", "verify", "--manifest", "F"}},
	{"analyse --design", []string{"analyse", "--in", "@A/trial40.csv", "--outcome", "y", "--design", "F"}},
	{"plan init --design", []string{"plan", "init", "--design", "F", "--outcome", "y", "--out", "@W/plan.yaml"}},
	{"power cluster --from", []string{"power", "cluster", "--from", "F", "--effect", "0.2", "--power", "0.8"}},
	{"pool --analyses", []string{"pool", "--analyses", "F"}},
	{"benefits --analysis", []string{"benefits", "--analysis", "F", "--crime", "robbery", "--baseline", "100"}},
	{"benefits --costs", []string{"benefits", "--analysis", "@T/benefits/hotspots.json", "--crime", "robbery", "--baseline", "100", "--costs", "F", "--intervention", "x"}},
}

// yamlReaders are the command lines that read a portfolio or a plan, F
// standing for the file under attack (copied into @W/ first, since some
// write beside it).
var yamlReaders = []struct {
	name string
	args []string
}{
	{"lifecycle status", []string{"lifecycle", "status", "--in", "F"}},
	{"lifecycle advance", []string{"lifecycle", "advance", "--in", "F", "--intervention", "x", "--override", "attack"}},
	{"lifecycle report", []string{"lifecycle", "report", "--in", "F", "--out", "@W/board"}},
	{"plan lock", []string{"plan", "lock", "--in", "F"}},
	{"plan render", []string{"plan", "render", "--in", "F", "--out", "@W/plan.md"}},
}

// substitute returns args with every "F" replaced by file.
func substitute(args []string, file string) []string {
	out := make([]string, len(args))
	for i, a := range args {
		if a == "F" {
			a = file
		}
		out[i] = a
	}
	return out
}

// attackCatalogue lists every case. Cases marked `// #21 ID` wait on that
// finding's fix in another branch (pendingFixes).
func attackCatalogue() []attackCase {
	var cs []attackCase
	add := func(c attackCase) { cs = append(cs, c) }

	// Every table reader on every broken table.
	for _, r := range tableReaders {
		for _, b := range brokenTables {
			add(attackCase{name: r.name + "/" + b.file, args: substitute(r.args, "@A/"+b.file), exit: data1(), frag: b.frag, fix: b.fix})
		}
		// #21 bounds: 100,000 columns, and a field over 1 MiB.
		add(attackCase{name: r.name + "/100000 columns", args: substitute(r.args, "@G/wide.csv"), exit: data1(), frag: "10000", fix: "bounds"})
		add(attackCase{name: r.name + "/1 MiB cell", args: substitute(r.args, "@G/bigcell.csv"), exit: data1(), frag: "field", fix: "bounds"})
	}

	// Every JSON reader on empty, broken and deeply nested JSON.
	for _, r := range jsonReaders {
		add(attackCase{name: r.name + "/empty", args: substitute(r.args, "@A/empty.json"), exit: data1(), frag: "empty.json"})
		add(attackCase{name: r.name + "/not JSON", args: substitute(r.args, "@A/not_json.json"), exit: data1(), frag: "not_json.json"})
		add(attackCase{name: r.name + "/nested 100000 deep", args: substitute(r.args, "@G/deep.json"), exit: data1(), frag: "deep.json", limit: 3 * time.Second})
	}

	// Every YAML reader on hostile YAML.
	for _, r := range yamlReaders {
		life := strings.HasPrefix(r.name, "lifecycle")
		onlyLife := func(fix string) string {
			if life {
				return fix
			}
			return ""
		}
		yaml := func(name, src string, exit []int, frag, fix string, heavy bool) {
			args := substitute(r.args, "@W/"+filepath.Base(src))
			add(attackCase{name: r.name + "/" + name, args: args, exit: exit, frag: frag, fix: fix, heavy: heavy,
				setup: copyFile(src, filepath.Base(src))})
		}
		yaml("billion laughs", "@A/portfolio_laughs.yaml", either(), "", "", false)                                                  // aliases are never expanded
		yaml("bare ---", "@A/portfolio_bare_docend.yaml", data1(), "portfolio_bare_docend.yaml", onlyLife("P1"), false)              // #21 P1
		yaml("trailing ---", "@A/portfolio_trailing_docend.yaml", either(), "portfolio_trailing_docend.yaml", onlyLife("P1"), false) // #21 P1
		if life {
			yaml("2 docs", "@A/portfolio_two_docs.yaml", data1(), "document", "", false)
		} else { // #21 H1: one document
			yaml("2 docs", "@A/portfolio_two_docs.yaml", data1(), "document", "H1", false)
		}
		yaml("HT indent", "@A/portfolio_ht.yaml", data1(), "tab", "E10", false) // #21 E10
		yaml("empty", "@A/empty.csv", data1(), "empty.csv", "", false)
		yaml("NUL", "@A/nul.csv", data1(), "nul.csv", "", false)
		// #21 H1: 200 KB of nesting is refused in under 1 s and 50 MB
		// (the bound here allows the shared machine twice the time).
		for _, deep := range []string{"deep_flow.yaml", "deep_flow_map.yaml", "deep_block.yaml"} {
			add(attackCase{name: r.name + "/" + deep, args: substitute(r.args, "@W/"+deep), exit: data1(), frag: "nested too deeply", fix: "H1",
				setup: copyFile("@G/"+deep, deep), limit: 2 * time.Second, memMB: 50})
		}
	}
	// The same portfolio file broken by what status accepts but the others may not.
	add(attackCase{name: "lifecycle status/ok", args: []string{"lifecycle", "status", "--in", "@A/portfolio_ok.yaml"}})
	add(attackCase{name: "lifecycle status/CRLF", args: []string{"lifecycle", "status", "--in", "@A/portfolio_crlf.yaml"}})
	add(attackCase{ // #21 W2
		name: "lifecycle advance/CRLF", fix: "W2",
		args:  []string{"lifecycle", "advance", "--in", "@W/portfolio.yaml", "--intervention", "Hotspot Patrols", "--override", "attack", "--date", "2024-01-01"},
		setup: copyFile("@A/portfolio_crlf.yaml", "portfolio.yaml"),
		check: func(work string, _ childResult) []string {
			b, err := os.ReadFile(filepath.Join(work, "portfolio.yaml"))
			if err != nil {
				return []string{err.Error()}
			}
			var p []string
			if bytes.Count(b, []byte("\n")) != bytes.Count(b, []byte("\r\n")) {
				p = append(p, "the portfolio written back mixes line ends")
			}
			if !bytes.Contains(b, []byte("2024-01-01")) {
				p = append(p, "the history does not hold the move")
			}
			return p
		},
	})
	add(attackCase{name: "lifecycle status/10000 interventions", args: []string{"lifecycle", "status", "--in", "@G/portfolio10k.yaml"}, heavy: true, limit: 20 * time.Second})
	add(attackCase{ // #21 H2: paged or refused, within bounds
		name: "lifecycle report/10000 interventions", fix: "H2", heavy: true, limit: 10 * time.Second,
		args: []string{"lifecycle", "report", "--in", "@G/portfolio10k.yaml", "--out", "@W/board"}, exit: either(), frag: "interventions",
	})
	add(attackCase{name: "lifecycle status/escape sequences in a name", args: []string{"lifecycle", "status", "--in", "@A/portfolio_escape.yaml"}, plainOut: true, fix: "E3"})              // #21 E3
	add(attackCase{name: "unitcost/escape sequences in a name", args: []string{"unitcost", "--costs", "@A/costs_escape.csv", "--reach", "@A/reach_escape.csv"}, plainOut: true, fix: "E3"}) // #21 E3
	add(attackCase{name: "lifecycle report/ok", args: []string{"lifecycle", "report", "--in", "@A/portfolio_ok.yaml", "--out", "@W/board"}})

	// analyse: numbers, exposures, arms and labels.
	an := func(file string, more ...string) []string {
		return append([]string{"analyse", "--in", "@A/" + file, "--outcome", "y"}, more...)
	}
	add(attackCase{name: "analyse/NUL in a label", args: an("nul.csv"), plainOut: true, fix: "E3"}) // #21 E3
	add(attackCase{name: "analyse/NaN is missing", args: an("outcome_nan.csv")})
	for _, f := range []string{"outcome_inf.csv", "outcome_minf.csv", "outcome_1e309.csv", "outcome_0x1p3.csv"} {
		add(attackCase{name: "analyse/" + f, args: an(f), exit: data1(), frag: "not a number"})
	}
	for _, f := range []string{"exposure_zero.csv", "exposure_negative.csv"} {
		add(attackCase{name: "analyse/" + f, args: an(f, "--type", "count", "--exposure", "days"), exit: data1(), frag: "exposure must be positive"})
		add(attackCase{name: "analyse/poisson " + f, args: an(f, "--type", "count", "--model", "poisson", "--exposure", "days"), exit: data1(), frag: "exposure must be positive"})
	}
	add(attackCase{name: "analyse/one arm", args: an("one_arm.csv"), exit: data1(), frag: "single arm"})
	add(attackCase{name: "analyse/arms differing in case", args: an("near_dup_arms_case.csv"), exit: data1(), frag: "only in letter case or surrounding spaces"})
	add(attackCase{name: "analyse/arms differing in spaces", args: an("near_dup_arms_space.csv"), exit: data1(), frag: "only in letter case or surrounding spaces"})
	add(attackCase{name: "analyse/count beyond 2^53", args: an("count_2p53.csv", "--type", "count"), exit: data1(), frag: "9007199254740993", fix: "E6"}) // #21 E6
	add(attackCase{name: "analyse/escape sequences in a label", args: an("escape_label.csv"), plainOut: true, fix: "E3"})                                 // #21 E3
	add(attackCase{name: "analyse/10000 arms", args: []string{"analyse", "--in", "@G/arms10k.csv", "--outcome", "y", "--control", "a0000", "--json"}, heavy: true, limit: 60 * time.Second})
	add(attackCase{ // #21 H3
		name: "analyse/10000 arms --report", fix: "H3", heavy: true, limit: 10 * time.Second,
		args: []string{"analyse", "--in", "@G/arms10k.csv", "--outcome", "y", "--control", "a0000", "--report", "@W/rep"}, exit: data1(), frag: "arms",
	})
	add(attackCase{ // #21 H4
		name: "analyse/--permutations 1e18", fix: "H4", limit: 5 * time.Second,
		args: an("trial40.csv", "--permutations", "1000000000000000000", "--seed", "1"), exit: refused(), frag: "--permutations auto",
	})
	for _, f := range []string{"bomb.xlsx", "spaces.xlsx", "wb10k.xlsx"} { // #21 bounds
		frag := map[string]string{"bomb.xlsx": "too large", "spaces.xlsx": "too large", "wb10k.xlsx": "sheets"}[f]
		fix := "bounds"
		if f == "spaces.xlsx" {
			fix = "" // refused today by the sheet's unpacked size, before inflating
		}
		add(attackCase{name: "analyse/" + f, args: []string{"analyse", "--in", "@G/" + f, "--outcome", "y"}, exit: data1(), frag: frag, fix: fix, limit: 5 * time.Second, heavy: true})
		add(attackCase{name: "randomise/" + f, args: []string{"randomise", "--in", "@G/" + f, "--id", "y", "--arms", "a,b", "--seed", "1", "--out", "@W/a.csv"}, exit: data1(), frag: frag, fix: fix, limit: 5 * time.Second, heavy: true})
		add(attackCase{name: "unitcost/" + f, args: []string{"unitcost", "--costs", "@G/" + f, "--reach", "@T/unitcost/multiyear_reach.csv"}, exit: data1(), frag: frag, fix: fix, limit: 5 * time.Second, heavy: true})
	}

	// randomise: ids and strata.
	rz := func(file string) []string {
		return []string{"randomise", "--in", "@A/" + file, "--id", "id", "--block", "area", "--arms", "a,b", "--seed", "1", "--out", "@W/alloc.csv"}
	}
	add(attackCase{name: "randomise/duplicate ids", args: rz("dup_ids.csv"), exit: data1(), frag: "duplicate id"})
	// Ids that differ in case or spaces are different ids to randomise
	// (the contract refuses only exact duplicates).
	add(attackCase{name: "randomise/ids differing in case", args: rz("near_dup_ids_case.csv")})
	add(attackCase{name: "randomise/ids differing in spaces", args: rz("near_dup_ids_space.csv")})
	add(attackCase{name: "randomise/CRLF", args: rz("crlf_units.csv")})
	add(attackCase{name: "randomise/NA id", args: rz("na_id.csv"), exit: data1(), frag: "missing", fix: "W3"})           // #21 W3
	add(attackCase{name: "randomise/NA stratum", args: rz("na_stratum.csv"), exit: data1(), frag: "missing", fix: "W3"}) // #21 W3
	add(attackCase{                                                                                                      // #21 E2: the label is cut in the error
		name: "randomise/900 KB stratum label", fix: "E2",
		args: []string{"randomise", "--in", "@G/biglabel.csv", "--id", "id", "--block", "area", "--arms", "a,b", "--seed", "1", "--out", "@W/alloc.csv"},
		exit: data1(), frag: "fewer units than arms",
	})
	add(attackCase{
		name:  "randomise/existing --out",
		args:  []string{"randomise", "--in", "@A/crlf_units.csv", "--id", "id", "--arms", "a,b", "--seed", "1", "--out", "@W/alloc.csv"},
		setup: writeFile("alloc.csv", "mine\n"), exit: data1(), frag: "--force",
		check: func(work string, _ childResult) []string {
			if b, _ := os.ReadFile(filepath.Join(work, "alloc.csv")); string(b) != "mine\n" {
				return []string{"the existing file was changed"}
			}
			return nil
		},
	})

	// verify and --design: a manifest naming a file outside its folder.
	for _, r := range jsonReaders[:3] { // #21 Audit
		add(attackCase{name: r.name + "/manifest naming /etc/passwd", args: substitute(r.args, "@A/manifest_passwd.json"), exit: data1(), frag: "absolute", fix: "Audit"})
		add(attackCase{name: r.name + "/manifest naming ../../etc/passwd", args: substitute(r.args, "@A/manifest_dotdot.json"), exit: data1(), frag: "outside", fix: "Audit"})
	}

	// Loops a flag controls, and numbers printed for a person.
	add(attackCase{name: "power simulate/--sims 1e12", args: []string{"power", "simulate", "--units", "@T/power/simulate_units.csv", "--id", "pupil_id", "--effect", "0.2", "--sims", "1000000000000"}, exit: refused(), frag: "sims"})
	add(attackCase{ // #21 W1: integers printed whole
		name: "power ttest/n of 15697722 printed whole", fix: "W1",
		args: []string{"power", "ttest", "--effect", "0.001", "--power", "0.8"},
		check: func(_ string, r childResult) []string {
			if !strings.Contains(strings.ReplaceAll(r.stdout, ",", ""), "15697722") {
				return []string{"the table does not print n = 15697722 whole: " + clipForLog(r.stdout)}
			}
			return nil
		},
	})
	add(attackCase{name: "analyse/collinear covariate names the file", fix: "E13", // #21 E13
		args: []string{"analyse", "--in", "@T/analyse2/collinear_covariate.csv", "--outcome", "y", "--covariates", "dose"}, exit: data1(), frag: "collinear_covariate.csv"})
	add(attackCase{
		name: "randomise verify/an edited allocation",
		args: []string{"randomise", "verify", "--manifest", "@W/custody_simple.csv.manifest.json"},
		setup: func(t *testing.T, work string) {
			for _, f := range []string{"custody_units.csv", "custody_simple.csv", "custody_simple.csv.manifest.json"} {
				copyFile("@T/design/"+f, f)(t, work)
			}
			p := filepath.Join(work, "custody_simple.csv")
			b, err := os.ReadFile(p)
			if err == nil {
				err = os.WriteFile(p, bytes.Replace(b, []byte("control\n"), []byte("navigator\n"), 1), 0o644)
			}
			if err != nil {
				t.Fatal(err)
			}
		},
		exit: data1(), frag: "has been changed",
	})

	// pool: impossible standard errors and a missing estimate.
	add(attackCase{name: "pool/se 0", args: []string{"pool", "--in", "@A/pool_bad_se.csv"}, exit: data1(), frag: "greater than 0"})
	add(attackCase{name: "pool/NaN estimate", args: []string{"pool", "--in", "@A/pool_nan.csv"}, exit: data1(), frag: "every site needs an estimate"})
	return cs
}

// copyFile returns a setup that copies src (@A/NAME or @G/NAME) into the
// case's folder as name.
func copyFile(src, name string) func(t *testing.T, work string) {
	return func(t *testing.T, work string) {
		t.Helper()
		b, err := os.ReadFile(attack.resolve(t, src, work))
		if err != nil {
			t.Fatal(err)
		}
		if err := os.WriteFile(filepath.Join(work, name), b, 0o644); err != nil {
			t.Fatal(err)
		}
	}
}

// writeFile returns a setup that writes text to the case's folder as name.
func writeFile(name, text string) func(t *testing.T, work string) {
	return func(t *testing.T, work string) {
		t.Helper()
		if err := os.WriteFile(filepath.Join(work, name), []byte(text), 0o644); err != nil {
			t.Fatal(err)
		}
	}
}
