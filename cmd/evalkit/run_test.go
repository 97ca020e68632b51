package main

import (
	"bytes"
	"errors"
	"flag"
	"strings"
	"testing"

	"github.com/stretchr/testify/assert"
)

var updateHelp = flag.Bool("update-help", false, "rewrite the golden files of evalkit help")

// panicCmd stands for a subcommand with a bug.
type panicCmd struct{}

func (panicCmd) name() string             { return "boom" }
func (panicCmd) summary() string          { return "panics" }
func (panicCmd) run(*env, []string) error { panic("index out of range") }

type failCmd struct{ err error }

func (failCmd) name() string               { return "fail" }
func (failCmd) summary() string            { return "fails" }
func (f failCmd) run(*env, []string) error { return f.err }

func TestPanicIsReportedAsOneLine(t *testing.T) {
	var out, errb bytes.Buffer
	err := dispatch([]command{panicCmd{}}, []string{"boom"}, &out, &errb)
	if got := exitCode(err); got != 1 {
		t.Errorf("exit code %d, want 1", got)
	}
	oneErrorLine(t, errb.String(), "evalkit: boom: internal error (a bug in evalkit")
	if strings.Contains(errb.String(), "goroutine") || out.Len() != 0 {
		t.Errorf("stack trace or stdout leaked: stdout %q stderr %q", out.String(), errb.String())
	}
}

func TestErrorLinesAndExitCodes(t *testing.T) {
	tests := []struct {
		name   string
		err    error
		code   int
		prefix string
	}{
		{"data", errors.New("trial.csv: row 3, column \"y\": \"abc\": not a number"), 1, "evalkit: fail: trial.csv: row 3"},
		{"usage", usageErrorf("--in is required"), 2, "evalkit: fail: --in is required"},
		{"wrapped usage", errors.Join(usageErrorf("bad flag")), 2, "evalkit: fail: bad flag"},
		{"multi-line message folded", errors.New("a\nb"), 1, "evalkit: fail: a b"},
		{"not built", errNotBuilt, 1, "evalkit: fail: not built yet"},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			var out, errb bytes.Buffer
			err := dispatch([]command{failCmd{tc.err}}, []string{"fail"}, &out, &errb)
			if got := exitCode(err); got != tc.code {
				t.Errorf("exit code %d, want %d", got, tc.code)
			}
			oneErrorLine(t, errb.String(), tc.prefix)
		})
	}
}

func TestUnknownCommandIsUsageError(t *testing.T) {
	_, stderr, code := runCmd(t, "analyze-this")
	if code != 2 {
		t.Errorf("exit code %d, want 2", code)
	}
	oneErrorLine(t, stderr, `evalkit: unknown command "analyze-this"`)
}

func TestUnknownFlagIsUsageError(t *testing.T) {
	for _, c := range commands() {
		if c.name() == "help" {
			continue
		}
		stdout, stderr, code := runCmd(t, c.name(), "--no-such-flag")
		if stdout != "" {
			t.Errorf("%s: a bad flag printed on stdout: %q", c.name(), stdout)
		}
		if code != 2 {
			t.Errorf("%s: exit code %d, want 2", c.name(), code)
		}
		oneErrorLine(t, stderr, "evalkit: "+c.name()+": ")
	}
}

func TestHelpGolden(t *testing.T) {
	for _, args := range [][]string{{"help"}, {"--help"}} {
		stdout, stderr, code := runCmd(t, args...)
		if code != 0 || stderr != "" {
			t.Fatalf("%v: exit %d, stderr %q", args, code, stderr)
		}
		checkGoldenText(t, "help/help.txt", stdout, *updateHelp)
	}
}

// TestNoCommand: evalkit alone is bad usage: the usage on stderr, exit 2.
func TestNoCommand(t *testing.T) {
	stdout, stderr, code := runCmd(t)
	assert.Equal(t, 2, code)
	assert.Empty(t, stdout)
	help, _, _ := runCmd(t, "help")
	assert.Equal(t, help, stderr)
}

