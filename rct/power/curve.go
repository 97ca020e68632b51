package power

import (
	"fmt"
	"runtime"
	"sync"
)

// Point is one point of a curve: the value Y of a quantity (a power, a
// sample size) at X (a sample size, an effect).
type Point struct {
	X, Y float64
}

// Curve evaluates f at points values of x evenly spaced from lo to hi
// (inclusive), spread over GOMAXPROCS goroutines, and returns them in the
// order of x. f must be safe to call concurrently (every design's PowerAt
// and Solve are). The first error, by x, is returned with its x.
//
// It panics if points < 2.
func Curve(points int, lo, hi float64, f func(x float64) (float64, error)) ([]Point, error) {
	if points < 2 {
		panic("power: a curve needs at least 2 points")
	}
	out := make([]Point, points)
	errs := make([]error, points)
	workers := runtime.GOMAXPROCS(0)
	if workers > points {
		workers = points
	}
	step := (hi - lo) / float64(points-1)
	var wg sync.WaitGroup
	for w := 0; w < workers; w++ {
		wg.Add(1)
		go func(w int) {
			defer wg.Done()
			for i := w; i < points; i += workers {
				x := lo + float64(i)*step
				if i == points-1 {
					x = hi
				}
				y, err := f(x)
				out[i] = Point{X: x, Y: y}
				errs[i] = err
			}
		}(w)
	}
	wg.Wait()
	for i, err := range errs {
		if err != nil {
			return out, fmt.Errorf("at %g: %w", out[i].X, err)
		}
	}
	return out, nil
}
