// Package lsp is fwgen's language server: the Language Server Protocol over
// standard input and output, for editors (see docs/editors.md). It reports the
// diagnostics of `fwgen lint` as files are opened and edited, and answers
// hovers, go to definition, find references, document symbols, formatting,
// completion and code actions.
//
// JSON-RPC 2.0 and the protocol's framing (jsonrpc.go) and the protocol's
// structures (protocol.go) are declared in this package, for fwgen, which
// every user builds with `go tool fwgen`, to need no other module for them
// (docs/editors.md says why not a library).
//
// The server handles one message at a time, in order, as it reads them: a
// change is analyzed before the request after it is answered, so answers
// always reflect every edit sent before them.
package lsp

import (
	"bufio"
	"context"
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"log"
	"strconv"

	"github.com/fwgo/fw/dsl"
)

// Version is reported in the initialize result's serverInfo.
var Version = "devel"

// JSON-RPC error codes of LSP.
const (
	codeServerNotInitialized = -32002
	codeInvalidRequest       = -32600
	codeMethodNotFound       = -32601
	codeInvalidParams        = -32602
)

// server is the state of one connection.
type server struct {
	ws          *workspace
	notify      func(method string, params any) // sends a notification to the client
	initialized bool
	shutdown    bool
	// watch: the client can watch files for the server (dynamic
	// registration of workspace/didChangeWatchedFiles).
	watch bool
	// request sends a request to the client, whose response the server
	// ignores; nil in tests that do not need it.
	request func(method string, params any)
	nextID  int
	logf    func(format string, args ...any)
}

func newServer(notify func(string, any), logf func(string, ...any)) *server {
	return &server{ws: newWorkspace(), notify: notify, logf: logf}
}

// Serve runs the language server on the client's messages from in, writing
// its own to out, until the client sends exit or in ends. Log lines go to
// logw (the standard error; editors show it in the server's output). It
// returns the process's exit status: 0 after shutdown then exit, 1 otherwise,
// as LSP asks.
func Serve(ctx context.Context, in io.Reader, out io.Writer, logw io.Writer) int {
	logger := log.New(logw, "fwgen lsp: ", 0)
	c := &conn{r: bufio.NewReader(in), w: out}
	s := newServer(func(method string, params any) {
		if err := c.write(notification{JSONRPC: "2.0", Method: method, Params: params}); err != nil {
			logger.Printf("sending %s: %v", method, err)
		}
	}, logger.Printf)
	s.request = func(method string, params any) {
		s.nextID++
		id := json.RawMessage(strconv.Quote("fwgen-" + strconv.Itoa(s.nextID)))
		if err := c.write(request{JSONRPC: "2.0", ID: id, Method: method, Params: params}); err != nil {
			logger.Printf("sending %s: %v", method, err)
		}
	}
	for ctx.Err() == nil {
		body, err := c.read()
		if err != nil {
			if err != io.EOF {
				logger.Printf("reading: %v", err)
			}
			return 1
		}
		var m message
		if err := json.Unmarshal(body, &m); err != nil || m.JSONRPC != "2.0" {
			// The framing held: the next message can still be read.
			if err == nil {
				err = errors.New(`no "jsonrpc": "2.0"`)
			}
			c.reply(json.RawMessage("null"), nil, &rpcError{Code: codeParseError, Message: fmt.Sprintf("bad message: %v", err)})
			continue
		}
		if m.Method == "" {
			continue // a response: the server sends no requests
		}
		if m.Method == "exit" {
			if s.shutdown {
				return 0
			}
			return 1
		}
		result, err := s.handle(m.Method, m.Params)
		if m.ID == nil {
			if err != nil {
				s.logf("%s: %v", m.Method, err)
			}
			continue
		}
		if err := c.reply(*m.ID, result, err); err != nil {
			logger.Printf("replying to %s: %v", m.Method, err)
			return 1
		}
	}
	return 1
}

