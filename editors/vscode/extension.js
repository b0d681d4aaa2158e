// The VS Code client of the Xuncha language server: starts `xuncha lsp` over stdio for
// `.xr` files and restarts it when its settings change. Every language feature comes from
// the server; the highlighting is the TextMate grammar in syntaxes/.
'use strict';

const path = require('path');
const vscode = require('vscode');
const { LanguageClient, RevealOutputChannelOn } = require('vscode-languageclient/node');

const CLIENT_ID = 'xuncha'; // also the prefix of the `xuncha.trace.server` setting
const CLIENT_NAME = 'Xuncha';

let client;
let outputChannel;

// A bare name is looked up on PATH by the operating system; anything with a separator is
// a path, relative to the first workspace folder (a build inside the repository, say).
function serverCommand(configured) {
  const command = configured.trim() === '' ? 'xuncha' : configured.trim();
  if (!command.includes('/') && !command.includes('\\')) {
    return command;
  }
  if (path.isAbsolute(command)) {
    return command;
  }
  const folders = vscode.workspace.workspaceFolders;
  const base = folders && folders.length > 0 ? folders[0].uri.fsPath : process.cwd();
  return path.resolve(base, command);
}

function createClient(command) {
  const config = vscode.workspace.getConfiguration('xuncha');
  const args = ['lsp', ...config.get('server.extraArgs', [])];

  // No `transport` key: with TransportKind.stdio the client would append `--stdio` to the
  // arguments, which `xuncha lsp` does not take (stdio is its only transport).
  const serverOptions = {
    run: { command, args },
    debug: { command, args },
  };
  const clientOptions = {
    documentSelector: [
      { scheme: 'file', language: 'xr' },
      { scheme: 'untitled', language: 'xr' },
    ],
    // Imported and extended files can change on disk outside the editor.
    synchronize: {
      fileEvents: vscode.workspace.createFileSystemWatcher('**/*.xr'),
    },
    outputChannel,
    revealOutputChannelOn: RevealOutputChannelOn.Never,
  };
  return new LanguageClient(CLIENT_ID, CLIENT_NAME, serverOptions, clientOptions);
}

async function startClient() {
  const command = serverCommand(vscode.workspace.getConfiguration('xuncha').get('server.path', ''));
  client = createClient(command);
  try {
    await client.start();
  } catch (error) {
    client = undefined;
    const choice = await vscode.window.showErrorMessage(
      `Xuncha: could not start the language server '${command} lsp' (${error.message}). ` +
        'Set "xuncha.server.path" to the xuncha executable.',
      'Open Settings',
    );
    if (choice === 'Open Settings') {
      await vscode.commands.executeCommand('workbench.action.openSettings', 'xuncha.server.path');
    }
  }
}

async function stopClient() {
  if (client === undefined) {
    return;
  }
  const stopping = client;
  client = undefined;
  await stopping.stop();
}

async function restartClient() {
  await stopClient();
  await startClient();
}

async function activate(context) {
  outputChannel = vscode.window.createOutputChannel(CLIENT_NAME);
  context.subscriptions.push(outputChannel);
  context.subscriptions.push(
    vscode.commands.registerCommand('xuncha.restartServer', restartClient),
    vscode.commands.registerCommand('xuncha.showOutput', () => outputChannel.show(true)),
    vscode.workspace.onDidChangeConfiguration((event) => {
      if (event.affectsConfiguration('xuncha.server')) {
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
