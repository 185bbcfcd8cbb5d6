package lsp

import (
	"bufio"
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"strconv"
	"strings"
	"sync"
)

// JSON-RPC 2.0 with the base protocol's framing: each message is a header
// (Content-Length, and an optional Content-Type), an empty line, then the
// JSON body of that many bytes. The server needs only its side of it: read
// requests and notifications, write responses and notifications.

// message is a request, a notification (no ID) or, from a client that
// answers a request of the server, a response (no Method; the server sends
// no requests and ignores them).
type message struct {
	JSONRPC string           `json:"jsonrpc"`
	ID      *json.RawMessage `json:"id,omitempty"`
	Method  string           `json:"method,omitempty"`
	Params  *json.RawMessage `json:"params,omitempty"`
}

// response is a successful answer: result is always present, null included.
type response struct {
	JSONRPC string          `json:"jsonrpc"`
	ID      json.RawMessage `json:"id"`
	Result  any             `json:"result"`
}

// errorResponse is a failed answer.
type errorResponse struct {
	JSONRPC string          `json:"jsonrpc"`
	ID      json.RawMessage `json:"id"`
	Error   *rpcError       `json:"error"`
}

// request is a request of the server to the client.
type request struct {
	JSONRPC string          `json:"jsonrpc"`
	ID      json.RawMessage `json:"id"`
	Method  string          `json:"method"`
	Params  any             `json:"params"`
}

type notification struct {
	JSONRPC string `json:"jsonrpc"`
	Method  string `json:"method"`
	Params  any    `json:"params"`
}

// rpcError is the error of a response.
type rpcError struct {
	Code    int    `json:"code"`
	Message string `json:"message"`
}

func (e *rpcError) Error() string { return fmt.Sprintf("%s (%d)", e.Message, e.Code) }

// JSON-RPC's own error codes.
const (
	codeParseError    = -32700
	codeInternalError = -32603
)

// conn reads and writes framed messages.
type conn struct {
	r  *bufio.Reader
	w  io.Writer
	mu sync.Mutex // serializes writes
}

// errFraming is a header the server cannot read past: the stream is lost.
var errFraming = errors.New("bad message header")

// read returns the next message's body. io.EOF means the client closed the
// stream between messages.
func (c *conn) read() ([]byte, error) {
	length := -1
	for first := true; ; first = false {
		line, err := c.r.ReadString('\n')
		if err != nil {
			if first && line == "" && err == io.EOF {
				return nil, io.EOF
			}
			return nil, fmt.Errorf("%w: %v", errFraming, err)
		}
		line = strings.TrimRight(line, "\r\n")
		if line == "" {
			break
		}
		name, value, ok := strings.Cut(line, ":")
		if !ok {
			return nil, fmt.Errorf("%w: %q", errFraming, line)
		}
		if strings.EqualFold(strings.TrimSpace(name), "Content-Length") {
			n, err := strconv.Atoi(strings.TrimSpace(value))
			if err != nil || n < 0 {
				return nil, fmt.Errorf("%w: Content-Length %q", errFraming, value)
			}
			length = n
		}
	}
	if length < 0 {
		return nil, fmt.Errorf("%w: no Content-Length", errFraming)
	}
	body := make([]byte, length)
	if _, err := io.ReadFull(c.r, body); err != nil {
		return nil, fmt.Errorf("%w: %v", errFraming, err)
	}
	return body, nil
}

// write sends one message.
func (c *conn) write(v any) error {
	data, err := json.Marshal(v)
	if err != nil {
		return err
	}
	c.mu.Lock()
	defer c.mu.Unlock()
	if _, err := fmt.Fprintf(c.w, "Content-Length: %d\r\n\r\n", len(data)); err != nil {
		return err
	}
	_, err = c.w.Write(data)
	return err
}

func (c *conn) reply(id json.RawMessage, result any, err error) error {
	if err == nil {
		return c.write(response{JSONRPC: "2.0", ID: id, Result: result})
	}
	var rerr *rpcError
	if !errors.As(err, &rerr) {
		rerr = &rpcError{Code: codeInternalError, Message: err.Error()}
	}
	return c.write(errorResponse{JSONRPC: "2.0", ID: id, Error: rerr})
}
