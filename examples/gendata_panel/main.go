// Command gendata_panel writes examples/navigators_panel.csv: a synthetic,
// non-randomised School Navigators programme. The data are invented; only
// their shape follows the programme.
//
// 40 secondary schools in Reading and Milton Keynes are followed over 10
// terms. 28 of them took up a navigator, in three waves: 10 Reading schools
// from term 4, 8 Milton Keynes schools from term 6 and 10 schools of both
// towns from term 8; 12 never did. Schools chose to join, and those with
// lower attendance joined first, so the treated and the untreated differ
// before any navigator started: the setting of a difference in
// differences, not of a trial. Each school's attendance (%) in a term is
//
//	91 + school effect (sd 1.5, 1.5 lower for the first wave, 0.8 for the second)
//	   + 0.1 term - 0.4 in Milton Keynes + noise (sd 0.6)
//	   + 0.4 + 0.15 (terms since its navigator began) once it has one,
//
// and its exclusions per term are Poisson with mean 3 exp(-0.15 once
// treated). Two school-terms were not returned (missing rows). The file is
// drawn from a PCG generator (math/rand/v2) seeded with a fixed number, so
//
//	go run ./examples/gendata_panel -out examples/navigators_panel.csv
//
// writes the same file again; then
//
//	evalkit did --in examples/navigators_panel.csv --unit school --time term \
//	    --outcome attendance --first-treated first_term
package main

import (
	"encoding/csv"
	"flag"
	"log"
	"math"
	"math/rand/v2"
	"os"
	"strconv"

	"gonum.org/v1/gonum/stat/distuv"
)

func main() {
	out := flag.String("out", "examples/navigators_panel.csv", "the file to write")
	flag.Parse()
	if err := write(*out, panel()); err != nil {
		log.Fatal(err)
	}
}

// panel returns the rows of the panel, the header first.
func panel() [][]string {
	src := rand.NewPCG(2024, 18)
	r := rand.New(src)
	rows := [][]string{{"school", "town", "term", "first_term", "attendance", "exclusions"}}
	type school struct {
		town  string
		first int
	}
	var schools []school
	for k := 0; k < 40; k++ {
		s := school{town: "Reading"}
		switch {
		case k < 10:
			s.first = 4
		case k < 18:
			s.town, s.first = "Milton Keynes", 6
		case k < 28:
			s.first = 8
			if k%2 == 1 {
				s.town = "Milton Keynes"
			}
		default:
			if k%2 == 1 {
				s.town = "Milton Keynes"
			}
		}
		schools = append(schools, s)
	}
	missing := map[[2]int]bool{{7, 3}: true, {33, 9}: true}
	for k, s := range schools {
		effect := 1.5 * r.NormFloat64()
		switch s.first {
		case 4:
			effect -= 1.5
		case 6:
			effect -= 0.8
		}
		first := ""
		if s.first > 0 {
			first = strconv.Itoa(s.first)
		}
		for t := 1; t <= 10; t++ {
			y := 91 + effect + 0.1*float64(t) + 0.6*r.NormFloat64()
			rate := 3.0
			if s.town == "Milton Keynes" {
				y -= 0.4
			}
			if s.first > 0 && t >= s.first {
				y += 0.4 + 0.15*float64(t-s.first)
				rate *= math.Exp(-0.15)
			}
			if missing[[2]int{k, t}] {
				continue
			}
			excl := distuv.Poisson{Lambda: rate, Src: src}.Rand()
			rows = append(rows, []string{"SCH" + strconv.Itoa(101+k), s.town, strconv.Itoa(t), first,
				strconv.FormatFloat(math.Min(100, y), 'f', 2, 64), strconv.Itoa(int(excl))})
		}
	}
	return rows
}

// write writes the rows as CSV to path.
func write(path string, rows [][]string) error {
	f, err := os.Create(path)
	if err != nil {
		return err
	}
	w := csv.NewWriter(f)
	if err := w.WriteAll(rows); err != nil {
		f.Close()
		return err
	}
	return f.Close()
}
