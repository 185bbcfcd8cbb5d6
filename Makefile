# fw: common tasks. `make demo` and `make test` are the two set-up commands.
GO ?= go
EXAMPLES := $(notdir $(wildcard testdata/examples/*))

.PHONY: all demo generate check-generated test test-short vet fuzz bench bench-peers

all: test

## demo: regenerate the quickstart from its .fw file and run it (prints Hello, world!)
demo: generate
	$(GO) run ./examples/greeter

## generate: regenerate generated/<example> from testdata/examples/<example>, and
## the fanout benchmark package from its own testdata
generate:
	@for ex in $(EXAMPLES); do \
		$(GO) run ./cmd/fwgen generate -o generated/$$ex testdata/examples/$$ex || exit $$?; \
	done
	$(GO) run ./cmd/fwgen generate -o generated/fanout generated/fanout/testdata
	$(GO) run ./cmd/fwgen generate -o generated/buildbench generated/buildbench/testdata

## check-generated: fail if anything under generated/ is stale
check-generated:
	@for ex in $(EXAMPLES); do \
		$(GO) run ./cmd/fwgen generate -check -o generated/$$ex testdata/examples/$$ex || exit $$?; \
	done
	$(GO) run ./cmd/fwgen generate -check -o generated/fanout generated/fanout/testdata
	$(GO) run ./cmd/fwgen generate -check -o generated/buildbench generated/buildbench/testdata

## test: vet, then every test (race detector on), the generated-code checks included
test: vet
	$(GO) test -race -count=1 ./...

test-short:
	$(GO) test -short ./...

vet:
	$(GO) vet ./...

## fuzz: run the parser fuzz target for a minute
fuzz:
	$(GO) test -run '^$$' -fuzz FuzzParse -fuzztime 60s ./dsl/parser

## bench: the benchmarks recorded in docs/BENCHMARKS.md
bench:
	$(GO) test -run '^$$' -bench . -benchmem -count 5 ./generated/... ./runtime/...

## bench-peers: fw beside Watermill (router + GoChannel) on the same 4-stage chain,
## in bench/peers, a module of its own so that fw never depends on a peer
bench-peers:
	cd bench/peers && $(GO) test -run '^$$' -bench . -benchmem -count 3 .
