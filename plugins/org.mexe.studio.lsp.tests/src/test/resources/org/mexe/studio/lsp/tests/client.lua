-- Drives a language server with Neovim's built-in LSP client, headless:
--   PROV_LSP_PLAN=plan.json nvim --headless --clean -u NONE -c 'luafile client.lua'
-- The plan (JSON) names the server command, the workspace root and the steps; each step opens a
-- file, asks the server one thing and, for edits, lets Neovim apply them and write the files, as
-- an editor user would. Every answer goes to the plan's result file (JSON); the test judges them.
local plan = vim.fn.json_decode(table.concat(vim.fn.readfile(os.getenv('PROV_LSP_PLAN')), '\n'))
local results = { steps = {} }

local function write_results()
  vim.fn.writefile({ vim.fn.json_encode(results) }, plan.result)
end

local function lsp_diagnostics(buf)
  local list = {}
  for _, d in ipairs(vim.diagnostic.get(buf)) do
    table.insert(list, {
      range = { start = { line = d.lnum, character = d.col }, ['end'] = { line = d.end_lnum, character = d.end_col } },
      severity = d.severity, message = d.message, code = d.code,
    })
  end
  return list
end

local ok, failure = pcall(function()
  local initialized = false
  local client_id = vim.lsp.start_client({
    name = 'prov',
    cmd = plan.cmd,
    root_dir = plan.root,
    init_options = plan.init_options or vim.empty_dict(),
    on_init = function() initialized = true end,
    on_exit = function(code, signal) results.exit = { code = code, signal = signal } end,
  })
  assert(client_id, 'the LSP client did not start')
  assert(vim.wait(plan.timeout, function() return initialized end, 50), 'the server did not answer initialize')
  local client = vim.lsp.get_client_by_id(client_id)
  results.capabilities = client.server_capabilities

  for _, step in ipairs(plan.steps) do
    -- Re-editing the current file would reload it and clear its diagnostics.
    if vim.api.nvim_buf_get_name(0) ~= vim.fn.fnamemodify(step.file, ':p') then
      vim.cmd('edit ' .. vim.fn.fnameescape(step.file))
    end
    local buf = vim.api.nvim_get_current_buf()
    vim.lsp.buf_attach_client(buf, client_id)
    local result = { name = step.name }
    if step.kind == 'diagnostics' then
      vim.wait(plan.timeout, function() return #vim.diagnostic.get(buf) > 0 end, 50)
      result.result = lsp_diagnostics(buf)
    else
      local params = step.params or {}
      params.textDocument = { uri = vim.uri_from_bufnr(buf) }
      if step.method == 'textDocument/codeAction' then
        vim.wait(plan.timeout, function() return #vim.diagnostic.get(buf) > 0 end, 50)
        params.context = { diagnostics = lsp_diagnostics(buf) }
      end
      local response, err = client.request_sync(step.method, params, plan.timeout, buf)
      assert(response, step.name .. ': no answer from the server: ' .. tostring(err))
      if response.err then
        result.error = response.err.message
      end
      result.result = response.result
      if step.apply == 'workspaceEdit' and response.result then
        vim.lsp.util.apply_workspace_edit(response.result, 'utf-16')
        vim.cmd('silent wall')
      elseif step.apply == 'textEdits' and response.result then
        vim.lsp.util.apply_text_edits(response.result, buf, 'utf-16')
        vim.cmd('silent write')
      end
    end
    table.insert(results.steps, result)
  end

  client.stop()
  vim.wait(plan.timeout, function() return results.exit ~= nil end, 50)
end)

results.ok = ok
if not ok then
  results.failure = tostring(failure)
end
write_results()
vim.cmd(ok and 'qa!' or 'cq!')
