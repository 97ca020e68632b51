module example.com/headofresearch

go 1.26

require (
	github.com/evalkit/evalkit v0.0.0
	github.com/go-gota/gota v0.12.0
)

require (
	golang.org/x/net v0.43.0 // indirect
	golang.org/x/tools v0.36.0 // indirect
	gonum.org/v1/gonum v0.17.0 // indirect
)

replace github.com/evalkit/evalkit => ../..
