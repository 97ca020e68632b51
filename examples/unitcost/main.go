// Command unitcost costs the Thames Valley VRU's seven funded interventions
// of 2023-24 with package unitcost, the way a head of research would in Go:
// read the cost and reach sheets, cost them in one year's prices, and print
// the cost per person reached, what the core grant pays per person, and
// the share that match funding, in-kind and volunteer time add.
//
// Run it from the repository's root:
//
//	go run ./examples/unitcost
//
// The sheets are examples/costs_2023_24.csv and examples/reach_2023_24.csv.
// Each intervention's core-grant budget and target numbers are those of the
// programme's Response Strategy 2023-2024 (School Navigators £153,000 for
// 200 young people); the split of each budget into staff, non-staff and
// overhead lines, and the match, in-kind and volunteer lines, are
// illustrative, as are the deflators and the outcomes' values.
package main

import (
	"flag"
	"fmt"
	"log"
	"os"
	"path/filepath"

	"github.com/evalkit/evalkit/unitcost"
)

func main() {
	dir := flag.String("dir", "examples", "the directory holding the example sheets")
	flag.Parse()
	log.SetFlags(0)

	res, err := costProgramme(*dir)
	if err != nil {
		log.Fatal(err)
	}
	fmt.Printf("2023-24 interventions in %d prices\n\n", res.PriceYear)
	fmt.Printf("%-20s %12s %7s %11s %11s %9s\n", "intervention", "cost", "people", "per person", "grant/head", "non-grant")
	for _, iv := range res.Interventions {
		grant := iv.ByFunder["VRU core grant"]
		fmt.Printf("%-20s %12.2f %7d %11.2f %11.2f %8.0f%%\n", iv.Name, iv.TotalCost, iv.People,
			iv.CostPerPerson, grant/float64(iv.People), 100*(1-grant/iv.TotalCost))
	}
	for _, w := range res.Warnings {
		fmt.Println("warning:", w)
	}
}

// costProgramme reads the example sheets in dir and costs them in 2024-25
// prices, with a ±10% sensitivity analysis.
func costProgramme(dir string) (*unitcost.Result, error) {
	var (
		lines     []unitcost.Line
		reach     []unitcost.Reach
		deflators unitcost.Deflators
	)
	err := readSheet(filepath.Join(dir, "costs_2023_24.csv"), func(f *os.File, name string) (err error) {
		lines, err = unitcost.ReadCosts(f, name)
		return err
	})
	if err == nil {
		err = readSheet(filepath.Join(dir, "reach_2023_24.csv"), func(f *os.File, name string) (err error) {
			reach, err = unitcost.ReadReach(f, name)
			return err
		})
	}
	if err == nil {
		err = readSheet(filepath.Join(dir, "deflators.csv"), func(f *os.File, name string) (err error) {
			deflators, err = unitcost.ReadDeflators(f, name)
			return err
		})
	}
	if err != nil {
		return nil, err
	}
	return unitcost.Calculate(lines, reach, nil, unitcost.Options{
		PriceYear:   2024, // 2024-25
		Deflators:   deflators,
		Sensitivity: 0.1,
	})
}

func readSheet(path string, read func(*os.File, string) error) error {
	f, err := os.Open(path)
	if err != nil {
		return err
	}
	defer f.Close()
	return read(f, filepath.Base(path))
}
