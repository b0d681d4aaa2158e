// Loads syntaxes/xr.tmLanguage.json with the same engine VS Code uses (vscode-textmate over
// the Oniguruma regular expressions of vscode-oniguruma) and tokenizes text line by line.
'use strict';

const fs = require('fs');
const path = require('path');
const vsctm = require('vscode-textmate');
const oniguruma = require('vscode-oniguruma');

const GRAMMAR_PATH = path.join(__dirname, '..', 'syntaxes', 'xr.tmLanguage.json');

async function loadGrammar() {
  const wasm = fs.readFileSync(require.resolve('vscode-oniguruma/release/onig.wasm'));
  await oniguruma.loadWASM(wasm.buffer.slice(wasm.byteOffset, wasm.byteOffset + wasm.length));
  const registry = new vsctm.Registry({
    onigLib: Promise.resolve({
      createOnigScanner: (patterns) => new oniguruma.OnigScanner(patterns),
      createOnigString: (text) => new oniguruma.OnigString(text),
    }),
    loadGrammar: async (scopeName) => {
      if (scopeName !== 'source.xr') {
        return null;
      }
      const text = fs.readFileSync(GRAMMAR_PATH, 'utf8');
      return vsctm.parseRawGrammar(text, GRAMMAR_PATH);
    },
  });
  const grammar = await registry.loadGrammar('source.xr');
  if (grammar === null) {
    throw new Error(`${GRAMMAR_PATH} did not load`);
  }
  return grammar;
}

// Every token of every line: { line (0-based), text, scopes (outermost first) }.
function tokenize(grammar, text) {
  const tokens = [];
  let state = vsctm.INITIAL;
  text.split(/\r\n|\r|\n/).forEach((lineText, line) => {
    const result = grammar.tokenizeLine(lineText, state);
    for (const token of result.tokens) {
      tokens.push({
        line,
        text: lineText.slice(token.startIndex, token.endIndex),
        scopes: token.scopes,
      });
    }
    state = result.ruleStack;
  });
  return tokens;
}

module.exports = { GRAMMAR_PATH, loadGrammar, tokenize };
