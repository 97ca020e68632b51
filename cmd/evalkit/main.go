// Command evalkit designs, randomises, analyses and costs controlled trials
// of violence-reduction interventions, and tracks them through the research
// life cycle. Run "evalkit help" for the commands.
package main

import "os"

func main() {
	os.Exit(exitCode(run(os.Args[1:], os.Stdout, os.Stderr)))
}
