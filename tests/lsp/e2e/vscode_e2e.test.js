// `xuncha lsp` driven as VS Code drives it: the JSON-RPC library of VS Code's language client
// (vscode-jsonrpc) over the server's stdio, VS Code's initialize parameters (utf-16 only),
// the requests VS Code sends when a file opens, incremental changes with rangeLength, and a
// rule file named and written in Chinese, with a character outside the BMP before the
// positions that matter.
//
//   node tests/lsp/e2e/vscode_e2e.test.js XUNCHA_BINARY
//
// On a failure, the JSON exchanged is printed after the results.
'use strict';

const assert = require('node:assert/strict');
const { spawn, spawnSync } = require('child_process');
const fs = require('fs');
const path = require('path');
const test = require('node:test');
const { pathToFileURL } = require('url');
const rpc = require('vscode-jsonrpc/node');
const { initializeParams, answerServerRequests } = require('./vscode_client');
const text = require('./text');

const XUNCHA_ARG = process.argv[2] ?? process.env.XUNCHA;
const XUNCHA = XUNCHA_ARG && path.resolve(XUNCHA_ARG);
const FIXTURES = path.join(__dirname, 'fixtures');
const MAIN = path.join(FIXTURES, '安全巡查.xr');
const IMPORTED = path.join(FIXTURES, '等级.xr');
const MAIN_URI = pathToFileURL(MAIN).href;
const IMPORTED_URI = pathToFileURL(IMPORTED).href;
const ORIGINAL = fs.readFileSync(MAIN, 'utf8');
const SOURCE_DIR = process.env.XUNCHA_SOURCE_DIR ?? path.join(__dirname, '..', '..', '..');
const NATIONAL_2024 = path.join(SOURCE_DIR, 'rulesets', 'national', '2024.xr');
const NATIONAL_2023 = path.join(SOURCE_DIR, 'rulesets', 'national', '2023.xr');
const TIMEOUT_MS = 15000;

// The capabilities the server must advertise. Features it does not advertise and that are
// not listed here are skipped, each with its reason in the output.
const REQUIRED_CAPABILITIES = (process.env.XUNCHA_LSP_REQUIRED ?? 'textDocumentSync')
  .split(',')
  .filter((c) => c !== '');

const transcript = [];
let server;
let connection;
let capabilities;
let documentVersion = 1;
let currentText = ORIGINAL;
const diagnosticsByUri = new Map(); // uri -> [{ version, diagnostics }] in arrival order
const diagnosticWaiters = [];

function log(line) {
  transcript.push(line);
}

function withTimeout(promise, what) {
  let timer;
  const timeout = new Promise((_, reject) => {
    timer = setTimeout(() => reject(new Error(`no answer to ${what} within ${TIMEOUT_MS} ms`)), TIMEOUT_MS);
  });
  return Promise.race([promise, timeout]).finally(() => clearTimeout(timer));
}

function request(method, params) {
  return withTimeout(connection.sendRequest(method, params), method);
}

function notify(method, params) {
  return connection.sendNotification(method, params);
}

// The next publishDiagnostics for `uri` (after those already received) that satisfies
// `accept`, or the first already received after `since` that does.
function diagnosticsFor(uri, accept, since = 0) {
  const received = diagnosticsByUri.get(uri) ?? [];
  const hit = received.slice(since).find((p) => accept(p.diagnostics));
  if (hit) {
    return Promise.resolve(hit.diagnostics);
  }
  return withTimeout(
    new Promise((resolve) => diagnosticWaiters.push({ uri, accept, resolve })),
    `publishDiagnostics for ${path.basename(decodeURIComponent(uri))} that matches`,
  );
}

function receivedCount(uri) {
  return (diagnosticsByUri.get(uri) ?? []).length;
}

