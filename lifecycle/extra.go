package lifecycle

// Field is a key of an intervention that evalkit does not interpret,
// with its value when that is a single scalar (next_step: ...,
// funding_gbp_2023_24: 43000).
type Field struct {
	Key, Value string
}

// knownKeys are the intervention keys evalkit reads.
var knownKeys = map[string]bool{"name": true, "network": true, "area": true, "gate": true, "decision": true, "evidence": true, "history": true}

// Fields returns the intervention's other keys whose values are scalars,
// in file order, as written: what a person keeps beside the evidence,
// such as a next step or a budget. Keys whose values are lists or
// mappings are left out.
func (iv *Intervention) Fields() []Field {
	kvs, _ := yamlMapping(iv.node)
	var out []Field
	for _, kv := range kvs {
		k := yamlKey(kv)
		if knownKeys[k] {
			continue
		}
		if v, ok := yamlScalar(kv.Value); ok {
			out = append(out, Field{Key: k, Value: v})
		}
	}
	return out
}
