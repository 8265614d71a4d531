// The libc++ variant of initscan-heap-escaping-capture.cpp, whose
// CHECK-MESSAGES-LIBCXX lines it checks. A file of its own because lit before
// 15 has no `%if feature %{...%}` and libc++ headers are optional.
// REQUIRES: libcxx
// RUN: %check_clang_tidy -check-suffixes=,LIBCXX %S/initscan-heap-escaping-capture.cpp initscan-heap-escaping-capture %t -- -- -stdlib=libc++
