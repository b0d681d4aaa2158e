// The TextMate grammar is valid and gives the expected scopes on a Chinese rule file:
// Chinese names are whole identifiers, keywords next to them are keywords, and strings,
// comments, dates, percentages and numbers are what the language's lexer says they are.
'use strict';

const assert = require('node:assert/strict');
const fs = require('fs');
const path = require('path');
const test = require('node:test');
const { GRAMMAR_PATH, loadGrammar, tokenize } = require('./textmate');

const SAMPLE = fs.readFileSync(path.join(__dirname, 'sample.xr'), 'utf8');

let grammarPromise;
function grammar() {
  grammarPromise ??= loadGrammar();
  return grammarPromise;
}

// The innermost scope of the token with this text on this (1-based) line of sample.xr;
// `occurrence` picks among several equal tokens on the line.
function scopeOf(tokens, line, text, occurrence = 0) {
  const matches = tokens.filter((t) => t.line === line - 1 && t.text.trim() === text);
  assert.ok(
    matches.length > occurrence,
    `no token '${text}' on line ${line}; the line's tokens: ` +
      JSON.stringify(tokens.filter((t) => t.line === line - 1).map((t) => t.text)),
  );
  const scopes = matches[occurrence].scopes;
  return scopes[scopes.length - 1];
}

test('the grammar file is JSON with the scope name the manifest declares', () => {
  const raw = JSON.parse(fs.readFileSync(GRAMMAR_PATH, 'utf8'));
  const manifest = JSON.parse(fs.readFileSync(path.join(__dirname, '..', 'package.json'), 'utf8'));
  const contributed = manifest.contributes.grammars[0];
  assert.equal(raw.scopeName, contributed.scopeName);
  assert.equal(contributed.language, manifest.contributes.languages[0].id);
  assert.deepEqual(manifest.contributes.languages[0].extensions, ['.xr']);
  for (const include of raw.patterns.map((p) => p.include)) {
    assert.ok(raw.repository[include.slice(1)], `pattern ${include} has no repository entry`);
  }
});

test('every regular expression of the grammar compiles in Oniguruma', async () => {
  const g = await grammar();
  // A pattern that does not compile fails when it is first tried, so run the whole sample
  // and every repository entry's first character class through the tokenizer.
  assert.ok(tokenize(g, SAMPLE).length > 100);
});

test('comments, whole or to the end of the line, with Chinese text', async () => {
  const tokens = tokenize(await grammar(), SAMPLE);
  assert.equal(scopeOf(tokens, 1, '巡查示例：中文名称、注释与字符串'), 'comment.line.double-slash.xr');
  assert.equal(scopeOf(tokens, 25, '块注释：'), 'comment.block.xr');
  assert.equal(scopeOf(tokens, 26, '跨行'), 'comment.block.xr');
  // A block comment ends where it ends: the table after it is code again.
  assert.equal(scopeOf(tokens, 27, 'table'), 'storage.type.xr');
});

test('strings hold Chinese text, full-width punctuation and escapes', async () => {
  const tokens = tokenize(await grammar(), SAMPLE);
  assert.equal(scopeOf(tokens, 2, '巡查（示例）'), 'string.quoted.double.xr');
  assert.equal(scopeOf(tokens, 16, '《生产安全事故应急预案管理办法》'), 'string.quoted.double.xr');
  assert.equal(scopeOf(tokens, 16, '\\"'), 'constant.character.escape.xr');
});

test('Chinese names are identifiers, and declarations name them', async () => {
  const tokens = tokenize(await grammar(), SAMPLE);
  assert.equal(scopeOf(tokens, 5, '企业'), 'entity.name.type.xr');
  assert.equal(scopeOf(tokens, 12, '巡查日期'), 'entity.name.function.xr');
  assert.equal(scopeOf(tokens, 13, '安全'), 'entity.name.function.xr');
  assert.equal(scopeOf(tokens, 15, '演练'), 'entity.name.function.xr');
  // After `in`, the domain is a reference, not a declaration.
  assert.equal(scopeOf(tokens, 15, '安全'), 'variable.other.xr');
  assert.equal(scopeOf(tokens, 21, '持证比例'), 'variable.other.xr');
  assert.equal(scopeOf(tokens, 17, '年度演练次数'), 'variable.other.xr');
  assert.equal(scopeOf(tokens, 27, '等级'), 'entity.name.function.xr');
});

