// JSON Feed 1.0/1.1 (https://jsonfeed.org/version/1.1).
#include <nlohmann/json.hpp>

#include "feed_parsers.h"
#include "html_text.h"
#include "text_builder.h"
#include "xml_util.h"

namespace vigil::parse_internal {
namespace {

using nlohmann::json;

std::string StringField(const json& obj, const char* key) {
  auto it = obj.find(key);
  if (it == obj.end()) return {};
  if (it->is_string()) return it->get<std::string>();
  if (it->is_number()) return it->dump();  // ids are sometimes numbers
  return {};
}

Item JsonItem(const json& obj, const std::string& base) {
  Item item;
  item.guid = StringField(obj, "id");
  std::string url = StringField(obj, "url");
  if (url.empty()) url = StringField(obj, "external_url");
  item.link = ResolveAgainst(base, url);
  item.title = CollapseToLine(HtmlFragmentToText(StringField(obj, "title")));
  std::string content = HtmlFragmentToText(StringField(obj, "content_html"));
  if (content.empty()) {
    TextBuilder b;
    b.AddText(StringField(obj, "content_text"));
    content = b.text();
  }
  std::string summary = CollapseToLine(StringField(obj, "summary"));
  item.text = summary.size() > content.size() ? summary : content;
  item.published_unix_ms = ParseFeedDate(StringField(obj, "date_published"));
  if (!item.published_unix_ms) item.published_unix_ms = ParseFeedDate(StringField(obj, "date_modified"));
  return item;
}

}  // namespace

Status ParseJsonFeed(std::string_view utf8, const std::string& url, ParsedDocument* doc) {
  json root = json::parse(utf8.begin(), utf8.end(), nullptr, /*allow_exceptions=*/false);
  if (root.is_discarded()) return Status::Error("malformed feed: invalid JSON");
  if (!root.is_object()) return Status::Error("not a feed: JSON is not an object");
  doc->kind = DocumentKind::kJsonFeed;
  doc->title = CollapseToLine(StringField(root, "title"));
  // Relative item URLs resolve against where the feed came from.
  std::string base = url.empty() ? StringField(root, "home_page_url") : url;
  auto items = root.find("items");
  if (items == root.end() || !items->is_array()) return Status::Ok();
  for (const json& obj : *items) {
    if (obj.is_object()) doc->items.push_back(JsonItem(obj, base));
  }
  return Status::Ok();
}

}  // namespace vigil::parse_internal
