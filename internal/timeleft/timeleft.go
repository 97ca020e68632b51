// Package timeleft estimates the time a long loop has left from its rate so
// far, for the progress lines of evalkit's commands.
package timeleft

import (
	"fmt"
	"time"
)

// Text returns ", about 1m20s left" for a loop that has done done of total
// steps in elapsed, at the rate so far:
//
//	left = elapsed · (total − done) / done,  rounded to the second
//
// (", more than 100 years left" beyond a century), and "" while there is
// no rate to go by (nothing done, or less than a second elapsed) and once
// the loop is finished (done ≥ total).
func Text(elapsed time.Duration, done, total int) string {
	if done <= 0 || done >= total || elapsed < time.Second {
		return ""
	}
	left := float64(elapsed) * (float64(total-done) / float64(done))
	if left >= float64(century) {
		return ", more than 100 years left"
	}
	return fmt.Sprintf(", about %v left", time.Duration(left).Round(time.Second))
}

// century is the longest time left that Text states.
const century = 100 * 365 * 24 * time.Hour