function onDiagnostics(params) {
  const list = diagnosticsByUri.get(params.uri) ?? [];
  list.push({ version: params.version, diagnostics: params.diagnostics });
  diagnosticsByUri.set(params.uri, list);
  for (let i = diagnosticWaiters.length - 1; i >= 0; i--) {
    const waiter = diagnosticWaiters[i];
    if (waiter.uri === params.uri && waiter.accept(params.diagnostics)) {
      diagnosticWaiters.splice(i, 1);
      waiter.resolve(params.diagnostics);
    }
  }
}

// Skips a test whose feature the server does not advertise (unless it is required).
function needs(t, capability) {
  if (capabilities[capability]) {
    return true;
  }
  assert.ok(
    !REQUIRED_CAPABILITIES.includes(capability),
    `the server does not advertise ${capability}, which this test requires`,
  );
  t.skip(`the server does not advertise ${capability}`);
  return false;
}

// A change as VS Code sends it: the range replaced, its length and the new text.
function change(range, newText) {
  const rangeLength = text.offsetAt(currentText, range.end) - text.offsetAt(currentText, range.start);
  currentText = text.applyEdits(currentText, [{ range, newText }]);
  documentVersion += 1;
  notify('textDocument/didChange', {
    textDocument: { uri: MAIN_URI, version: documentVersion },
    contentChanges: [{ range, rangeLength, text: newText }],
  });
}

function locations(result) {
  if (result === null || result === undefined) {
    return [];
  }
  const list = Array.isArray(result) ? result : [result];
  return list.map((l) => ('targetUri' in l ? { uri: l.targetUri, range: l.targetSelectionRange } : l));
}

function hoverText(hover) {
  const parts = Array.isArray(hover.contents) ? hover.contents : [hover.contents];
  return parts.map((p) => (typeof p === 'string' ? p : p.value)).join('\n');
}

function workspaceEditFor(edit, uri) {
  if (edit.documentChanges) {
    return edit.documentChanges
      .filter((c) => c.textDocument && c.textDocument.uri === uri)
      .flatMap((c) => c.edits);
  }
  return (edit.changes && edit.changes[uri]) || [];
}

test.before(async () => {
  assert.ok(XUNCHA, 'usage: vscode_e2e.test.js XUNCHA_BINARY');
  server = spawn(XUNCHA, ['lsp'], { stdio: ['pipe', 'pipe', 'pipe'], cwd: FIXTURES });
  server.stderr.on('data', (chunk) => log(`[server stderr] ${chunk.toString().trimEnd()}`));
  server.on('error', (error) => log(`[spawn] ${error.message}`));
  connection = rpc.createMessageConnection(
    new rpc.StreamMessageReader(server.stdout),
    new rpc.StreamMessageWriter(server.stdin),
  );
  connection.trace(rpc.Trace.Verbose, { log: (message, data) => log(data ? `${message}\n${data}` : message) });
  answerServerRequests(connection, log);
  connection.onNotification('textDocument/publishDiagnostics', onDiagnostics);
  connection.onNotification('window/logMessage', (p) => log(`[logMessage] ${p.message}`));
  connection.onNotification(() => {}); // $/progress, telemetry/event, ...
  connection.listen();
});

// The test runner sets a failing exit code; then the exchange explains what the server did.
// XUNCHA_LSP_TRANSCRIPT=FILE keeps the whole exchange in FILE in any case.
process.on('exit', () => {
  if (process.env.XUNCHA_LSP_TRANSCRIPT) {
    fs.writeFileSync(process.env.XUNCHA_LSP_TRANSCRIPT, transcript.join('\n') + '\n');
  }
  if (process.exitCode) {
    process.stderr.write('\n---- the JSON-RPC exchange with xuncha lsp (last 200 entries) ----\n');
    process.stderr.write(transcript.slice(-200).join('\n') + '\n');
  }
});

test.after(() => {
  connection?.dispose();
  if (server && server.exitCode === null) {
    server.kill();
  }
});

