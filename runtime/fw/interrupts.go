package fw

import (
	"context"

	"github.com/fwgo/fw/runtime/internal/interrupt"
)

// NotifyInterrupts installs fw's handling of SIGINT and SIGTERM, from the
// moment it is called until stop is: a command calls it first thing, before
// it opens its workspace, and keeps it until it exits. No signal kills the
// process meanwhile; the first cancels ctx, with cause ErrInterrupted
// (context.Cause), so that work before the run can stop early.
//
// A Run given ctx, or a context derived from it, handles the signals as
// WithInterrupts does (and installs no handler of its own), whenever they
// came: after a signal before Run, Run makes no call and returns
// ErrInterrupted at once; during Run, the first signal stops the run
// gracefully and Run returns ErrInterrupted, a second also cancels the
// context that handlers get. Further signals are ignored. After the run,
// context.Cause(ctx) is ErrInterrupted if a signal came, the exit code of a
// command that otherwise succeeded:
//
//	ctx, _ := fw.NotifyInterrupts(context.Background()) // until the process exits
//	err := run(ctx)
//	if err == nil {
//		err = context.Cause(ctx) // nil, or ErrInterrupted for a signal after the run
//	}
//	os.Exit(fw.ExitCode(err))
//
// stop removes the handling (the default action, death, is back) and cancels
// ctx; a command need not call it.
func NotifyInterrupts(parent context.Context) (ctx context.Context, stop context.CancelFunc) {
	ctx, _, stop = interrupt.Notify(parent, ErrInterrupted)
	return ctx, stop
}
