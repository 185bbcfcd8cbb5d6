package structured_test

import (
	"context"
	"fmt"
	"slices"
	"time"

	"github.com/fwgo/fw/examples/cookbook/structured"
	"github.com/fwgo/fw/runtime/fw"
)

type Latency struct{ limit time.Duration }

func (l Latency) OnRequest(c structured.LatencyRequestContext, at time.Time, host structured.Host, path string,
	took time.Duration, labels map[string]string, tags []string, user *string) error {
	if took < l.limit || labels["probe"] == "true" {
		return nil
	}
	where := host.Name + path
	if host.Zone != nil { // optional fields are pointers: nil when absent
		where = *host.Zone + "/" + where
	}
	if user != nil {
		where += " for " + *user
	}
	// Events are values: tags is shared with every receiver of the request,
	// so the handler sorts a copy, never tags itself.
	sorted := slices.Sorted(slices.Values(tags))
	c.EmitSlow(structured.Slow{At: at, Where: where, Took: took, Tags: sorted})
	return nil
}

type Alerts struct{}

func (Alerts) OnSlow(c structured.AlertsSlowContext, at time.Time, where string, took time.Duration, tags []string) error {
	fmt.Println(at.Format(time.TimeOnly), where, "took", took, tags)
	return nil
}

func Example() {
	h := structured.Handlers{Latency: Latency{limit: time.Second}, Alerts: Alerts{}}
	// WithEventChecks (a debug mode) fails the run if a handler changes a
	// list, map or record it received.
	p, err := structured.NewPipeline(h, fw.WithEventChecks())
	if err != nil {
		fmt.Println(err)
		return
	}
	t0 := time.Date(2026, 12, 7, 9, 0, 0, 0, time.UTC)
	zone, user := "eu-north", "ada"
	p.Submit(structured.Request{At: t0, Host: structured.Host{Name: "api1", Zone: &zone}, Path: "/orders",
		Took: 1500 * time.Millisecond, Tags: []string{"db", "cold"}, User: &user})
	p.Submit(structured.Request{At: t0.Add(time.Second), Host: structured.Host{Name: "api2"}, Path: "/health",
		Took: 3 * time.Second, Labels: map[string]string{"probe": "true"}})
	p.Submit(structured.Request{At: t0.Add(2 * time.Second), Host: structured.Host{Name: "api2"}, Path: "/search",
		Took: 2500 * time.Millisecond, Tags: []string{"index"}})
	p.Submit(structured.Request{At: t0.Add(3 * time.Second), Host: structured.Host{Name: "api1"}, Path: "/orders",
		Took: 20 * time.Millisecond})
	if err := p.Run(context.Background()); err != nil {
		fmt.Println(err)
	}
	// Output:
	// 09:00:00 eu-north/api1/orders for ada took 1.5s [cold db]
	// 09:00:02 api2/search took 2.5s [index]
}
