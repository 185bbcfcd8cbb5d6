package partwide_test

import (
	"context"
	"fmt"
	"slices"
	"sort"
	"sync"
	"testing"

	"github.com/fwgo/fw/generated/partwide"
	"github.com/fwgo/fw/runtime/fw"
	"github.com/fwgo/fw/runtime/fwimpl"
)

// bands is an instance of Bands: the readings it got, with their case.
type bands struct {
	kg  int
	got *[]string
}

func (b *bands) note(c fw.Position, ev partwide.Reading) error {
	if c.KeyGroup != b.kg || c.KeyGroups != 3 {
		return fmt.Errorf("instance %d called as %+v", b.kg, c)
	}
	*b.got = append(*b.got, fmt.Sprintf("%s %d %s", ev.Sensor, ev.Value, c.Case))
	return nil
}

func (b *bands) OnNegative(c partwide.BandsNegativeContext) error {
	return b.note(c.Position(), c.Event())
}
func (b *bands) OnBand0(c partwide.BandsBand0Context) error   { return b.note(c.Position(), c.Event()) }
func (b *bands) OnBand1(c partwide.BandsBand1Context) error   { return b.note(c.Position(), c.Event()) }
func (b *bands) OnBand2(c partwide.BandsBand2Context) error   { return b.note(c.Position(), c.Event()) }
func (b *bands) OnBand3(c partwide.BandsBand3Context) error   { return b.note(c.Position(), c.Event()) }
func (b *bands) OnBand4(c partwide.BandsBand4Context) error   { return b.note(c.Position(), c.Event()) }
func (b *bands) OnBand5(c partwide.BandsBand5Context) error   { return b.note(c.Position(), c.Event()) }
func (b *bands) OnBand6(c partwide.BandsBand6Context) error   { return b.note(c.Position(), c.Event()) }
func (b *bands) OnBand7(c partwide.BandsBand7Context) error   { return b.note(c.Position(), c.Event()) }
func (b *bands) OnBand8(c partwide.BandsBand8Context) error   { return b.note(c.Position(), c.Event()) }
func (b *bands) OnBand9(c partwide.BandsBand9Context) error   { return b.note(c.Position(), c.Event()) }
func (b *bands) OnBand10(c partwide.BandsBand10Context) error { return b.note(c.Position(), c.Event()) }
func (b *bands) OnBand11(c partwide.BandsBand11Context) error { return b.note(c.Position(), c.Event()) }
func (b *bands) OnBand12(c partwide.BandsBand12Context) error { return b.note(c.Position(), c.Event()) }
func (b *bands) OnBand13(c partwide.BandsBand13Context) error { return b.note(c.Position(), c.Event()) }
func (b *bands) OnBand14(c partwide.BandsBand14Context) error { return b.note(c.Position(), c.Event()) }
func (b *bands) OnBand15(c partwide.BandsBand15Context) error { return b.note(c.Position(), c.Event()) }
func (b *bands) OnHigh(c partwide.BandsHighContext) error     { return b.note(c.Position(), c.Event()) }

type levels struct {
	mu  sync.Mutex
	got []string
}

func (l *levels) OnLevel0(c partwide.LevelsLevel0Context) error {
	return l.note(c.Position(), c.Event())
}
func (l *levels) OnLevel1(c partwide.LevelsLevel1Context) error {
	return l.note(c.Position(), c.Event())
}
func (l *levels) OnLevel2(c partwide.LevelsLevel2Context) error {
	return l.note(c.Position(), c.Event())
}
func (l *levels) OnLevel3(c partwide.LevelsLevel3Context) error {
	return l.note(c.Position(), c.Event())
}
func (l *levels) OnLevel4(c partwide.LevelsLevel4Context) error {
	return l.note(c.Position(), c.Event())
}
func (l *levels) OnLevel5(c partwide.LevelsLevel5Context) error {
	return l.note(c.Position(), c.Event())
}
func (l *levels) OnLevel6(c partwide.LevelsLevel6Context) error {
	return l.note(c.Position(), c.Event())
}
func (l *levels) OnLevel7(c partwide.LevelsLevel7Context) error {
	return l.note(c.Position(), c.Event())
}
func (l *levels) OnLevel8(c partwide.LevelsLevel8Context) error {
	return l.note(c.Position(), c.Event())
}
func (l *levels) OnLevel9(c partwide.LevelsLevel9Context) error {
	return l.note(c.Position(), c.Event())
}
func (l *levels) OnLevel10(c partwide.LevelsLevel10Context) error {
	return l.note(c.Position(), c.Event())
}
func (l *levels) OnLevel11(c partwide.LevelsLevel11Context) error {
	return l.note(c.Position(), c.Event())
}
func (l *levels) OnLevel12(c partwide.LevelsLevel12Context) error {
	return l.note(c.Position(), c.Event())
}
func (l *levels) OnLevel13(c partwide.LevelsLevel13Context) error {
	return l.note(c.Position(), c.Event())
}
func (l *levels) OnLevel14(c partwide.LevelsLevel14Context) error {
	return l.note(c.Position(), c.Event())
}
func (l *levels) OnLevel15(c partwide.LevelsLevel15Context) error {
	return l.note(c.Position(), c.Event())
}
func (l *levels) OnOther(c partwide.LevelsOtherContext) error { return l.note(c.Position(), c.Event()) }

