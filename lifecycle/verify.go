package lifecycle

import (
	"reflect"

	"github.com/goccy/go-yaml"
)

// sameApartFrom reports whether two portfolio texts hold the same data
// (every key, known or not, and every value) once the gate, decision and
// history of the intervention at index are set aside. Advance uses it to
// prove that its edit touched nothing else. When the original cannot be
// decoded as plain data there is nothing to compare, and it reports true.
func sameApartFrom(before, after []byte, index int) bool {
	var a, b any
	if err := yaml.Unmarshal(before, &a); err != nil {
		return true
	}
	if err := yaml.Unmarshal(after, &b); err != nil {
		return false
	}
	return reflect.DeepEqual(withoutMove(a, index, false), withoutMove(b, index, true))
}

// withoutMove drops what a move may change from the intervention at index,
// in place: its gate and decision and, when appended is set, the last
// history entry. An empty history counts as none.
func withoutMove(doc any, index int, appended bool) any {
	top, ok := doc.(map[string]any)
	if !ok {
		return doc
	}
	list, ok := top["interventions"].([]any)
	if !ok || index >= len(list) {
		return doc
	}
	if iv, ok := list[index].(map[string]any); ok {
		delete(iv, "gate")
		delete(iv, "decision")
		h, _ := iv["history"].([]any)
		if appended && len(h) > 0 {
			h = h[:len(h)-1]
		}
		iv["history"] = h
		if len(h) == 0 {
			delete(iv, "history")
		}
	}
	return doc
}
