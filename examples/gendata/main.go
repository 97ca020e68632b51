// Command gendata writes the example data sets in examples/: synthetic
// trials modelled on the Thames Valley VRU's 2023-24 programme. The data are
// invented; only their shape (areas, sizes, outcomes) follows the programme.
//
// Every data set is drawn from a PCG generator (math/rand/v2) seeded with a
// fixed number, so running
//
//	go run ./examples/gendata -dir examples
//
// writes the same files again. The models behind each file:
//
//   - hotspots.csv: 120 violent-crime hotspots in 8 areas, randomised 1:1
//     within area to patrols directed by the Hotspot Policing App. Each
//     hotspot's rate of violent crime per 26 weeks is gamma with mean 6 and
//     shape 2.5, and the 26 weeks before are Poisson at that rate (so
//     negative binomial with mean 6 and size 2.5). After, over 26 weeks of
//     follow-up (fewer for the few hotspots whose follow-up stopped early),
//     the rate is kept and patrols multiply it by 0.8.
//   - focused_deterrence.csv: 400 people in Milton Keynes convicted of
//     knife-crime offences, randomised 1:1; re-offending within 12 months is
//     Bernoulli with log-odds -0.4 + 0.15 (prior offences - 3) - 0.45 if
//     treated; 12 outcomes are missing (moved away).
//   - school_navigators.csv: 24 schools in Reading and Milton Keynes, 12
//     given a School Navigator (clusters randomised within town); 25 to 60
//     pupils each. Attendance (%) is 88 + a school effect (sd 2.5) + half the
//     pupil's baseline's distance from 88 + pupil noise (sd 4), plus 1.5 in
//     navigator schools, capped at 100; a few pupils have none recorded.
//   - units.csv: 320 people referred in two custody suites, to be randomised
//     to Custody Navigators (ids with leading zeros, age band, sex, prior
//     arrests), for evalkit randomise.
package main

import (
	"encoding/csv"
	"flag"
	"fmt"
	"log"
	"math"
	"math/rand/v2"
	"os"
	"path/filepath"
	"strconv"

	"gonum.org/v1/gonum/stat/distuv"
)

func main() {
	dir := flag.String("dir", "examples", "folder to write the data sets into")
	flag.Parse()
	if err := writeAll(*dir); err != nil {
		log.Fatal(err)
	}
}

// dataSets are the files the generator writes, each with its generator.
var dataSets = []struct {
	name string
	gen  func() [][]string
}{
	{"hotspots.csv", hotspots},
	{"focused_deterrence.csv", focusedDeterrence},
	{"school_navigators.csv", schoolNavigators},
	{"units.csv", units},
}

// writeAll writes every data set into dir.
func writeAll(dir string) error {
	for _, ds := range dataSets {
		if err := writeCSV(filepath.Join(dir, ds.name), ds.gen()); err != nil {
			return err
		}
	}
	return nil
}

func writeCSV(path string, rows [][]string) error {
	f, err := os.Create(path)
	if err != nil {
		return err
	}
	w := csv.NewWriter(f)
	w.WriteAll(rows)
	if err := w.Error(); err != nil {
		f.Close()
		return err
	}
	return f.Close()
}

// shuffledArms returns n arms, half control and half treatment, in random order.
func shuffledArms(r *rand.Rand, n int) []string {
	arms := make([]string, n)
	for i := range arms {
		arms[i] = "control"
		if i < n/2 {
			arms[i] = "treatment"
		}
	}
	r.Shuffle(n, func(i, j int) { arms[i], arms[j] = arms[j], arms[i] })
	return arms
}

func itoa(v float64) string { return strconv.FormatFloat(v, 'f', -1, 64) }

