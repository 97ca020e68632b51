package rct

// each calls fn(0) to fn(n-1), each on a goroutine of its own but the
// last, and returns when they have returned: the two halves of a long
// piece of work on the two cores, or with n 1 the whole of it here.
func each(n int, fn func(i int)) {
	done := make(chan struct{}, n)
	for i := range n - 1 {
		go func() { fn(i); done <- struct{}{} }()
	}
	fn(n - 1)
	for range n - 1 {
		<-done
	}
}
