package fwimpl_test

import (
	"errors"
	"reflect"
	"testing"

	"github.com/fwgo/fw/runtime/fw"
	"github.com/fwgo/fw/runtime/fwimpl"
)

// Schema evolution of JSON input (docs/runtime.md, "Schema evolution"): the
// same event in three versions of its package.
//
//	v1: event Ship { id string; to Dest }              record Dest { city string }
//	v2: event Ship { id string; to Dest; note string? } record Dest { city string; zip string? }
//	v3: event Ship { id string; to Dest; prio int }     record Dest { city string }

type DestV1 struct {
	City string `json:"city"`
}

type ShipV1 struct {
	ID string `json:"id"`
	To DestV1 `json:"to"`
}

type DestV2 struct {
	City string  `json:"city"`
	Zip  *string `json:"zip"`
}

type ShipV2 struct {
	ID   string  `json:"id"`
	To   DestV2  `json:"to"`
	Note *string `json:"note"`
}

type ShipV3 struct {
	ID   string `json:"id"`
	To   DestV1 `json:"to"`
	Prio int64  `json:"prio"`
}

func (ShipV1) AppendBinary(b []byte) ([]byte, error) { return b, nil }
func (*ShipV1) UnmarshalBinary([]byte) error         { return nil }
func (ShipV2) AppendBinary(b []byte) ([]byte, error) { return b, nil }
func (*ShipV2) UnmarshalBinary([]byte) error         { return nil }
func (ShipV3) AppendBinary(b []byte) ([]byte, error) { return b, nil }
func (*ShipV3) UnmarshalBinary([]byte) error         { return nil }

var (
	shipV1 = fwimpl.Types{fwimpl.TypeOf[ShipV1]("Ship")}
	shipV2 = fwimpl.Types{fwimpl.TypeOf[ShipV2]("Ship")}
	shipV3 = fwimpl.Types{fwimpl.TypeOf[ShipV3]("Ship")}
)

// TestEvolutionAddOptionalField: lines written by v1 decode in v2 (optional
// fields added to the event and to a record it contains: nil); lines of v2
// that use the new fields do not decode in v1 (unknown field), and lines of
// v1 do not decode in v3 (a non-optional field added: missing).
func TestEvolutionAddOptionalField(t *testing.T) {
	old, err := shipV1.EncodeJSON(fwimpl.Msg{Ev: &ShipV1{ID: "s1", To: DestV1{City: "Oslo"}}})
	if err != nil {
		t.Fatal(err)
	}
	ev, err := shipV2.DecodeJSON(old)
	if want := (ShipV2{ID: "s1", To: DestV2{City: "Oslo"}}); err != nil || !reflect.DeepEqual(ev, want) {
		t.Errorf("v1 line %s in v2: %+v, %v; want %+v", old, ev, err, want)
	}

	zip := "0155"
	newer, err := shipV2.EncodeJSON(fwimpl.Msg{Ev: &ShipV2{ID: "s2", To: DestV2{City: "Oslo", Zip: &zip}}})
	if err != nil {
		t.Fatal(err)
	}
	if _, err := shipV1.DecodeJSON(newer); !errors.Is(err, fw.ErrUnknownField) {
		t.Errorf("v2 line %s in v1: %v, want an unknown field", newer, err)
	}
	var me *fw.MissingFieldError
	if _, err := shipV3.DecodeJSON(old); !errors.As(err, &me) || me.Field != "prio" {
		t.Errorf("v1 line %s in v3: %v, want a missing field prio", old, err)
	}
}
