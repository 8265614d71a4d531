// A header included by several translation units: a handler type, a registrar
// whose constructor is defined in another translation unit, the macro that
// declares registrars, and a table with internal linkage (one copy per TU).
#pragma once

#include <functional>
#include <map>
#include <string>

struct Request {
  std::string route;
  std::string body;
};

using Handler = std::function<std::string(const Request &)>;

std::string renderOk(const Request &);
std::string renderNotFound(const Request &);

struct Registrar {
  Registrar(const char *name, Handler handler); // Defined in registry.cpp.
};

#define REGISTER_HANDLER(name, fn) static Registrar registrar_##name(#name, fn);

static const std::map<std::string, Handler> kBuiltinRoutes = {
    {"ok", renderOk},
    {"missing", renderNotFound},
};
