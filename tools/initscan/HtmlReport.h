//===- HtmlReport.h - Self-contained HTML report of initscan -*- C++ -*-===//
//
// One file that opens in any browser without network access: the program's
// start-up cost, bar charts by TU and by global, and a sortable, filterable
// table of the findings with their rewrites.
//
//===----------------------------------------------------------------------===//
#ifndef INITSCAN_TOOLS_HTMLREPORT_H
#define INITSCAN_TOOLS_HTMLREPORT_H

#include "Report.h"

namespace initscan::cli {

/// Writes the HTML report. \p DocsBaseURI is the base of the check docs links
/// (the same as SARIF's helpUri). The --format=json report is embedded as
/// data, so the page also carries the machine-readable form.
void writeHTML(llvm::raw_ostream &OS,
               const std::vector<TranslationUnitReport> &Reports,
               const ProgramReport &Program, const GateResult &Gates,
               llvm::StringRef DocsBaseURI);

} // namespace initscan::cli

#endif // INITSCAN_TOOLS_HTMLREPORT_H
