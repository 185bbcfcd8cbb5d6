#!/bin/sh
# callgrind-per-op.sh TEST_BINARY BENCH_REGEX N1 N2
#
# Prints the instructions per benchmark op: the difference of two callgrind
# runs of the benchmark with -test.benchtime N1x and N2x, divided by N2 - N1,
# so that the test binary's start-up cancels out (docs/BENCHMARKS.md).
set -eu
bin=$1 re=$2 n1=$3 n2=$4
count() {
	GODEBUG=asyncpreemptoff=1 valgrind --tool=callgrind --callgrind-out-file=/dev/null \
		"$bin" -test.run '^$' -test.bench "$re" -test.benchtime "${1}x" -test.cpu 1 2>&1 |
		sed -n 's/.*Collected : \([0-9]*\).*/\1/p'
}
a=$(count "$n1")
b=$(count "$n2")
echo "$bin $re: $(( (b - a) / (n2 - n1) )) instructions/op"
