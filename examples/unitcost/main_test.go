package main

import "fmt"

// The core call of the program: School Navigators' £153,000 for 200 young
// people is £765 per person in 2023-24 prices, £785.66 in 2024-25 prices
// (× 102.7/100 with the example deflators).
func Example_costProgramme() {
	res, err := costProgramme("..")
	if err != nil {
		fmt.Println(err)
		return
	}
	sn := res.Interventions[0]
	fmt.Printf("%s: £%.2f per person in %d prices; grant £%.2f\n", sn.Name, sn.CostPerPerson, res.PriceYear, sn.ByFunder["VRU core grant"])
	fmt.Println("widest spread:", sn.Sensitivity[0].Input)
	// Output:
	// School Navigators: £785.66 per person in 2024 prices; grant £157131.00
	// widest spread: people
}
