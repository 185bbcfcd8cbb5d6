package handlers

import (
	"bufio"
	"context"
	"os"
	"strings"
	"time"

	"github.com/fwgo/fw/fwvet/testdata/vetshop"
)

// Lines is a source builder: reading a file and the environment is its job
// (its output is the run's declared input), but the clock is not.
type Lines struct{ path string }

func (l Lines) Build(ctx context.Context, yield func(vetshop.Note) bool) error {
	f, err := os.Open(l.path + os.Getenv("SUFFIX"))
	if err != nil {
		return err
	}
	defer f.Close()
	sc := bufio.NewScanner(f)
	for sc.Scan() {
		if !yield(vetshop.Note{Text: sc.Text() + " " + time.Now().String()}) { // want `^Lines.Build -> time.Now: wall-clock time`
			return nil
		}
	}
	return sc.Err()
}

// upperCase (the Upper builder, under another name) reaches prefix, which a
// source also reaches: it is reported once, with the handler's chain.
type upperCase struct{}

func (upperCase) OnLines(c vetshop.UpperContext, v vetshop.Note) error {
	c.Publish(vetshop.Note{Text: strings.ToUpper(prefix() + v.Text)})
	return nil
}

func prefix() string {
	return os.Getenv("PREFIX") // want `^upperCase.OnLines \(Upper\) -> prefix -> os.Getenv`
}

func (l Lines) unused() string { return prefix() }

// New returns the handlers.
func New() vetshop.Handlers {
	return vetshop.Handlers{Billing: &Billing{}, Lines: Lines{}, Upper: upperCase{}, Printer: printer{}, Sink: &Sink{}}
}

// A clock is an interface of the package: a call through it may run any of
// the package's implementations.
type clock interface{ stamp() string }

type wallClock struct{}

func (wallClock) stamp() string {
	return time.Now().String() // want `^Sink.OnNote -> wallClock.stamp -> time.Now: wall-clock time`
}
