# fw: common tasks. `make demo` and `make test` are the two set-up commands.
GO ?= go
EXAMPLES := $(notdir $(wildcard testdata/examples/*))

.PHONY: all demo demo-cluster alerts quickstart generate check-generated test test-modules test-short vet fwvet fmtcheck fuzz bench bench-peers bench-indexer bench-nats bench-cluster test-cluster3 test-cluster-long test-dist-long

all: test

## demo: build the incremental indexer (examples/indexer) and run it on the Go
## standard library's sources: it prints the most frequent identifiers and a
## sample. The first run tokenizes every file; the next ones replay the counts
## from the workspace (fw-indexer in the user cache directory) and read no file.
## Ctrl-C stops it (exit code 130); run it again to resume. DEMO_FLAGS adds
## flags, e.g. make demo DEMO_FLAGS='-root ~/src/myproject'.
demo: bin/indexer
	./bin/indexer $(DEMO_FLAGS)

# The indexer is rebuilt only when a Go source of the module changed, so that a
# second make demo spends its time indexing, not asking go build.
GO_SOURCES := $(shell find . -name '*.go' -not -name '*_test.go' -not -path './bench/*' -not -path './bin/*') go.mod go.sum
bin/indexer: examples/indexer/index/indexer.fw.go $(GO_SOURCES)
	$(GO) build -o $@ ./examples/indexer

# go generate, as a user's repository does it, when indexer.fw changed (fwgen
# rewrites a file only if its content changes: touch marks it done).
examples/indexer/index/indexer.fw.go: examples/indexer/index/indexer.fw
	$(GO) generate ./examples/indexer/index
	@touch $@

## alerts: the streaming example (fwnats/examples/alerts): an embedded NATS
## server with JetStream, a producer publishing readings at 1,000/s, and the
## pipeline counting them by key in one-second phases, printing alerts and
## publishing them to the ALERTS stream. ALERTS_FLAGS adds flags, e.g.
## make alerts ALERTS_FLAGS='-stdin' < readings.jsonl, or '-nats nats://host:4222'.
alerts:
	cd fwnats && $(GO) run ./examples/alerts $(ALERTS_FLAGS)

## demo-cluster: the indexer's pipeline across processes
## (fwcluster/examples/indexer-cluster): an embedded NATS JetStream server, 2
## member processes and this one, the submitter, which prints the report, byte
## for byte make demo's on the same tree. Each process keeps a workspace
## (fw-indexer-cluster/m0, m1, ... in the user cache directory): the second run is
## warm, whichever instances each process gets.
## DEMO_FLAGS adds flags, e.g. make demo-cluster DEMO_FLAGS='-root ~/src/myproject -members 3'.
## (Built into bin/ and run from here, so that a relative -root means what it
## means to make demo.)
demo-cluster:
	cd fwcluster && $(GO) build -o ../bin/indexer-cluster ./examples/indexer-cluster
	./bin/indexer-cluster $(DEMO_FLAGS)

## quickstart: regenerate the Greeter from its .fw file and run it (prints Hello, world!)
quickstart: generate
	$(GO) run ./examples/greeter

## editor-test: the VS Code extension (editors/vscode): npm ci, its grammar
## tests, its client's tests against a freshly built fwgen lsp, the Go tests of
## editors/ that check the grammar against the parser, and vsce package. It
## installs Node.js and npm (Debian's) if they are missing; CI runs it too.
.PHONY: editor-test
editor-test:
	bash editors/vscode/ci.sh

## generate: regenerate every generated package. The convention, the only
## place the sources are found: each directory testdata/examples/<name> (the
## examples and the benchmark packages) generates generated/<name>, and each
## application or recipe under examples/ generates its code next to its .fw
## files with go generate (a //go:generate fwgen generate line). No list to keep:
## a new testdata/examples/<name> is picked up here, by check-generated and by
## generated/generated_test.go.
generate:
	@for ex in $(EXAMPLES); do \
		$(GO) run ./cmd/fwgen generate -o generated/$$ex testdata/examples/$$ex || exit $$?; \
	done
	$(GO) generate ./examples/...
	cd fwnats && $(GO) generate ./examples/...
	$(GO) run ./cmd/fwgen generate fwvet/testdata/vetshop

## check-generated: fail if anything under generated/ or examples/ is stale
check-generated:
	@for ex in $(EXAMPLES); do \
		$(GO) run ./cmd/fwgen generate -check -o generated/$$ex testdata/examples/$$ex || exit $$?; \
	done
	$(GO) run ./cmd/fwgen generate -check ./examples/... ./fwnats/examples/... ./fwvet/testdata/vetshop

## test: vet, then every test (race detector on), the generated-code checks
## included. Under the race detector the exhaustive tests run a sample of their
## cases (FW_THOROUGH=1 runs them all; see internal/testenv). The explicit
## timeout is below go test's default of 10 minutes: no package comes near it.
test: vet test-modules
	$(GO) test -race -count=1 -timeout 9m ./...

## test-modules: vet and test (race detector on) the modules that live in this
## repository with a go.mod of their own, so that the core module depends on
## none of their dependencies: fwnats/ (the NATS JetStream connector, whose
## tests start an embedded server: nothing to install), fwotel/
## (OpenTelemetry) and fwcluster/ (the JetStream transport of distributed
## runs). Their dependencies download from the Go module proxy.
MODULES := fwnats fwotel fwcluster
test-modules:
	@for m in $(MODULES); do \
		(cd $$m && $(GO) vet ./... && $(GO) test -race -count=1 -timeout 5m ./...) || exit $$?; \
	done

test-short:
	$(GO) test -short ./...

vet: fmtcheck
	$(GO) vet ./...

## fwvet: report what breaks replay determinism in the Go handlers of the
## whole repository (docs/vet.md), as a CI step would: go vet with fwvet as its
## tool. fwvet's own test runs it on every example.
fwvet:
	$(GO) build -o bin/fwvet ./cmd/fwvet
	$(GO) vet -vettool=$(CURDIR)/bin/fwvet ./...
	cd fwnats && $(GO) vet -vettool=$(CURDIR)/bin/fwvet ./...

## fmtcheck: fail if a Go file is not gofmt-formatted
fmtcheck:
	@out=$$($$($(GO) env GOROOT)/bin/gofmt -l $$(git ls-files '*.go')); if [ -n "$$out" ]; then echo "gofmt would change:"; echo "$$out"; exit 1; fi

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

## bench-nats: the fwnats connector beside a raw JetStream consume -> publish ->
## ack loop (BenchmarkRelay), on an embedded server: 8 rounds, each running raw,
## connector and bare (the floor) in separate processes, 20,000 messages each
## (docs/BENCHMARKS.md)
bench-nats:
	cd fwnats && $(GO) test -c -o /tmp/fwnats.test . && for i in 1 2 3 4 5 6 7 8; do \
		for v in raw connector bare; do \
			/tmp/fwnats.test -test.run '^$$' -test.bench "Relay/$$v\$$" -test.benchtime 20000x | grep '^Bench'; \
		done; \
	done

## bench-cluster: distributed runs on fwcluster beside a raw JetStream consume ->
## publish -> ack loop (Relay/raw, as bench-nats's), on an embedded server: the
## Log's round barrier with 4 members, CPU per delivery of the chain on 1 and 2
## members, and CPU-bound handlers on 1 and 2 member processes (the protocol-level
## program, Scale, and the partitioned generated pipeline generated/partition,
## PartitionCPU); 8 rounds, each benchmark in its own process, alternated; CPU
## from getrusage (docs/BENCHMARKS.md)
bench-cluster:
	cd fwcluster && $(GO) test -c -o /tmp/fwcluster.test . && for i in 1 2 3 4 5 6 7 8; do \
		/tmp/fwcluster.test -test.run '^$$' -test.bench 'Relay/raw$$' -test.benchtime 20000x | grep '^Bench'; \
		/tmp/fwcluster.test -test.run '^$$' -test.bench 'Barrier/4$$' -test.benchtime 2000x | grep '^Bench'; \
		for m in 1 2; do \
			/tmp/fwcluster.test -test.run '^$$' -test.bench "Delivery/members=$$m\$$" -test.benchtime 20000x | grep '^Bench'; \
		done; \
		for k in 8 16; do for m in 1 2; do \
			/tmp/fwcluster.test -test.run '^$$' -test.bench "Scale/K=$$k/members=$$m\$$" -test.benchtime 1x | grep '^Bench'; \
		done; done; \
		for m in 1 2; do \
			/tmp/fwcluster.test -test.run '^$$' -test.bench "PartitionCPU/members=$$m\$$" -test.benchtime 1x | grep '^Bench'; \
		done; \
	done

## test-cluster3: fwcluster on a 3-node JetStream cluster on loopback (three
## embedded servers, R3), killing the stream leader's server mid-run: the
## build tag fwcluster3, as a CI step of its own (5 minutes at most)
test-cluster3:
	cd fwcluster && $(GO) test -race -count=1 -timeout 5m -tags fwcluster3 -run Cluster3 .

## test-dist-long: the long differential tests of distributed runs over the
## simulation (runtime/cluster/memlog): random programs x K in {1,3,8} x 1, 2
## and 4 members x 1,000 seeded fault schedules each (TestDiff), and 1,000
## schedules of the generated packages that run distributed; records and Stats
## equal to the single-process run; with fewer schedules, the programs with
## archives (TestDiffCached, 200), feeds (TestDiffFeeds 200, TestDiffFeedsInterval
## 100) and timeouts (TestDiffTimeouts 50, real waits). Two go test processes
## side by side (about 3 minutes on 2 cores). go test runs a few schedules of each.
test-dist-long:
	FW_DIST_LONG=1 $(GO) test -count=1 -timeout 9m -run 'TestDiffFeeds|TestDiffTimeouts|TestDiffCached' ./runtime/cluster/ & p=$$!; \
	FW_DIST_LONG=1 $(GO) test -count=1 -timeout 9m -run 'TestDiff$$|TestSimDiff|TestClusterSim' ./runtime/cluster/... ./generated/...; s=$$?; \
	wait $$p && exit $$s

## test-cluster-long: fwcluster's long variants (FWC_LONG=1): 20 random member
## kills, 20 engine runs with a kill each (generated/chain), 10 of the partitioned
## generated/partition with workspaces, 10 server kills (about 3 minutes)
test-cluster-long:
	cd fwcluster && FWC_LONG=1 $(GO) test -race -count=1 -timeout 10m .

## bench-indexer: CPU time of the indexer, cold (fresh workspace) and warm, beside
## bench/plainindex (the same job in plain Go) on $(go env GOROOT)/src, 9 rounds
## alternated, medians (docs/BENCHMARKS.md)
bench-indexer:
	./bench/indexer-cpu.sh 9
