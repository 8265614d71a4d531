// Included after the main file declares kUsedByHeader: c_str() has no
// std::string_view twin.
inline const char *usedByHeader() { return kUsedByHeader.c_str(); }
