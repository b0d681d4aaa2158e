// The TextMate grammar follows the language: every keyword of grammar/Xr.g4 is highlighted
// as a keyword, the grammar highlights no word that is not one, and every built-in function
// and aggregate of the compiler is highlighted as a built-in. Fails when the language gains
// a keyword or a built-in that syntaxes/xr.tmLanguage.json lacks.
'use strict';

const assert = require('node:assert/strict');
const fs = require('fs');
const path = require('path');
const test = require('node:test');
const { GRAMMAR_PATH, loadGrammar, tokenize } = require('./textmate');

const SOURCE_DIR = process.env.XUNCHA_SOURCE_DIR ?? path.join(__dirname, '..', '..', '..');

function read(relative) {
  return fs.readFileSync(path.join(SOURCE_DIR, relative), 'utf8');
}

// The quoted words of the ANTLR grammar: its keywords (reserved and soft).
function languageKeywords() {
  const withoutComments = read('grammar/Xr.g4')
    .split('\n')
    .map((line) => line.replace(/(^|\s)\/\/.*$/, ''))
    .join('\n');
  const words = new Set();
  for (const match of withoutComments.matchAll(/'([A-Za-z_]+)'/g)) {
    words.add(match[1]);
  }
  return [...words].sort();
}

// The names of the built-in functions (runtime/builtins/registry.cpp) and of the report and
// score aggregates (compiler/sema/check_calls.cpp).
function languageBuiltins() {
  const names = new Set();
  for (const match of read('runtime/builtins/registry.cpp').matchAll(
    /XR_BUILTIN\(\s*\w+\s*,\s*"([a-z_0-9]+)"/g,
  )) {
    names.add(match[1]);
  }
  for (const match of read('compiler/sema/check_calls.cpp').matchAll(
    /\{"([a-z_]+)",\s*AggregateKind::/g,
  )) {
    names.add(match[1]);
  }
  names.add('weighted'); // `score total = weighted(checklist)`, checked by name in sema
  return [...names].sort();
}

// The words of the grammar's `keywords` repository entry, from its `(?:a|b|c)` alternations.
function highlightedKeywords() {
  const raw = JSON.parse(fs.readFileSync(GRAMMAR_PATH, 'utf8'));
  const words = new Set();
  for (const pattern of raw.repository.keywords.patterns) {
    const alternation = /\(\?:([a-z_|]+)\)/.exec(pattern.match);
    assert.ok(alternation, `keyword pattern ${pattern.name} is not a word list`);
    alternation[1].split('|').forEach((word) => words.add(word));
  }
  return words;
}

const KEYWORD_SCOPE = /^(keyword\.|storage\.|constant\.language\.)/;

test('the sources the lists come from are where the test looks', () => {
  assert.ok(languageKeywords().length > 60, 'grammar/Xr.g4 has fewer keywords than expected');
  assert.ok(languageBuiltins().length > 25, 'fewer built-in functions than expected');
});

test('every keyword of grammar/Xr.g4 is highlighted as a keyword', async () => {
  const grammar = await loadGrammar();
  const missing = [];
  for (const keyword of languageKeywords()) {
    // Alone, and between Chinese names, as it is written in rule files.
    for (const line of [keyword, `甲 ${keyword} 乙`]) {
      const token = tokenize(grammar, line).find((t) => t.text === keyword);
      const scope = token ? token.scopes[token.scopes.length - 1] : '(no token)';
      if (!KEYWORD_SCOPE.test(scope)) {
        missing.push(`'${keyword}' in "${line}" is ${scope}`);
      }
    }
  }
  assert.deepEqual(missing, [], 'add these keywords to syntaxes/xr.tmLanguage.json');
});

test('the grammar highlights no word that is not a keyword of the language', () => {
  const keywords = new Set(languageKeywords());
  const stale = [...highlightedKeywords()].filter((word) => !keywords.has(word));
  assert.deepEqual(stale, [], 'these words are not keywords of grammar/Xr.g4');
});

test('every built-in function and aggregate is highlighted as a built-in when called', async () => {
  const grammar = await loadGrammar();
  const missing = [];
  for (const name of languageBuiltins()) {
    const token = tokenize(grammar, `let 甲 = ${name}(乙)`).find((t) => t.text === name);
    const scope = token ? token.scopes[token.scopes.length - 1] : '(no token)';
    if (scope !== 'support.function.builtin.xr') {
      missing.push(`${name}: ${scope}`);
    }
  }
  assert.deepEqual(missing, [], 'add these built-ins to syntaxes/xr.tmLanguage.json');
});

// Neovim before 0.9 has no semantic tokens: editors/nvim/syntax/xr.vim highlights instead,
// from the same keyword lists.
test('the Neovim syntax file lists exactly the keywords of grammar/Xr.g4', () => {
  const listed = new Set();
  for (const line of read('editors/nvim/syntax/xr.vim').split('\n')) {
    const match = /^syntax keyword (\w+) (.*)$/.exec(line);
    if (match && match[1] !== 'xrType') {
      match[2].split(/\s+/).filter((w) => w !== '').forEach((w) => listed.add(w));
    }
  }
  const keywords = languageKeywords();
  assert.deepEqual(keywords.filter((k) => !listed.has(k)), [], 'missing from editors/nvim/syntax/xr.vim');
  assert.deepEqual([...listed].filter((w) => !keywords.includes(w)), [], 'not keywords of Xr.g4');
});
