//===- LanguageServer.cpp - initscan as a language server -----------------===//
//
// One reader thread (the caller's) parses messages and answers requests; one
// worker thread analyses documents after a quiet period (the debounce), so
// typing never queues a parse per keystroke. A result is published only when
// it belongs to the document's latest edit; code actions asked for while an
// analysis is pending wait for it, and can be cancelled.
//
//===----------------------------------------------------------------------===//

#include "LanguageServer.h"
#include "Config.h"
#include "JSONTransport.h"
#include "initscan/Compat.h"
#include "initscan/Findings.h"
#include "clang/AST/ASTConsumer.h"
#include "clang/AST/ASTContext.h"
#include "clang/Basic/DiagnosticLex.h"
#include "clang/Basic/SourceManager.h"
#include "clang/Frontend/CompilerInstance.h"
#include "clang/Frontend/FrontendAction.h"
#include "clang/Lex/Lexer.h"
#include "clang/Tooling/CompilationDatabase.h"
#include "clang/Tooling/JSONCompilationDatabase.h"
#include "clang/Tooling/Tooling.h"
#include "llvm/ADT/StringExtras.h"
#include "llvm/Support/CommandLine.h"
#include "llvm/Support/ConvertUTF.h"
#include "llvm/Support/FileSystem.h"
#include "llvm/Support/Path.h"
#include "llvm/Support/thread.h"
#include <chrono>
#include <condition_variable>
#include <map>
#include <mutex>

using namespace clang;

namespace initscan::lsp {

namespace {

// JSON-RPC and LSP error codes.
constexpr int ParseError = -32700;
constexpr int InvalidRequest = -32600;
constexpr int MethodNotFound = -32601;
constexpr int InvalidParams = -32602;
constexpr int ServerNotInitialized = -32002;
constexpr int RequestCancelled = -32800;

using Clock = std::chrono::steady_clock;

void log(const llvm::Twine &Message) {
  llvm::errs() << "initscan-lsp: " << Message << "\n";
}

//===----------------------------------------------------------------------===//
// URIs and positions
//===----------------------------------------------------------------------===//

/// The path of a file:// URI, or nothing for other schemes.
std::optional<std::string> pathOfURI(llvm::StringRef URI) {
  if (!URI.consume_front("file://"))
    return std::nullopt;
  std::string Path;
  for (size_t I = 0; I < URI.size(); ++I) {
    unsigned Byte;
    if (URI[I] == '%' && I + 2 < URI.size() &&
        !URI.substr(I + 1, 2).getAsInteger(16, Byte)) {
      Path.push_back(static_cast<char>(Byte));
      I += 2;
    } else {
      Path.push_back(URI[I]);
    }
  }
  if (Path.empty() || Path.front() != '/')
    return std::nullopt; // file://host/... is not a local file.
  return Path;
}

std::string uriOfPath(llvm::StringRef Path) {
  std::string URI = "file://";
  for (unsigned char C : Path) {
    if (llvm::isAlnum(C) || llvm::StringRef("/-_.~").contains(C))
      URI.push_back(static_cast<char>(C));
    else
      URI += "%" + llvm::utohexstr(C, /*LowerCase=*/false, /*Width=*/2);
  }
  return URI;
}

/// Source text (a message quoting a string literal, a fix) as a JSON string:
/// JSON needs UTF-8, and a Latin-1 source file is not.
std::string jsonText(llvm::StringRef Text) {
  return llvm::json::isUTF8(Text) ? Text.str() : llvm::json::fixUTF8(Text);
}

/// LSP positions: zero-based lines, columns in UTF-16 code units.
struct Position {
  int Line = 0, Character = 0;
  bool operator<=(const Position &O) const {
    return Line < O.Line || (Line == O.Line && Character <= O.Character);
  }
};
struct Range {
  Position Start, End;
};

llvm::json::Value toJSON(const Position &P) {
  return llvm::json::Object{{"line", P.Line}, {"character", P.Character}};
}
llvm::json::Value toJSON(const Range &R) {
  return llvm::json::Object{{"start", toJSON(R.Start)}, {"end", toJSON(R.End)}};
}

bool fromJSON(const llvm::json::Value *V, Position &P) {
  const llvm::json::Object *O = V ? V->getAsObject() : nullptr;
  auto Line = O ? compat::toStd(O->getInteger("line")) : std::nullopt;
  auto Character = O ? compat::toStd(O->getInteger("character")) : std::nullopt;
  if (!Line || !Character)
    return false;
  P.Line = static_cast<int>(*Line);
  P.Character = static_cast<int>(*Character);
  return true;
}
bool fromJSON(const llvm::json::Value *V, Range &R) {
  const llvm::json::Object *O = V ? V->getAsObject() : nullptr;
  return O && fromJSON(O->get("start"), R.Start) &&
         fromJSON(O->get("end"), R.End);
}

/// UTF-16 code units in \p UTF8 (invalid bytes count one each).
int utf16Length(llvm::StringRef UTF8) {
  int Units = 0;
  for (size_t I = 0; I < UTF8.size();) {
    unsigned Bytes = llvm::getNumBytesForUTF8(UTF8[I]);
    if (Bytes == 0 || I + Bytes > UTF8.size())
      Bytes = 1;
    Units += Bytes == 4 ? 2 : 1; // Astral code points are surrogate pairs.
    I += Bytes;
  }
  return Units;
}

/// The LSP position of byte \p Offset of \p Text.
Position positionAt(llvm::StringRef Text, size_t Offset) {
  Offset = std::min(Offset, Text.size());
  llvm::StringRef Before = Text.take_front(Offset);
  size_t LineStart = Before.rfind('\n');
  LineStart = LineStart == llvm::StringRef::npos ? 0 : LineStart + 1;
  Position P;
  P.Line = static_cast<int>(Before.count('\n'));
  P.Character = utf16Length(Before.substr(LineStart));
  return P;
}

//===----------------------------------------------------------------------===//
// Compile commands, found the way clangd finds them
//===----------------------------------------------------------------------===//

class CompileCommands {
public:
  explicit CompileCommands(std::optional<std::string> FixedDir)
      : FixedDir(std::move(FixedDir)) {}

