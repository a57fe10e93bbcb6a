#pragma once
// Pieces every page uses, after the GOV.UK Design System patterns: tags with words,
// summary lists, targets tables, contact details, document lists.

#include <pugixml.hpp>

#include <string>
#include <vector>

#include "planc/model.hpp"
#include "render/rich_html.hpp"
#include "render/site.hpp"
#include "render/target_words.hpp"

namespace planc {

/// <strong class="tag tag--{modifier}">text</strong>: a status in words, never a link.
pugi::xml_node append_tag(pugi::xml_node parent, const std::string& text, const std::string& modifier);
/// The "To be confirmed" tag.
pugi::xml_node append_tbc_tag(pugi::xml_node parent);
/// Draft / Approved / Published tag.
pugi::xml_node append_status_tag(pugi::xml_node parent, PlanStatus status);

/// A summary list (<dl class="summary-list">).
pugi::xml_node append_summary_list(pugi::xml_node parent);
/// One row of a summary list; returns the <dd> to fill.
pugi::xml_node append_summary_row(pugi::xml_node list, const std::string& key);
/// A value cell: its text, or the "To be confirmed" tag.
void append_cell_value(pugi::xml_node parent, const TargetCell& cell);

/// A heading with an id.
pugi::xml_node append_heading(pugi::xml_node parent, int level, const std::string& text, const std::string& id = {});

/// The targets of some priorities as one table. With `priority_column` the first
/// column names the priority (a link when `link_priorities`), and a status column
/// is added; the table is then marked sortable.
struct TargetsTableOptions {
    std::string caption;
    bool priority_column = false;
    bool caption_hidden = false;
};
void append_targets_table(pugi::xml_node parent, const Page& page, const Partnership& p, const Document& d,
                          const std::vector<const Priority*>& priorities, const TargetsTableOptions& options,
                          AbbreviationMarker& abbr);

/// The contact details of a partnership (its own fields and its contacts list).
void append_contacts(pugi::xml_node parent, const Partnership& p, int heading_level);
/// True when the partnership gives any way to contact it.
bool has_contact_details(const Partnership& p);

/// A list of member organisations.
void append_members(pugi::xml_node parent, const Partnership& p, RichHtmlWriter& writer);

/// Documents newest first (by year, then approval date, then slug).
std::vector<const Document*> newest_first(const Partnership& p);
/// "2009 to 2010" for a document's year, or "" when it has none.
std::string document_year(const Document& d);
/// "April 2008 to March 2011" for a document's period, or "".
std::string period_words(const Document& d);
/// The priority's heading as the plan writes it ("Priority 1: Tackling ...").
std::string priority_heading(const Priority& pr);
/// The number of targets with a placeholder.
int targets_to_be_confirmed(const Priority& pr);

}  // namespace planc
