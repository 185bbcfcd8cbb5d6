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

// ScanForTest is the error of the scan of the object data with every value
// checked in full (as before values were skipped), wrapped as DecodeJSON
// wraps it; nil if the syntax is good.
func ScanForTest(data []byte) error {
	s := scanner{data: data, full: true}
	if _, err := s.object(nil); err != nil {
		return badJSON(err)
	}
	return nil
}