  /// The command for \p File; \p From says which database, or "fallback".
  tooling::CompileCommand commandFor(llvm::StringRef File, std::string &From) {
    std::vector<std::string> Candidates;
    if (FixedDir) {
      Candidates.push_back(*FixedDir);
    } else {
      // clangd: each ancestor directory, and its build/ subdirectory.
      for (llvm::StringRef Dir = llvm::sys::path::parent_path(File);
           !Dir.empty(); Dir = llvm::sys::path::parent_path(Dir)) {
        Candidates.push_back(Dir.str());
        llvm::SmallString<256> Build(Dir);
        llvm::sys::path::append(Build, "build");
        Candidates.push_back(std::string(Build));
      }
    }
    for (const std::string &Dir : Candidates) {
      tooling::CompilationDatabase *DB = load(Dir);
      if (!DB)
        continue;
      std::vector<tooling::CompileCommand> Found = DB->getCompileCommands(File);
      if (!Found.empty()) {
        From = Dir + "/compile_commands.json";
        return Found.front();
      }
    }
    From = "fallback";
    return fallback(File);
  }

private:
  /// Like clangd's fallback: the driver picks the language from the name.
  static tooling::CompileCommand fallback(llvm::StringRef File) {
    std::vector<std::string> Argv = {"clang++"};
    llvm::StringRef Ext = llvm::sys::path::extension(File);
    if (Ext == ".h" || Ext == ".hh" || Ext == ".hpp" || Ext == ".hxx")
      Argv.push_back("-xc++-header");
    Argv.push_back(File.str());
    return tooling::CompileCommand(llvm::sys::path::parent_path(File), File,
                                   std::move(Argv), "");
  }

  /// The database in \p Dir, reloaded when its file changes.
  tooling::CompilationDatabase *load(const std::string &Dir) {
    llvm::SmallString<256> Path(Dir);
    llvm::sys::path::append(Path, "compile_commands.json");
    llvm::sys::fs::file_status Status;
    if (llvm::sys::fs::status(Path, Status) ||
        !llvm::sys::fs::is_regular_file(Status))
      return nullptr;
    Loaded &L = Cache[std::string(Path)];
    if (L.DB && L.Modified == Status.getLastModificationTime())
      return L.DB.get();
    std::string Error;
    auto JSON = tooling::JSONCompilationDatabase::loadFromFile(
        Path, Error, tooling::JSONCommandLineSyntax::AutoDetect);
    if (!JSON) {
      log("cannot load " + Path + ": " + Error);
      L.DB.reset();
      return nullptr;
    }
    // Files missing from the database borrow a neighbour's flags, as in clangd.
    L.DB = tooling::inferMissingCompileCommands(std::move(JSON));
    L.Modified = Status.getLastModificationTime();
    return L.DB.get();
  }

