#!/usr/bin/env bash
# CI of the VS Code extension (editors/vscode), run by .ci/run and by
# `make editor-test`: the grammar tests, the client's tests (with a freshly
# built fwgen lsp), the Go tests of editors/ with the grammar (which need
# Node), and `vsce package`. It uses the machine's Node and npm, and installs
# Debian's (Node 18) when there are none: the pinned tools run on Node 18
# and later.
set -euo pipefail
cd "$(dirname "$0")"
root=$(cd ../.. && pwd)
start=$SECONDS

if ! command -v node >/dev/null 2>&1 || ! command -v npm >/dev/null 2>&1; then
  echo "editors/vscode: no Node.js or npm here: installing Debian's nodejs and npm"
  export DEBIAN_FRONTEND=noninteractive
  apt-get update -qq
  apt-get install -y -qq --no-install-recommends nodejs npm >/dev/null
fi
echo "editors/vscode: node $(node --version), npm $(npm --version)"
if [ "$(node -p 'process.versions.node.split(".")[0]')" -lt 18 ]; then
  echo "editors/vscode: Node.js 18 or later is needed" >&2
  exit 1
fi

# The exact versions of package-lock.json; nothing runs install scripts
# (none of the packages needs one).
npm ci --no-audit --no-fund --ignore-scripts --loglevel=error

# The grammar tests: test/*.test.fw, each `// ^^^ scope` an assertion.
./node_modules/.bin/vscode-tmgrammar-test -g syntaxes/fw.tmLanguage.json 'test/**/*.test.fw'

tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT

# The client's tests, with the repository's fwgen as the server (extension.js
# itself needs VS Code to run: here it is only compiled).
node --check extension.js
(cd "$root" && go build -o "$tmp/fwgen" ./cmd/fwgen)
FWGEN="$tmp/fwgen" node test/unit.js

# The Go side: every word of dsl/parser has a grammar test, and the grammar
# highlights every .fw source and docs example as the Go lexer reads it.
(cd "$root" && FW_EDITOR_TEST=1 go test -count=1 ./editors/)

# The package, with the files it must hold.
./node_modules/.bin/vsce ls >"$tmp/files"
for f in package.json extension.js server.js language-configuration.json README.md \
  syntaxes/fw.tmLanguage.json syntaxes/fw.markdown.tmLanguage.json \
  node_modules/vscode-languageclient/node.js; do
  grep -qx "$f" "$tmp/files" || { echo "editors/vscode: the package lacks $f" >&2; exit 1; }
done
if grep -q '^test/\|^node_modules/vscode-tmgrammar-test/\|^node_modules/@vscode/vsce/' "$tmp/files"; then
  echo "editors/vscode: the package holds tests or development tools:" >&2
  grep '^test/\|^node_modules/vscode-tmgrammar-test/\|^node_modules/@vscode/vsce/' "$tmp/files" | head >&2
  exit 1
fi
./node_modules/.bin/vsce package --skip-license --baseContentUrl https://github.com/fwgo/fw/blob/HEAD/editors/vscode \
  --out "$tmp/fw.vsix" >"$tmp/package.log" 2>&1 || { cat "$tmp/package.log" >&2; exit 1; }
grep 'Packaged:' "$tmp/package.log"
echo "editors/vscode: ok in $((SECONDS - start))s"
