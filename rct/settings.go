package rct

import (
	"errors"
	"fmt"
	"reflect"
	"slices"
	"sort"
	"strconv"
	"strings"

	"github.com/evalkit/evalkit/internal/table"
)

// DefaultMinimiseProb is the probability of the preferred arm under
// minimisation when none is given.
const DefaultMinimiseProb = 0.8

// Settings are everything that decides the randomisation of a units file:
// the columns used, the arms and ratio, the method and its options, and
// the seed. A manifest records them as flags, by the names of the evalkit
// randomise command's flags (Settings.Flags and ParseSettings), and
// Verify re-derives the allocation from them.
type Settings struct {
	// ID is the column of unit ids (unique, non-empty).
	ID string
	// Arms names the arms (at least two, distinct, non-empty).
	Arms []string
	// Ratio holds each arm's weight, in the order of Arms, each from 1 to
	// 2^20; nil means equal weights.
	Ratio []int
	// Block lists the stratifying columns; strata are the combinations of
	// their values.
	Block []string
	// Cluster, if not empty, is the column of clusters, which are then
	// what is randomised.
	Cluster string
	// Method is the randomisation method; the zero value is Complete.
	Method Method
	// BlockSizes lists the block sizes (Blocks only), each a positive
	// multiple of the ratio's sum, at most 2^24.
	BlockSizes []int
	// Factors lists the minimisation factor columns (Minimise only).
	Factors []string
	// MinimiseProb is the probability of the preferred arm (Minimise
	// only), in (0, 1]; 0 means DefaultMinimiseProb.
	MinimiseProb float64
	// Seed seeds the generator, NewRand(Seed).
	Seed uint64
}

// SettingsError reports settings that cannot be used, naming the setting
// by its flag: --ratio "2:1:1" has 3 weights for 2 arms. It wraps
// ErrDesign.
type SettingsError struct {
	// Flag is the setting's flag name, such as "ratio".
	Flag string
	// Msg is the whole message.
	Msg string
}

func (e *SettingsError) Error() string { return e.Msg }
func (e *SettingsError) Unwrap() error { return ErrDesign }

func settingsErrorf(flag, format string, a ...any) error {
	return &SettingsError{Flag: flag, Msg: fmt.Sprintf(format, a...)}
}

// settingFlags are the names of the settings' flags. "in" and "out" name
// the files as given; they are recorded but never decide an allocation.
// Nor do "encoding", "delimiter" and "sheet", which say how the input is
// read (inputOptions).
var settingFlags = []string{"arms", "block", "block-sizes", "cluster", "delimiter", "encoding", "factors", "id", "in", "method", "minimise-prob", "out", "ratio", "seed", "sheet"}

// Flags returns the settings as flags, as a manifest records them (without
// "in" and "out"); ParseSettings gives the settings back.
func (s Settings) Flags() map[string]string {
	ratio := ""
	if s.Ratio != nil {
		ratio = joinInts(s.Ratio, ":")
	}
	p := s.MinimiseProb
	if p == 0 {
		p = DefaultMinimiseProb
	}
	return map[string]string{
		"arms":          strings.Join(s.Arms, ","),
		"block":         strings.Join(s.Block, ","),
		"block-sizes":   joinInts(s.BlockSizes, ","),
		"cluster":       s.Cluster,
		"factors":       strings.Join(s.Factors, ","),
		"id":            s.ID,
		"method":        s.Method.String(),
		"minimise-prob": strconv.FormatFloat(p, 'g', -1, 64),
		"ratio":         ratio,
		"seed":          strconv.FormatUint(s.Seed, 10),
	}
}

func joinInts(x []int, sep string) string {
	parts := make([]string, len(x))
	for i, v := range x {
		parts[i] = strconv.Itoa(v)
	}
	return strings.Join(parts, sep)
}

// splitList splits a comma-separated list, trimming spaces; "" gives nil.
func splitList(s string) []string {
	if strings.TrimSpace(s) == "" {
		return nil
	}
	parts := strings.Split(s, ",")
	for i := range parts {
		parts[i] = strings.TrimSpace(parts[i])
	}
	return parts
}

