package fwimpl

import "reflect"

// AppendJSONForTest is the JSON text of the struct v as the structured
// encoder writes it (an object of its fields).
func AppendJSONForTest(v any) []byte {
	t := reflect.TypeOf(v)
	p := reflect.New(t)
	p.Elem().Set(reflect.ValueOf(v))
	b, err := appendFields([]byte{'{'}, jsonFieldsOf(t), p.UnsafePointer(), false)
	if err != nil {
		panic(err)
	}
	return append(b, '}')
}