test('initialize: utf-16 (the only encoding offered) and incremental sync', async () => {
  const result = await request('initialize', initializeParams(FIXTURES));
  capabilities = result.capabilities;
  assert.ok(capabilities, 'initialize answered no capabilities');
  assert.ok(
    capabilities.positionEncoding === undefined || capabilities.positionEncoding === 'utf-16',
    `the client offered only utf-16, the server chose ${capabilities.positionEncoding}`,
  );
  const sync = capabilities.textDocumentSync;
  const kind = typeof sync === 'number' ? sync : sync?.change;
  assert.equal(kind, 2, `textDocumentSync is ${JSON.stringify(sync)}, not incremental (2)`);
  if (typeof sync === 'object') {
    assert.equal(sync.openClose, true, 'the server must ask for didOpen and didClose');
  }
  notify('initialized', {});
});

test('the error is published where xuncha check puts it, after Chinese text', async () => {
  notify('textDocument/didOpen', {
    textDocument: { uri: MAIN_URI, languageId: 'xr', version: documentVersion, text: ORIGINAL },
  });
  const published = await diagnosticsFor(MAIN_URI, (ds) => ds.length > 0);

  const typo = text.positionOf(ORIGINAL, 'and 持证比列', '持证比列');
  const error = published.find((d) => String(d.code) === 'XR0101');
  assert.ok(error, `no XR0101 among ${JSON.stringify(published)}`);
  assert.deepEqual(error.range, {
    start: typo,
    end: { line: typo.line, character: typo.character + 4 },
  });
  assert.equal(error.severity, 1);

  // Every diagnostic of `xuncha check --format=json`, with the same code, message, severity
  // and range (its byte offsets counted here in UTF-16).
  const check = spawnSync(XUNCHA, ['check', '--format=json', '--color=never', MAIN], {
    encoding: 'utf8',
    cwd: FIXTURES,
  });
  const expected = JSON.parse(check.stdout).filter((d) => path.basename(d.file) === path.basename(MAIN));
  const severities = { error: 1, warning: 2, note: 3, info: 3, hint: 4 };
  const want = expected
    .map((d) => ({
      code: d.code,
      message: d.message,
      severity: severities[d.severity],
      range: {
        start: text.positionOfByte(ORIGINAL, d.byteRange.start),
        end: text.positionOfByte(ORIGINAL, d.byteRange.end),
      },
      notes: d.notes.length,
    }))
    .sort((a, b) => a.code.localeCompare(b.code));
  const got = published
    .map((d) => ({
      code: String(d.code),
      message: d.message,
      severity: d.severity,
      range: d.range,
      notes: (d.relatedInformation ?? []).length,
    }))
    .sort((a, b) => a.code.localeCompare(b.code));
  assert.deepEqual(got, want);
});

test('the requests VS Code sends when a file opens answer without error, in range', async (t) => {
  const document = { textDocument: { uri: MAIN_URI } };
  const whole = { start: { line: 0, character: 0 }, end: { line: text.lines(ORIGINAL).length, character: 0 } };
  const burst = [];
  if (capabilities.documentSymbolProvider) burst.push(['textDocument/documentSymbol', document]);
  if (capabilities.foldingRangeProvider) burst.push(['textDocument/foldingRange', document]);
  if (capabilities.semanticTokensProvider) burst.push(['textDocument/semanticTokens/full', document]);
  if (capabilities.documentLinkProvider) burst.push(['textDocument/documentLink', document]);
  if (capabilities.inlayHintProvider) burst.push(['textDocument/inlayHint', { ...document, range: whole }]);
  if (capabilities.codeLensProvider) burst.push(['textDocument/codeLens', document]);
  if (burst.length === 0) {
    t.skip('the server advertises none of documentSymbol, foldingRange, semanticTokens, inlayHint');
    return;
  }
  // VS Code sends them together, without waiting for each answer.
  const answers = await Promise.all(burst.map(([method, params]) => request(method, params)));
  const ranges = [];
  const collect = (value) => {
    if (Array.isArray(value)) value.forEach(collect);
    else if (value && typeof value === 'object') {
      if (value.start && value.end && typeof value.start.line === 'number') ranges.push(value);
      else Object.values(value).forEach(collect);
    }
  };
  answers.forEach(collect);
  for (const range of ranges) {
    assert.ok(text.rangeInside(ORIGINAL, range), `range out of the document: ${JSON.stringify(range)}`);
  }
});

