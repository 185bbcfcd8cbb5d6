// The fw extension: the language client that starts `fwgen lsp` over stdio
// (the settings fw.server.*). Highlighting and the language configuration
// are declarative (package.json, syntaxes/, language-configuration.json).
'use strict';

const vscode = require('vscode');
const { LanguageClient, RevealOutputChannelOn } = require('vscode-languageclient/node');
const { serverCommand, describeStartError } = require('./server');

let client;
let outputChannel;

function workspaceFolder() {
  const folders = vscode.workspace.workspaceFolders;
  return folders && folders.length > 0 ? folders[0].uri.fsPath : undefined;
}

async function startClient() {
  const config = vscode.workspace.getConfiguration('fw');
  if (!config.get('server.enabled', true)) {
    return;
  }
  const cmd = serverCommand(
    { path: config.get('server.path', 'fwgen'), args: config.get('server.args', []), goTool: config.get('server.goTool', false) },
    { workspaceFolder: workspaceFolder() },
  );
  const serverOptions = {
    command: cmd.command,
    args: cmd.args,
    options: cmd.cwd ? { cwd: cmd.cwd } : {},
  };
  const clientOptions = {
    documentSelector: [
      { scheme: 'file', language: 'fw' },
      { scheme: 'untitled', language: 'fw' },
    ],
    synchronize: {
      // A .fw file changed on disk (another package's, or by fwgen fmt)
      // is re-read by the server.
      fileEvents: vscode.workspace.createFileSystemWatcher('**/*.fw'),
    },
    outputChannel,
    revealOutputChannelOn: RevealOutputChannelOn.Never,
  };
  client = new LanguageClient('fw', 'fw language server', serverOptions, clientOptions);
  try {
    await client.start();
  } catch (err) {
    const failed = client;
    client = undefined;
    try {
      await failed.dispose();
    } catch (_) {
      // The server never ran: nothing to stop.
    }
    const choice = await vscode.window.showErrorMessage(describeStartError(err, cmd.command), 'Open Settings', 'Show Output');
    if (choice === 'Open Settings') {
      await vscode.commands.executeCommand('workbench.action.openSettings', 'fw.server');
    } else if (choice === 'Show Output') {
      outputChannel.show(true);
    }
  }
}

async function stopClient() {
  if (!client) {
    return;
  }
  const c = client;
  client = undefined;
  await c.stop();
}

async function restartClient() {
  await stopClient();
  await startClient();
}

async function activate(context) {
  outputChannel = vscode.window.createOutputChannel('fw language server');
  context.subscriptions.push(outputChannel);
  context.subscriptions.push(
    vscode.commands.registerCommand('fw.restartServer', restartClient),
    vscode.commands.registerCommand('fw.showServerOutput', () => outputChannel.show(true)),
    vscode.workspace.onDidChangeConfiguration((e) => {
      if (e.affectsConfiguration('fw.server')) {
        restartClient();
      }
    }),
  );
  await startClient();
}

function deactivate() {
  return stopClient();
}

module.exports = { activate, deactivate };
