#pragma once
// The body of a document: its sections as written, and a priority's parts (aim, lead,
// background, aims, objectives, actions, indicators, targets) in a fixed order.


#include <string>

#include "planc/model.hpp"
#include "render/abbreviations.hpp"
#include "render/rich_html.hpp"
#include "render/site.hpp"

namespace planc {

/// Writes a section (heading with its id, blocks, subsections) with its heading at
/// `level`. Abbreviations are explained again from each top-level section on.
void append_section(html::Stream& out, const Section& s, int level, RichHtmlWriter& writer,
                    AbbreviationMarker& abbr);

struct PriorityBodyOptions {
    int level = 2;           ///< heading level of the parts ("Background", "Targets", ...)
    std::string id_prefix;   ///< prefix of the parts' ids, so they are unique on the page
    bool charts = true;      ///< a chart per measurable target
    bool aim = true;         ///< write the aim (the priority page shows it under its <h1>)
};

/// Writes a priority's parts.
void append_priority_body(html::Stream& out, const Page& page, const Partnership& p, const Document& d,
                          const Priority& pr, RichHtmlWriter& writer, AbbreviationMarker& abbr,
                          const PriorityBodyOptions& options);

/// The priority's key facts as a summary list: lead, targets, indicators.
void append_priority_summary(html::Stream& out, const Priority& pr);

/// "3 targets, 1 to be confirmed" / "No targets".
std::string target_count_words(const Priority& pr);

}  // namespace planc