// handle runs one method with its raw parameters.
func (s *server) handle(method string, raw *json.RawMessage) (any, error) {
	switch {
	case method == "initialize":
		var p initializeParams
		if raw != nil {
			if err := json.Unmarshal(*raw, &p); err != nil {
				return nil, &rpcError{Code: codeInvalidParams, Message: fmt.Sprintf("bad parameters: %v", err)}
			}
		}
		s.initialized = true
		s.watch = p.Capabilities.Workspace.DidChangeWatchedFiles.DynamicRegistration
		return s.initialize(), nil
	case method == "initialized" && s.initialized && s.watch && s.request != nil:
		// Ask to hear of .fw files changed on disk by other programs (git,
		// fwgen lint -fix): the client watches them for the server.
		s.request("client/registerCapability", registrationParams{Registrations: []registration{{
			ID: "fw-files", Method: "workspace/didChangeWatchedFiles",
			RegisterOptions: didChangeWatchedFilesRegistrationOptions{Watchers: []fileSystemWatcher{{GlobPattern: "**/*" + dsl.Ext}}},
		}}})
		return nil, nil
	case !s.initialized:
		return nil, &rpcError{Code: codeServerNotInitialized, Message: "the server is not initialized"}
	case method == "shutdown":
		s.shutdown = true
		return nil, nil
	case s.shutdown:
		return nil, &rpcError{Code: codeInvalidRequest, Message: method + " after shutdown"}
	}
	h, ok := handlers[method]
	if !ok {
		if len(method) > 2 && method[:2] == "$/" || method == "initialized" {
			return nil, nil // optional notifications
		}
		return nil, &rpcError{Code: codeMethodNotFound, Message: "method not supported: " + method}
	}
	return h(s, raw)
}

// handlers are the methods the server implements, but initialize, shutdown
// and exit.
var handlers = map[string]func(*server, *json.RawMessage) (any, error){
	"textDocument/didOpen":                params((*server).didOpen),
	"textDocument/didChange":              params((*server).didChange),
	"textDocument/didClose":               params((*server).didClose),
	"textDocument/didSave":                params((*server).didSave),
	"workspace/didChangeWatchedFiles":     params((*server).didChangeWatchedFiles),
	"textDocument/hover":                  params((*server).hover),
	"textDocument/definition":             params((*server).definition),
	"textDocument/references":             params((*server).references),
	"textDocument/documentSymbol":         params((*server).documentSymbols),
	"textDocument/formatting":             params((*server).formatting),
	"textDocument/completion":             params((*server).completion),
	"textDocument/codeAction":             params((*server).codeActions),
	"workspace/didChangeConfiguration":    func(*server, *json.RawMessage) (any, error) { return nil, nil },
	"workspace/didChangeWorkspaceFolders": func(*server, *json.RawMessage) (any, error) { return nil, nil },
}

// params adapts a method with typed parameters.
func params[P any, R any](f func(*server, *P) (R, error)) func(*server, *json.RawMessage) (any, error) {
	return func(s *server, raw *json.RawMessage) (any, error) {
		p := new(P)
		if raw != nil {
			if err := json.Unmarshal(*raw, p); err != nil {
				return nil, &rpcError{Code: codeInvalidParams, Message: fmt.Sprintf("bad parameters: %v", err)}
			}
		}
		return f(s, p)
	}
}

func (s *server) initialize() initializeResult {
	return initializeResult{
		ServerInfo: serverInfo{Name: "fwgen lsp", Version: Version},
		Capabilities: serverCapabilities{
			PositionEncoding:           "utf-16",
			TextDocumentSync:           textDocumentSyncOptions{OpenClose: true, Change: 2, Save: true},
			HoverProvider:              true,
			DefinitionProvider:         true,
			ReferencesProvider:         true,
			DocumentSymbolProvider:     true,
			DocumentFormattingProvider: true,
			CompletionProvider:         completionOptions{TriggerCharacters: []string{"{", ",", ":", ">", " ", "."}},
			CodeActionProvider:         codeActionOptions{CodeActionKinds: []string{"quickfix"}},
		},
	}
}