// TestAliases: analyze and randomize are analyse and randomise.
func TestAliases(t *testing.T) {
	for alias, name := range map[string]string{"analyze": "analyse", "randomize": "randomise"} {
		want, _, _ := runCmd(t, name, "-h")
		for _, args := range [][]string{{alias, "-h"}, {"help", alias}} {
			got, stderr, code := runCmd(t, args...)
			assert.Equal(t, 0, code, stderr)
			assert.Equal(t, want, got, "%v", args)
		}
		_, stderr, code := runCmd(t, alias, "--in")
		assert.Equal(t, 2, code)
		assert.True(t, strings.HasPrefix(stderr, "evalkit: "+name+": "), stderr)
	}
}

// TestUnknownFlagSuggestsTheClosest, for every command and subcommand: a
// known flag with its last letter dropped names the flag.
func TestUnknownFlagSuggestsTheClosest(t *testing.T) {
	_, stderr, code := runCmd(t, "analyse", "--outcom", "y")
	assert.Equal(t, 2, code)
	assert.Equal(t, "evalkit: analyse: flag provided but not defined: -outcom; did you mean --outcome? (see -h)\n", stderr)
	for _, tc := range [][]string{{"analyse", "--covariate"}, {"randomise", "--bloc"}, {"randomise", "verify", "--manifes"}, {"unitcost", "--delimite"},
		{"benefits", "--basline"}, {"power", "ttest", "--pwer"}, {"power", "simulate", "--unit"}, {"lifecycle", "status", "--jsn"}} {
		_, stderr, code := runCmd(t, tc...)
		assert.Equal(t, 2, code, "%v", tc)
		assert.Contains(t, stderr, "; did you mean --", "%v", tc)
	}
	_, stderr, _ = runCmd(t, "analyse", "--zzzzzz")
	assert.NotContains(t, stderr, "did you mean")
}

// TestUsageGolden pins one subcommand's usage text, flags and defaults.
func TestUsageGolden(t *testing.T) {
	stdout, stderr, code := runCmd(t, "randomise", "-h")
	if code != 0 || stderr != "" {
		t.Fatalf("exit %d, stderr %q", code, stderr)
	}
	checkGoldenText(t, "help/randomise_usage.txt", stdout, *updateHelp)
}

func TestEveryCommandHasUsageWithExample(t *testing.T) {
	for _, c := range commands() {
		if c.name() == "help" {
			continue
		}
		stdout, stderr, code := runCmd(t, c.name(), "-h")
		if code != 0 || stderr != "" {
			t.Errorf("%s -h: exit %d, stderr %q", c.name(), code, stderr)
		}
		if !strings.Contains(stdout, "Usage: evalkit "+c.name()) || !strings.Contains(stdout, "evalkit "+c.name()+" ") {
			t.Errorf("%s -h lacks a synopsis or a worked example:\n%s", c.name(), stdout)
		}
		viaHelp, _, _ := runCmd(t, "help", c.name())
		if viaHelp != stdout {
			t.Errorf("evalkit help %s differs from evalkit %s -h", c.name(), c.name())
		}
	}
}

func TestVersion(t *testing.T) {
	stdout, _, code := runCmd(t, "--version")
	if code != 0 || stdout != "evalkit "+version+"\n" {
		t.Errorf("--version = %q (exit %d)", stdout, code)
	}
}

// TestPowerPercentages: a probability given as a percentage says how to
// write it.
func TestPowerPercentages(t *testing.T) {
	for _, tc := range []struct{ args, want string }{
		{"ttest --effect 0.3 --power 90", "--power 90: a probability, not a percentage: write 0.9"},
		{"prop --p-control 0.3 --p-treatment 0.2 --alpha 5", "--alpha 5: a probability, not a percentage: write 0.05"},
		{"ttest --effect 0.3 --power 0.8 --attrition 20", "--attrition 20: a probability, not a percentage: write 0.2"},
	} {
		_, stderr, code := runCmd(t, append([]string{"power"}, strings.Fields(tc.args)...)...)
		assert.Equal(t, 2, code, tc.args)
		assert.Contains(t, stderr, tc.want)
	}
}
