// Request type and the handler registry used by the dispatcher.
#pragma once

#include <functional>
#include <map>
#include <string>
#include <string_view>

struct Request {
  std::string route;
  std::string body;
  std::string user;
};

using Handler = std::function<std::string(const Request&)>;

// Handlers contributed by other modules through REGISTER_HANDLER.
std::map<std::string, Handler>& handlerRegistry();

struct Registrar {
  Registrar(const char* name, Handler handler);
};

#define REGISTER_HANDLER(name, fn) static Registrar registrar_##name(#name, fn);

// Formats a response line: "<status> <body>".
std::string render(int status, std::string_view body);

// Looks the route up in the built-in table, then in the registry.
// Returns false when no handler matches.
bool dispatch(const Request& req, std::string& response);

// Hooks run by main() before the process exits.
void runShutdownHooks();
