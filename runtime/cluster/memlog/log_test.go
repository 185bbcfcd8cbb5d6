package memlog_test

import (
	"testing"
	"time"

	"github.com/fwgo/fw/runtime/cluster/logtest"
	"github.com/fwgo/fw/runtime/cluster/memlog"
)

func TestLog(t *testing.T) {
	logtest.Run(t, func(t *testing.T) logtest.Harness {
		l := memlog.New(time.Second)
		return logtest.Harness{Log: l, LeaseTTL: time.Second, Pass: l.Advance}
	})
}