func (l *levels) note(c fw.Position, ev partwide.Alarm) error {
	l.mu.Lock()
	defer l.mu.Unlock()
	l.got = append(l.got, fmt.Sprintf("%d %s", ev.Level, c.Case))
	return nil
}

// band is the case of Bands that a reading of value v matches.
func band(v int64) string {
	switch {
	case v < 0:
		return "Negative"
	case v < 160:
		return fmt.Sprintf("Band%d", v/10)
	}
	return "High"
}

func level(l int64) string {
	if 0 <= l && l < 16 {
		return fmt.Sprintf("Level%d", l)
	}
	return "Other"
}

// TestWideDispatch: with more case rows than DispatchAll calls in place
// (Bands, partitioned: routed, then invoked with its key group) and a
// compiled matcher (Levels, unpartitioned, in a partitioned program), each
// instance of Bands gets its sensors' readings in order, with the case
// their value matches, and Levels every alarm; each instance of the
// partitioned builder Tally gets its sensors' readings and its own phase
// call, in key group order. The same for 1, 2 and 8 workers.
func TestWideDispatch(t *testing.T) {
	var evs []partwide.Event
	want := make([][]string, 3)
	var wantLevels []string
	for i := range 300 {
		r := partwide.Reading{Sensor: fmt.Sprintf("s%d", i%13), Value: int64((i*37)%200 - 20)}
		evs = append(evs, r)
		kg := fwimpl.KeyGroupString(r.Sensor, 3)
		want[kg] = append(want[kg], fmt.Sprintf("%s %d %s", r.Sensor, r.Value, band(r.Value)))
		if i%5 == 0 {
			a := partwide.Alarm{Level: int64(i % 19)}
			evs = append(evs, a)
			wantLevels = append(wantLevels, fmt.Sprintf("%d %s", a.Level, level(a.Level)))
		}
	}
	// Tally's counts: its instances' phase calls in key group order, each
	// with its sensors in order.
	counts := map[string]int{}
	for _, ev := range evs {
		if r, ok := ev.(partwide.Reading); ok {
			counts[r.Sensor]++
		}
	}
	var wantCounts []string
	for kg := range 2 {
		var sensors []string
		for s := range counts {
			if int(fwimpl.KeyGroupString(s, 2)) == kg {
				sensors = append(sensors, s)
			}
		}
		sort.Strings(sensors)
		for _, s := range sensors {
			wantCounts = append(wantCounts, fmt.Sprintf("%d: %s %d", kg, s, counts[s]))
		}
	}
	for _, workers := range []int{1, 2, 8} {
		got := make([][]string, 3)
		l := &levels{}
		cs := &countsSink{}
		p, err := partwide.NewPipeline(partwide.Handlers{
			Bands:  func(kg int) partwide.BandsHandler { return &bands{kg: kg, got: &got[kg]} },
			Levels: l,
			Tally:  func(kg int) partwide.TallyBuilder { return &tally{kg: kg, n: map[string]int{}} },
			Counts: cs,
		}, fw.WithWorkers(workers))
		if err != nil {
			t.Fatal(err)
		}
		for _, ev := range evs {
			p.Submit(ev)
		}
		if err := p.Run(context.Background()); err != nil {
			t.Fatal(err)
		}
		for kg := range got {
			if !slices.Equal(got[kg], want[kg]) {
				t.Errorf("%d workers: Bands[%d] got\n%q\nwant\n%q", workers, kg, got[kg], want[kg])
			}
		}
		if !slices.Equal(l.got, wantLevels) {
			t.Errorf("%d workers: Levels got\n%q\nwant\n%q", workers, l.got, wantLevels)
		}
		if !slices.Equal(cs.got, wantCounts) {
			t.Errorf("%d workers: Counts got\n%q\nwant\n%q", workers, cs.got, wantCounts)
		}
	}
}

// tally is an instance of the partitioned builder Tally.
type tally struct {
	kg     int
	n      map[string]int
	phases int
}

func (t *tally) OnReading(c partwide.TallyContext, v partwide.Reading) error {
	if p := c.Position(); p.KeyGroup != t.kg || p.KeyGroups != 2 || int(fwimpl.KeyGroupString(v.Sensor, 2)) != t.kg {
		return fmt.Errorf("Tally[%d] got %v at %+v", t.kg, v, p)
	}
	t.n[v.Sensor]++
	return nil
}

func (t *tally) Phase(c partwide.TallyContext, phase int) error {
	if t.phases++; t.phases != phase+1 || c.Position().KeyGroup != t.kg {
		return fmt.Errorf("Tally[%d]: phase call %d at %+v", t.kg, t.phases, c.Position())
	}
	sensors := make([]string, 0, len(t.n))
	for s := range t.n {
		sensors = append(sensors, s)
	}
	sort.Strings(sensors)
	for _, s := range sensors {
		c.Publish(partwide.Count{Sensor: s, N: int64(t.n[s])})
	}
	clear(t.n) // the counts of the next phase
	return nil
}

type countsSink struct{ got []string }

func (s *countsSink) OnCounts(c partwide.CountsCountsContext, v partwide.Count) error {
	s.got = append(s.got, fmt.Sprintf("%d: %s %d", fwimpl.KeyGroupString(v.Sensor, 2), v.Sensor, v.N))
	return nil
}
