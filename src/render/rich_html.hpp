#pragma once
// Rich text (the model's prose tree) to HTML.

#include <string>
#include <vector>

#include "planc/model.hpp"
#include "planc/rich_text.hpp"
#include "render/abbreviations.hpp"
#include "render/html.hpp"
#include "render/site.hpp"

namespace planc {

class RichHtmlWriter {
public:
    /// Writes prose of `doc` (may be null for a partnership page) onto `page`.
    RichHtmlWriter(SiteContext& site, const Page& page, const Partnership& partnership, const Document* doc,
                   AbbreviationMarker& abbr);

    /// A heading of level N in the source becomes level N + `shift` (at most 6).
    void set_heading_shift(int shift) { heading_shift_ = shift; }
    /// The (visually hidden) caption given to tables of the source from now on: the
    /// title of the section they are in.
    void set_table_caption(std::string caption) { table_caption_ = std::move(caption); }

    void blocks(html::Stream& out, const std::vector<Block>& blocks);
    void blocks(html::Stream& out, const std::vector<const Block*>& blocks);
    void block(html::Stream& out, const Block& b);
    void inlines(html::Stream& out, const InlineText& text);
    /// Plain text with abbreviations marked up.
    void text(html::Stream& out, const std::string& text);
    /// A table from the source; `caption` (may be empty) is its caption, hidden when
    /// `caption_hidden` (it repeats the heading just above).
    void table(html::Stream& out, const Table& t, const std::string& caption, bool caption_hidden);

    /// Where a content link or image points on the site, as seen from this page; empty
    /// when it may not be linked (a script URL).
    std::string resolve_url(const std::string& url, const Span& span);

private:
    void list(html::Stream& out, const Block& b);
    /// <element>inlines</element>
    void wrapped(html::Stream& out, const char* element, const InlineText& children);

    SiteContext& site_;
    const Page& page_;
    const Partnership& partnership_;
    const Document* doc_;
    AbbreviationMarker& abbr_;
    int heading_shift_ = 0;
    std::string table_caption_;
};

/// True when a table cell reads as a number ("1,509", "37.50%", "£43,702", "-3").
bool looks_numeric(const std::string& cell);

}  // namespace planc
