//===- LanguageServer.h - initscan as a language server ---------*- C++ -*-===//
//
// `initscan --lsp`: a Language Server Protocol server on stdin/stdout that runs
// beside clangd (which cannot load clang-tidy modules) and publishes
// initscan's findings for the open files, with fix-its as code actions.
//
//===----------------------------------------------------------------------===//
#ifndef INITSCAN_TOOLS_LANGUAGESERVER_H
#define INITSCAN_TOOLS_LANGUAGESERVER_H

namespace initscan::lsp {

/// True when the command line asks for the language server (--lsp).
bool wantsLanguageServer(int Argc, const char **Argv);

/// Parses the server's own options, then serves until `exit` or the end of
/// input. Returns the process exit status (0 only after `shutdown`).
int runLanguageServer(int Argc, const char **Argv);

} // namespace initscan::lsp

#endif // INITSCAN_TOOLS_LANGUAGESERVER_H
