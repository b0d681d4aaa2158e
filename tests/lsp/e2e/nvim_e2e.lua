-- Neovim's built-in LSP client against `xuncha lsp`, through the shipped editors/nvim setup:
-- opens a Chinese rule file with an error and checks, in the buffer's own byte columns, the
-- diagnostic's position, a hover, go to definition (in the file and across an import), a
-- rename applied to the buffer, and diagnostics after edits (incremental sync computed by
-- Neovim, utf-16 positions after Chinese text and a character outside the BMP).
--
--   XUNCHA=build/cli/xuncha XUNCHA_SOURCE_DIR=. \
--     nvim --headless -u NONE -i NONE -n -c 'luafile tests/lsp/e2e/nvim_e2e.lua'
--
-- Exits 0 when every check passes; otherwise prints each failure and exits 1.

local TIMEOUT_MS = 20000

local xuncha = os.getenv('XUNCHA')
local source_dir = os.getenv('XUNCHA_SOURCE_DIR')
local fixtures = source_dir .. '/tests/lsp/e2e/fixtures'
local main_file = fixtures .. '/安全巡查.xr'

local failures = {}
local passed = 0
local skipped = 0
-- The capabilities the server must advertise (comma-separated); the checks of any other
-- feature the server does not advertise are skipped, each with its reason.
local required = {}
for capability in (os.getenv('XUNCHA_LSP_REQUIRED') or ''):gmatch('[^,]+') do
  required[capability] = true
end
local server_exit = nil

local function say(text)
  io.stdout:write(text .. '\n')
end

local function check(condition, what, detail)
  if condition then
    passed = passed + 1
    say('ok: ' .. what)
  else
    table.insert(failures, what .. (detail and (': ' .. detail) or ''))
    say('FAIL: ' .. what .. (detail and (': ' .. detail) or ''))
  end
  return condition
end

-- Whether the server advertises a capability; a missing one fails when required, and is
-- skipped with its reason otherwise.
local function needs(client, capability)
  if client.server_capabilities[capability] then
    return true
  end
  if required[capability] then
    check(false, 'the server advertises ' .. capability)
  else
    skipped = skipped + 1
    say('skip: the server does not advertise ' .. capability)
  end
  return false
end

