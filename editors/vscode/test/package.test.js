// `vsce package` builds the .vsix, and the .vsix holds what VS Code needs to run the
// extension (manifest, client, grammar, language configuration, the language client
// library) and nothing of the tests or the build tools.
'use strict';

const assert = require('node:assert/strict');
const { execFileSync } = require('child_process');
const fs = require('fs');
const os = require('os');
const path = require('path');
const test = require('node:test');

const EXTENSION_DIR = path.join(__dirname, '..');

function vsixEntries(vsix) {
  const script = 'import sys, zipfile; print("\\n".join(zipfile.ZipFile(sys.argv[1]).namelist()))';
  const listing = execFileSync('python3', ['-c', script, vsix], { encoding: 'utf8' });
  return listing.split('\n').filter((name) => name !== '');
}

test('vsce package builds a .vsix with the client, the grammar and their dependencies', () => {
  const outDir = fs.mkdtempSync(path.join(os.tmpdir(), 'xuncha-vsix-'));
  try {
    const vsix = path.join(outDir, 'xuncha-xr.vsix');
    const vsce = path.join(EXTENSION_DIR, 'node_modules', '@vscode', 'vsce', 'vsce');
    execFileSync(process.execPath, [vsce, 'package', '--allow-missing-repository', '--out', vsix], {
      cwd: EXTENSION_DIR,
      stdio: ['ignore', 'pipe', 'inherit'],
    });
    const entries = new Set(vsixEntries(vsix));
    for (const needed of [
      'extension.vsixmanifest',
      'extension/package.json',
      'extension/extension.js',
      'extension/language-configuration.json',
      'extension/syntaxes/xr.tmLanguage.json',
      'extension/node_modules/vscode-languageclient/package.json',
      'extension/node_modules/vscode-languageclient/node.js',
      'extension/node_modules/vscode-jsonrpc/package.json',
    ]) {
      assert.ok(entries.has(needed), `${needed} is not in the .vsix`);
    }
    const unwanted = [...entries].filter(
      (name) =>
        name.startsWith('extension/test/') ||
        name.startsWith('extension/node_modules/@vscode/vsce') ||
        name.startsWith('extension/node_modules/vscode-textmate/') ||
        name.endsWith('.vsix'),
    );
    assert.deepEqual(unwanted, [], 'tests and build tools do not belong in the .vsix');

    // The packaged manifest is the one the tests checked.
    const manifest = JSON.parse(fs.readFileSync(path.join(EXTENSION_DIR, 'package.json'), 'utf8'));
    assert.equal(manifest.main, './extension.js');
    assert.ok(manifest.activationEvents.includes('onLanguage:xr'));
  } finally {
    fs.rmSync(outDir, { recursive: true, force: true });
  }
});

test('the client loads its language client library and exports activate and deactivate', () => {
  // extension.js needs the `vscode` module only VS Code provides; a stand-in whose every
  // member is an empty class lets the language client library load, so that loading checks
  // the file's syntax and its require of vscode-languageclient/node (a wrong path or a
  // missing dependency fails here).
  const Module = require('module');
  const originalLoad = Module._load;
  Module._load = function load(request, ...rest) {
    if (request === 'vscode') {
      return new Proxy({}, { get: () => class {} });
    }
    return originalLoad.call(this, request, ...rest);
  };
  try {
    const extension = require(path.join(EXTENSION_DIR, 'extension.js'));
    assert.equal(typeof extension.activate, 'function');
    assert.equal(typeof extension.deactivate, 'function');
  } finally {
    Module._load = originalLoad;
  }
});