test('document symbols name the Chinese declarations at their positions', async (t) => {
  if (!needs(t, 'documentSymbolProvider')) return;
  const symbols = await request('textDocument/documentSymbol', { textDocument: { uri: MAIN_URI } });
  const flat = [];
  const walk = (list) =>
    list.forEach((s) => {
      flat.push(s);
      walk(s.children ?? []);
    });
  walk(symbols);
  const indicator = flat.find((s) => s.name === '演练' || s.name.startsWith('演练 '));
  assert.ok(indicator, `no symbol 演练 among ${flat.map((s) => s.name).join(', ')}`);
  const range = indicator.selectionRange ?? indicator.location.range;
  assert.deepEqual(range.start, text.positionOf(ORIGINAL, 'indicator 演练', '演练'));
});

test('semantic tokens stay inside their lines and count the character outside the BMP as two', async (t) => {
  if (!needs(t, 'semanticTokensProvider')) return;
  const tokens = await request('textDocument/semanticTokens/full', { textDocument: { uri: MAIN_URI } });
  const data = tokens.data;
  assert.equal(data.length % 5, 0);
  const all = text.lines(ORIGINAL);
  const decoded = [];
  let line = 0;
  let character = 0;
  for (let i = 0; i < data.length; i += 5) {
    line += data[i];
    character = data[i] === 0 ? character + data[i + 1] : data[i + 1];
    decoded.push({ line, character, length: data[i + 2] });
    assert.ok(line < all.length && character + data[i + 2] <= all[line].length,
      `token ${line}:${character}+${data[i + 2]} past the end of: ${all[line]}`);
  }
  const use = text.positionOf(ORIGINAL, 'checklist 简化', '演练');
  assert.ok(
    decoded.some((d) => d.line === use.line && d.character === use.character && d.length === 2),
    `no token of length 2 at ${use.line}:${use.character} (after 𠮷): ${JSON.stringify(
      decoded.filter((d) => d.line === use.line),
    )}`,
  );
});

test('a quick fix replaces the unknown name with the suggestion', async (t) => {
  if (!needs(t, 'codeActionProvider')) return;
  const published = await diagnosticsFor(MAIN_URI, (ds) => ds.some((d) => String(d.code) === 'XR0101'));
  const error = published.find((d) => String(d.code) === 'XR0101');
  const actions = await request('textDocument/codeAction', {
    textDocument: { uri: MAIN_URI },
    range: error.range,
    context: { diagnostics: [error], only: undefined, triggerKind: 1 },
  });
  const fix = (actions ?? []).find((a) => a.kind === 'quickfix' && a.edit);
  assert.ok(fix, `no quick fix with an edit among ${JSON.stringify(actions)}`);
  const fixed = text.applyEdits(ORIGINAL, workspaceEditFor(fix.edit, MAIN_URI));
  assert.equal(fixed, ORIGINAL.replace('持证比列', '持证比例'));
});

test('hover on an indicator after 𠮷 shows its title, domain and weight', async (t) => {
  if (!needs(t, 'hoverProvider')) return;
  const position = text.positionOf(ORIGINAL, 'checklist 简化', '演练', 1, 1);
  const hover = await request('textDocument/hover', { textDocument: { uri: MAIN_URI }, position });
  assert.ok(hover, 'hover answered null');
  const shown = hoverText(hover);
  for (const part of ['应急演练', '安全', '50']) {
    assert.ok(shown.includes(part), `the hover lacks '${part}': ${shown}`);
  }
  if (hover.range) {
    const start = text.positionOf(ORIGINAL, 'checklist 简化', '演练');
    assert.deepEqual(hover.range, { start, end: { line: start.line, character: start.character + 2 } });
  }
});

