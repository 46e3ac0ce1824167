#include "xml_util.h"

#include <libxml/entities.h>
#include <libxml/uri.h>

#include <cctype>

namespace vigil::parse_internal {
namespace {

const char* AsChars(const xmlChar* s) { return reinterpret_cast<const char*>(s); }

struct XmlCharFree {
  void operator()(xmlChar* s) const { xmlFree(s); }
};
using XmlString = std::unique_ptr<xmlChar, XmlCharFree>;

void AppendEntityText(const xmlNode* ref, std::string* out) {
  xmlEntity* ent = xmlGetDocEntity(ref->doc, ref->name);
  if (ent != nullptr && ent->content != nullptr) out->append(AsChars(ent->content));
}

}  // namespace

std::string AsciiLowerCopy(std::string_view s) {
  std::string out(s);
  for (char& c : out) c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
  return out;
}

std::string_view TrimWhitespace(std::string_view s) {
  const char* ws = " \t\r\n\f\v";
  size_t b = s.find_first_not_of(ws);
  if (b == std::string_view::npos) return {};
  return s.substr(b, s.find_last_not_of(ws) - b + 1);
}

std::string LocalName(const xmlNode* node) {
  if (node == nullptr || node->type != XML_ELEMENT_NODE || node->name == nullptr) return {};
  // Undeclared prefixes stay in the name ("rdf:RDF"); drop them too.
  std::string_view name = AsChars(node->name);
  size_t colon = name.rfind(':');
  if (colon != std::string_view::npos) name.remove_prefix(colon + 1);
  return AsciiLowerCopy(name);
}

std::string_view NamespaceUri(const xmlNode* node) {
  if (node == nullptr || node->ns == nullptr || node->ns->href == nullptr) return {};
  return AsChars(node->ns->href);
}

std::string Attr(const xmlNode* node, const char* name) {
  if (node == nullptr || node->type != XML_ELEMENT_NODE) return {};
  for (const xmlAttr* a = node->properties; a != nullptr; a = a->next) {
    if (a->name == nullptr || AsciiLowerCopy(AsChars(a->name)) != name) continue;
    // Built by hand rather than with xmlNodeListGetString(..., 1), which
    // expands entities recursively on every call: a feed repeating one big
    // entity in many attributes would cost its expansion each time.
    std::string value;
    for (const xmlNode* child = a->children; child != nullptr; child = child->next) {
      if (child->type == XML_TEXT_NODE && child->content != nullptr) {
        value.append(AsChars(child->content));
      } else if (child->type == XML_ENTITY_REF_NODE) {
        AppendEntityText(child, &value);
      }
    }
    return value;
  }
  return {};
}

bool HasAttr(const xmlNode* node, const char* name) {
  if (node == nullptr || node->type != XML_ELEMENT_NODE) return false;
  for (const xmlAttr* a = node->properties; a != nullptr; a = a->next) {
    if (a->name != nullptr && AsciiLowerCopy(AsChars(a->name)) == name) return true;
  }
  return false;
}

std::string RawText(const xmlNode* node) {
  std::string out;
  if (node == nullptr) return out;
  if (node->type == XML_TEXT_NODE || node->type == XML_CDATA_SECTION_NODE) {
    if (node->content != nullptr) out = AsChars(node->content);
    return out;
  }
  if (node->type == XML_ENTITY_REF_NODE) {
    AppendEntityText(node, &out);
    return out;
  }
  // Iterative walk: entity-ref children point into the DTD, so never descend
  // into them (their parent pointers would lead elsewhere).
  const xmlNode* cur = node->children;
  while (cur != nullptr) {
    bool descend = false;
    if (cur->type == XML_TEXT_NODE || cur->type == XML_CDATA_SECTION_NODE) {
      if (cur->content != nullptr) out.append(AsChars(cur->content));
    } else if (cur->type == XML_ENTITY_REF_NODE) {
      AppendEntityText(cur, &out);
    } else if (cur->type == XML_ELEMENT_NODE) {
      descend = cur->children != nullptr;
    }
    if (descend) {
      cur = cur->children;
      continue;
    }
    while (cur != nullptr && cur->next == nullptr) {
      cur = cur->parent;
      if (cur == node) cur = nullptr;
    }
    if (cur != nullptr) cur = cur->next;
  }
  return out;
}

std::string ResolveAgainst(std::string_view base, std::string_view ref) {
  std::string r(TrimWhitespace(ref));
  if (base.empty()) return r;
  std::string b(base);
  XmlString built(xmlBuildURI(reinterpret_cast<const xmlChar*>(r.c_str()),
                              reinterpret_cast<const xmlChar*>(b.c_str())));
  if (!built) return r;
  return AsChars(built.get());
}

std::string ResolveLink(const xmlNode* node, std::string_view ref) {
  std::string r(TrimWhitespace(ref));
  if (node == nullptr || r.empty()) return r;
  XmlString base(xmlNodeGetBase(node->doc, node));
  if (!base) return r;
  return ResolveAgainst(AsChars(base.get()), r);
}

}  // namespace vigil::parse_internal
