// Package lsptest is a minimal Language Server Protocol client for tests:
// it frames JSON-RPC 2.0 messages with Content-Length headers as editors do,
// written by hand (not with the server's JSON-RPC library) so that a test
// sees the bytes an editor would.
package lsptest

import (
	"bufio"
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"net/textproto"
	"strconv"
	"sync"
)

// Message is a JSON-RPC message as read.
type Message struct {
	JSONRPC string           `json:"jsonrpc"`
	ID      *json.RawMessage `json:"id,omitempty"`
	Method  string           `json:"method,omitempty"`
	Params  json.RawMessage  `json:"params,omitempty"`
	Result  json.RawMessage  `json:"result,omitempty"`
	Error   *struct {
		Code    int    `json:"code"`
		Message string `json:"message"`
	} `json:"error,omitempty"`
}

// Client talks to a server over a pair of streams.
type Client struct {
	w      io.Writer
	wmu    sync.Mutex
	nextID int

	mu       sync.Mutex
	pending  map[string]chan *Message
	notes    []*Message // notifications and requests from the server, in order
	readErr  error
	done     chan struct{}
	Requests []string // the methods and notifications sent, in order (for tests to check the sequence)
}

// New starts reading the server's messages from r; w carries the client's.
func New(r io.Reader, w io.Writer) *Client {
	c := &Client{w: w, pending: map[string]chan *Message{}, done: make(chan struct{})}
	go c.read(bufio.NewReader(r))
	return c
}

func (c *Client) read(r *bufio.Reader) {
	defer close(c.done)
	for {
		m, err := ReadMessage(r)
		c.mu.Lock()
		if err != nil {
			c.readErr = err
			for _, ch := range c.pending {
				close(ch)
			}
			c.pending = map[string]chan *Message{}
			c.mu.Unlock()
			return
		}
		if m.ID != nil && m.Method == "" {
			ch := c.pending[string(*m.ID)]
			delete(c.pending, string(*m.ID))
			c.mu.Unlock()
			if ch != nil {
				ch <- m
			}
			continue
		}
		c.notes = append(c.notes, m)
		c.mu.Unlock()
		if m.ID != nil {
			// A request of the server (client/registerCapability): an
			// editor answers it.
			c.send(map[string]any{"jsonrpc": "2.0", "id": m.ID, "result": nil})
		}
	}
}

// ReadMessage reads one framed message.
func ReadMessage(r *bufio.Reader) (*Message, error) {
	tp := textproto.NewReader(r)
	h, err := tp.ReadMIMEHeader()
	if err != nil {
		return nil, err
	}
	n, err := strconv.Atoi(h.Get("Content-Length"))
	if err != nil {
		return nil, fmt.Errorf("bad Content-Length %q", h.Get("Content-Length"))
	}
	body := make([]byte, n)
	if _, err := io.ReadFull(r, body); err != nil {
		return nil, err
	}
	m := new(Message)
	if err := json.Unmarshal(body, m); err != nil {
		return nil, fmt.Errorf("bad message %s: %v", body, err)
	}
	if m.JSONRPC != "2.0" {
		return nil, fmt.Errorf("message without jsonrpc 2.0: %s", body)
	}
	return m, nil
}

// WriteRaw writes body framed as LSP frames it.
func (c *Client) WriteRaw(body []byte) error {
	c.wmu.Lock()
	defer c.wmu.Unlock()
	_, err := fmt.Fprintf(c.w, "Content-Length: %d\r\n\r\n%s", len(body), body)
	return err
}

func (c *Client) send(v any) error {
	data, err := json.Marshal(v)
	if err != nil {
		return err
	}
	return c.WriteRaw(data)
}

// Notify sends a notification.
func (c *Client) Notify(method string, params any) error {
	c.Requests = append(c.Requests, method)
	return c.send(map[string]any{"jsonrpc": "2.0", "method": method, "params": params})
}

// ErrServer is the error of a response with an error.
type ErrServer struct {
	Code    int
	Message string
}

func (e *ErrServer) Error() string { return fmt.Sprintf("server error %d: %s", e.Code, e.Message) }

// Call sends a request and decodes its result into result (which may be nil).
// It returns *ErrServer for an error response. Every notification the server
// sent before the response is in Notes when Call returns: servers that
// handle messages in order have published what an earlier change caused.
func (c *Client) Call(method string, params, result any) error {
	c.mu.Lock()
	c.nextID++
	id := c.nextID
	ch := make(chan *Message, 1)
	c.pending[strconv.Itoa(id)] = ch
	err := c.readErr
	c.mu.Unlock()
	if err != nil {
		return err
	}
	c.Requests = append(c.Requests, method)
	msg := map[string]any{"jsonrpc": "2.0", "id": id, "method": method}
	if params != nil {
		msg["params"] = params
	}
	if err := c.send(msg); err != nil {
		return err
	}
	m, ok := <-ch
	if !ok {
		return fmt.Errorf("%s: connection closed: %v", method, c.readErr)
	}
	if m.Error != nil {
		return &ErrServer{Code: m.Error.Code, Message: m.Error.Message}
	}
	if m.Result == nil {
		return errors.New(method + ": response without result member")
	}
	if result != nil {
		return json.Unmarshal(m.Result, result)
	}
	return nil
}

// Notes returns the notifications (and requests) received so far from the
// server with the given method.
func (c *Client) Notes(method string) []*Message {
	c.mu.Lock()
	defer c.mu.Unlock()
	var out []*Message
	for _, m := range c.notes {
		if m.Method == method {
			out = append(out, m)
		}
	}
	return out
}

// Done is closed when the server's output ends.
func (c *Client) Done() <-chan struct{} { return c.done }

// Diagnostics is a textDocument/publishDiagnostics notification's parameters.
type Diagnostics struct {
	URI         string `json:"uri"`
	Version     *int   `json:"version"`
	Diagnostics []struct {
		Range struct {
			Start struct{ Line, Character int } `json:"start"`
			End   struct{ Line, Character int } `json:"end"`
		} `json:"range"`
		Severity int    `json:"severity"`
		Code     string `json:"code"`
		Message  string `json:"message"`
	} `json:"diagnostics"`
}

// LastDiagnostics returns the last diagnostics published for uri, and
// whether any were.
func (c *Client) LastDiagnostics(uri string) (Diagnostics, bool) {
	notes := c.Notes("textDocument/publishDiagnostics")
	for i := len(notes) - 1; i >= 0; i-- {
		var d Diagnostics
		if json.Unmarshal(notes[i].Params, &d) == nil && d.URI == uri {
			return d, true
		}
	}
	return Diagnostics{}, false
}
