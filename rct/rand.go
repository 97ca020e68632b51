package rct

import "math/bits"

// Rand is evalkit's random number generator: xoshiro256** [1] seeded by
// SplitMix64 [2]. Every draw in package rct comes from it, so an allocation
// depends only on the seed and the input, never on Go's math/rand.
//
// Seeding: a SplitMix64 generator with state x is advanced by
//
//	x = x + 0x9e3779b97f4a7c15
//	z = (x ^ (x >> 30)) * 0xbf58476d1ce4e5b9
//	z = (z ^ (z >> 27)) * 0x94d049bb133111eb
//	z = z ^ (z >> 31)
//
// NewStream(seed, k) starts SplitMix64 at x = seed and discards its first
// 4k outputs; the next four are the xoshiro256** state s0..s3. NewRand(seed)
// is NewStream(seed, 0). SplitMix64 is a bijection of its state, so distinct
// streams of one seed start from distinct states.
//
// Each raw output of xoshiro256** is
//
//	out = rotl(s1 * 5, 7) * 9
//
// followed by the state update t = s1 << 17, s2 ^= s0, s3 ^= s1, s1 ^= s2,
// s0 ^= s3, s2 ^= t, s3 = rotl(s3, 45).
//
// The algorithm, its seeding and the draws built on it (Uint64n, Float64,
// Shuffle) are fixed: changing any of them changes allocations, which is a
// breaking change recorded by evalkit's version in every manifest.
//
// [1] Blackman, D. and Vigna, S. (2021). Scrambled linear pseudorandom
// number generators. ACM Transactions on Mathematical Software 47(4), 36.
// [2] Steele, G. L., Lea, D. and Flood, C. H. (2014). Fast splittable
// pseudorandom number generators. OOPSLA 2014, 453–472.
type Rand struct {
	s [4]uint64
}

// NewRand returns a generator seeded from seed (stream 0).
func NewRand(seed uint64) *Rand { return NewStream(seed, 0) }

// NewStream returns the generator of stream k of seed, as Rand describes.
// Randomisation inference gives each chunk of draws its own stream, so its
// results do not depend on the number of goroutines.
func NewStream(seed, k uint64) *Rand {
	x := seed + 4*k*0x9e3779b97f4a7c15
	var r Rand
	for i := range r.s {
		x += 0x9e3779b97f4a7c15
		r.s[i] = splitMix64Mix(x)
	}
	return &r
}

func splitMix64Mix(z uint64) uint64 {
	z = (z ^ (z >> 30)) * 0xbf58476d1ce4e5b9
	z = (z ^ (z >> 27)) * 0x94d049bb133111eb
	return z ^ (z >> 31)
}

// Uint64 returns the next raw 64-bit output of xoshiro256**.
func (r *Rand) Uint64() uint64 {
	var out uint64
	out, r.s[0], r.s[1], r.s[2], r.s[3] = xoshiro(r.s[0], r.s[1], r.s[2], r.s[3])
	return out
}

// xoshiro is one step of xoshiro256** (Rand): the output of state
// s0..s3, and the next state. It takes and returns the state as values so
// that a loop of draws (ShuffleInts) can hold it in registers.
func xoshiro(s0, s1, s2, s3 uint64) (out, t0, t1, t2, t3 uint64) {
	out = bits.RotateLeft64(s1*5, 7) * 9
	t := s1 << 17
	s2 ^= s0
	s3 ^= s1
	s1 ^= s2
	s0 ^= s3
	s2 ^= t
	s3 = bits.RotateLeft64(s3, 45)
	return out, s0, s1, s2, s3
}

// Uint64n returns a uniform integer in [0, n) by Lemire's nearly
// divisionless method [1]: with x a raw output, the 128-bit product
//
//	x * n = hi * 2^64 + lo
//
// gives hi, except that draws with lo < (2^64 - n) mod n are rejected and
// redrawn, which makes every value exactly equally likely. It panics if
// n is 0.
//
// [1] Lemire, D. (2019). Fast random integer generation in an interval.
// ACM Transactions on Modeling and Computer Simulation 29(1), 3.
func (r *Rand) Uint64n(n uint64) uint64 {
	if n == 0 {
		panic("rct: Uint64n(0)")
	}
	hi, lo := bits.Mul64(r.Uint64(), n)
	if lo < n {
		thresh := -n % n
		for lo < thresh {
			hi, lo = bits.Mul64(r.Uint64(), n)
		}
	}
	return hi
}

// Intn returns a uniform integer in [0, n) from Uint64n. It panics if n <= 0.
func (r *Rand) Intn(n int) int {
	if n <= 0 {
		panic("rct: Intn of a non-positive bound")
	}
	return int(r.Uint64n(uint64(n)))
}

// Float64 returns a uniform float in [0, 1): the top 53 bits of a raw
// output times 2^-53.
func (r *Rand) Float64() float64 {
	return float64(r.Uint64()>>11) * 0x1p-53
}

// Shuffle permutes n elements by the Fisher-Yates shuffle [1] (Durstenfeld's
// form): for i = n-1 down to 1, swap i with j = Uint64n(i+1). Every one of
// the n! orders is equally likely.
//
// [1] Knuth, D. E. (1997). The Art of Computer Programming, vol. 2, 3rd ed.,
// section 3.4.2, Algorithm P.
func (r *Rand) Shuffle(n int, swap func(i, j int)) {
	for i := n - 1; i > 0; i-- {
		swap(i, int(r.Uint64n(uint64(i+1))))
	}
}

// ShuffleInts shuffles x in place, drawing exactly as Shuffle does: j =
// Uint64n(i+1) for i = n-1 down to 1, Lemire's method as Uint64n writes
// it, with the generator's state held in registers for the loop (twice as
// fast as calls of Uint64n, which randomisation inference's re-draws
// spend most of their time in).
func (r *Rand) ShuffleInts(x []int) {
	s0, s1, s2, s3 := r.s[0], r.s[1], r.s[2], r.s[3]
	var out uint64
	for i := len(x) - 1; i > 0; i-- {
		n := uint64(i + 1)
		out, s0, s1, s2, s3 = xoshiro(s0, s1, s2, s3)
		j, lo := bits.Mul64(out, n)
		if lo < n {
			for thresh := -n % n; lo < thresh; {
				out, s0, s1, s2, s3 = xoshiro(s0, s1, s2, s3)
				j, lo = bits.Mul64(out, n)
			}
		}
		x[i], x[j] = x[j], x[i]
	}
	r.s = [4]uint64{s0, s1, s2, s3}
}
