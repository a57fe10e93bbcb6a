#pragma once
// Pieces every page uses, after the GOV.UK Design System patterns: tags with words,
// summary lists, targets tables, contact details, document lists.


#include <string>
#include <string_view>
#include <vector>

#include "planc/model.hpp"
#include "render/rich_html.hpp"
#include "render/site.hpp"
#include "render/target_words.hpp"

namespace planc {

/// <strong class="tag tag--{modifier}">text</strong>: a status in words, never a link.
void append_tag(html::Stream& out, const std::string& text, const std::string& modifier);
/// The "To be confirmed" tag.
void append_tbc_tag(html::Stream& out);
/// Draft / Approved / Published tag.
void append_status_tag(html::Stream& out, PlanStatus status);

/// Opens a summary list (<dl class="summary-list">); close it with out.close().
void open_summary_list(html::Stream& out);
/// Opens one row of a summary list, up to its value (<dd>): write the value, then
/// close_summary_row().
void open_summary_row(html::Stream& out, const std::string& key);
void close_summary_row(html::Stream& out);
/// A summary row whose value is text.
void append_summary_row(html::Stream& out, const std::string& key, std::string_view value);
/// A value cell: its text, or the "To be confirmed" tag.
void append_cell_value(html::Stream& out, const TargetCell& cell);

/// The search box (home page and search page): a GET form to `action`, its input `input_id`.
void append_search_form(html::Stream& out, const std::string& action, const char* input_id);

/// A heading with an id.
void append_heading(html::Stream& out, int level, const std::string& text, const std::string& id = {});

/// The targets of some priorities as one table. With `priority_column` the first
/// column names the priority (a link when `link_priorities`), and a status column
/// is added; the table is then marked sortable.
struct TargetsTableOptions {
    std::string caption;
    bool priority_column = false;
    bool caption_hidden = false;
};
void append_targets_table(html::Stream& out, const Page& page, const Partnership& p, const Document& d,
                          const std::vector<const Priority*>& priorities, const TargetsTableOptions& options,
                          AbbreviationMarker& abbr);

/// The contact details of a partnership (its own fields and its contacts list).
void append_contacts(html::Stream& out, const Partnership& p, int heading_level);
/// True when the partnership gives any way to contact it.
bool has_contact_details(const Partnership& p);

/// A list of member organisations.
void append_members(html::Stream& out, const Partnership& p, RichHtmlWriter& writer);

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
