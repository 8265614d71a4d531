//===- HtmlReport.cpp - Self-contained HTML report of initscan ----------===//
//
// The page is rendered here, in C++: headline, SVG bar charts and the findings
// table are plain HTML, readable without scripts. The inline script only adds
// sorting, filtering, the JSON download and a self-test (#selftest) that the
// lit suite runs in headless Chromium. Everything from the analysed code is
// HTML-escaped; the embedded JSON has every '<' escaped, so no string in it
// can close the <script> element.
//
//===----------------------------------------------------------------------===//

#include "HtmlReport.h"
#include "initscan/Compat.h"
#include "llvm/ADT/STLExtras.h"
#include "llvm/ADT/StringExtras.h"
#include "llvm/Support/FormatVariadic.h"
#include "llvm/Support/Path.h"
#include <algorithm>
#include <map>
#include <tuple>

namespace initscan::cli {
namespace {

constexpr llvm::StringLiteral StyleSheet = R"css(
:root{--ink:#1d2330;--muted:#5c6577;--line:#dfe3ea;--bg:#f5f7fa;--card:#fff;
--accent:#3b6fd8;--warm:#d9822b;--bad:#c0392b;--good:#2e8b57}
*{box-sizing:border-box}
body{margin:0;background:var(--bg);color:var(--ink);
font:14px/1.45 system-ui,-apple-system,"Segoe UI",Roboto,"DejaVu Sans",sans-serif}
main{max-width:1200px;margin:0 auto;padding:24px 28px 48px}
h1{font-size:20px;margin:0 0 4px}
h2{font-size:16px;margin:0 0 10px}
.sub{color:var(--muted);margin:0 0 18px}
.card{background:var(--card);border:1px solid var(--line);border-radius:10px;
padding:18px 20px;margin:0 0 18px;box-shadow:0 1px 2px rgba(0,0,0,.04)}
.headline{display:flex;flex-wrap:wrap;gap:18px 40px;align-items:flex-end}
.total .label{color:var(--muted);font-size:13px;text-transform:uppercase;letter-spacing:.05em}
.total .value{font-size:44px;font-weight:700;line-height:1.1}
.total .unit{font-size:18px;font-weight:600;color:var(--muted)}
.total .time{font-size:16px;color:var(--muted)}
.stats{display:flex;flex-wrap:wrap;gap:10px}
.stat{border:1px solid var(--line);border-radius:8px;padding:8px 14px;min-width:120px}
.stat b{display:block;font-size:20px}
.stat span{color:var(--muted);font-size:12px}
.over{color:var(--bad)} .within{color:var(--good)}
.chips{margin-top:12px}
.chip{display:inline-block;border-radius:999px;padding:1px 9px;margin:2px 4px 2px 0;
font-size:12px;background:#eef2fb;color:#2c4a8a;border:1px solid #d5def3}
.chip.warn{background:#fdf1e4;color:#8a4b12;border-color:#f2d7b8}
svg.bars{width:100%;height:auto;display:block}
svg.bars text{font-size:13px;fill:var(--ink)}
svg.bars text.val{fill:var(--muted)}
svg.bars rect.bar{fill:var(--accent)}
svg.bars rect.bar.reg{fill:#8e5bd8}
svg.bars rect.track{fill:#eef1f6}
.more{color:var(--muted);font-size:12px;margin:6px 0 0}
.controls{display:flex;flex-wrap:wrap;gap:10px;align-items:center;margin:0 0 12px}
.controls input,.controls select{font:inherit;padding:6px 10px;border:1px solid var(--line);border-radius:6px}
.controls input{min-width:320px}
.controls .count{color:var(--muted)}
.controls a{margin-left:auto}
table{width:100%;border-collapse:collapse;table-layout:fixed}
th,td{text-align:left;vertical-align:top;padding:8px 10px;border-bottom:1px solid var(--line)}
th{font-size:12px;text-transform:uppercase;letter-spacing:.04em;color:var(--muted);
cursor:pointer;user-select:none;white-space:nowrap;background:#fafbfd}
th[aria-sort=ascending]::after{content:" \25B2"}
th[aria-sort=descending]::after{content:" \25BC"}
td.num{text-align:right;font-variant-numeric:tabular-nums;white-space:nowrap}
col.c-cost{width:92px} col.c-alloc{width:70px} col.c-check{width:178px}
col.c-sym{width:150px} col.c-where{width:150px}
td code,pre{font:12.5px/1.4 "DejaVu Sans Mono",Menlo,Consolas,monospace}
td.sym code{font-weight:600;overflow-wrap:anywhere}
td.where{word-break:break-all;font-size:12.5px}
.msg{margin:0 0 6px}
.advice{color:var(--muted);margin:0 0 4px}
pre{margin:0;padding:8px 10px;background:#f6f8fb;border:1px solid var(--line);
border-radius:6px;white-space:pre-wrap;word-break:break-word;max-height:12em;overflow:auto}
.kind{font-size:11px;font-weight:600;text-transform:uppercase;letter-spacing:.04em;color:#2c4a8a}
.fix{font-size:11px;font-weight:600;color:var(--good);margin-left:8px}
.empty{color:var(--muted)}
a{color:var(--accent);text-decoration:none} a:hover{text-decoration:underline}
)css";

// Runs after the page is parsed. The error counter is installed by a separate
// script in <head>, so even a syntax error here is counted.
constexpr llvm::StringLiteral Script = R"js(
(function () {
  'use strict';
  var table = document.getElementById('findings');
  var body = table.tBodies[0];
  var heads = table.tHead.rows[0].cells;
  var rows = Array.prototype.slice.call(body.rows);
  var text = document.getElementById('filter-text');
  var check = document.getElementById('filter-check');
  var shown = document.getElementById('shown-count');

  function key(row, col, numeric) {
    var cell = row.cells[col];
    var v = cell.hasAttribute('data-v') ? cell.getAttribute('data-v')
                                        : cell.textContent;
    return numeric ? Number(v) : v.toLowerCase();
  }
  function applyFilter() {
    var needle = text.value.trim().toLowerCase();
    var wanted = check.value;
    var n = 0;
    rows.forEach(function (row) {
      var ok = (!wanted || row.getAttribute('data-check') === wanted) &&
               (!needle || row.textContent.toLowerCase().indexOf(needle) >= 0);
      row.hidden = !ok;
      n += ok ? 1 : 0;
    });
    shown.textContent = n + ' of ' + rows.length + ' shown';
    return n;
  }
  function sortBy(col, descending) {
    var numeric = heads[col].getAttribute('data-type') === 'num';
    var order = rows.map(function (row, i) {
      return { row: row, k: key(row, col, numeric), i: i };
    });
    order.sort(function (a, b) {
      var c = a.k < b.k ? -1 : a.k > b.k ? 1 : 0;
      return (descending ? -c : c) || a.i - b.i;
    });
    rows = order.map(function (e) { return e.row; });
    rows.forEach(function (row) { body.appendChild(row); });
    Array.prototype.forEach.call(heads, function (h) {
      h.removeAttribute('aria-sort');
    });
    heads[col].setAttribute('aria-sort', descending ? 'descending' : 'ascending');
  }
  Array.prototype.forEach.call(heads, function (h, col) {
    h.addEventListener('click', function () {
      var now = h.getAttribute('aria-sort');
      // Numbers start largest first, names A to Z.
      var descending = now ? now === 'ascending'
                           : h.getAttribute('data-type') === 'num';
      sortBy(col, descending);
    });
  });
  text.addEventListener('input', applyFilter);
  check.addEventListener('change', applyFilter);
  applyFilter();

  var data = document.getElementById('initscan-json');
  var download = document.getElementById('download-json');
  download.href = URL.createObjectURL(
      new Blob([data.textContent], { type: 'application/json' }));

  if (location.hash === '#selftest') {
    var firstShown = function () {
      for (var i = 0; i < rows.length; ++i)
        if (!rows[i].hidden)
          return rows[i].getAttribute('data-symbol');
      return '-';
    };
    var out = ['json-findings=' + JSON.parse(data.textContent).findings.length];
    sortBy(0, true);
    out.push('cost-desc=' + firstShown());
    sortBy(0, false);
    out.push('cost-asc=' + firstShown());
    sortBy(3, false);
    out.push('symbol-asc=' + firstShown());
    text.value = document.documentElement.getAttribute('data-selftest-filter') || '';
    out.push('filter=' + applyFilter() + ':' + firstShown());
    text.value = '';
    check.value = check.options[check.options.length - 1].value;
    out.push('check=' + check.value + ':' + applyFilter());
    check.value = '';
    applyFilter();
    sortBy(0, true);
    var pre = document.createElement('pre');
    pre.id = 'selftest';
    pre.textContent = out.join(' ');
    document.body.appendChild(pre);
  }
  document.body.setAttribute('data-ready', '1');
})();
)js";

void escape(llvm::raw_ostream &OS, llvm::StringRef Text) {
  llvm::printHTMLEscaped(Text, OS);
}

/// "197 µs", "1.2 ms": the model's time estimate, readable.
std::string formatDuration(uint64_t Nanoseconds) {
  if (Nanoseconds < 1000)
    return llvm::formatv("{0} ns", Nanoseconds).str();
  if (Nanoseconds < 1000 * 1000)
    return llvm::formatv("{0:f1} \u00b5s", Nanoseconds / 1e3).str();
  if (Nanoseconds < 1000 * 1000 * 1000)
    return llvm::formatv("{0:f1} ms", Nanoseconds / 1e6).str();
  return llvm::formatv("{0:f2} s", Nanoseconds / 1e9).str();
}

/// At most \p Max bytes of \p Text, cut at a UTF-8 character boundary, with
/// an ellipsis at the end that was cut (the front for paths).
std::string shorten(llvm::StringRef Text, size_t Max, bool KeepEnd) {
  if (Text.size() <= Max)
    return Text.str();
  auto IsContinuation = [](char C) { return (C & 0xC0) == 0x80; };
  if (KeepEnd) {
    size_t Start = Text.size() - Max + 1;
    while (Start < Text.size() && IsContinuation(Text[Start]))
      ++Start;
    return "\u2026" + Text.substr(Start).str();
  }
  size_t End = Max - 1;
  while (End > 0 && IsContinuation(Text[End]))
    --End;
  return Text.substr(0, End).str() + "\u2026";
}

/// The directory all analysed files share, so locations can be shown short.
std::string commonDirectory(const std::vector<TranslationUnitReport> &Reports) {
  std::optional<std::string> Common;
  auto Narrow = [&](llvm::StringRef File) {
    llvm::StringRef Dir = llvm::sys::path::parent_path(File);
    if (!Common) {
      Common = Dir.str();
      return;
    }
    while (!Common->empty() &&
           !(compat::startsWith(Dir, *Common) &&
             (Dir.size() == Common->size() ||
              llvm::sys::path::is_separator(Dir[Common->size()]) ||
              llvm::sys::path::is_separator(Common->back()))))
      *Common = llvm::sys::path::parent_path(*Common).str();
  };
  for (const TranslationUnitReport &R : Reports) {
    Narrow(R.File);
    for (const FindingRecord &F : R.Findings)
      if (!F.Where.File.empty())
        Narrow(F.Where.File);
  }
  return Common.value_or("");
}

class HtmlWriter {
public:
  HtmlWriter(llvm::raw_ostream &OS,
             const std::vector<TranslationUnitReport> &Reports,
             const ProgramReport &Program, const GateResult &Gates,
             llvm::StringRef DocsBaseURI)
      : OS(OS), Reports(Reports), Program(Program), Gates(Gates),
        DocsBaseURI(DocsBaseURI), BaseDir(commonDirectory(Reports)) {}

  void write() {
    Rows = findingRows();
    OS << "<!DOCTYPE html>\n<html lang=\"en\" data-errors=\"0\"";
    // The self-test filters on the top finding's symbol.
    if (!Rows.empty())
      writeAttribute("data-selftest-filter", Rows.front().Finding->Symbol);
    OS << ">\n<head>\n<meta charset=\"utf-8\">\n"
          "<meta name=\"viewport\" content=\"width=device-width, "
          "initial-scale=1\">\n"
          // No network: nothing may be loaded from anywhere but this file.
          "<meta http-equiv=\"Content-Security-Policy\" content=\"default-src "
          "'none'; style-src 'unsafe-inline'; script-src 'unsafe-inline'\">\n"
          "<title>initscan: start-up cost</title>\n"
          "<script>window.addEventListener('error', function () {"
          " var d = document.documentElement;"
          " d.setAttribute('data-errors', "
          "String(+d.getAttribute('data-errors') + 1));"
          " });</script>\n<style>"
       << StyleSheet << "</style>\n</head>\n<body>\n<main>\n";
    writeHeadline();
    writeCharts();
    writeFindings();
    writeFailures();
    OS << "</main>\n";
    writeEmbeddedJSON();
    OS << "<script>" << Script << "</script>\n</body>\n</html>\n";
  }

private:
  void writeAttribute(llvm::StringRef Name, llvm::StringRef Value) {
    OS << ' ' << Name << "=\"";
    escape(OS, Value);
    OS << '"';
  }

  /// \p File below the common directory; other files (a header elsewhere)
  /// keep their full path.
  std::string relative(llvm::StringRef File) const {
    llvm::StringRef Rel = File;
    if (BaseDir.empty() || !Rel.consume_front(BaseDir) ||
        (!Rel.empty() && !llvm::sys::path::is_separator(Rel.front()) &&
         !llvm::sys::path::is_separator(BaseDir.back())))
      return File.str();
    Rel = Rel.ltrim("/\\");
    return Rel.empty() ? File.str() : Rel.str();
  }

  /// A header finding is reported once per including TU: one row for all.
  struct Row {
    const FindingRecord *Finding;
    unsigned TUs;
  };
  std::vector<Row> findingRows() const {
    std::vector<Row> Rows;
    std::map<std::tuple<llvm::StringRef, llvm::StringRef, llvm::StringRef,
                        unsigned, unsigned>,
             size_t>
        Index;
    for (const TranslationUnitReport &R : Reports)
      for (const FindingRecord &F : R.Findings) {
        auto [It, New] = Index.emplace(
            std::make_tuple(llvm::StringRef(F.Check), llvm::StringRef(F.Symbol),
                            llvm::StringRef(F.Where.File), F.Where.Line,
                            F.Where.Column),
            Rows.size());
        if (New)
          Rows.push_back({&F, 0});
        ++Rows[It->second].TUs;
      }
    // Largest first; the table's initial order.
    std::stable_sort(Rows.begin(), Rows.end(), [](const Row &A, const Row &B) {
      return A.Finding->Cost.Instructions > B.Finding->Cost.Instructions;
    });
    return Rows;
  }

  void writeStat(const llvm::Twine &Value, const llvm::Twine &Label,
                 llvm::StringRef Class = "") {
    OS << "<div class=\"stat\"><b";
    if (!Class.empty())
      OS << " class=\"" << Class << '"';
    OS << ">";
    escape(OS, Value.str());
    OS << "</b><span>";
    escape(OS, Label.str());
    OS << "</span></div>";
  }

  void writeHeadline() {
    const InitCost &Total = Program.Total;
    OS << "<h1>initscan: code that runs before <code>main</code></h1>\n"
          "<p class=\"sub\">Estimated from initscan's calibrated cost model; "
          "unseen calls are not included.</p>\n"
          "<section class=\"card headline\" id=\"summary\">\n"
          "<div class=\"total\"><div class=\"label\">Estimated start-up "
          "cost</div><div class=\"value\" id=\"total-instructions\">"
       << (Total.Instructions ? "~" : "") << formatCount(Total.Instructions)
       << " <span class=\"unit\">instructions</span></div>"
          "<div class=\"time\">\u2248 "
       << formatDuration(Total.estimatedNanoseconds())
       << " at the model's nominal rate</div></div>\n<div class=\"stats\">";
    writeStat(llvm::Twine(Program.Ranked.size()),
              Program.Ranked.size() == Program.Initializers
                  ? "initializers before main"
                  : llvm::formatv("initializers ({0} in all TUs)",
                                  Program.Initializers)
                        .str());
    writeStat(formatCount(Total.Allocations), "heap allocations");
    writeStat(llvm::Twine(Program.ExitDestructors), "exit-time destructors");
    writeStat(llvm::Twine(Total.UnknownCalls), "unseen calls");
    writeStat(llvm::Twine(Program.TUs), "translation units");
    if (Gates.Budget) {
      bool Over = Total.Instructions > *Gates.Budget;
      writeStat(Over ? "over by ~" +
                           formatCount(Total.Instructions - *Gates.Budget)
                     : "within",
                "budget: " + formatCount(*Gates.Budget) + " instructions",
                Over ? "over" : "within");
    }
    OS << "</div>\n";
    std::vector<llvm::StringRef> Effects = effectNames(Total.Effects);
    if (!Effects.empty() || Gates.HasBaseline) {
      OS << "<div class=\"chips\">";
      for (llvm::StringRef Effect : Effects)
        OS << "<span class=\"chip warn\">" << Effect << "</span>";
      if (Gates.HasBaseline)
        OS << "<span class=\"chip\">baseline: " << Gates.BaselineSuppressed
           << " known finding(s) hidden</span>";
      OS << "</div>\n";
    }
    OS << "</section>\n";
  }

  /// " · 12%" of the program total (as HTML), when there is a total.
  std::string share(uint64_t Instructions) const {
    if (Program.Total.Instructions == 0)
      return "";
    double Percent = 100.0 * Instructions / Program.Total.Instructions;
    if (Percent < 0.1)
      return " \u00b7 &lt;0.1%";
    return llvm::formatv(Percent < 10 ? " \u00b7 {0:f1}%" : " \u00b7 {0:f0}%",
                         Percent)
        .str();
  }

  struct Bar {
    std::string Label, Tooltip;
    uint64_t Instructions;
    bool Registrar;
  };

  /// A horizontal bar chart, largest first, as inline SVG.
  void writeBarChart(llvm::StringRef Id, llvm::StringRef Title,
                     llvm::StringRef Note, const std::vector<Bar> &Bars,
                     size_t Omitted) {
    constexpr unsigned Width = 1100, LabelWidth = 330, BarStart = 340,
                       BarEnd = 960, RowHeight = 26, BarHeight = 16;
    OS << "<section class=\"card\"><h2>" << Title << "</h2>\n";
    if (Bars.empty()) {
      OS << "<p class=\"empty\">Nothing runs before main.</p></section>\n";
      return;
    }
    uint64_t Max = std::max<uint64_t>(1, Bars.front().Instructions);
    unsigned Height = Bars.size() * RowHeight + 4;
    OS << llvm::formatv(
        "<svg class=\"bars\" id=\"{0}\" viewBox=\"0 0 {1} {2}\" "
        "role=\"img\" aria-label=\"",
        Id, Width, Height);
    escape(OS, Title);
    OS << "\">\n";
    unsigned Y = 2;
    for (const Bar &B : Bars) {
      unsigned Length = std::max<uint64_t>(
          2, (B.Instructions * (BarEnd - BarStart) + Max / 2) / Max);
      unsigned Middle = Y + RowHeight / 2;
      OS << "<g><title>";
      escape(OS, B.Tooltip);
      OS << "</title>";
      OS << llvm::formatv("<text x=\"{0}\" y=\"{1}\" text-anchor=\"end\" "
                          "dominant-baseline=\"middle\">",
                          LabelWidth, Middle);
      escape(OS, shorten(B.Label, 44,
                         /*KeepEnd=*/B.Label.find('/') != std::string::npos));
      OS << llvm::formatv(
          "</text><rect class=\"track\" x=\"{0}\" y=\"{1}\" width=\"{2}\" "
          "height=\"{3}\" rx=\"3\"/><rect class=\"bar{4}\" x=\"{0}\" y=\"{1}\" "
          "width=\"{5}\" height=\"{3}\" rx=\"3\"/><text class=\"val\" "
          "x=\"{6}\" "
          "y=\"{7}\" dominant-baseline=\"middle\">~{8}{9}</text></g>\n",
          BarStart, Middle - BarHeight / 2, BarEnd - BarStart, BarHeight,
          B.Registrar ? " reg" : "", Length, BarEnd + 8, Middle,
          formatCount(B.Instructions), share(B.Instructions));
      Y += RowHeight;
    }
    OS << "</svg>\n";
    if (Omitted)
      OS << "<p class=\"more\">\u2026 and " << Omitted
         << " smaller ones (see the JSON report).</p>\n";
    if (!Note.empty())
      OS << "<p class=\"more\">" << Note << "</p>\n";
    OS << "</section>\n";
  }

  void writeCharts() {
    constexpr size_t MaxBars = 20;
    std::vector<Bar> Globals;
    for (const ProgramEntry &E : Program.Ranked) {
      if (Globals.size() == MaxBars)
        break;
      const GlobalRecord &G = *E.Global;
      std::string Tooltip =
          llvm::formatv("{0} \u2014 {1}:{2}\n{3}", G.Symbol,
                        relative(G.Where.File), G.Where.Line, E.Total.summary())
              .str();
      if (E.TUs > 1)
        Tooltip += llvm::formatv("\ndefined in {0} TUs, runs {1} time(s)",
                                 E.TUs, E.Instances)
                       .str();
      if (G.Registrar)
        Tooltip += "\nregistrar: " + G.Registry;
      Globals.push_back(
          {G.Symbol, std::move(Tooltip), E.Total.Instructions, G.Registrar});
    }
    std::vector<Bar> Units;
    for (const TranslationUnitReport &R : Reports) {
      if (R.Failed)
        continue;
      InitCost Cost = R.StartupCost();
      if (Cost.Instructions == 0 && Cost.Allocations == 0)
        continue;
      Units.push_back({relative(R.File), R.File + "\n" + Cost.summary(),
                       Cost.Instructions, false});
    }
    std::stable_sort(Units.begin(), Units.end(),
                     [](const Bar &A, const Bar &B) {
                       return A.Instructions > B.Instructions;
                     });
    size_t UnitsOmitted = Units.size() > MaxBars ? Units.size() - MaxBars : 0;
    Units.resize(Units.size() - UnitsOmitted);
    writeBarChart("chart-globals", "Start-up cost by global",
                  Program.Registries.empty()
                      ? ""
                      : "Purple bars are registrars (built only to fill a "
                        "registry).",
                  Globals, Program.Ranked.size() - Globals.size());
    writeBarChart("chart-tus", "Start-up cost by translation unit",
                  "Per TU as compiled: a header global counts in every TU "
                  "that includes it.",
                  Units, UnitsOmitted);
  }

  void writeFindingRow(const Row &R) {
    const FindingRecord &F = *R.Finding;
    OS << "<tr";
    writeAttribute("data-check", F.Check);
    writeAttribute("data-symbol", F.Symbol);
    OS << ">";
    OS << llvm::formatv(
        "<td class=\"num\" data-v=\"{0}\" title=\"{1} ns\">~{2}</td>"
        "<td class=\"num\" data-v=\"{3}\">{3}</td>",
        F.Cost.Instructions, F.Cost.estimatedNanoseconds(),
        formatCount(F.Cost.Instructions), F.Cost.Allocations);
    OS << "<td><a";
    writeAttribute("href", checkHelpURI(DocsBaseURI, F.Check));
    writeAttribute("title", checkDescription(F.Check));
    OS << ">";
    escape(OS, llvm::StringRef(F.Check).drop_front(
                   compat::startsWith(F.Check, "initscan-") ? 9 : 0));
    OS << "</a></td><td class=\"sym\"><code>";
    // Long qualified names may wrap after a scope.
    llvm::SmallVector<llvm::StringRef, 4> Scopes;
    llvm::StringRef(F.Symbol).split(Scopes, "::");
    for (size_t I = 0; I < Scopes.size(); ++I) {
      if (I)
        OS << "::<wbr>";
      escape(OS, Scopes[I]);
    }
    OS << "</code></td><td class=\"where\"";
    writeAttribute("data-v", relative(F.Where.File) +
                                 llvm::formatv(":{0,8}", F.Where.Line).str());
    OS << "><a";
    writeAttribute("href", fileURI(F.Where.File));
    writeAttribute("title", F.Where.File);
    OS << ">";
    escape(OS, relative(F.Where.File));
    OS << ":" << F.Where.Line << "</a>";
    if (R.TUs > 1)
      OS << " <span class=\"more\">\u00d7 " << R.TUs << " TUs</span>";
    OS << "</td><td><p class=\"msg\">";
    escape(OS, F.Message);
    OS << "</p>";
    if (F.RewriteKind != Rewrite::None || !F.Advice.empty()) {
      OS << "<span class=\"kind\">";
      escape(OS, rewriteKindName(F.RewriteKind));
      OS << "</span>";
      if (!F.Fixes.empty())
        OS << "<span class=\"fix\" title=\"initscan --fix applies it\">"
              "fix-it</span>";
      if (!F.Advice.empty()) {
        OS << "<p class=\"advice\">";
        escape(OS, F.Advice);
        OS << "</p>";
      }
      if (!F.RewriteText.empty()) {
        OS << "<pre class=\"rewrite\">";
        escape(OS, F.RewriteText);
        OS << "</pre>";
      }
    }
    OS << "</td></tr>\n";
  }

  void writeFindings() {
    OS << "<section class=\"card\" id=\"findings-card\"><h2>Findings</h2>\n"
          "<div class=\"controls\"><input id=\"filter-text\" type=\"search\" "
          "placeholder=\"Filter by symbol, file, message\u2026\" "
          "aria-label=\"Filter findings\"><select id=\"filter-check\" "
          "aria-label=\"Check\"><option value=\"\">All checks</option>";
    for (llvm::StringRef Check : AllChecks)
      if (llvm::any_of(Rows,
                       [&](const Row &R) { return R.Finding->Check == Check; }))
        OS << "<option value=\"" << Check << "\">" << Check << "</option>";
    OS << "</select><span class=\"count\" id=\"shown-count\">" << Rows.size()
       << " findings</span><a id=\"download-json\" download=\"initscan.json\" "
          "href=\"#\">Download JSON</a></div>\n";
    if (Rows.empty())
      OS << "<p class=\"empty\">No findings.</p>\n";
    // Kept when empty (hidden): the script expects it.
    OS << "<table id=\"findings\"" << (Rows.empty() ? " hidden" : "")
       << "><colgroup><col class=\"c-cost\"><col "
          "class=\"c-alloc\"><col class=\"c-check\"><col class=\"c-sym\"><col "
          "class=\"c-where\"><col></colgroup>\n<thead><tr>"
          "<th data-type=\"num\" aria-sort=\"descending\">Cost</th>"
          "<th data-type=\"num\">Allocs</th><th>Check</th><th>Symbol</th>"
          "<th>Location</th><th>Finding and "
          "rewrite</th></tr></thead>\n<tbody>\n";
    for (const Row &R : Rows)
      writeFindingRow(R);
    OS << "</tbody></table>\n</section>\n";
  }

  void writeFailures() {
    bool Any = false;
    for (const TranslationUnitReport &R : Reports) {
      if (!R.Failed)
        continue;
      if (!Any)
        OS << "<section class=\"card\" id=\"failed\"><h2 class=\"over\">Not "
              "analysed (compilation failed)</h2><ul>";
      Any = true;
      OS << "<li><code>";
      escape(OS, R.File);
      OS << "</code></li>";
    }
    if (Any)
      OS << "</ul></section>\n";
  }

  /// The --format=json report, as data. '<' only occurs inside JSON strings,
  /// where "\u003c" means the same, so "</script>" cannot end the element.
  void writeEmbeddedJSON() {
    std::string JSON;
    StringBuilderStream JOS(JSON);
    writeJSON(JOS, Reports, Program, Gates);
    JOS.flush();
    OS << "<script type=\"application/json\" id=\"initscan-json\">";
    for (char C : JSON) {
      if (C == '<')
        OS << "\\u003c";
      else
        OS << C;
    }
    OS << "</script>\n";
  }

  llvm::raw_ostream &OS;
  const std::vector<TranslationUnitReport> &Reports;
  const ProgramReport &Program;
  const GateResult &Gates;
  llvm::StringRef DocsBaseURI;
  std::string BaseDir;
  std::vector<Row> Rows; ///< The findings table, largest first.
};

} // namespace

void writeHTML(llvm::raw_ostream &OS,
               const std::vector<TranslationUnitReport> &Reports,
               const ProgramReport &Program, const GateResult &Gates,
               llvm::StringRef DocsBaseURI) {
  HtmlWriter(OS, Reports, Program, Gates, DocsBaseURI).write();
}

} // namespace initscan::cli