  struct Loaded {
    std::unique_ptr<tooling::CompilationDatabase> DB;
    llvm::sys::TimePoint<> Modified;
  };
  std::optional<std::string> FixedDir;
  std::map<std::string, Loaded> Cache;
};

//===----------------------------------------------------------------------===//
// Analysis of one document
//===----------------------------------------------------------------------===//

struct TextEdit {
  Range Where;
  std::string NewText;
};

struct RelatedInformation {
  std::string URI;
  Range Where;
  std::string Message;
};

/// One finding, in LSP terms.
struct Diagnostic {
  Range Where;
  std::string Check, Message, FixTitle;
  std::vector<RelatedInformation> Related;
  std::map<std::string, std::vector<TextEdit>> Fixes; ///< By URI.
};

struct AnalysisResult {
  std::vector<Diagnostic> Diagnostics;
  unsigned CompilerErrors = 0;
  std::string FirstError;
};

/// Counts the compiler's errors; clangd shows them, we only log.
class ErrorCounter : public DiagnosticConsumer {
public:
  explicit ErrorCounter(AnalysisResult &Result) : Result(Result) {}
  void HandleDiagnostic(DiagnosticsEngine::Level Level,
                        const clang::Diagnostic &Info) override {
    DiagnosticConsumer::HandleDiagnostic(Level, Info);
    if (Level < DiagnosticsEngine::Error)
      return;
    if (Result.CompilerErrors++ == 0) {
      llvm::SmallString<128> Text;
      Info.FormatDiagnostic(Text);
      Result.FirstError = std::string(Text);
    }
  }

private:
  AnalysisResult &Result;
};

/// Converts the findings of the main file into LSP diagnostics.
class DocumentConsumer : public ASTConsumer {
public:
  DocumentConsumer(const cli::FileConfig &Config, llvm::StringRef URI,
                   AnalysisResult &Result)
      : Config(Config), URI(URI), Result(Result) {}

  void HandleTranslationUnit(ASTContext &Ctx) override {
    // Even with compile errors: the engine skips invalid declarations, and
    // what it can see is still worth reporting while the user types.
    const SourceManager &SM = Ctx.getSourceManager();
    std::vector<StaticInitializer> Inits = analyzeTranslationUnit(Ctx);
    std::vector<Finding> Findings =
        runChecks(Ctx, Inits, Config.EnabledChecks, Config.Options);
    for (const Finding &F : Findings) {
      SourceLocation Loc = SM.getExpansionLoc(F.Loc);
      if (Loc.isInvalid() || SM.getFileID(Loc) != SM.getMainFileID())
        continue; // Header findings belong to the header's own buffer.
      Diagnostic D;
      D.Check = F.Check.str();
      D.Message = jsonText(F.Message);
      unsigned NameLength =
          Lexer::MeasureTokenLength(Loc, SM, Ctx.getLangOpts());
      D.Where = rangeOf(SM, CharSourceRange::getCharRange(
                                Loc, Loc.getLocWithOffset(NameLength)))
                    ->second;
      for (const FindingNote &N : F.Notes) {
        SourceLocation NoteLoc = SM.getExpansionLoc(N.Loc);
        if (auto Where =
                rangeOf(SM, CharSourceRange::getCharRange(NoteLoc, NoteLoc)))
          D.Related.push_back(
              {Where->first, Where->second, jsonText(N.Message)});
      }
      for (const FixItHint &Fix : F.Fixes) {
        // A lossy UTF-8 conversion would corrupt the literal it rewrites.
        if (!llvm::json::isUTF8(Fix.CodeToInsert))
          continue;
        CharSourceRange FileRange =
            Lexer::makeFileCharRange(Fix.RemoveRange, SM, Ctx.getLangOpts());
        if (auto Where = rangeOf(SM, FileRange))
          D.Fixes[Where->first].push_back({Where->second, Fix.CodeToInsert});
      }
      if (F.Init && !F.Init->Suggestion.Advice.empty())
        D.FixTitle = jsonText(F.Init->Suggestion.Advice);
      else
        D.FixTitle = "Apply the " + D.Check + " fix";
      Result.Diagnostics.push_back(std::move(D));
    }
  }

private:
  /// The URI and LSP range of a file range; the main file keeps the client's
  /// URI so the client matches diagnostics to its buffer.
  std::optional<std::pair<std::string, Range>>
  rangeOf(const SourceManager &SM, CharSourceRange R) const {
    if (R.isInvalid())
      return std::nullopt;
    auto [FID, Begin] = SM.getDecomposedLoc(R.getBegin());
    auto [EndFID, End] = SM.getDecomposedLoc(R.getEnd());
    if (FID.isInvalid() || FID != EndFID || End < Begin)
      return std::nullopt;
    bool Invalid = false;
    llvm::StringRef Text = SM.getBufferData(FID, &Invalid);
    if (Invalid)
      return std::nullopt;
    std::string FileURI = URI.str();
    if (FID != SM.getMainFileID()) {
      auto Entry = SM.getFileEntryRefForID(FID);
      if (!Entry)
        return std::nullopt;
      llvm::SmallString<256> Path(Entry->getName());
      SM.getFileManager().makeAbsolutePath(Path);
      llvm::sys::path::remove_dots(Path, /*remove_dot_dot=*/true);
      FileURI = uriOfPath(Path);
    }
    return std::make_pair(
        FileURI, Range{positionAt(Text, Begin), positionAt(Text, End)});
  }