func hotspots() [][]string {
	src := rand.NewPCG(2023, 1)
	r := rand.New(src)
	areas := []string{"Reading", "Slough", "Milton Keynes", "Oxford", "High Wycombe", "Aylesbury", "Banbury", "Maidenhead"}
	rows := [][]string{{"hotspot_id", "area", "arm", "weeks", "crimes_before", "crimes_after"}}
	id := 0
	for _, area := range areas {
		arms := shuffledArms(r, 15)
		for _, arm := range arms {
			id++
			// The hotspot's own rate of violent crime per 26 weeks.
			rate := distuv.Gamma{Alpha: 2.5, Beta: 2.5 / 6, Src: src}.Rand()
			before := distuv.Poisson{Lambda: rate, Src: src}.Rand()
			weeks := 26.0
			if r.IntN(20) == 0 {
				weeks = float64(13 + r.IntN(12))
			}
			mult := 1.0
			if arm == "treatment" {
				mult = 0.8
			}
			after := distuv.Poisson{Lambda: rate * mult * weeks / 26, Src: src}.Rand()
			rows = append(rows, []string{fmt.Sprintf("HS%03d", id), area, arm, itoa(weeks), itoa(before), itoa(after)})
		}
	}
	return rows
}

func focusedDeterrence() [][]string {
	src := rand.NewPCG(2023, 2)
	r := rand.New(src)
	rows := [][]string{{"person_id", "age", "prior_offences", "arm", "reoffended"}}
	arms := shuffledArms(r, 400)
	missing := map[int]bool{}
	for len(missing) < 12 {
		missing[r.IntN(400)] = true
	}
	for i, arm := range arms {
		age := 16 + r.IntN(20)
		prior := distuv.Poisson{Lambda: 3, Src: src}.Rand()
		eta := -0.4 + 0.15*(prior-3)
		if arm == "treatment" {
			eta -= 0.45
		}
		y := "0"
		if r.Float64() < 1/(1+math.Exp(-eta)) {
			y = "1"
		}
		if missing[i] {
			y = "NA"
		}
		rows = append(rows, []string{fmt.Sprintf("FD%04d", i+1), strconv.Itoa(age), itoa(prior), arm, y})
	}
	return rows
}

func schoolNavigators() [][]string {
	src := rand.NewPCG(2023, 3)
	r := rand.New(src)
	rows := [][]string{{"pupil_id", "school", "town", "arm", "attendance_baseline", "attendance"}}
	pupil := 0
	for _, town := range []string{"Reading", "Milton Keynes"} {
		arms := shuffledArms(r, 12)
		for s, arm := range arms {
			school := fmt.Sprintf("%s school %02d", town, s+1)
			effect := 2.5 * r.NormFloat64()
			size := 25 + r.IntN(36)
			for range size {
				pupil++
				base := math.Min(100, 88+effect+5*r.NormFloat64())
				y := 88 + effect + 0.5*(base-88) + 4*r.NormFloat64()
				if arm == "treatment" {
					y += 1.5
				}
				y = math.Min(100, y)
				out := strconv.FormatFloat(y, 'f', 1, 64)
				if r.IntN(40) == 0 {
					out = ""
				}
				rows = append(rows, []string{fmt.Sprintf("P%05d", pupil), school, town, arm,
					strconv.FormatFloat(base, 'f', 1, 64), out})
			}
		}
	}
	return rows
}

func units() [][]string {
	src := rand.NewPCG(2023, 4)
	r := rand.New(src)
	rows := [][]string{{"unit_id", "suite", "age_band", "sex", "prior_arrests"}}
	for i := 1; i <= 320; i++ {
		suite := "Abingdon"
		if r.IntN(5) < 2 {
			suite = "Loddon Valley"
		}
		band := "25_and_over"
		if r.IntN(3) == 0 {
			band = "24_and_under"
		}
		sex := "M"
		if r.IntN(5) == 0 {
			sex = "F"
		}
		prior := distuv.Poisson{Lambda: 2.2, Src: src}.Rand()
		rows = append(rows, []string{fmt.Sprintf("%05d", i), suite, band, sex, itoa(prior)})
	}
	return rows
}