test('hover on a field after Chinese text shows its type', async (t) => {
  if (!needs(t, 'hoverProvider')) return;
  const position = text.positionOf(ORIGINAL, 'checklist 简化', '信用等级', 1, 2);
  const hover = await request('textDocument/hover', { textDocument: { uri: MAIN_URI }, position });
  assert.ok(hover, 'hover answered null');
  const shown = hoverText(hover);
  assert.ok(shown.replaceAll('信用等级', '').includes('信用'), `the hover lacks the field's type 信用: ${shown}`);
});

test('definition: the indicator in the file, the enum across the import', async (t) => {
  if (!needs(t, 'definitionProvider')) return;
  const use = text.positionOf(ORIGINAL, 'checklist 简化', '演练');
  const found = locations(await request('textDocument/definition', { textDocument: { uri: MAIN_URI }, position: use }));
  assert.equal(found.length, 1, JSON.stringify(found));
  assert.equal(found[0].uri, MAIN_URI);
  assert.deepEqual(found[0].range.start, text.positionOf(ORIGINAL, 'indicator 演练', '演练'));

  const type = text.positionOf(ORIGINAL, '信用等级: 信用', '信用', 2, 1);
  const imported = locations(
    await request('textDocument/definition', { textDocument: { uri: MAIN_URI }, position: type }),
  );
  assert.equal(imported.length, 1, JSON.stringify(imported));
  assert.equal(imported[0].uri, IMPORTED_URI);
  const importedText = fs.readFileSync(IMPORTED, 'utf8');
  assert.deepEqual(imported[0].range.start, text.positionOf(importedText, 'enum 信用', '信用'));
});

test('references of a field find its declaration and every use', async (t) => {
  if (!needs(t, 'referencesProvider')) return;
  const at = text.positionOf(ORIGINAL, '年度演练次数 >= 2', '年度演练次数', 1, 3);
  const found = locations(
    await request('textDocument/references', {
      textDocument: { uri: MAIN_URI },
      position: at,
      context: { includeDeclaration: true },
    }),
  );
  const starts = found.map((l) => `${l.uri === MAIN_URI ? 'main' : l.uri}:${l.range.start.line}:${l.range.start.character}`).sort();
  const expected = [
    text.positionOf(ORIGINAL, '年度演练次数: int', '年度演练次数'),
    text.positionOf(ORIGINAL, 'min(年度演练次数', '年度演练次数'),
    text.positionOf(ORIGINAL, '年度演练次数 >= 2', '年度演练次数'),
    text.positionOf(ORIGINAL, '年度演练次数 >= 1', '年度演练次数'),
  ].map((p) => `main:${p.line}:${p.character}`).sort();
  assert.deepEqual(starts, expected);
});

test('rename after 𠮷: prepareRename, the edit, and a clashing name refused', async (t) => {
  if (!needs(t, 'renameProvider')) return;
  const use = text.positionOf(ORIGINAL, 'checklist 简化', '演练');
  const params = { textDocument: { uri: MAIN_URI }, position: use };
  if (typeof capabilities.renameProvider === 'object' && capabilities.renameProvider.prepareProvider) {
    const prepared = await request('textDocument/prepareRename', params);
    const range = prepared && (prepared.range ?? prepared);
    assert.deepEqual(range, { start: use, end: { line: use.line, character: use.character + 2 } });
  }
  const edit = await request('textDocument/rename', { ...params, newName: '应急演练' });
  const renamed = text.applyEdits(ORIGINAL, workspaceEditFor(edit, MAIN_URI));
  assert.equal(
    renamed,
    ORIGINAL.replace('indicator 演练 ', 'indicator 应急演练 ').replace('{ 演练 }', '{ 应急演练 }'),
  );
  await assert.rejects(
    request('textDocument/rename', { ...params, newName: '持证' }),
    (error) => error instanceof rpc.ResponseError,
    'renaming indicator 演练 to 持证, the name of another indicator, must be refused',
  );
});

