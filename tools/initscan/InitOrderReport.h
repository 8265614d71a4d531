//===- InitOrderReport.h - initscan-init-order in the CLI --------*- C++ -*-===//
#ifndef INITSCAN_TOOLS_INITORDERREPORT_H
#define INITSCAN_TOOLS_INITORDERREPORT_H

#include "Report.h"

namespace initscan::cli {

/// Runs the whole-program initscan-init-order over the facts of \p Reports
/// and adds each issue as a finding of the reader's TU (when the check is
/// enabled there), with its text diagnostic and its chain.
void addInitOrderFindings(std::vector<TranslationUnitReport> &Reports);

} // namespace initscan::cli

#endif // INITSCAN_TOOLS_INITORDERREPORT_H