local function finish()
  say(string.format('%d passed, %d failed, %d skipped', passed, #failures, skipped))
  if #failures > 0 then
    io.stderr:write('nvim e2e: ' .. #failures .. ' check(s) failed:\n')
    for _, failure in ipairs(failures) do
      io.stderr:write('  ' .. failure .. '\n')
    end
    vim.cmd('cquit! 1')
  end
  vim.cmd('qall!')
end

-- The 0-based line and byte column of the `occurrence`-th `needle` on the first line that
-- contains `line_marker`.
local function locate(bufnr, line_marker, needle, occurrence)
  local lines = vim.api.nvim_buf_get_lines(bufnr, 0, -1, false)
  for index, line in ipairs(lines) do
    if line:find(line_marker, 1, true) then
      local from = 1
      local column = nil
      for _ = 1, occurrence or 1 do
        column = line:find(needle, from, true)
        assert(column, string.format("'%s' not found on line %d: %s", needle, index, line))
        from = column + 1
      end
      return index - 1, column - 1
    end
  end
  error("no line contains '" .. line_marker .. "'")
end

local function set_cursor(bufnr, line, column)
  vim.api.nvim_win_set_buf(0, bufnr)
  vim.api.nvim_win_set_cursor(0, { line + 1, column })
end

local function the_client(bufnr)
  local clients = vim.lsp.buf_get_clients(bufnr)
  for _, client in pairs(clients) do
    if client.name == 'xuncha' then
      return client
    end
  end
  return nil
end

-- One request from the buffer, as Neovim's own commands send it; the result, or nil and the
-- reason.
local function request(bufnr, method, params)
  local responses, err = vim.lsp.buf_request_sync(bufnr, method, params, TIMEOUT_MS)
  if not responses then
    return nil, method .. ': ' .. tostring(err)
  end
  for _, response in pairs(responses) do
    if response.err or response.error then
      return nil, method .. ' answered an error: ' .. vim.inspect(response.err or response.error)
    end
    return response.result, nil
  end
  return nil, method .. ': no response'
end

local function diagnostics_with_code(bufnr, code)
  local found = {}
  for _, d in ipairs(vim.diagnostic.get(bufnr)) do
    if d.code == code then
      table.insert(found, d)
    end
  end
  return found
end

local function run()
  vim.opt.runtimepath:append(source_dir .. '/editors/nvim')
  require('xuncha').setup({
    cmd = { xuncha, 'lsp' },
    client = {
      on_exit = function(code)
        server_exit = code
      end,
    },
  })

  vim.cmd('edit ' .. vim.fn.fnameescape(main_file))
  local bufnr = vim.api.nvim_get_current_buf()
  if not check(vim.bo[bufnr].filetype == 'xr', 'the .xr file gets filetype xr', vim.bo[bufnr].filetype) then
    return
  end
  vim.wait(TIMEOUT_MS, function()
    local client = the_client(bufnr)
    return server_exit ~= nil or (client ~= nil and client.initialized)
  end, 20)
  local attached = the_client(bufnr) ~= nil and the_client(bufnr).initialized and server_exit == nil
  if not check(attached, 'xuncha lsp starts and initializes for the buffer',
      server_exit and ('the server exited with code ' .. server_exit) or nil) then
    return
  end
  local client = the_client(bufnr)
  local encoding = client.offset_encoding

  -- 1. The diagnostic of the unknown name, after Chinese text on its line.
  local got = vim.wait(TIMEOUT_MS, function()
    return #diagnostics_with_code(bufnr, 'XR0101') > 0
  end, 20)
  if check(got, 'the unknown name is diagnosed (XR0101)', vim.inspect(vim.diagnostic.get(bufnr))) then
    local d = diagnostics_with_code(bufnr, 'XR0101')[1]
    local line, column = locate(bufnr, 'and 持证比列', '持证比列')
    check(d.lnum == line and d.col == column and d.end_lnum == line and d.end_col == column + #'持证比列',
      'the diagnostic covers exactly 持证比列',
      string.format('expected %d:%d-%d, got %d:%d-%d:%d', line, column, column + #'持证比列', d.lnum,
        d.col, d.end_lnum, d.end_col))
    check(d.severity == vim.diagnostic.severity.ERROR, 'the diagnostic is an error', tostring(d.severity))
    check(d.message == "unknown name '持证比列'; did you mean '持证比例'?",
      "the message is xuncha check's", d.message)
  end

  -- 2. Hover on an indicator named after a character outside the BMP on its line.
  local line, column = locate(bufnr, 'checklist 简化', '演练')
  set_cursor(bufnr, line, column + 3) -- inside the name, on its second character
  local hover, err
  if needs(client, 'hoverProvider') then
    hover, err = request(bufnr, 'textDocument/hover', vim.lsp.util.make_position_params(0, encoding))
    check(hover ~= nil, 'hover on indicator 演练 answers', err or 'it answered null')
  end
  if hover ~= nil then
    local text = table.concat(vim.lsp.util.convert_input_to_markdown_lines(hover.contents), '\n')
    check(text:find('应急演练', 1, true) ~= nil, 'the hover shows the indicator title 应急演练', text)
    check(text:find('安全', 1, true) ~= nil, 'the hover shows the domain 安全', text)
    check(text:find('50', 1, true) ~= nil, 'the hover shows the weight 50%', text)
  end

  -- 3. Go to definition: the indicator, in the same file.
  set_cursor(bufnr, line, column)
  local definition
  local has_definition = needs(client, 'definitionProvider')
  if has_definition then
    definition, err = request(bufnr, 'textDocument/definition', vim.lsp.util.make_position_params(0, encoding))
  end
  if has_definition and check(definition ~= nil and (definition.uri or definition[1] or definition.targetUri), 'definition of 演练 answers', err) then
    local location = definition.uri and definition or definition.targetUri and definition or definition[1]
    vim.lsp.util.jump_to_location(location, encoding)
    local want_line, want_column = locate(bufnr, 'indicator 演练', '演练')
    local cursor = vim.api.nvim_win_get_cursor(0)
    check(vim.api.nvim_get_current_buf() == bufnr and cursor[1] - 1 == want_line and cursor[2] == want_column,
      'definition jumps to the indicator declaration',
      string.format('expected %d:%d, got %s %d:%d', want_line, want_column, vim.api.nvim_buf_get_name(0),
        cursor[1] - 1, cursor[2]))
  end

  -- 4. Go to definition across the import: the enum type of a field, declared in 等级.xr.
  line, column = locate(bufnr, '信用等级: 信用', '信用', 2)
  set_cursor(bufnr, line, column)
  if has_definition then
    definition, err = request(bufnr, 'textDocument/definition', vim.lsp.util.make_position_params(0, encoding))
  end
  if has_definition and check(definition ~= nil and (definition.uri or definition[1] or definition.targetUri),
      'definition of the imported enum 信用 answers', err) then
    local location = definition.uri and definition or definition.targetUri and definition or definition[1]
    vim.lsp.util.jump_to_location(location, encoding)
    local target = vim.api.nvim_get_current_buf()
    local name = vim.api.nvim_buf_get_name(target)
    local ok_file = name:sub(-#'等级.xr') == '等级.xr'
    if check(ok_file, 'definition opens 等级.xr', name) then
      local want_line, want_column = locate(target, 'enum 信用', '信用')
      local cursor = vim.api.nvim_win_get_cursor(0)
      check(cursor[1] - 1 == want_line and cursor[2] == want_column, 'definition jumps to enum 信用',
        string.format('expected %d:%d, got %d:%d', want_line, want_column, cursor[1] - 1, cursor[2]))
    end
    vim.api.nvim_win_set_buf(0, bufnr)
  end

  -- 5. Rename the indicator from its use in the checklist (after 𠮷), applied to the buffer.
  line, column = locate(bufnr, 'checklist 简化', '演练')
  set_cursor(bufnr, line, column)
  local params = vim.lsp.util.make_position_params(0, encoding)
  local has_rename = needs(client, 'renameProvider')
  if has_rename and type(client.server_capabilities.renameProvider) == 'table'
      and client.server_capabilities.renameProvider.prepareProvider then
    local prepared
    prepared, err = request(bufnr, 'textDocument/prepareRename', params)
    local range = prepared and (prepared.range or prepared)
    check(range ~= nil and range.start ~= nil, 'prepareRename answers a range', err or vim.inspect(prepared))
    if range and range.start then
      -- str_utfindex gives the UTF-32 index, then the UTF-16 one.
      local _, want_start = vim.str_utfindex(vim.api.nvim_buf_get_lines(bufnr, line, line + 1, false)[1], column)
      check(range.start.line == line and range.start.character == want_start
        and range['end'].character == want_start + 2,
        'prepareRename covers the name (utf-16 columns after 𠮷)', vim.inspect(range))
    end
  end
  params.newName = '应急演练'
  local edit
  if has_rename then
    edit, err = request(bufnr, 'textDocument/rename', params)
  end
  if has_rename and check(edit ~= nil, 'rename answers a workspace edit', err) then
    local before = vim.api.nvim_buf_get_lines(bufnr, 0, -1, false)
    vim.lsp.util.apply_workspace_edit(edit, encoding)
    local after = vim.api.nvim_buf_get_lines(bufnr, 0, -1, false)
    local expected = {}
    for _, text in ipairs(before) do
      if text:find('indicator 演练', 1, true) then
        text = text:gsub('indicator 演练', 'indicator 应急演练')
      elseif text:find('checklist 简化', 1, true) then
        text = text:gsub('{ 演练 }', '{ 应急演练 }')
      end
      table.insert(expected, text)
    end
    check(vim.deep_equal(after, expected), 'rename changes the declaration and the use, nothing else',
      vim.inspect({ edit = edit, after = after }))
  end

  -- 6. Edits from Neovim (incremental changes): the diagnostic stays where it is after the
  -- rename, then fixing the typo clears every diagnostic (the field is now read, too).
  line, column = locate(bufnr, 'and 持证比列', '持证比列')
  local moved = vim.wait(TIMEOUT_MS, function()
    local ds = diagnostics_with_code(bufnr, 'XR0101')
    return #ds == 1 and ds[1].lnum == line and ds[1].col == column
  end, 20)
  check(moved, 'after the edits so far the diagnostic is still at 持证比列',
    vim.inspect(vim.diagnostic.get(bufnr)))
  vim.api.nvim_buf_set_text(bufnr, line, column, line, column + #'持证比列', { '持证比例' })
  local cleared = vim.wait(TIMEOUT_MS, function()
    return #vim.diagnostic.get(bufnr) == 0
  end, 20)
  check(cleared, 'fixing the typo clears the diagnostics', vim.inspect(vim.diagnostic.get(bufnr)))

  -- 7. A clean exit: shutdown, then exit with code 0.
  vim.lsp.stop_client(client.id)
  local exited = vim.wait(TIMEOUT_MS, function()
    return server_exit ~= nil
  end, 20)
  check(exited and server_exit == 0, 'the server exits with code 0 after shutdown', tostring(server_exit))
end

local ok, problem = xpcall(run, debug.traceback)
if not ok then
  table.insert(failures, 'the test script failed: ' .. tostring(problem))
end
finish()
