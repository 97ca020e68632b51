package qed

// SMSLevel is the level of the Maryland Scientific Methods Scale [1] that
// the designs of this package reach: 3, a comparison of treated units with
// comparable untreated units (before and after, or matched on measured
// characteristics). Level 4 asks for several comparison groups or
// controls for other factors that would explain the difference; level 5 for
// random assignment of the intervention.
//
// [1] Sherman, L. W., Gottfredson, D., MacKenzie, D., Eck, J., Reuter, P.
// and Bushway, S. (1997). Preventing Crime: What Works, What Doesn't,
// What's Promising. Report to the U.S. Congress, chapter 2.
const SMSLevel = 3

// SMSStatement is the sentence a result's table and report print about its
// evidence level, with what would raise it.
func SMSStatement(design string) string {
	return "Evidence: level 3 of the Maryland Scientific Methods Scale (Sherman et al. 1997), " + design +
		". Units chose or were chosen for the intervention, so differences that were not measured may remain; " +
		"randomising who receives it, as a randomised controlled trial does, would raise the evidence to level 5."
}
