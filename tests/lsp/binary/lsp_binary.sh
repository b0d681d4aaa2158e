#!/usr/bin/env bash
# ctest lsp_binary: `xuncha lsp` as a process, as editors run it: a session over stdin and
# stdout (initialize, didOpen of a Chinese rule file with an error, documentSymbol,
# shutdown, exit) exits 0 and answers each request and publishes the diagnostic; exit
# without shutdown exits 1; --help exits 0; a bad --debounce is a usage error (2).
#
#   bash lsp_binary.sh path/to/xuncha path/to/tests/lsp/fixtures
set -euo pipefail
xuncha=${1:?usage: lsp_binary.sh XUNCHA FIXTURES}
fixtures=${2:?usage: lsp_binary.sh XUNCHA FIXTURES}

fail() {
  echo "lsp_binary: $*" >&2
  exit 1
}

frame() { # the message with its header; the length counts bytes
  local body=$1
  printf 'Content-Length: %d\r\n\r\n%s' "$(printf '%s' "$body" | LC_ALL=C wc -c)" "$body"
}

json_string() { # a file's text as a JSON string
  python3 -c 'import json,sys; print(json.dumps(open(sys.argv[1], encoding="utf-8").read()))' "$1"
}

uri="file://$fixtures/chinese-errors.xr"
text=$(json_string "$fixtures/chinese-errors.xr")
session=$(
  frame '{"jsonrpc":"2.0","id":1,"method":"initialize","params":{"capabilities":{}}}'
  frame '{"jsonrpc":"2.0","method":"initialized","params":{}}'
  frame "{\"jsonrpc\":\"2.0\",\"method\":\"textDocument/didOpen\",\"params\":{\"textDocument\":{\"uri\":\"$uri\",\"languageId\":\"xr\",\"version\":1,\"text\":$text}}}"
  frame "{\"jsonrpc\":\"2.0\",\"id\":2,\"method\":\"textDocument/documentSymbol\",\"params\":{\"textDocument\":{\"uri\":\"$uri\"}}}"
)
# The diagnostics come from another thread after the edit: give them time before shutdown.
status=0
output=$({ printf '%s' "$session"; sleep 2
           frame '{"jsonrpc":"2.0","id":3,"method":"shutdown"}'
           frame '{"jsonrpc":"2.0","method":"exit"}'; } | "$xuncha" lsp --stdio) || status=$?
((status == 0)) || fail "shutdown then exit ended with $status, not 0"
for expected in '"id":1,"jsonrpc":"2.0","result":{"capabilities"' \
                '"id":2,"jsonrpc":"2.0","result":[' '"name":"合规"' \
                '"id":3,"jsonrpc":"2.0","result":null' \
                '"method":"textDocument/publishDiagnostics"' "unknown name '演练'"; do
  grep -q -F -- "$expected" <<<"$output" || fail "no $expected in the output:
$output"
done

status=0
{ frame '{"jsonrpc":"2.0","id":1,"method":"initialize","params":{"capabilities":{}}}'
  frame '{"jsonrpc":"2.0","method":"exit"}'; } | "$xuncha" lsp >/dev/null || status=$?
((status == 1)) || fail "exit without shutdown ended with $status, not 1"

"$xuncha" lsp --help | grep -q -- "--debounce" || fail "lsp --help does not list --debounce"
status=0
"$xuncha" lsp --debounce=soon </dev/null >/dev/null 2>&1 || status=$?
((status == 2)) || fail "a bad --debounce ended with $status, not 2"
echo "lsp_binary: ok"
