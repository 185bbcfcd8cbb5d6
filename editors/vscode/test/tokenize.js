#!/usr/bin/env node
// tokenize.js FILE...: tokenizes .fw files with the extension's grammar, as
// VS Code does (vscode-textmate and vscode-oniguruma), and prints JSON:
// {"FILE": [[{"start": 0, "end": 7, "scopes": ["source.fw", ...]}, ...], ...]},
// one array of tokens per line, offsets in UTF-16 code units of the line.
// editors/grammar_test.go checks the tokens against the Go lexer's.
'use strict';

const fs = require('fs');
const path = require('path');
const vsctm = require('vscode-textmate');
const oniguruma = require('vscode-oniguruma');

const root = path.join(__dirname, '..');

async function loadGrammar() {
  const wasm = fs.readFileSync(require.resolve('vscode-oniguruma/release/onig.wasm'));
  await oniguruma.loadWASM(wasm.buffer.slice(wasm.byteOffset, wasm.byteOffset + wasm.byteLength));
  const registry = new vsctm.Registry({
    onigLib: Promise.resolve({
      createOnigScanner: (patterns) => new oniguruma.OnigScanner(patterns),
      createOnigString: (s) => new oniguruma.OnigString(s),
    }),
    loadGrammar: async (scopeName) => {
      if (scopeName !== 'source.fw') {
        return null;
      }
      const file = path.join(root, 'syntaxes', 'fw.tmLanguage.json');
      return vsctm.parseRawGrammar(fs.readFileSync(file, 'utf8'), file);
    },
  });
  return registry.loadGrammar('source.fw');
}

function tokenize(grammar, text) {
  const lines = text.split(/\r?\n/);
  let stack = vsctm.INITIAL;
  const out = [];
  for (const line of lines) {
    const r = grammar.tokenizeLine(line, stack);
    out.push(r.tokens.map((t) => ({ start: t.startIndex, end: Math.min(t.endIndex, line.length), scopes: t.scopes })));
    stack = r.ruleStack;
  }
  return out;
}

async function main() {
  const grammar = await loadGrammar();
  const result = {};
  for (const file of process.argv.slice(2)) {
    result[file] = tokenize(grammar, fs.readFileSync(file, 'utf8'));
  }
  process.stdout.write(JSON.stringify(result));
}

main().catch((err) => {
  console.error(err);
  process.exit(1);
});
