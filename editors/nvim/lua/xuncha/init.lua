-- Attaches Neovim's built-in LSP client to Xuncha rule files (*.xr): it starts `xuncha lsp`
-- over stdio, one server per project root, and attaches every .xr buffer under that root.
-- Uses vim.lsp.start on Neovim 0.8 and later, vim.lsp.start_client on 0.7.
--
--   require('xuncha').setup()                                  -- `xuncha` on PATH
--   require('xuncha').setup({ cmd = { '/path/to/xuncha', 'lsp' } })
local M = {}

local defaults = {
  name = 'xuncha',
  cmd = { 'xuncha', 'lsp' },
  -- The root is the nearest folder up from the file that holds one of these; without one,
  -- the file's own folder.
  root_markers = { '.git' },
  -- Passed on to the client: on_attach, on_exit, capabilities, handlers, settings, ...
  client = {},
}

local function root_dir(file, markers)
  local dir = vim.fn.fnamemodify(file, ':p:h')
  local current = dir
  while true do
    for _, marker in ipairs(markers) do
      if vim.loop.fs_stat(current .. '/' .. marker) then
        return current
      end
    end
    local parent = vim.fn.fnamemodify(current, ':h')
    if parent == current then
      return dir
    end
    current = parent
  end
end

-- Neovim 0.7 has no vim.lsp.start: reuse the running client of the same root by hand.
local clients_by_root = {}

local function attach(bufnr, options)
  local file = vim.api.nvim_buf_get_name(bufnr)
  local config = vim.tbl_extend('force', options.client, {
    name = options.name,
    cmd = options.cmd,
    root_dir = root_dir(file ~= '' and file or vim.fn.getcwd() .. '/_', options.root_markers),
  })
  if vim.lsp.start then
    return vim.lsp.start(config, { bufnr = bufnr })
  end
  local id = clients_by_root[config.root_dir]
  local running = id and vim.lsp.get_client_by_id(id)
  if not running or running.is_stopped() then
    id = vim.lsp.start_client(config)
    if not id then
      return nil
    end
    clients_by_root[config.root_dir] = id
  end
  vim.lsp.buf_attach_client(bufnr, id)
  return id
end

function M.setup(options)
  options = vim.tbl_deep_extend('force', defaults, options or {})
  local group = vim.api.nvim_create_augroup('xuncha', { clear = true })
  vim.api.nvim_create_autocmd({ 'BufRead', 'BufNewFile' }, {
    group = group,
    pattern = '*.xr',
    callback = function()
      vim.bo.filetype = 'xr'
    end,
  })
  vim.api.nvim_create_autocmd('FileType', {
    group = group,
    pattern = 'xr',
    callback = function(event)
      vim.bo[event.buf].commentstring = '// %s'
      attach(event.buf, options)
    end,
  })
end

return M
