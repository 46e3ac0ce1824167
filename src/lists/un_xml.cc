// The UN Security Council consolidated list (scsanctions.un.org, XML):
// CONSOLIDATED_LIST/INDIVIDUALS/INDIVIDUAL and .../ENTITIES/ENTITY records
// with FIRST_NAME..FOURTH_NAME, REFERENCE_NUMBER, UN_LIST_TYPE,
// NAME_ORIGINAL_SCRIPT and *_ALIAS (QUALITY, ALIAS_NAME).
//
// libxml2 is run without network access, without entity substitution and
// without DTD loading; text is read from text and CDATA nodes only, so an
// entity reference is never expanded (no "billion laughs").
#include <libxml/parser.h>
#include <libxml/tree.h>

#include <climits>
#include <cstring>
#include <memory>

#include "list_builder.h"
#include "csv_reader.h"
#include "vigil/lists/list_formats.h"

namespace vigil {

namespace {

bool Is(const xmlNode* node, const char* name) {
  return node->type == XML_ELEMENT_NODE &&
         std::strcmp(reinterpret_cast<const char*>(node->name), name) == 0;
}

// The element's own text (text and CDATA children), cleaned; entity
// references are skipped, never expanded.
std::string Text(const xmlNode* node) {
  std::string text;
  for (const xmlNode* child = node->children; child; child = child->next) {
    if ((child->type == XML_TEXT_NODE || child->type == XML_CDATA_SECTION_NODE) &&
        child->content) {
      text += reinterpret_cast<const char*>(child->content);
    }
  }
  return CleanName(text);
}

std::string ChildText(const xmlNode* node, const char* name) {
  for (const xmlNode* child = node->children; child; child = child->next) {
    if (Is(child, name)) return Text(child);
  }
  return "";
}

// INDIVIDUAL_ALIAS / ENTITY_ALIAS: QUALITY "Low" is a weak alias; "Good",
// "a.k.a.", "f.k.a." and empty are strong.
void ReadAlias(const xmlNode* alias, Entity& entity) {
  std::string name = ChildText(alias, "ALIAS_NAME");
  std::string quality = ChildText(alias, "QUALITY");
  if (quality == "Low" || quality == "low") {
    AddWeakAlias(entity, name);
  } else {
    AddAlias(entity, name);
  }
}

void ReadRecord(const xmlNode* node, EntityType type, std::string_view file,
                ListBuilder& builder) {
  builder.CountRecord();
  Entity entity;
  entity.type = type;
  std::string parts[4];
  const char* alias_tag = type == EntityType::kPerson ? "INDIVIDUAL_ALIAS" : "ENTITY_ALIAS";
  std::vector<const xmlNode*> aliases;
  for (const xmlNode* child = node->children; child; child = child->next) {
    if (Is(child, "REFERENCE_NUMBER")) entity.id = Text(child);
    else if (Is(child, "FIRST_NAME")) parts[0] = Text(child);
    else if (Is(child, "SECOND_NAME")) parts[1] = Text(child);
    else if (Is(child, "THIRD_NAME")) parts[2] = Text(child);
    else if (Is(child, "FOURTH_NAME")) parts[3] = Text(child);
    else if (Is(child, "UN_LIST_TYPE")) {
      std::string program = Text(child);
      if (!program.empty()) entity.programs.push_back(std::move(program));
    } else if (Is(child, alias_tag) || Is(child, "NAME_ORIGINAL_SCRIPT")) {
      aliases.push_back(child);
    } else if (Is(child, "INDIVIDUAL_DATE_OF_BIRTH")) {
      // DATE (1948-05-02), YEAR, or FROM_YEAR and TO_YEAR; TYPE_OF_DATE
      // "APPROXIMATELY" widens a year as "circa" does.
      std::string circa = ChildText(child, "TYPE_OF_DATE") == "APPROXIMATELY" ? "circa " : "";
      for (const char* part : {"DATE", "YEAR", "FROM_YEAR", "TO_YEAR"}) {
        std::string date = ChildText(child, part);
        if (!date.empty()) AddBirthYears(entity, circa + date);
      }
    }
  }
  for (const std::string& part : parts) {
    if (part.empty()) continue;
    if (!entity.name.empty()) entity.name += ' ';
    entity.name += part;
  }
  // Aliases after the name is known, so that a copy of the name is dropped.
  for (const xmlNode* alias : aliases) {
    if (Is(alias, "NAME_ORIGINAL_SCRIPT")) {
      AddAlias(entity, Text(alias));
    } else {
      ReadAlias(alias, entity);
    }
  }
  builder.Add(std::move(entity), file, static_cast<int>(xmlGetLineNo(node)));
}

// The first error libxml2 reports is the one to fix; later ones (such as
// "Premature end of data") follow from it.
struct FirstError {
  bool set = false;
  int line = 0;
  int column = 0;
  std::string message;
};

void KeepFirstError(void* data, xmlErrorPtr error) {
  auto* context = static_cast<xmlParserCtxt*>(data);
  auto* first = static_cast<FirstError*>(context->_private);
  if (!first || first->set || !error || error->level < XML_ERR_ERROR) return;
  first->set = true;
  first->line = error->line;
  first->column = error->int2;
  first->message = CleanName(error->message ? error->message : "XML error");
}

struct DocFree {
  void operator()(xmlDoc* doc) const { xmlFreeDoc(doc); }
};
struct ContextFree {
  void operator()(xmlParserCtxt* context) const { xmlFreeParserCtxt(context); }
};

}  // namespace

Result<ListReport> ParseUnXml(const ListText& xml) {
  xmlInitParser();
  std::unique_ptr<xmlParserCtxt, ContextFree> context(xmlNewParserCtxt());
  if (!context) return Status::Error(xml.file + ": out of memory");
  FirstError first_error;
  context->_private = &first_error;
  // Parser errors go to the context's structured handler, with the context
  // (its userData) as `data`: no global handler is touched.
  context->sax->serror = KeepFirstError;
  // NONET: never fetch anything; HUGE: large text nodes are fine; BIG_LINES:
  // line numbers past 65535 stay right (the real list has 51,826 and grows);
  // no NOENT or DTDLOAD, so entities stay unexpanded and no external DTD is read.
  constexpr int kOptions = XML_PARSE_NONET | XML_PARSE_HUGE | XML_PARSE_BIG_LINES |
                           XML_PARSE_NOERROR | XML_PARSE_NOWARNING | XML_PARSE_COMPACT;
  if (xml.bytes.size() > static_cast<size_t>(INT_MAX)) {
    return Status::Error(xml.file + ": file too large (over 2 GiB)");
  }
  // Invalid UTF-8 would stop libxml2 at the first bad byte; repair it as in
  // every other format (the list is UTF-8 by its schema).
  std::string bytes = SanitizeUtf8(xml.bytes);
  std::unique_ptr<xmlDoc, DocFree> doc(xmlCtxtReadMemory(
      context.get(), bytes.data(), static_cast<int>(bytes.size()), nullptr, "UTF-8", kOptions));
  if (!doc || !context->wellFormed) {
    if (!first_error.set) return Status::Error(xml.file + ": not well-formed XML");
    return Status::Error(xml.file + ":" + std::to_string(first_error.line) + ":" +
                         std::to_string(first_error.column) + ": " + first_error.message);
  }
  const xmlNode* root = xmlDocGetRootElement(doc.get());
  if (!root || !Is(root, "CONSOLIDATED_LIST")) {
    return Status::Error(xml.file + ": not a UN consolidated list (root element is not CONSOLIDATED_LIST)");
  }
  ListBuilder builder;
  for (const xmlNode* group = root->children; group; group = group->next) {
    bool individuals = Is(group, "INDIVIDUALS");
    if (!individuals && !Is(group, "ENTITIES")) continue;
    const char* tag = individuals ? "INDIVIDUAL" : "ENTITY";
    EntityType type = individuals ? EntityType::kPerson : EntityType::kOrganization;
    for (const xmlNode* node = group->children; node; node = node->next) {
      if (Is(node, tag)) ReadRecord(node, type, xml.file, builder);
    }
  }
  return builder.Finish(xml.file);
}

}  // namespace vigil
