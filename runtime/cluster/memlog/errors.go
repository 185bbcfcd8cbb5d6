package memlog

import "errors"

var errClosed = errors.New("memlog: cursor closed")
