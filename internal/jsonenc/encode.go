// Package jsonenc writes evalkit's JSON: full precision, null for NaN, ±Inf
// and nil, no HTML escaping, two-space indentation.
package jsonenc

import (
	"bytes"
	"encoding"
	"encoding/json"
	"fmt"
	"math"
	"reflect"
	"sort"
	"strconv"
	"strings"
)

// Indent returns v as JSON as the contract's --json asks: floats at full
// precision (Go's shortest form that
// reads back to the same float64, as encoding/json prints it), and null for NaN, ±Inf, nil pointers,
// nil slices of structs and nil maps. Struct fields follow encoding/json's
// tags ("name", "-", "omitempty"); map keys are sorted.
//
// A value that implements json.Marshaler is indented in place; its output
// should come from Marshal, so that it follows the same rules.
func Indent(v any) ([]byte, error) {
	var b bytes.Buffer
	if err := encodeJSON(&b, reflect.ValueOf(v), ""); err != nil {
		return nil, err
	}
	return b.Bytes(), nil
}

// Marshal returns v as Indent does, without the white space: for the
// MarshalJSON methods of the libraries' results.
func Marshal(v any) ([]byte, error) {
	out, err := Indent(v)
	if err != nil {
		return nil, err
	}
	var b bytes.Buffer
	if err := json.Compact(&b, out); err != nil {
		return nil, err
	}
	return b.Bytes(), nil
}

var (
	jsonMarshaler = reflect.TypeFor[json.Marshaler]()
	textMarshaler = reflect.TypeFor[encoding.TextMarshaler]()
)

func encodeJSON(b *bytes.Buffer, v reflect.Value, indent string) error {
	if !v.IsValid() {
		b.WriteString("null")
		return nil
	}
	if v.Type().Implements(jsonMarshaler) && !(v.Kind() == reflect.Pointer && v.IsNil()) {
		out, err := v.Interface().(json.Marshaler).MarshalJSON()
		if err != nil {
			return err
		}
		return json.Indent(b, out, indent, "  ")
	}
	switch v.Kind() {
	case reflect.Pointer, reflect.Interface:
		if v.IsNil() {
			b.WriteString("null")
			return nil
		}
		return encodeJSON(b, v.Elem(), indent)
	case reflect.Float32, reflect.Float64:
		f := v.Float()
		if math.IsNaN(f) || math.IsInf(f, 0) {
			b.WriteString("null")
			return nil
		}
		// encoding/json prints the shortest text that reads back to
		// the same float, in plain or exponent form as ECMAScript does.
		out, err := json.Marshal(v.Interface())
		if err != nil {
			return err
		}
		b.Write(out)
	case reflect.Int, reflect.Int8, reflect.Int16, reflect.Int32, reflect.Int64:
		b.WriteString(strconv.FormatInt(v.Int(), 10))
	case reflect.Uint, reflect.Uint8, reflect.Uint16, reflect.Uint32, reflect.Uint64, reflect.Uintptr:
		b.WriteString(strconv.FormatUint(v.Uint(), 10))
	case reflect.Bool:
		b.WriteString(strconv.FormatBool(v.Bool()))
	case reflect.String:
		writeJSONString(b, v.String())
	case reflect.Slice, reflect.Array:
		if v.Kind() == reflect.Slice && v.IsNil() {
			b.WriteString("null")
			return nil
		}
		if v.Len() == 0 {
			b.WriteString("[]")
			return nil
		}
		b.WriteString("[\n")
		for i := 0; i < v.Len(); i++ {
			b.WriteString(indent + "  ")
			if err := encodeJSON(b, v.Index(i), indent+"  "); err != nil {
				return err
			}
			if i < v.Len()-1 {
				b.WriteByte(',')
			}
			b.WriteByte('\n')
		}
		b.WriteString(indent + "]")
	case reflect.Map:
		if v.IsNil() {
			b.WriteString("null")
			return nil
		}
		keys := make([]string, 0, v.Len())
		vals := make(map[string]reflect.Value, v.Len())
		for it := v.MapRange(); it.Next(); {
			k, err := mapKey(it.Key())
			if err != nil {
				return err
			}
			keys = append(keys, k)
			vals[k] = it.Value()
		}
		sort.Strings(keys)
		fields := make([]jsonField, len(keys))
		for i, k := range keys {
			fields[i] = jsonField{name: k, value: vals[k]}
		}
		return encodeObject(b, fields, indent)
	case reflect.Struct:
		return encodeObject(b, structFields(v), indent)
	default:
		return fmt.Errorf("json: cannot encode a %s", v.Type())
	}
	return nil
}

type jsonField struct {
	name  string
	value reflect.Value
}

func encodeObject(b *bytes.Buffer, fields []jsonField, indent string) error {
	if len(fields) == 0 {
		b.WriteString("{}")
		return nil
	}
	b.WriteString("{\n")
	for i, f := range fields {
		b.WriteString(indent + "  ")
		writeJSONString(b, f.name)
		b.WriteString(": ")
		if err := encodeJSON(b, f.value, indent+"  "); err != nil {
			return err
		}
		if i < len(fields)-1 {
			b.WriteByte(',')
		}
		b.WriteByte('\n')
	}
	b.WriteString(indent + "}")
	return nil
}

// structFields lists a struct's exported fields as encoding/json would,
// including those of embedded structs.
func structFields(v reflect.Value) []jsonField {
	var fields []jsonField
	t := v.Type()
	for i := 0; i < t.NumField(); i++ {
		sf := t.Field(i)
		if !sf.IsExported() && !sf.Anonymous {
			continue
		}
		tag := sf.Tag.Get("json")
		if tag == "-" {
			continue
		}
		name, opts, _ := strings.Cut(tag, ",")
		fv := v.Field(i)
		if sf.Anonymous && name == "" && sf.Type.Kind() == reflect.Struct {
			fields = append(fields, structFields(fv)...)
			continue
		}
		if !sf.IsExported() {
			continue
		}
		if name == "" {
			name = sf.Name
		}
		if strings.Contains(opts, "omitempty") && fv.IsZero() {
			continue
		}
		fields = append(fields, jsonField{name: name, value: fv})
	}
	return fields
}

func mapKey(k reflect.Value) (string, error) {
	if k.Type().Implements(textMarshaler) {
		t, err := k.Interface().(encoding.TextMarshaler).MarshalText()
		return string(t), err
	}
	switch k.Kind() {
	case reflect.String:
		return k.String(), nil
	case reflect.Int, reflect.Int8, reflect.Int16, reflect.Int32, reflect.Int64:
		return strconv.FormatInt(k.Int(), 10), nil
	case reflect.Uint, reflect.Uint8, reflect.Uint16, reflect.Uint32, reflect.Uint64:
		return strconv.FormatUint(k.Uint(), 10), nil
	}
	return "", fmt.Errorf("json: cannot use a %s as an object key", k.Type())
}

// writeJSONString writes s as a JSON string, without encoding/json's
// escaping of <, > and & (evalkit's JSON is not embedded in HTML).
func writeJSONString(b *bytes.Buffer, s string) {
	enc := json.NewEncoder(b)
	enc.SetEscapeHTML(false)
	enc.Encode(s)           // a string always encodes
	b.Truncate(b.Len() - 1) // Encode's newline
}