test('keywords between Chinese names are keywords; names that contain them are not', async () => {
  const tokens = tokenize(await grammar(), SAMPLE);
  assert.equal(scopeOf(tokens, 15, 'in'), 'keyword.operator.word.xr');
  assert.equal(scopeOf(tokens, 15, 'critical'), 'keyword.other.severity.xr');
  assert.equal(scopeOf(tokens, 21, 'pass'), 'keyword.other.xr');
  assert.equal(scopeOf(tokens, 21, 'when'), 'keyword.control.xr');
  assert.equal(scopeOf(tokens, 21, 'and'), 'keyword.operator.logical.xr');
  assert.equal(scopeOf(tokens, 21, 'working'), 'keyword.other.unit.xr');
  assert.equal(scopeOf(tokens, 22, 'not_assessed'), 'constant.language.policy.xr');
  assert.equal(scopeOf(tokens, 34, 'fails'), 'keyword.operator.word.xr');
  const g = await grammar();
  // The lexer reads `in安全` and `score值` as one name each.
  assert.deepEqual(
    tokenize(g, 'let x = in安全 + score值').map((t) => t.text.trim()).filter((t) => t !== ''),
    ['let', 'x', '=', 'in安全', '+', 'score值'],
  );
  assert.equal(scopeOf(tokenize(g, 'let x = in安全'), 1, 'in安全'), 'variable.other.xr');
});

test('dates, percentages, numbers and durations', async () => {
  const tokens = tokenize(await grammar(), SAMPLE);
  assert.equal(scopeOf(tokens, 12, '2024-06-30'), 'constant.numeric.date.xr');
  assert.equal(scopeOf(tokens, 13, '100%'), 'constant.numeric.percentage.xr');
  assert.equal(scopeOf(tokens, 21, '95%'), 'constant.numeric.percentage.xr');
  assert.equal(scopeOf(tokens, 21, '5'), 'constant.numeric.integer.xr');
  assert.equal(scopeOf(tokens, 34, '25.0'), 'constant.numeric.decimal.xr');
  assert.equal(scopeOf(tokens, 2, '2024'), 'constant.numeric.integer.xr');
  // The digits of a name are part of the name.
  const g = await grammar();
  assert.equal(scopeOf(tokenize(g, 'pass when DS1 passes'), 1, 'DS1'), 'variable.other.xr');
  assert.equal(scopeOf(tokenize(g, 'x = 1.5e3'), 1, '1.5e3'), 'constant.numeric.decimal.xr');
});

test('built-in functions, types, operators and table syntax', async () => {
  const tokens = tokenize(await grammar(), SAMPLE);
  assert.equal(scopeOf(tokens, 17, 'min'), 'support.function.builtin.xr');
  assert.equal(scopeOf(tokens, 7, 'int'), 'support.type.primitive.xr');
  assert.equal(scopeOf(tokens, 8, 'number'), 'support.type.primitive.xr');
  assert.equal(scopeOf(tokens, 8, '?'), 'keyword.operator.optional.xr');
  assert.equal(scopeOf(tokens, 21, '>='), 'keyword.operator.comparison.xr');
  assert.equal(scopeOf(tokens, 28, '=>'), 'keyword.operator.arrow.xr');
  assert.equal(scopeOf(tokens, 29, 'otherwise'), 'keyword.control.xr');
  assert.equal(scopeOf(tokens, 33, '...'), 'keyword.operator.ellipsis.xr');
  assert.equal(scopeOf(tokens, 34, '.'), 'punctuation.accessor.xr');
});

test('full-width punctuation outside strings is marked invalid, as the lexer rejects it', async () => {
  const g = await grammar();
  const tokens = tokenize(g, 'indicator 甲 in 安全 weight 40%，critical');
  assert.equal(scopeOf(tokens, 1, '，'), 'invalid.illegal.full-width.xr');
});

test('an unterminated string ends at the end of its line', async () => {
  const g = await grammar();
  const tokens = tokenize(g, 'param 甲 "未闭合: int\nparam 乙: int');
  assert.equal(scopeOf(tokens, 2, 'param'), 'storage.type.xr');
});

test('the shipped rule sets tokenize with nothing marked invalid', async () => {
  const g = await grammar();
  const sourceDir = process.env.XUNCHA_SOURCE_DIR ?? path.join(__dirname, '..', '..', '..');
  const files = [];
  const walk = (dir) =>
    fs.readdirSync(dir, { withFileTypes: true }).forEach((entry) => {
      const full = path.join(dir, entry.name);
      if (entry.isDirectory()) walk(full);
      else if (entry.name.endsWith('.xr')) files.push(full);
    });
  walk(path.join(sourceDir, 'rulesets'));
  assert.ok(files.length >= 5, `only ${files.length} rule files under rulesets/`);
  const invalid = [];
  for (const file of files) {
    for (const token of tokenize(g, fs.readFileSync(file, 'utf8'))) {
      if (token.scopes.some((s) => s.startsWith('invalid.'))) {
        invalid.push(`${path.relative(sourceDir, file)}:${token.line + 1}: '${token.text}'`);
      }
    }
  }
  assert.deepEqual(invalid, []);
});
