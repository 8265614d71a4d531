#include <regex>

#include "config.h"
#include "request.h"
#include "service_strings.h"

namespace {

struct Item {
  std::string_view sku;
  int quantity;
};

constexpr Item kSeedInventory[] = {
    {"SKU-1001", 12},
    {"SKU-1002", 0},
    {"SKU-2040", 7},
};

}  // namespace

const std::regex kEmailPattern(R"(^[A-Za-z0-9._%+-]+@[A-Za-z0-9.-]+\.[A-Za-z]{2,}$)");

thread_local std::string tlsBuffer;

std::string render(int status, std::string_view body) {
  tlsBuffer.clear();
  tlsBuffer += std::to_string(status);
  tlsBuffer += ' ';
  tlsBuffer.append(body.data(), body.size());
  return tlsBuffer;
}

static std::string handleHealth(const Request&) {
  return render(200, "ok region=" + gConfig.get("region", "local"));
}

static std::string validateEmail(const Request& req) {
  if (std::regex_match(req.body, kEmailPattern)) return render(200, "valid");
  return render(422, "invalid email: " + req.body);
}

static std::string listItems(const Request& req) {
  std::string out;
  for (const Item& item : kSeedInventory) {
    if (!req.body.empty() && item.sku != req.body) continue;
    if (!out.empty()) out += ',';
    out += std::string(item.sku) + "=" + std::to_string(item.quantity);
  }
  return out.empty() ? render(404, "no such item") : render(200, out);
}

std::map<std::string, Handler> gRoutes = {
    {"health", handleHealth},
    {"version", [](const Request&) { return render(200, std::string(kServiceName) + " " + std::string(kVersion)); }},
    {"echo", [](const Request& req) { return render(200, req.body); }},
    {"whoami", [](const Request& req) { return render(200, req.user.empty() ? "anonymous" : req.user); }},
    {"validate-email", validateEmail},
    {"items", listItems},
};

REGISTER_HANDLER(ping, [](const Request&) { return render(200, "pong"); })

bool dispatch(const Request& req, std::string& response) {
  auto it = gRoutes.find(req.route);
  if (it == gRoutes.end()) {
    auto& registry = handlerRegistry();
    it = registry.find(req.route);
    if (it == registry.end()) return false;
  }
  response = it->second(req);
  return true;
}
