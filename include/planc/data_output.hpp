#pragma once
/// Open data: the model as JSON (plan.json) and targets as CSV (targets.csv).

#include <nlohmann/json.hpp>
#include <string>

#include "planc/model.hpp"

namespace planc {

/// How JSON text is laid out. The site's files are compact: a program reads them, and
/// plan.json is a third smaller without the indent (a national site's open data, and the
/// time to write it, shrink by as much). `planc dump` indents, for a person at a terminal.
enum class JsonLayout {
    Compact,   ///< nlohmann's dump(): no white space
    Indented,  ///< nlohmann's dump(2): a value a line, two spaces an indent
};

/// The whole document model as JSON text (plan.json), following
/// docs/schema/plan.schema.json. Keys in a fixed order; no source text, no absolute
/// paths: the same model gives the same bytes.
std::string document_json_text(const Document& doc, const Partnership& partnership,
                               JsonLayout layout = JsonLayout::Compact);
/// The same as a JSON tree (read back from the text).
nlohmann::ordered_json document_to_json(const Document& doc, const Partnership& partnership);

/// A partnership (without its documents' bodies) as JSON text, and as a tree.
std::string partnership_json_text(const Partnership& partnership);
nlohmann::ordered_json partnership_to_json(const Partnership& partnership);

/// `targets.csv`: header row then one row per target (RFC 4180 quoting, LF line ends):
/// partnership, plan, priority, priority_title, text, direction, measure, unit, baseline,
/// baseline_year, target, deadline, status (complete/incomplete), gaps, source_line, then
/// change, change_unit, indicator, lead. Numbers are written without units or thousands
/// separators, with the decimals the source used; an unknown value is an empty cell.
std::string targets_csv(const Document& doc, const Partnership& partnership);

/// `targets.csv-metadata.json`: CSV on the Web (CSVW) metadata describing the columns and
/// datatypes of `targets_csv` for the same document, as compact JSON text.
std::string targets_csv_metadata(const Document& doc, const Partnership& partnership);

/// Serialises JSON the one way planc always does (2-space indent, UTF-8, final newline).
std::string dump_json(const nlohmann::ordered_json& j);

}  // namespace planc
