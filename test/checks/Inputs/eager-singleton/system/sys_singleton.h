// A third-party header included as a system header (-isystem).
#pragma once

#include <cstdlib>

struct SysSettings {
  SysSettings() : Home(std::getenv("HOME")) {}
  const char *Home;
};

SysSettings gSysSettings;