// ParseSettings reads settings from flags, keyed by the flag names of
// evalkit randomise (as a manifest's "flags" holds them): id, arms
// (comma-separated, default control,treatment), ratio (weights joined by
// ":", default equal), block, factors (comma-separated columns), cluster,
// method (default complete), block-sizes (comma-separated), minimise-prob
// (default 0.8), seed (an integer from 0 to 2^64-1), and in and out, which
// name the files and are not checked. A missing flag takes its default;
// id and seed have none.
//
// The settings are checked as a whole: at least two distinct arms, one
// weight per arm, block sizes only for blocks and each a multiple of the
// ratio's sum, factors only for minimise, no clusters under minimise, a
// probability in (0, 1] and only for minimise. Errors are SettingsErrors
// (or, for an unknown flag or a probability that is not a number, the
// flag package's words), checked in the order of the command's flags.
func ParseSettings(flags map[string]string) (Settings, error) {
	var s Settings
	for _, h := range []string{"h", "help"} {
		if _, ok := flags[h]; ok {
			return s, settingsErrorf(h, "-%s is not a setting", h)
		}
	}
	names := make([]string, 0, len(flags))
	for k := range flags {
		names = append(names, k)
	}
	sort.Strings(names)
	get := func(name, def string) string {
		if v, ok := flags[name]; ok {
			return v
		}
		return def
	}
	s.MinimiseProb = DefaultMinimiseProb
	for _, k := range names {
		if !slices.Contains(settingFlags, k) {
			return s, settingsErrorf(k, "flag provided but not defined: -%s", k)
		}
		if k == "minimise-prob" {
			p, err := strconv.ParseFloat(flags[k], 64)
			if err != nil {
				why := "parse error"
				if errors.Is(err, strconv.ErrRange) {
					why = "value out of range"
				}
				return s, settingsErrorf(k, "invalid value %q for flag -%s: %s", table.Clip(flags[k]), table.Clip(k), why)
			}
			s.MinimiseProb = p
		}
	}
	for _, f := range []string{"id", "seed"} {
		if flags[f] == "" {
			return s, settingsErrorf(f, "--%s is required", f)
		}
	}
	if _, err := inputOptions(flags); err != nil {
		return s, settingsErrorf("encoding", "%v", err)
	}
	s.ID, s.Cluster = flags["id"], flags["cluster"]
	seed, err := strconv.ParseUint(strings.TrimSpace(flags["seed"]), 10, 64)
	if err != nil {
		return s, settingsErrorf("seed", "--seed %q is not an integer from 0 to 18446744073709551615", table.Clip(flags["seed"]))
	}
	s.Seed = seed
	arms := get("arms", "control,treatment")
	s.Arms = splitList(arms)
	if len(s.Arms) < 2 {
		return s, settingsErrorf("arms", "--arms needs at least two arm names, comma-separated")
	}
	for i, a := range s.Arms {
		if a == "" {
			return s, settingsErrorf("arms", "--arms %q has an empty name", table.Clip(arms))
		}
		if slices.Contains(s.Arms[:i], a) {
			return s, settingsErrorf("arms", "--arms names %q twice", table.Clip(a))
		}
	}
	sum := len(s.Arms)
	if ratio := flags["ratio"]; ratio != "" {
		parts := strings.Split(ratio, ":")
		if len(parts) != len(s.Arms) {
			return s, settingsErrorf("ratio", "--ratio %q has %d weights for %d arms", table.Clip(ratio), len(parts), len(s.Arms))
		}
		sum = 0
		for _, p := range parts {
			w, err := strconv.Atoi(strings.TrimSpace(p))
			if err != nil || w < 1 || w > 1<<20 {
				return s, settingsErrorf("ratio", "--ratio %q: each weight must be a whole number from 1 to 1048576", table.Clip(ratio))
			}
			s.Ratio = append(s.Ratio, w)
			sum += w
		}
	}
	method := get("method", "complete")
	m, err := ParseMethod(method)
	if err != nil {
		return s, settingsErrorf("method", "--method %q: want complete, simple, blocks or minimise", table.Clip(method))
	}
	s.Method = m
	s.Block = splitList(flags["block"])
	s.Factors = splitList(flags["factors"])
	sizes := splitList(flags["block-sizes"])
	switch p := s.MinimiseProb; {
	case m == Blocks && len(sizes) == 0:
		return s, settingsErrorf("block-sizes", "--method blocks needs --block-sizes")
	case m != Blocks && flags["block-sizes"] != "":
		return s, settingsErrorf("block-sizes", "--block-sizes applies only to --method blocks")
	case m == Minimise && len(s.Factors) == 0:
		return s, settingsErrorf("factors", "--method minimise needs --factors")
	case m != Minimise && len(s.Factors) > 0:
		return s, settingsErrorf("factors", "--factors applies only to --method minimise")
	case m == Minimise && s.Cluster != "":
		return s, settingsErrorf("method", "--method minimise cannot randomise clusters; use complete, simple or blocks with --cluster")
	case !(p > 0 && p <= 1):
		return s, settingsErrorf("minimise-prob", "--minimise-prob %v is not in (0, 1]", p)
	case m != Minimise && p != DefaultMinimiseProb:
		return s, settingsErrorf("minimise-prob", "--minimise-prob applies only to --method minimise")
	}
	for _, v := range sizes {
		b, err := strconv.Atoi(v)
		if err != nil || b < 1 || b > 1<<24 {
			return s, settingsErrorf("block-sizes", "--block-sizes %q: %q is not a positive whole number", table.Clip(flags["block-sizes"]), table.Clip(v))
		}
		if b%sum != 0 {
			return s, settingsErrorf("block-sizes", "--block-sizes: %d is not a multiple of the ratio's sum %d", b, sum)
		}
		s.BlockSizes = append(s.BlockSizes, b)
	}
	return s, nil
}

// check returns the error ParseSettings gives for the settings' flags, or
// an error if the flags do not give the settings back (a name holding a
// comma or surrounding spaces), so that what a manifest records always
// re-derives what was randomised.
func (s Settings) check() error {
	back, err := ParseSettings(s.Flags())
	if err != nil {
		return err
	}
	if !back.equal(s) {
		return fmt.Errorf("%w: the settings cannot be recorded as flags (a name with a comma or surrounding spaces?)", ErrDesign)
	}
	return nil
}

// equal reports whether s and t are the same settings, nil and empty lists
// and a zero and the default probability being the same.
func (s Settings) equal(t Settings) bool {
	norm := func(s Settings) Settings {
		if s.MinimiseProb == 0 {
			s.MinimiseProb = DefaultMinimiseProb
		}
		for _, l := range []*[]string{&s.Arms, &s.Block, &s.Factors} {
			if len(*l) == 0 {
				*l = nil
			}
		}
		for _, l := range []*[]int{&s.Ratio, &s.BlockSizes} {
			if len(*l) == 0 {
				*l = nil
			}
		}
		return s
	}
	return reflect.DeepEqual(norm(s), norm(t))
}