  const cli::FileConfig &Config;
  llvm::StringRef URI;
  AnalysisResult &Result;
};

class DocumentAction : public ASTFrontendAction {
public:
  DocumentAction(const cli::FileConfig &Config, llvm::StringRef URI,
                 AnalysisResult &Result)
      : Config(Config), URI(URI), Result(Result) {}
  std::unique_ptr<ASTConsumer> CreateASTConsumer(CompilerInstance &,
                                                 llvm::StringRef) override {
    return std::make_unique<DocumentConsumer>(Config, URI, Result);
  }

  bool BeginSourceFileAction(CompilerInstance &CI) override {
    // A missing header is fatal to clang and would end the parse there; as
    // in clangd, keep going so the rest of the file is still analysed.
    CI.getDiagnostics().setSeverity(diag::err_pp_file_not_found,
                                    diag::Severity::Error, SourceLocation());
    return true;
  }

private:
  const cli::FileConfig &Config;
  llvm::StringRef URI;
  AnalysisResult &Result;
};

class DocumentActionFactory : public tooling::FrontendActionFactory {
public:
  DocumentActionFactory(const cli::FileConfig &Config, llvm::StringRef URI,
                        AnalysisResult &Result)
      : Config(Config), URI(URI), Result(Result) {}
  std::unique_ptr<FrontendAction> create() override {
    return std::make_unique<DocumentAction>(Config, URI, Result);
  }

private:
  const cli::FileConfig &Config;
  llvm::StringRef URI;
  AnalysisResult &Result;
};

class OneCommandDatabase : public tooling::CompilationDatabase {
public:
  explicit OneCommandDatabase(tooling::CompileCommand Command)
      : Command(std::move(Command)) {}
  std::vector<tooling::CompileCommand>
  getCompileCommands(llvm::StringRef) const override {
    return {Command};
  }

private:
  tooling::CompileCommand Command;
};

//===----------------------------------------------------------------------===//
// The server
//===----------------------------------------------------------------------===//

struct ServerOptions {
  std::chrono::milliseconds Debounce{300};
  std::optional<std::string> CompileCommandsDir;
  cli::CommandLineOverrides Overrides;
};

class Server {
public:
  Server(JSONTransport &Transport, ServerOptions Options)
      : Transport(Transport), Options(std::move(Options)) {}

  /// Serves until `exit` or the end of input; returns the exit status.
  int run() {
    // Parsing recurses deeply: give the worker clang's desired stack size.
    llvm::thread Worker(compat::LLVMOptional<unsigned>(16u << 20),
                        [this] { work(); });
    int Status = 1;
    for (;;) {
      std::string Body, Error;
      ReadResult Read = Transport.read(Body, Error);
      if (Read == ReadResult::EndOfInput) {
        Status = ShutDown ? 0 : 1;
        if (!ShutDown)
          log("end of input before shutdown");
        break;
      }
      if (Read == ReadResult::BadHeader) {
        log("ignoring a malformed message: " + Error);
        continue;
      }
      if (std::optional<int> Exit = handle(Body)) {
        Status = *Exit;
        break;
      }
    }
    {
      std::lock_guard<std::mutex> Guard(Lock);
      Stopping = true;
    }
    Wake.notify_all();
    Worker.join();
    return Status;
  }

private:
  struct Document {
    std::string Path, Text;
    int64_t Version = 0;
    uint64_t Edit = 0; ///< Ours, increases with every change.
    bool Dirty = true;
    Clock::time_point Due;
    uint64_t ResultEdit = 0; ///< The edit Diagnostics belong to (0: none).
    std::vector<Diagnostic> Diagnostics;
  };
  struct PendingCodeAction {
    llvm::json::Value Id;
    std::string URI;
    Range Requested;
    /// The initscan diagnostics the client sent as context: check, line.
    std::vector<std::pair<std::string, int>> Context;
  };

  void reply(const llvm::json::Value &Id, llvm::json::Value Result) {
    Transport.send(llvm::json::Object{
        {"jsonrpc", "2.0"}, {"id", Id}, {"result", std::move(Result)}});
  }
  void replyError(const llvm::json::Value &Id, int Code,
                  const llvm::Twine &Message) {
    Transport.send(llvm::json::Object{
        {"jsonrpc", "2.0"},
        {"id", Id},
        {"error",
         llvm::json::Object{{"code", Code}, {"message", Message.str()}}}});
  }
  void notify(llvm::StringRef Method, llvm::json::Value Params) {
    Transport.send(llvm::json::Object{
        {"jsonrpc", "2.0"}, {"method", Method}, {"params", std::move(Params)}});
  }

