-- Neovim attaches `initscan --lsp` to the file it opens, as in
-- docs/editors.md, records the diagnostics, applies a code action in a second
-- file and records its diagnostics again, then quits. Works with Neovim 0.7
-- (vim.lsp.start_client; vim.lsp.start is 0.8+).
local out = os.getenv("INITSCAN_NVIM_OUT")
local lines = {}

local function record(buf, title)
  table.insert(lines, title .. " " .. vim.fn.fnamemodify(vim.api.nvim_buf_get_name(buf), ":t"))
  local diagnostics = vim.diagnostic.get(buf)
  table.sort(diagnostics, function(a, b) return a.lnum < b.lnum end)
  for _, d in ipairs(diagnostics) do
    local code = d.code or (d.user_data and d.user_data.lsp and d.user_data.lsp.code)
    table.insert(lines, string.format("%d:%d: %s [%s] %s", d.lnum + 1, d.col + 1,
                                      d.source, code, d.message))
  end
end

local function wait_for(what, condition)
  if not vim.wait(90000, condition, 50) then
    table.insert(lines, "timed out waiting for " .. what)
    vim.fn.writefile(lines, out)
    vim.cmd("qall!")
  end
end

local client = vim.lsp.start_client({
  name = "initscan",
  cmd = { os.getenv("INITSCAN_BIN"), "--lsp", "--lsp-debounce=100" },
  root_dir = vim.fn.getcwd(),
})

local function run()
  assert(client, "could not start initscan --lsp")
  local buf = vim.api.nvim_get_current_buf()
  vim.lsp.buf_attach_client(buf, client)
  wait_for("diagnostics", function() return #vim.diagnostic.get(buf) > 0 end)
  record(buf, "opened")

  vim.cmd("edit service_strings.h")
  local header = vim.api.nvim_get_current_buf()
  vim.lsp.buf_attach_client(header, client)
  wait_for("header diagnostics", function() return #vim.diagnostic.get(header) > 0 end)
  record(header, "opened")
  local d = vim.diagnostic.get(header)[1]
  local replies = vim.lsp.buf_request_sync(header, "textDocument/codeAction", {
    textDocument = { uri = vim.uri_from_bufnr(header) },
    range = { start = { line = d.lnum, character = 0 }, ["end"] = { line = d.lnum, character = 0 } },
    context = { diagnostics = vim.lsp.diagnostic.get_line_diagnostics(header, d.lnum) },
  }, 90000)
  for _, reply in pairs(replies or {}) do
    for _, action in ipairs(reply.result or {}) do
      table.insert(lines, "code action: " .. action.title)
      vim.lsp.util.apply_workspace_edit(action.edit, "utf-16")
    end
  end
  table.insert(lines, "line " .. (d.lnum + 1) .. " now: " .. vim.api.nvim_buf_get_lines(header, d.lnum, d.lnum + 1, true)[1])
  wait_for("the fixed header's diagnostics to clear", function() return #vim.diagnostic.get(header) == 0 end)
  record(header, "after the code action")
end

-- Whatever happens, write what we have and quit: a test must not hang.
vim.api.nvim_create_autocmd("VimEnter", { callback = function()
  local ok, err = pcall(run)
  if not ok then table.insert(lines, "error: " .. tostring(err)) end
  vim.fn.writefile(lines, out)
  vim.cmd("qall!")
end })
