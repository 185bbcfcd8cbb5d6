// How the extension finds and starts the language server, `fwgen lsp`. Kept
// apart from extension.js, and free of the vscode module, so that it can be
// tested with plain Node (test/unit.js).
'use strict';

const os = require('os');
const path = require('path');

// expand replaces a leading ~ with the home directory and ${workspaceFolder}
// and ${env:NAME} with their values.
function expand(value, workspaceFolder, env, home) {
  let s = value.trim();
  if (s === '~' || s.startsWith('~/') || s.startsWith('~\\')) {
    s = path.join(home, s.slice(1));
  }
  s = s.replace(/\$\{workspaceFolder\}/g, () => workspaceFolder || '');
  s = s.replace(/\$\{env:([A-Za-z_][A-Za-z0-9_]*)\}/g, (_, name) => env[name] || '');
  return s;
}

// serverCommand turns the settings into the command that starts the server:
// { command, args, cwd }. settings has path (fw.server.path), args
// (fw.server.args) and goTool (fw.server.goTool). A bare name ("fwgen") is
// looked up in PATH by the system; a relative path with a directory
// ("./bin/fwgen") is relative to the workspace folder. With goTool the
// server is `go tool fwgen lsp`, the fwgen that the workspace's module
// pins with a tool directive, and path names the go command.
function serverCommand(settings, opts) {
  const o = opts || {};
  const env = o.env || process.env;
  const home = o.home || os.homedir();
  const folder = o.workspaceFolder;
  const extra = Array.isArray(settings.args) ? settings.args.map((a) => expand(String(a), folder, env, home)) : [];
  if (settings.goTool) {
    const goPath = String(settings.path || '');
    const go = goPath.trim() === '' || goPath.trim() === 'fwgen' ? 'go' : resolveCommand(expand(goPath, folder, env, home), folder);
    return { command: go, args: ['tool', 'fwgen', 'lsp', ...extra], cwd: folder };
  }
  const command = expand(String(settings.path || ''), folder, env, home) || 'fwgen';
  return { command: resolveCommand(command, folder), args: ['lsp', ...extra], cwd: folder };
}

// resolveCommand makes a relative path with a directory absolute, relative
// to the workspace folder; a bare name is left to the PATH lookup.
function resolveCommand(command, folder) {
  const hasDir = command.includes('/') || (process.platform === 'win32' && command.includes('\\'));
  if (hasDir && !path.isAbsolute(command) && folder) {
    return path.resolve(folder, command);
  }
  return command;
}

// describeStartError explains why the server did not start, for the message
// that the extension shows.
function describeStartError(err, command) {
  const code = err && (err.code || (err.cause && err.cause.code));
  if (code === 'ENOENT') {
    return `fw: cannot start the language server: "${command}" was not found. Install fwgen (go install github.com/fwgo/fw/cmd/fwgen@latest) or set fw.server.path.`;
  }
  if (code === 'EACCES') {
    return `fw: cannot start the language server: "${command}" is not executable (fw.server.path).`;
  }
  const msg = err && err.message ? err.message : String(err);
  return `fw: the language server "${command} lsp" failed to start: ${msg}`;
}

module.exports = { expand, serverCommand, describeStartError };
