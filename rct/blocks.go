package rct

import "fmt"

// blocks deals permuted blocks within each stratum, in input order. For
// each block, its size b is drawn uniformly from sizes (Uint64n over the
// list), the block holds b w_j / W slots for arm j, and the slots are
// shuffled (Fisher-Yates); the stratum's next b randomisation units take
// them in order. The last block of a stratum may be cut short. Because each
// full block is balanced, the running imbalance within a stratum never
// exceeds what one block allows.
func (L *Layout) blocks(a *Allocation, garm []int, w []int, sizes []int, r *Rand) error {
	W := 0
	for _, x := range w {
		W += x
	}
	if len(sizes) == 0 {
		return fmt.Errorf("%w: blocks needs at least one block size", ErrDesign)
	}
	for _, b := range sizes {
		if b <= 0 || b%W != 0 || b > 1<<24 {
			return fmt.Errorf("%w: %d (the ratio's sum is %d)", ErrBlockSize, b, W)
		}
	}
	seq, size := make([]int, L.NGroups), make([]int, L.NGroups)
	var slots []int
	for s := range L.Strata {
		units := L.Strata[s].Sequence
		for start, num := 0, 1; start < len(units); num++ {
			b := sizes[r.Uint64n(uint64(len(sizes)))]
			slots = slots[:0]
			for j, x := range w {
				for c := b / W * x; c > 0; c-- {
					slots = append(slots, j)
				}
			}
			r.ShuffleInts(slots)
			for k := 0; k < b && start+k < len(units); k++ {
				g := units[start+k]
				garm[g], seq[g], size[g] = slots[k], num, b
			}
			start += b
		}
	}
	a.BlockSeq, a.BlockSize = seq, size
	return nil
}