  /// One message; returns the exit status when it is `exit`.
  std::optional<int> handle(llvm::StringRef Body) {
    llvm::Expected<llvm::json::Value> Parsed = llvm::json::parse(Body);
    if (!Parsed) {
      std::string Why = llvm::toString(Parsed.takeError());
      log("invalid JSON: " + Why);
      replyError(nullptr, ParseError, "invalid JSON: " + Why);
      return std::nullopt;
    }
    llvm::json::Object *Message = Parsed->getAsObject();
    const llvm::json::Value *Id = Message ? Message->get("id") : nullptr;
    std::optional<llvm::StringRef> Method =
        Message ? compat::toStd(Message->getString("method")) : std::nullopt;
    if (!Method) {
      // A response to a request of ours (we send none): nothing to do.
      if (Message && Id && (Message->get("result") || Message->get("error")))
        return std::nullopt;
      replyError(Id ? *Id : llvm::json::Value(nullptr), InvalidRequest,
                 "expected a JSON-RPC request or notification");
      return std::nullopt;
    }
    llvm::json::Object NoParams;
    llvm::json::Object *Params = Message->getObject("params");
    if (!Params)
      Params = &NoParams;
    if (Id)
      handleRequest(*Method, *Id, *Params);
    else if (*Method == "exit")
      return ShutDown ? 0 : 1;
    else
      handleNotification(*Method, *Params);
    return std::nullopt;
  }

  void handleRequest(llvm::StringRef Method, const llvm::json::Value &Id,
                     const llvm::json::Object &Params) {
    if (Method == "initialize") {
      if (Initialized)
        return replyError(Id, InvalidRequest, "already initialized");
      Initialized = true;
      if (const llvm::json::Object *Init =
              Params.getObject("initializationOptions"))
        if (auto Dir = Init->getString("compileCommandsDir")) {
          std::lock_guard<std::mutex> Guard(Lock);
          Options.CompileCommandsDir = Dir->str();
        }
      return reply(Id, capabilities());
    }
    if (!Initialized)
      return replyError(Id, ServerNotInitialized, "not initialized");
    if (ShutDown)
      return replyError(Id, InvalidRequest, "the server is shut down");
    if (Method == "shutdown") {
      ShutDown = true;
      return reply(Id, nullptr);
    }
    if (Method == "textDocument/codeAction")
      return codeAction(Id, Params);
    replyError(Id, MethodNotFound, "method not found: " + Method);
  }

  llvm::json::Object capabilities() const {
    return llvm::json::Object{
        {"capabilities",
         llvm::json::Object{
             {"positionEncoding", "utf-16"},
             {"textDocumentSync",
              llvm::json::Object{
                  {"openClose", true},
                  {"change", 1}, // Full: the client sends it all.
                  {"save", llvm::json::Object{{"includeText", false}}}}},
             {"codeActionProvider",
              llvm::json::Object{
                  {"codeActionKinds", llvm::json::Array{"quickfix"}}}},
         }},
        {"serverInfo", llvm::json::Object{{"name", "initscan"},
                                          {"version", INITSCAN_VERSION}}},
    };
  }

  void handleNotification(llvm::StringRef Method,
                          const llvm::json::Object &Params) {
    if (Method == "$/cancelRequest")
      return cancel(Params);
    if (!Initialized || ShutDown)
      return; // Notifications before initialize or after shutdown are dropped.
    const llvm::json::Object *Doc = Params.getObject("textDocument");
    std::optional<llvm::StringRef> URI =
        Doc ? compat::toStd(Doc->getString("uri")) : std::nullopt;
    if (Method == "textDocument/didOpen") {
      auto Text = Doc ? compat::toStd(Doc->getString("text")) : std::nullopt;
      if (!URI || !Text)
        return log("didOpen without textDocument.uri/text");
      update(*URI, compat::toStd(Doc->getInteger("version")).value_or(0),
             Text->str(),
             /*Open=*/true);
    } else if (Method == "textDocument/didChange") {
      const llvm::json::Array *Changes = Params.getArray("contentChanges");
      if (!URI || !Changes || Changes->empty())
        return log("didChange without textDocument.uri/contentChanges");
      // Full sync: the last change holds the whole text.
      const llvm::json::Object *Last = Changes->back().getAsObject();
      auto Text = Last ? compat::toStd(Last->getString("text")) : std::nullopt;
      if (!Text || Last->get("range"))
        return log("didChange without the full text (we asked for full sync)");
      update(*URI, compat::toStd(Doc->getInteger("version")).value_or(0),
             Text->str(),
             /*Open=*/false);
    } else if (Method == "textDocument/didSave") {
      // Headers the file includes may have changed on disk: analyse again.
      std::lock_guard<std::mutex> Guard(Lock);
      auto It = URI ? Docs.find(URI->str()) : Docs.end();
      if (It != Docs.end())
        schedule(It->second);
    } else if (Method == "textDocument/didClose") {
      if (!URI)
        return;
      std::lock_guard<std::mutex> Guard(Lock);
      Docs.erase(URI->str());
      answerCodeActions(URI->str());
      notify("textDocument/publishDiagnostics",
             llvm::json::Object{{"uri", *URI},
                                {"diagnostics", llvm::json::Array{}}});
    }
    // Other notifications (initialized, workspace/*, $/...) need nothing.
  }