test('signature help inside a built-in call after Chinese text', async (t) => {
  if (!needs(t, 'signatureHelpProvider')) return;
  const position = text.positionOf(ORIGINAL, 'min(年度演练次数', ', 100', 1, 2);
  const help = await request('textDocument/signatureHelp', {
    textDocument: { uri: MAIN_URI },
    position,
    context: { triggerKind: 2, triggerCharacter: ',', isRetrigger: false },
  });
  assert.ok(help && help.signatures.length > 0, `no signature: ${JSON.stringify(help)}`);
  const labels = help.signatures.map((s) => s.label);
  assert.ok(labels.some((l) => l.startsWith('min(')), `no signature of min: ${labels.join('; ')}`);
  assert.equal(help.activeParameter ?? help.signatures[help.activeSignature ?? 0].activeParameter, 1);
});

test('workspace symbols find a Chinese name', async (t) => {
  if (!needs(t, 'workspaceSymbolProvider')) return;
  const symbols = await request('workspace/symbol', { query: '演练' });
  const indicator = (symbols ?? []).find((s) => s.name === '演练' && s.location.uri === MAIN_URI);
  assert.ok(indicator, `no symbol 演练 in the file among ${JSON.stringify(symbols)}`);
  if (indicator.location.range) {
    assert.deepEqual(indicator.location.range.start.line, text.positionOf(ORIGINAL, 'indicator 演练', '演练').line);
  }
});

test('folding ranges cover an indicator block', async (t) => {
  if (!needs(t, 'foldingRangeProvider')) return;
  const ranges = await request('textDocument/foldingRange', { textDocument: { uri: MAIN_URI } });
  const start = text.positionOf(ORIGINAL, 'indicator 演练', '演练').line;
  const close = text.lines(ORIGINAL).findIndex((l, i) => i > start && l.startsWith('}'));
  assert.ok(
    ranges.some((r) => r.startLine === start && (r.endLine === close || r.endLine === close - 1)),
    `no folding range from line ${start} to ${close}: ${JSON.stringify(ranges)}`,
  );
});

test('inlay hints show the effective weight after the weight', async (t) => {
  if (!needs(t, 'inlayHintProvider')) return;
  const whole = { start: { line: 0, character: 0 }, end: { line: text.lines(ORIGINAL).length, character: 0 } };
  const hints = await request('textDocument/inlayHint', { textDocument: { uri: MAIN_URI }, range: whole });
  const after = text.positionOf(ORIGINAL, 'indicator 演练', 'weight 50%', 1, 'weight 50%'.length);
  const hint = (hints ?? []).find((h) => h.position.line === after.line);
  assert.ok(hint, `no hint on line ${after.line}: ${JSON.stringify(hints)}`);
  assert.deepEqual(hint.position, after);
  const label = typeof hint.label === 'string' ? hint.label : hint.label.map((p) => p.value).join('');
  assert.ok(label.includes('50%') && label.includes('100%'), `the hint is '${label}': 全面 50%, 简化 100% expected`);
});

