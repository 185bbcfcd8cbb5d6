// Tests of the language client's side that run without VS Code: how the
// settings become the server's command (server.js), what a failed start
// says, and, when FWGEN names an fwgen binary, a session with the real
// `fwgen lsp` started exactly as the extension starts it (the command and
// arguments from serverCommand, JSON-RPC over stdio, as vscode-languageclient
// speaks it: vscode-jsonrpc is its transport). Run: node test/unit.js.
'use strict';

const test = require('node:test');
const assert = require('node:assert');
const cp = require('child_process');
const fs = require('fs');
const os = require('os');
const path = require('path');
const { pathToFileURL } = require('url');
const { serverCommand, expand, describeStartError } = require('../server');

test('the default command is fwgen lsp, looked up in PATH', () => {
  assert.deepStrictEqual(serverCommand({}, { workspaceFolder: '/ws' }), { command: 'fwgen', args: ['lsp'], cwd: '/ws' });
  assert.deepStrictEqual(serverCommand({ path: '  ' }, {}), { command: 'fwgen', args: ['lsp'], cwd: undefined });
});

test('fw.server.path and fw.server.args', () => {
  const opts = { workspaceFolder: '/ws', home: '/home/u', env: { GOBIN: '/go/bin' } };
  assert.strictEqual(serverCommand({ path: '/opt/fwgen' }, opts).command, '/opt/fwgen');
  assert.strictEqual(serverCommand({ path: '~/go/bin/fwgen' }, opts).command, path.join('/home/u', 'go/bin/fwgen'));
  assert.strictEqual(serverCommand({ path: '${workspaceFolder}/bin/fwgen' }, opts).command, '/ws/bin/fwgen');
  assert.strictEqual(serverCommand({ path: '${env:GOBIN}/fwgen' }, opts).command, '/go/bin/fwgen');
  // A relative path with a directory is relative to the workspace folder.
  assert.strictEqual(serverCommand({ path: './bin/fwgen' }, opts).command, path.resolve('/ws', 'bin/fwgen'));
  assert.deepStrictEqual(serverCommand({ path: 'fwgen', args: ['-v', '${workspaceFolder}/x'] }, opts).args, ['lsp', '-v', '/ws/x']);
  assert.strictEqual(expand('${env:NOPE}x', '', {}, '/h'), 'x');
});

test('a missing binary: the message names it and the setting', async () => {
  const missing = path.join(os.tmpdir(), 'no-such-fwgen-' + process.pid);
  const cmd = serverCommand({ path: missing }, {});
  const err = await new Promise((resolve) => {
    const child = cp.spawn(cmd.command, cmd.args);
    child.on('error', resolve);
  });
  assert.strictEqual(err.code, 'ENOENT');
  const msg = describeStartError(err, cmd.command);
  assert.match(msg, /was not found/);
  assert.ok(msg.includes(missing));
  assert.match(msg, /fw\.server\.path/);
});

test('fwgen lsp, started as the extension starts it', async (t) => {
  const fwgen = process.env.FWGEN;
  if (!fwgen) {
    t.skip('FWGEN is not set (editors/vscode/ci.sh sets it to a freshly built fwgen)');
    return;
  }
  const probe = cp.spawnSync(fwgen, ['help', 'lsp'], { encoding: 'utf8' });
  if (probe.status !== 0) {
    t.skip(`${fwgen} has no lsp command yet: ${(probe.stderr || '').split('\n')[0]}`);
    return;
  }
  const rpc = require('vscode-jsonrpc/node');
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'fw-vscode-'));
  t.after(() => fs.rmSync(dir, { recursive: true, force: true }));
  const file = path.join(dir, 'shop.fw');
  const text = 'package shop\n\nevent Order { id string }\n\nprocessor Billing {\n    on Ordr{id}\n}\n';
  fs.writeFileSync(file, text);
  const uri = pathToFileURL(file).href;

  const cmd = serverCommand({ path: fwgen }, { workspaceFolder: dir });
  const child = cp.spawn(cmd.command, cmd.args, { cwd: cmd.cwd, stdio: ['pipe', 'pipe', 'pipe'] });
  let stderr = '';
  child.stderr.on('data', (d) => (stderr += d));
  const exited = new Promise((resolve) => child.on('exit', (code) => resolve(code)));
  const conn = rpc.createMessageConnection(new rpc.StreamMessageReader(child.stdout), new rpc.StreamMessageWriter(child.stdin));
  const diagnostics = new Promise((resolve) => {
    conn.onNotification('textDocument/publishDiagnostics', (p) => {
      if (p.uri === uri) {
        resolve(p);
      }
    });
  });
  conn.listen();

  const init = await conn.sendRequest('initialize', {
    processId: process.pid,
    rootUri: pathToFileURL(dir).href,
    workspaceFolders: [{ uri: pathToFileURL(dir).href, name: 'shop' }],
    capabilities: {},
  });
  assert.ok(init.capabilities, 'initialize answers with the server capabilities');
  conn.sendNotification('initialized', {});
  conn.sendNotification('textDocument/didOpen', { textDocument: { uri, languageId: 'fw', version: 1, text } });
  const diags = await diagnostics;
  assert.ok(
    diags.diagnostics.some((d) => /Ordr/.test(d.message) && d.range.start.line === 5),
    `a diagnostic about the unknown event Ordr on line 6, got ${JSON.stringify(diags.diagnostics)}`,
  );
  await conn.sendRequest('shutdown');
  conn.sendNotification('exit');
  assert.strictEqual(await exited, 0, `fwgen lsp exits with 0 after shutdown and exit; stderr:\n${stderr}`);
  conn.dispose();
});