  void update(llvm::StringRef URI, int64_t Version, std::string Text,
              bool Open) {
    std::optional<std::string> Path = pathOfURI(URI);
    if (!Path)
      return log("not a local file, not analysed: " + URI);
    std::lock_guard<std::mutex> Guard(Lock);
    auto It = Docs.find(URI.str());
    if (It == Docs.end()) {
      if (!Open)
        return log("didChange of a document that is not open: " + URI);
      It = Docs.emplace(URI.str(), Document()).first;
    }
    Document &D = It->second;
    D.Path = *Path;
    D.Text = std::move(Text);
    D.Version = Version;
    schedule(D);
  }

  /// Marks \p D for analysis after the quiet period; the caller holds Lock.
  void schedule(Document &D) {
    D.Edit = ++EditCounter;
    D.Dirty = true;
    D.Due = Clock::now() + Options.Debounce;
    Wake.notify_all();
  }

  void cancel(const llvm::json::Object &Params) {
    const llvm::json::Value *Id = Params.get("id");
    if (!Id)
      return;
    std::lock_guard<std::mutex> Guard(Lock);
    for (auto It = Pending.begin(); It != Pending.end(); ++It)
      if (It->Id == *Id) {
        replyError(It->Id, RequestCancelled, "request cancelled");
        Pending.erase(It);
        return;
      }
    // Already answered: nothing to cancel.
  }

  void codeAction(const llvm::json::Value &Id,
                  const llvm::json::Object &Params) {
    const llvm::json::Object *Doc = Params.getObject("textDocument");
    auto URI = Doc ? compat::toStd(Doc->getString("uri")) : std::nullopt;
    PendingCodeAction Request{Id, URI ? URI->str() : "", {}, {}};
    if (!URI || !fromJSON(Params.get("range"), Request.Requested))
      return replyError(Id, InvalidParams,
                        "codeAction needs textDocument.uri and range");
    if (const llvm::json::Object *Context = Params.getObject("context")) {
      if (const llvm::json::Array *Only = Context->getArray("only")) {
        bool WantsQuickFix = false;
        for (const llvm::json::Value &Kind : *Only)
          if (auto K = Kind.getAsString())
            WantsQuickFix |= *K == "quickfix" || *K == "";
        if (!WantsQuickFix)
          return reply(Id, llvm::json::Array{});
      }
      if (const llvm::json::Array *Diags = Context->getArray("diagnostics"))
        for (const llvm::json::Value &D : *Diags) {
          const llvm::json::Object *O = D.getAsObject();
          auto Source =
              O ? compat::toStd(O->getString("source")) : std::nullopt;
          auto Code = O ? compat::toStd(O->getString("code")) : std::nullopt;
          Range Where;
          if (Source == std::optional<llvm::StringRef>("initscan") && Code &&
              fromJSON(O->get("range"), Where))
            Request.Context.emplace_back(Code->str(), Where.Start.Line);
        }
    }
    std::lock_guard<std::mutex> Guard(Lock);
    auto It = Docs.find(Request.URI);
    if (It == Docs.end())
      return reply(Id, llvm::json::Array{});
    // Fixes must match the text the client has now: wait for its analysis.
    Pending.push_back(std::move(Request));
    if (!It->second.Dirty && It->second.ResultEdit == It->second.Edit)
      answerCodeActions(It->first);
  }

  /// Answers the pending code actions of \p URI from its current results (or
  /// with none when it was closed); the caller holds Lock.
  void answerCodeActions(const std::string &URI) {
    auto DocIt = Docs.find(URI);
    for (auto It = Pending.begin(); It != Pending.end();) {
      if (It->URI != URI) {
        ++It;
        continue;
      }
      llvm::json::Array Actions;
      if (DocIt != Docs.end())
        for (const Diagnostic &D : DocIt->second.Diagnostics) {
          // By lines: editors ask with the cursor, which is rarely on the
          // diagnostic's name.
          bool Overlaps = D.Where.Start.Line <= It->Requested.End.Line &&
                          It->Requested.Start.Line <= D.Where.End.Line;
          if (D.Fixes.empty() ||
              (!Overlaps &&
               !llvm::is_contained(It->Context,
                                   std::make_pair(D.Check, D.Where.Start.Line))))
            continue;
          llvm::json::Object Changes;
          for (const auto &[FileURI, Edits] : D.Fixes) {
            llvm::json::Array EditArray;
            for (const TextEdit &E : Edits)
              EditArray.push_back(llvm::json::Object{{"range", toJSON(E.Where)},
                                                     {"newText", E.NewText}});
            Changes[FileURI] = std::move(EditArray);
          }
          Actions.push_back(llvm::json::Object{
              {"title", D.FixTitle},
              {"kind", "quickfix"},
              {"isPreferred", true},
              {"diagnostics", llvm::json::Array{diagnosticJSON(D)}},
              {"edit", llvm::json::Object{{"changes", std::move(Changes)}}},
          });
        }
      reply(It->Id, std::move(Actions));
      It = Pending.erase(It);
    }
  }