test('formatting gives what xuncha fmt writes; range formatting only the range', async (t) => {
  if (!needs(t, 'documentFormattingProvider')) return;
  // A badly laid out copy: spaces inside two lines, in two different indicators.
  const scrambled = ORIGINAL.replace('  pass when 年度演练次数 >= 2', '      pass   when  年度演练次数 >=   2').replace(
    '  pass when 年度演练次数 >= 1 and',
    '    pass when   年度演练次数 >= 1   and',
  );
  assert.notEqual(scrambled, ORIGINAL);
  const dir = fs.mkdtempSync(path.join(require('os').tmpdir(), 'xuncha-e2e-'));
  try {
    fs.copyFileSync(IMPORTED, path.join(dir, path.basename(IMPORTED)));
    const file = path.join(dir, '格式.xr');
    fs.writeFileSync(file, scrambled);
    const uri = pathToFileURL(file).href;
    notify('textDocument/didOpen', { textDocument: { uri, languageId: 'xr', version: 1, text: scrambled } });
    const options = { tabSize: 4, insertSpaces: true, trimTrailingWhitespace: true, insertFinalNewline: true };
    const edits = await request('textDocument/formatting', { textDocument: { uri }, options });
    const formatted = text.applyEdits(scrambled, edits ?? []);

    const fmt = spawnSync(XUNCHA, ['fmt', '--color=never', file], { encoding: 'utf8' });
    assert.equal(fmt.status, 0, fmt.stdout + fmt.stderr);
    assert.equal(formatted, fs.readFileSync(file, 'utf8'), 'formatting differs from xuncha fmt');

    if (capabilities.documentRangeFormattingProvider) {
      const first = text.positionOf(scrambled, 'indicator 演练', 'indicator').line;
      const range = { start: { line: first, character: 0 }, end: { line: first + 4, character: 0 } };
      const rangeEdits = await request('textDocument/rangeFormatting', { textDocument: { uri }, range, options });
      const partly = text.applyEdits(scrambled, rangeEdits ?? []);
      const expected = text
        .lines(scrambled)
        .map((line, i) => (i >= range.start.line && i < range.end.line ? text.lines(formatted)[i] : line))
        .join('\n');
      assert.equal(partly, expected, 'range formatting must fix the first indicator and leave the second');
    }
    notify('textDocument/didClose', { textDocument: { uri } });
  } finally {
    fs.rmSync(dir, { recursive: true, force: true });
  }
});

test('completion after Chinese text offers the field, in an incrementally edited document', async (t) => {
  if (!needs(t, 'completionProvider')) return;
  // The user deletes the last two characters of 持证比列: `持证` is left.
  const typo = text.positionOf(currentText, 'and 持证比列', '持证比列');
  change(
    { start: { line: typo.line, character: typo.character + 2 }, end: { line: typo.line, character: typo.character + 4 } },
    '',
  );
  const position = { line: typo.line, character: typo.character + 2 };
  const result = await request('textDocument/completion', {
    textDocument: { uri: MAIN_URI },
    position,
    context: { triggerKind: 1 },
  });
  const items = Array.isArray(result) ? result : result?.items ?? [];
  const item = items.find((i) => i.label === '持证比例');
  assert.ok(item, `no completion 持证比例 among ${items.map((i) => i.label).join(', ')}`);
  if (item.textEdit) {
    const replaced = item.textEdit.range ?? item.textEdit.replace;
    assert.deepEqual(replaced, { start: typo, end: position });
  }
  // The user picks it: the document is whole again, with the right name.
  change({ start: typo, end: position }, '持证比例');
});

test('incremental edits: fixing the typo clears every diagnostic', async () => {
  const since = receivedCount(MAIN_URI);
  if (!currentText.includes('and 持证比例')) {
    // The completion test did not run: type the fix as two edits, as a user would.
    const typo = text.positionOf(currentText, 'and 持证比列', '持证比列');
    change(
      { start: { line: typo.line, character: typo.character + 3 }, end: { line: typo.line, character: typo.character + 4 } },
      '例',
    );
  }
  assert.ok(currentText.includes('and 持证比例'));
  await diagnosticsFor(MAIN_URI, (ds) => ds.length === 0, since);
  // And an edit that brings an error back, on a line after 𠮷, is diagnosed there.
  const use = text.positionOf(currentText, 'checklist 简化', '演练');
  change({ start: use, end: { line: use.line, character: use.character + 2 } }, '演习');
  const published = await diagnosticsFor(MAIN_URI, (ds) => ds.length > 0, receivedCount(MAIN_URI));
  const unknown = published.find((d) => d.range.start.line === use.line);
  assert.ok(unknown, `no diagnostic on line ${use.line}: ${JSON.stringify(published)}`);
  assert.deepEqual(unknown.range, { start: use, end: { line: use.line, character: use.character + 2 } });
});

