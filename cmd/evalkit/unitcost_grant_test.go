package main

import (
	"path/filepath"
	"testing"

	"github.com/stretchr/testify/assert"
)

func TestUnitcostGrantGolden(t *testing.T) {
	args := []string{"unitcost", "--costs", ucExamples + "programme_2023_24.csv", "--grant", "1529000", "--year", "2023-24"}
	for _, tc := range []struct {
		name   string
		args   []string
		golden string
	}{
		{"programme", args, "grant_programme.txt"},
		{"programme json", append(args, "--json"), "grant_programme.json"},
		{"another funder", append(args, "--grant-funder", "Thames Valley Police"), "grant_other_funder.txt"},
	} {
		t.Run(tc.name, func(t *testing.T) {
			stdout, stderr, code := runCmd(t, tc.args...)
			if code != 0 || stderr != "" {
				t.Fatalf("exit %d, stderr %q", code, stderr)
			}
			checkGoldenText(t, filepath.Join("unitcost", tc.golden), stdout, *updateUnitcost)
		})
	}
}

func TestUnitcostGrantErrors(t *testing.T) {
	costs := ucExamples + "programme_2023_24.csv"
	for _, tc := range []struct {
		name   string
		args   []string
		code   int
		stderr string
	}{
		{"no year", []string{"--costs", costs, "--grant", "1529000"}, 2,
			"evalkit: unitcost: --grant, --year and --costs go together: the grant's amount, its financial year and the sheet to check (see -h)\n"},
		{"year alone", []string{"--costs", costs, "--year", "2023-24"}, 2,
			"evalkit: unitcost: --grant, --year and --costs go together: the grant's amount, its financial year and the sheet to check (see -h)\n"},
		{"with reach", []string{"--costs", costs, "--grant", "1529000", "--year", "2023-24", "--reach", ucExamples + "reach_2023_24.csv"}, 2,
			"evalkit: unitcost: --grant checks the costs sheet alone, at its amounts as written: leave out --reach, --outcomes, --deflators, --discount-rate and --plot\n"},
		{"£1.5m", []string{"--costs", costs, "--grant", "£1.5m", "--year", "2023-24"}, 2,
			`evalkit: unitcost: --grant "£1.5m": not an amount in plain pounds and pence: no currency sign; write plain pounds such as 1200.50` + "\n"},
		{"bad year", []string{"--costs", costs, "--grant", "1529000", "--year", "23-24"}, 2,
			`evalkit: unitcost: --year "23-24": bad year: write a year as 2023, or a financial year as 2023-24` + "\n"},
		{"year without a rate", []string{"--costs", costs, "--grant", "1529000", "--year", "2025-26"}, 1,
			"evalkit: unitcost: bad options: the grant's match-funding requirement is known for 2022-23 to 2024-25, not 2025-26\n"},
		{"no grant", []string{"--costs", costs, "--grant", "0", "--year", "2023-24"}, 1,
			"evalkit: unitcost: bad options: a grant of 0.00; give the amount awarded, more than 0\n"},
		{"bad purpose", []string{"--costs", ucData + "bad_purpose.csv", "--grant", "100", "--year", "2023-24"}, 1,
			`evalkit: unitcost: bad_purpose.csv: row 3, column "purpose": "research": unknown purpose; use one of intervention, evaluation, core (a blank purpose is intervention)` + "\n"},
	} {
		t.Run(tc.name, func(t *testing.T) {
			stdout, stderr, code := runCmd(t, append([]string{"unitcost"}, tc.args...)...)
			assert.Equal(t, tc.code, code)
			assert.Empty(t, stdout)
			assert.Equal(t, tc.stderr, stderr)
		})
	}
}
