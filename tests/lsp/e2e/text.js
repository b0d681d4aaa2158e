// Positions in text as VS Code counts them: lines split at LF, CRLF or CR, characters in
// UTF-16 code units (the units of a JavaScript string's indices).
'use strict';

function lineStarts(text) {
  const starts = [0];
  for (let i = 0; i < text.length; i++) {
    if (text[i] === '\r') {
      if (text[i + 1] === '\n') {
        i++;
      }
      starts.push(i + 1);
    } else if (text[i] === '\n') {
      starts.push(i + 1);
    }
  }
  return starts;
}

function lines(text) {
  return text.split(/\r\n|\r|\n/);
}

// The position of the `occurrence`-th (1-based) `needle` on the first line containing
// `marker`, plus `shift` UTF-16 units.
function positionOf(text, marker, needle, occurrence = 1, shift = 0) {
  const all = lines(text);
  const line = all.findIndex((l) => l.includes(marker));
  if (line < 0) {
    throw new Error(`no line contains '${marker}'`);
  }
  let character = -1;
  for (let i = 0; i < occurrence; i++) {
    character = all[line].indexOf(needle, character + 1);
    if (character < 0) {
      throw new Error(`'${needle}' occurs fewer than ${occurrence} times on: ${all[line]}`);
    }
  }
  return { line, character: character + shift };
}

function offsetAt(text, position) {
  const starts = lineStarts(text);
  if (position.line >= starts.length) {
    throw new Error(`line ${position.line} is past the end (${starts.length} lines)`);
  }
  return starts[position.line] + position.character;
}

// The UTF-16 position of a UTF-8 byte offset into `text` (what `xuncha check --format=json`
// reports as byteRange).
function positionOfByte(text, byteOffset) {
  const prefix = Buffer.from(text, 'utf8').subarray(0, byteOffset).toString('utf8');
  const starts = lineStarts(prefix);
  const line = starts.length - 1;
  return { line, character: prefix.length - starts[line] };
}

// Applies LSP TextEdits (ranges in the original text) to `text`.
function applyEdits(text, edits) {
  const resolved = edits
    .map((e) => ({ from: offsetAt(text, e.range.start), to: offsetAt(text, e.range.end), text: e.newText }))
    .sort((a, b) => b.from - a.from);
  for (let i = 1; i < resolved.length; i++) {
    if (resolved[i].to > resolved[i - 1].from) {
      throw new Error(`overlapping edits: ${JSON.stringify(edits)}`);
    }
  }
  let result = text;
  for (const e of resolved) {
    result = result.slice(0, e.from) + e.text + result.slice(e.to);
  }
  return result;
}

// Whether a range lies inside the text, with characters within their lines and never between
// the two halves of a surrogate pair.
function rangeInside(text, range) {
  const all = lines(text);
  const splitsPair = (line, c) => c > 0 && /[\uD800-\uDBFF]/.test(line[c - 1]);
  const inside = (p) =>
    p.line >= 0 &&
    p.line < all.length &&
    p.character >= 0 &&
    p.character <= all[p.line].length &&
    !splitsPair(all[p.line], p.character);
  return inside(range.start) && inside(range.end);
}

module.exports = { lines, positionOf, offsetAt, positionOfByte, applyEdits, rangeInside };