test('a cancelled request answers RequestCancelled or its result; the next request is answered', async (t) => {
  const REQUEST_CANCELLED = -32800; // LSP's code (vscode-jsonrpc has JSON-RPC's only)
  const position = text.positionOf(currentText, 'checklist 简化', '信用等级');
  const candidates = [
    ['hoverProvider', 'textDocument/hover', { textDocument: { uri: MAIN_URI }, position }],
    ['documentSymbolProvider', 'textDocument/documentSymbol', { textDocument: { uri: MAIN_URI } }],
    ['semanticTokensProvider', 'textDocument/semanticTokens/full', { textDocument: { uri: MAIN_URI } }],
  ];
  const chosen = candidates.find(([capability]) => capabilities[capability]);
  if (!chosen) {
    t.skip('the server advertises none of hover, documentSymbol, semanticTokens to cancel');
    return;
  }
  const [, method, params] = chosen;
  const source = new rpc.CancellationTokenSource();
  const pending = connection.sendRequest(method, params, source.token);
  source.cancel();
  await withTimeout(
    pending.then(
      () => undefined,
      (error) => {
        assert.ok(
          error instanceof rpc.ResponseError && error.code === REQUEST_CANCELLED,
          `a cancelled ${method} failed otherwise: ${error}`,
        );
      },
    ),
    `the cancelled ${method}`,
  );
  await request(method, params);
});

test('the notifications the extension makes VS Code send are taken without a reply', async () => {
  // The extension watches **/*.xr (synchronize.fileEvents); the trace setting sends $/setTrace.
  notify('workspace/didChangeWatchedFiles', { changes: [{ uri: IMPORTED_URI, type: 2 }] });
  notify('$/setTrace', { value: 'off' });
  await assert.rejects(request('xuncha/stillThere', {}), (error) => error instanceof rpc.ResponseError);
  assert.equal(server.exitCode, null, 'the server is still running');
});

test('an unknown method is answered MethodNotFound', async () => {
  await assert.rejects(request('xuncha/noSuchMethod', {}), (error) => {
    assert.ok(error instanceof rpc.ResponseError, String(error));
    assert.equal(error.code, rpc.ErrorCodes.MethodNotFound);
    return true;
  });
});

test('didClose clears the diagnostics of the closed file', async () => {
  const since = receivedCount(MAIN_URI);
  notify('textDocument/didClose', { textDocument: { uri: MAIN_URI } });
  await diagnosticsFor(MAIN_URI, (ds) => ds.length === 0, since);
});

test('rulesets/national/2024.xr, which extends 2023.xr, opens without a diagnostic', async () => {
  const uri = pathToFileURL(NATIONAL_2024).href;
  const source = fs.readFileSync(NATIONAL_2024, 'utf8');
  notify('textDocument/didOpen', { textDocument: { uri, languageId: 'xr', version: 1, text: source } });
  const published = await diagnosticsFor(uri, () => true);
  assert.deepEqual(published, [], 'xuncha check finds nothing in the shipped rule set');
});

test('definition goes through extends: an override in 2024.xr leads to 2023.xr', async (t) => {
  if (!needs(t, 'definitionProvider')) return;
  const uri = pathToFileURL(NATIONAL_2024).href;
  const source = fs.readFileSync(NATIONAL_2024, 'utf8');
  const at = text.positionOf(source, 'override indicator Q1', 'Q1', 1, 1);
  const found = locations(await request('textDocument/definition', { textDocument: { uri }, position: at }));
  const base = fs.readFileSync(NATIONAL_2023, 'utf8');
  assert.equal(found.length, 1, JSON.stringify(found));
  assert.equal(found[0].uri, pathToFileURL(NATIONAL_2023).href);
  assert.deepEqual(found[0].range.start, text.positionOf(base, 'indicator Q1 "', 'Q1'));
});

test('shutdown then exit ends the server with code 0', async () => {
  const exited = new Promise((resolve) => server.on('exit', (code) => resolve(code)));
  assert.equal(await request('shutdown'), null);
  notify('exit');
  assert.equal(await withTimeout(exited, 'exit (the process ending)'), 0);
});
