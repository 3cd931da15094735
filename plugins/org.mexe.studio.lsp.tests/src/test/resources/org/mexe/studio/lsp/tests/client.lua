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

-- When the server first published diagnostics for each file, in ms since the client started it.
results.published_ms = vim.empty_dict()
-- What the server logged or showed to the user (window/logMessage, window/showMessage).
results.messages = {}
local function keep_message(_, result)
  if result then
    table.insert(results.messages, { type = result.type, message = result.message })
  end
end
local started = vim.loop.hrtime()
-- Every diagnostics list the server published, by document URI, in order.
local publishes = {}
local function since_start() return math.floor((vim.loop.hrtime() - started) / 1e6) end

local ok, failure = pcall(function()
  local initialized = false
  local client_id = vim.lsp.start_client({
    handlers = {
      ['window/logMessage'] = keep_message,
      ['window/showMessage'] = keep_message,
      ['textDocument/publishDiagnostics'] = function(err, result, ctx, config)
        if result and results.published_ms[result.uri] == nil then
          results.published_ms[result.uri] = since_start()
        end
        if result then
          publishes[result.uri] = publishes[result.uri] or {}
          table.insert(publishes[result.uri], result.diagnostics)
        end
        return vim.lsp.handlers['textDocument/publishDiagnostics'](err, result, ctx, config)
      end,
    },
    name = 'prov',
    cmd = plan.cmd,
    root_dir = plan.root,
    init_options = plan.init_options or vim.empty_dict(),
    on_init = function() initialized = true; results.initialized_ms = since_start() end,
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
    if step.kind == 'change' then
      -- Types into the buffer (unsaved), as a user would, and returns the diagnostics published after it.
      local uri = vim.uri_from_bufnr(buf)
      local before = #(publishes[uri] or {})
      local lines = vim.api.nvim_buf_get_lines(buf, 0, -1, false)
      local changed = false
      for i, line in ipairs(lines) do
        local from, to = line:find(step.from, 1, true)
        if from and not changed then
          vim.api.nvim_buf_set_lines(buf, i - 1, i, false, { line:sub(1, from - 1) .. step.to .. line:sub(to + 1) })
          changed = true
        end
      end
      assert(changed, step.name .. ': no line holds ' .. step.from)
      assert(vim.wait(plan.timeout, function() return #(publishes[uri] or {}) > before end, 50), step.name .. ': no diagnostics after the change')
      result.result = publishes[uri][#publishes[uri]]
    elseif step.kind == 'message' then
      local found
      assert(vim.wait(plan.timeout, function()
        for _, m in ipairs(results.messages) do
          if m.message:find(step.contains, 1, true) then found = m; return true end
        end
        return false
      end, 50), step.name .. ': no message containing ' .. step.contains)
      result.result = found
    elseif step.kind == 'published' then
      local uri = vim.uri_from_bufnr(buf)
      assert(vim.wait(plan.timeout, function() return results.published_ms[uri] ~= nil end, 10), 'no diagnostics for ' .. uri)
      result.result = results.published_ms[uri]
    elseif step.kind == 'diagnostics' then
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
      elseif step.apply == 'codeAction' and response.result then
        local applied = false
        for _, action in ipairs(response.result) do
          if action.title == step.title then
            vim.lsp.util.apply_workspace_edit(action.edit, 'utf-16')
            applied = true
          end
        end
        assert(applied, step.name .. ': no code action titled ' .. step.title)
        vim.cmd('silent write')
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
