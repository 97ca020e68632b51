package jsonenc

import "testing"

func TestNear(t *testing.T) {
	for _, c := range []struct {
		want, got string
		ok        bool
	}{
		{`{"a":[1,"x",null,true]}`, `{"a":[1,"x",null,true]}`, true},
		{`{"a":0.3874269771242066}`, `{"a":0.3874269771242065}`, true},
		{`{"a":1e-20}`, `{"a":2e-20}`, true},
		{`{"a":1.5}`, `{"a":1.5000001}`, false},
		{`{"a":1}`, `{"b":1}`, false},
		{`{"a":[1]}`, `{"a":[1,2]}`, false},
		{`{"a":null}`, `{"a":0}`, false},
		{`{"a":"x"}`, `{"a":"y"}`, false},
		{`{"a":1}`, `{"a":1,"b":2}`, false},
	} {
		if err := Near([]byte(c.want), []byte(c.got), 1e-13); (err == nil) != c.ok {
			t.Errorf("Near(%s, %s) = %v, want ok %v", c.want, c.got, err, c.ok)
		}
	}
}