test('fw.server.goTool: go tool fwgen lsp in the workspace folder', () => {
  assert.deepStrictEqual(serverCommand({ goTool: true, args: ['-x'] }, { workspaceFolder: '/ws' }), {
    command: 'go',
    args: ['tool', 'fwgen', 'lsp', '-x'],
    cwd: '/ws',
  });
  assert.strictEqual(serverCommand({ goTool: true, path: '/usr/local/go/bin/go' }, {}).command, '/usr/local/go/bin/go');
});

test('language-configuration.json: comments, brackets, indentation', () => {
  const conf = JSON.parse(fs.readFileSync(path.join(__dirname, '..', 'language-configuration.json'), 'utf8'));
  assert.strictEqual(conf.comments.lineComment, '//');
  for (const pair of [['{', '}'], ['[', ']'], ['(', ')']]) {
    assert.ok(conf.brackets.some((b) => b[0] === pair[0] && b[1] === pair[1]), `bracket pair ${pair}`);
    assert.ok(conf.autoClosingPairs.some((b) => b.open === pair[0] && b.close === pair[1]), `auto-closing ${pair}`);
  }
  assert.ok(conf.autoClosingPairs.some((b) => b.open === '"' && b.notIn.includes('string')));
  const inc = new RegExp(conf.indentationRules.increaseIndentPattern);
  const dec = new RegExp(conf.indentationRules.decreaseIndentPattern);
  for (const line of ['processor Billing {', 'event Order {  // orders', 'builder Slow provides slow: string requires words {']) {
    assert.ok(inc.test(line), `indent after ${JSON.stringify(line)}`);
  }
  for (const line of ['event Tick {}', 'on Order{id} as X', 'enum Status { NEW PAID }']) {
    assert.ok(!inc.test(line), `no indent after ${JSON.stringify(line)}`);
  }
  assert.ok(dec.test('    }') && !dec.test('    on init'));
  const word = new RegExp(`^(?:${conf.wordPattern})$`);
  for (const w of ['Order', 'byPkg', '_', '10_000', '-1', '1.5', '100ms']) {
    assert.ok(word.test(w), `${w} is a word`);
  }
  assert.ok(!word.test('1..5'), '1..5 is two words');
});

test('the Markdown injection highlights ```fw blocks (lint=RULE too) and no others', async () => {
  const onig = require('vscode-oniguruma');
  const wasm = fs.readFileSync(require.resolve('vscode-oniguruma/release/onig.wasm'));
  await onig.loadWASM(wasm.buffer.slice(wasm.byteOffset, wasm.byteOffset + wasm.byteLength));
  const g = JSON.parse(fs.readFileSync(path.join(__dirname, '..', 'syntaxes', 'fw.markdown.tmLanguage.json'), 'utf8'));
  const block = g.repository['fw-code-block'];
  assert.deepStrictEqual(block.patterns[0].patterns, [{ include: 'source.fw' }]);
  const matches = (re, s) => {
    const scanner = new onig.OnigScanner([re]);
    const str = new onig.OnigString(s);
    const m = scanner.findNextMatchSync(str, 0);
    str.dispose();
    scanner.dispose();
    return m !== null;
  };
  for (const line of ['```fw', '```fw lint=syntax', '  ```fw', '~~~fw']) {
    assert.ok(matches(block.begin, line), `${line} opens a fw block`);
  }
  for (const line of ['```go', '```fwx', '```', 'fw']) {
    assert.ok(!matches(block.begin, line), `${line} opens no fw block`);
  }
  // The end refers to the begin's captures, which TextMate substitutes:
  // here no indentation and ```.
  const end = block.end.replace('\\2', '').replace('\\3', '```');
  assert.ok(matches(end, '```') && !matches(end, 'on Order'));
  const pkg = JSON.parse(fs.readFileSync(path.join(__dirname, '..', 'package.json'), 'utf8'));
  const inj = pkg.contributes.grammars.find((x) => x.scopeName === g.scopeName);
  assert.deepStrictEqual(inj.injectTo, ['text.html.markdown']);
});