  static llvm::json::Value diagnosticJSON(const Diagnostic &D) {
    llvm::json::Array Related;
    for (const RelatedInformation &R : D.Related)
      Related.push_back(llvm::json::Object{
          {"location",
           llvm::json::Object{{"uri", R.URI}, {"range", toJSON(R.Where)}}},
          {"message", R.Message}});
    return llvm::json::Object{
        {"range", toJSON(D.Where)},
        {"severity", 2}, // Warning.
        {"source", "initscan"},
        {"code", D.Check},
        {"codeDescription",
         llvm::json::Object{{"href", std::string(INITSCAN_DOCS_URI) +
                                         "checks/" + D.Check + ".md"}}},
        {"message", D.Message},
        {"relatedInformation", std::move(Related)},
    };
  }

  /// The worker: analyses the due document, publishes if still current.
  void work() {
    std::unique_lock<std::mutex> Guard(Lock);
    CompileCommands Commands(Options.CompileCommandsDir);
    std::optional<std::string> CommandsDir = Options.CompileCommandsDir;
    while (!Stopping) {
      Document *Next = nullptr;
      std::string URI;
      for (auto &[DocURI, D] : Docs)
        if (D.Dirty && (!Next || D.Due < Next->Due)) {
          Next = &D;
          URI = DocURI;
        }
      if (!Next) {
        Wake.wait(Guard);
        continue;
      }
      if (Clock::now() < Next->Due) {
        Wake.wait_until(Guard, Next->Due);
        continue; // A newer edit may have moved the deadline.
      }
      if (CommandsDir != Options.CompileCommandsDir) { // initializationOptions
        CommandsDir = Options.CompileCommandsDir;
        Commands = CompileCommands(CommandsDir);
      }
      Next->Dirty = false;
      std::string Path = Next->Path, Text = Next->Text;
      uint64_t Edit = Next->Edit;
      int64_t Version = Next->Version;
      Guard.unlock();
      AnalysisResult Result = analyze(Commands, URI, Path, Text);
      Guard.lock();
      auto It = Docs.find(URI);
      if (It == Docs.end() || It->second.Edit != Edit)
        continue; // Closed, or edited meanwhile: this result is stale.
      It->second.Diagnostics = std::move(Result.Diagnostics);
      It->second.ResultEdit = Edit;
      llvm::json::Array Published;
      for (const Diagnostic &D : It->second.Diagnostics)
        Published.push_back(diagnosticJSON(D));
      notify("textDocument/publishDiagnostics",
             llvm::json::Object{{"uri", URI},
                                {"version", Version},
                                {"diagnostics", std::move(Published)}});
      answerCodeActions(URI);
    }
    // Requests still waiting get an answer before we go.
    for (PendingCodeAction &P : Pending)
      replyError(P.Id, RequestCancelled, "the server is exiting");
    Pending.clear();
  }

  /// Runs the checks over \p Text, the unsaved contents of \p Path.
  AnalysisResult analyze(CompileCommands &Commands, const std::string &URI,
                         const std::string &Path, const std::string &Text) {
    AnalysisResult Result;
    std::string From;
    tooling::CompileCommand Command = Commands.commandFor(Path, From);
    // A fresh loader: .clang-tidy edits apply at the next analysis.
    cli::ConfigLoader Loader(Options.Overrides);
    cli::FileConfig Config;
    std::string Error;
    if (!Loader.configFor(Path, Config, Error)) {
      log(Error);
      return Result;
    }
    OneCommandDatabase DB(Command);
    // A physical file system of our own (the real one's working directory is
    // the process's), overlaid with the editor's unsaved buffer.
    tooling::ClangTool Tool(DB, {Path},
                            std::make_shared<PCHContainerOperations>(),
                            llvm::vfs::createPhysicalFileSystem());
    Tool.mapVirtualFile(Path, Text);
    Tool.setPrintErrorMessage(false);
    ErrorCounter Errors(Result);
    Tool.setDiagnosticConsumer(&Errors);
    DocumentActionFactory Actions(Config, URI, Result);
    Tool.run(&Actions);
    std::string Summary = "analysed " + Path + " (flags: " + From +
                          "): " + std::to_string(Result.Diagnostics.size()) +
                          " finding(s)";
    if (Result.CompilerErrors)
      Summary += ", " + std::to_string(Result.CompilerErrors) +
                 " compile error(s), first: " + Result.FirstError;
    log(Summary);
    return Result;
  }

  JSONTransport &Transport;
  ServerOptions Options;
  // Only the reader thread touches these two.
  bool Initialized = false;
  bool ShutDown = false;

