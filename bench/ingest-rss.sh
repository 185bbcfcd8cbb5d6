#!/bin/sh
# Peak RSS of examples/ingest on N JSON lines (default 10,000,000), some of
# them malformed (every 100,000th line, three kinds in turn), read from
# standard input as a stream (issue 15). Prints the number of lines reported
# malformed, the invoices printed, the peak RSS in KB (/usr/bin/time -f %M)
# and the wall and CPU time.
#
#	bench/ingest-rss.sh [N]
set -eu
n=${1:-10000000}
dir=$(mktemp -d)
trap 'rm -rf "$dir"' EXIT
go build -o "$dir/ingest" ./examples/ingest
awk -v n="$n" 'BEGIN {
	for (i = 1; i <= n; i++) {
		if (i % 100000 == 0) {
			k = (i / 100000) % 3
			if (k == 0) print "broken"
			else if (k == 1) printf "{\"event\":\"Ordr\",\"id\":\"x%d\",\"amount\":1,\"status\":\"NEW\"}\n", i
			else printf "{\"event\":\"Order\",\"id\":\"y%d\",\"amount\":\"one\",\"status\":\"NEW\"}\n", i
		} else
			printf "{\"event\":\"Order\",\"id\":\"o%d\",\"amount\":%d,\"status\":\"%s\"}\n", i, i % 1000, (i % 10 == 0) ? "CANCELLED" : "NEW"
	}
}' > "$dir/in.jsonl"
echo "input: $(wc -l < "$dir/in.jsonl") lines, $(du -m "$dir/in.jsonl" | cut -f1) MB"
set +e
/usr/bin/time -f '%M KB peak RSS, %e s wall, %U s user, %S s sys' -o "$dir/time" \
	"$dir/ingest" < "$dir/in.jsonl" > "$dir/out" 2> "$dir/err"
code=$?
set -e
echo "exit $code; $(wc -l < "$dir/out") invoices; $(wc -l < "$dir/err") malformed lines reported, e.g.:"
head -3 "$dir/err"
cat "$dir/time"
