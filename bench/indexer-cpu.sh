#!/bin/sh
# indexer-cpu.sh [ROUNDS [ROOT]]
#
# CPU time (user + sys, from /usr/bin/time) of examples/indexer beside
# bench/plainindex, the same job in plain Go with a worker pool and no
# framework, on ROOT (default: $(go env GOROOT)/src), as docs/BENCHMARKS.md
# reports it. Each round runs, in turns so that no program always goes first:
# the indexer cold (a fresh workspace), the indexer warm (again on that
# workspace) and the plain program; every report must equal the plain
# program's. Prints each round, then the medians and the ratios
# (cold / plain, to be <= 1.1; plain / warm, to be >= 10). The machine is
# shared: CPU time moves less than wall time, but medians of several rounds
# are still needed. Run it from the repository's root.
set -eu
rounds=${1:-7}
root=${2:-$(go env GOROOT)/src}
dir=$(mktemp -d)
trap 'rm -rf "$dir"' EXIT
go build -o "$dir/indexer" ./examples/indexer
go build -o "$dir/plain" ./bench/plainindex/cmd/plainindex

# cpu NAME CMD...: runs CMD, appends its user+sys seconds to $dir/NAME, and
# checks its report against the plain program's.
cpu() {
	name=$1
	shift
	/usr/bin/time -f '%U %S %e' -o "$dir/time" "$@" >"$dir/out" 2>"$dir/err" || {
		cat "$dir/err" >&2
		exit 1
	}
	if [ -f "$dir/want" ]; then
		cmp -s "$dir/want" "$dir/out" || {
			echo "$name: report differs from the plain program's" >&2
			diff "$dir/want" "$dir/out" >&2
			exit 1
		}
	fi
	awk -v n="$name" '{ printf "%s %.2f (wall %.2f)  ", n, $1 + $2, $3 }' "$dir/time"
	awk '{ print $1 + $2 }' "$dir/time" >>"$dir/cpu.$name"
}
indexer() {
	cpu "$1" "$dir/indexer" -root "$root" -workspace "$dir/ws" -progress off
}
plain() {
	cpu plain "$dir/plain" -root "$root"
}

"$dir/plain" -root "$root" >"$dir/want"
for i in $(seq "$rounds"); do
	rm -rf "$dir/ws"
	printf 'round %d: ' "$i"
	if [ $((i % 2)) = 1 ]; then
		indexer cold
		indexer warm
		plain
	else
		plain
		indexer cold
		indexer warm
	fi
	echo
done
median() { sort -n "$dir/cpu.$1" | awk '{ a[NR] = $1 } END { if (NR % 2) print a[(NR + 1) / 2]; else print (a[NR / 2] + a[NR / 2 + 1]) / 2 }'; }
c=$(median cold)
w=$(median warm)
p=$(median plain)
echo "medians of $rounds rounds, CPU seconds (user+sys): indexer cold $c, indexer warm $w, plain $p"
awk -v c="$c" -v w="$w" -v p="$p" 'BEGIN { printf "cold/plain %.2fx (target <= 1.1x); plain/warm %.1fx (target >= 10x)\n", (p > 0 ? c / p : 0), (w > 0 ? p / w : 0) }'
# The same ratios within each round, and their medians: steadier when the
# load changes between rounds.
paste "$dir/cpu.cold" "$dir/cpu.warm" "$dir/cpu.plain" | awk '{ print ($3 > 0 ? $1 / $3 : 0), ($2 > 0 ? $3 / $2 : 0) }' >"$dir/ratios"
cut -d' ' -f1 "$dir/ratios" >"$dir/cpu.rcold"
cut -d' ' -f2 "$dir/ratios" >"$dir/cpu.rwarm"
echo "per round: cold/plain $(sort -n "$dir/cpu.rcold" | awk '{ printf "%.2f ", $1 }')"
echo "per round: plain/warm $(sort -n "$dir/cpu.rwarm" | awk '{ printf "%.1f ", $1 }')"
awk -v c="$(median rcold)" -v w="$(median rwarm)" 'BEGIN { printf "medians of the rounds'"'"' ratios: cold/plain %.2fx, plain/warm %.1fx\n", c, w }'
