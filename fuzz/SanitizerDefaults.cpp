//===- SanitizerDefaults.cpp - ASan defaults of the fuzz targets ----------===//
//
// Our code is instrumented, LLVM's shared libraries are not. LLVM's inline
// allocators poison fresh slabs when compiled with ASan (in our code) and
// unpoison only what they hand out there, so memory the uninstrumented
// libraries later allocate from such a slab looks poisoned: turn manual
// poisoning off. Leaks: the uninstrumented libraries keep some allocations
// for the life of the process.
//
//===----------------------------------------------------------------------===//

extern "C" const char *__asan_default_options() {
  return "allow_user_poisoning=0:detect_leaks=0";
}