  std::mutex Lock; // Guards everything below, and Options.CompileCommandsDir.
  std::condition_variable Wake;
  bool Stopping = false;
  uint64_t EditCounter = 0;
  std::map<std::string, Document> Docs; // By URI.
  std::vector<PendingCodeAction> Pending;
};

} // namespace

bool wantsLanguageServer(int Argc, const char **Argv) {
  for (int I = 1; I < Argc; ++I) {
    llvm::StringRef Arg = Argv[I];
    if (Arg == "--")
      break;
    if (Arg == "--lsp" || Arg == "-lsp")
      return true;
  }
  return false;
}

int runLanguageServer(int Argc, const char **Argv) {
  // Locals, not llvm::cl::opt globals, as in main.
  llvm::cl::OptionCategory Category("initscan --lsp options");
  llvm::cl::opt<bool> Lsp("lsp", llvm::cl::desc("Run as a language server"),
                          llvm::cl::cat(Category));
  // The LSP specification's transport flag; stdio is the only transport.
  llvm::cl::opt<bool> Stdio("stdio",
                            llvm::cl::desc("Talk LSP on stdin/stdout "
                                           "(the default and only "
                                           "transport)"),
                            llvm::cl::cat(Category));
  llvm::cl::opt<std::string> DebounceMs(
      "lsp-debounce",
      llvm::cl::desc("Milliseconds without edits before a changed document "
                     "is analysed (default 300)"),
      llvm::cl::value_desc("ms"), llvm::cl::init("300"),
      llvm::cl::cat(Category));
  llvm::cl::opt<std::string> CompileCommandsDir(
      "compile-commands-dir",
      llvm::cl::desc("Directory of the compile_commands.json to use, instead "
                     "of searching each file's parent directories"),
      llvm::cl::value_desc("dir"), llvm::cl::cat(Category));
  llvm::cl::opt<std::string> Checks(
      "checks",
      llvm::cl::desc("Comma-separated globs of checks, appended to the "
                     ".clang-tidy Checks"),
      llvm::cl::cat(Category));
  llvm::cl::opt<std::string> ConfigFile(
      "config-file",
      llvm::cl::desc("Read this .clang-tidy file instead of looking one up"),
      llvm::cl::value_desc("file"), llvm::cl::cat(Category));
  llvm::cl::opt<std::string> MinCost(
      "min-cost",
      llvm::cl::desc("Report initializers estimated at this many "
                     "instructions or more"),
      llvm::cl::cat(Category));
  llvm::cl::HideUnrelatedOptions(Category);

  std::string ParseErrors;
  llvm::raw_string_ostream ParseErrorStream(ParseErrors);
  if (!llvm::cl::ParseCommandLineOptions(
          Argc, Argv, "initscan language server (LSP on stdin/stdout)\n",
          &ParseErrorStream)) {
    llvm::StringRef Line = llvm::StringRef(ParseErrorStream.str()).trim();
    Line.consume_front("initscan: ");
    llvm::errs() << "initscan: error: " << Line.split('\n').first << "\n";
    return 2;
  }
  ServerOptions Options;
  unsigned Debounce;
  if (llvm::StringRef(DebounceMs).getAsInteger(10, Debounce) ||
      Debounce > 60000) {
    llvm::errs() << "initscan: error: invalid --lsp-debounce '" << DebounceMs
                 << "': expected milliseconds from 0 to 60000\n";
    return 2;
  }
  Options.Debounce = std::chrono::milliseconds(Debounce);
  if (CompileCommandsDir.getNumOccurrences()) {
    if (!llvm::sys::fs::is_directory(CompileCommandsDir)) {
      llvm::errs() << "initscan: error: --compile-commands-dir '"
                   << CompileCommandsDir << "' is not a directory\n";
      return 2;
    }
    llvm::SmallString<256> Dir(CompileCommandsDir);
    llvm::sys::fs::make_absolute(Dir);
    Options.CompileCommandsDir = std::string(Dir);
  }
  if (Checks.getNumOccurrences())
    Options.Overrides.Checks = Checks;
  if (MinCost.getNumOccurrences()) {
    uint64_t Ignored;
    if (!parseCostThreshold(MinCost, Ignored)) {
      llvm::errs() << "initscan: error: invalid --min-cost '" << MinCost
                   << "': expected a number such as 5000, 10k or 2M\n";
      return 2;
    }
    Options.Overrides.MinCost = MinCost;
  }
  if (ConfigFile.getNumOccurrences()) {
    if (!llvm::sys::fs::is_regular_file(ConfigFile)) {
      llvm::errs() << "initscan: error: cannot read --config-file '"
                   << ConfigFile << "': no such file\n";
      return 2;
    }
    Options.Overrides.ConfigFile = ConfigFile;
  }

  llvm::raw_fd_ostream Out(/*fd=*/1, /*shouldClose=*/false,
                           /*unbuffered=*/false);
  JSONTransport Transport(stdin, Out);
  Server S(Transport, std::move(Options));
  return S.run();
}

} // namespace initscan::lsp
