// Search: search-index.js written at build time, and a page whose script searches it.
// The index is a script of its own (window.plancSearchIndex), loaded by the search page
// alone, so it is cached once, keeps the page small and works from file:// too (a script
// tag loads there; fetch() does not). Without scripts the page says so and links to the
// contents.

#include <array>
#include <bit>

#include "parse/byte_words.hpp"
#include "render/components.hpp"
#include "render/html.hpp"
#include "render/pages.hpp"
#include "render/site_paths.hpp"
#include "render/utf8.hpp"

namespace planc {

namespace {

/// Bytes copied into a JSON string as they are: printable ASCII but `"`, `\` and `<`
/// (and the space too when white space is squeezed).
constexpr std::array<bool, 256> plain_bytes(bool squeezing) {
    std::array<bool, 256> plain{};
    for (int c = 0x20; c < 0x80; ++c) plain[c] = c != '"' && c != '\\' && c != '<' && !(squeezing && c == ' ');
    return plain;
}
constexpr std::array<bool, 256> kPlain = plain_bytes(false);
constexpr std::array<bool, 256> kPlainSqueezing = plain_bytes(true);

constexpr std::string_view kReplacement = "\xEF\xBF\xBD";  // U+FFFD

}  // namespace

void append_json_string(std::string& out, std::string_view text, bool squeeze_space) {
    static constexpr char kHex[] = "0123456789abcdef";
    const auto* s = reinterpret_cast<const unsigned char*>(text.data());
    const std::size_t n = text.size();
    const std::array<bool, 256>& plain = squeeze_space ? kPlainSqueezing : kPlain;
    out += '"';
    std::size_t run = 0;   // start of the bytes not yet copied (all plain)
    bool written = false;  // squeezing: something was written
    bool space = false;    // squeezing: white space is waiting to be written as one ' '
    auto flush = [&](std::size_t end) {
        if (end == run) return;
        if (space) out += ' ';
        space = false;
        out.append(text.data() + run, end - run);
        written = true;
    };
    auto put = [&](std::string_view escaped) {
        if (space) out += ' ';
        space = false;
        out.append(escaped);
        written = true;
    };
    std::size_t i = 0;
    while (i < n) {
        // Sixteen bytes at a time while inside a run (a space at the start of one is the
        // byte loop's): plain bytes, and spaces followed by none.
        if (i + 17 <= n && i > run) {
            byte_words::Bytes16 v = byte_words::load16(text.data() + i);
            auto special = (v < 0x20) | (v >= 0x80) | (v == '"') | (v == '\\') | (v == '<');
            if (squeeze_space) {
                byte_words::Bytes16 next = byte_words::load16(text.data() + i + 1);
                special |= (v == ' ') & ((next == ' ') | (next == '\n') | (next == '\t') | (next == '\r'));
            }
            std::uint32_t bits = byte_words::mask(special);
            if (bits == 0) {
                i += 16;
                continue;
            }
            i += static_cast<std::size_t>(std::countr_zero(bits));
        }
        unsigned char c = s[i];
        if (plain[c]) {
            ++i;
            continue;
        }
        // Squeezing, one space between two words stays as it is (the run holds a word).
        if (c == ' ' && squeeze_space && i > run && i + 1 < n && s[i + 1] != ' ' && s[i + 1] != '\n' &&
            s[i + 1] != '\t' && s[i + 1] != '\r') {
            ++i;
            continue;
        }
        if (c >= 0x80) {
            int len = utf8_sequence(s + i, n - i);
            // U+2028 and U+2029 end a line in older JavaScript: escaped like control characters.
            bool line_end = len == 3 && c == 0xE2 && s[i + 1] == 0x80 && (s[i + 2] == 0xA8 || s[i + 2] == 0xA9);
            if (len > 0 && !line_end) {
                i += len;
                continue;
            }
            flush(i);
            put(line_end ? (s[i + 2] == 0xA8 ? "\\u2028" : "\\u2029") : kReplacement);
            i += line_end ? 3 : -len;
            run = i;
            continue;
        }
        flush(i);
        if (squeeze_space && (c == ' ' || c == '\n' || c == '\t' || c == '\r')) {
            space = written;
        } else {
            switch (c) {
                case '"': put("\\\""); break;
                case '\\': put("\\\\"); break;
                case '\n': put("\\n"); break;
                case '\t': put("\\t"); break;
                case '\r': put("\\r"); break;
                case '\b': put("\\b"); break;
                case '\f': put("\\f"); break;
                default: {  // '<' (so "</script>" or "<!--" cannot end a script), other controls
                    const char u[6] = {'\\', 'u', '0', '0', kHex[c >> 4], kHex[c & 0xF]};
                    put(std::string_view(u, 6));
                }
            }
        }
        run = ++i;
    }
    flush(n);
    out += '"';
}

void SearchIndexText::append(const std::vector<SearchEntry>& more) {
    std::size_t need = 0;
    for (const SearchEntry& e : more) need += e.title.size() + e.url.size() + e.context.size() + e.text.size() + 48;
    text.reserve(text.size() + need + need / 32);
    for (const SearchEntry& e : more) {
        if (entries > 0) text += kBetween;
        text += "{\"title\":";
        append_json_string(text, e.title);
        text += ",\"url\":";
        append_json_string(text, e.url);
        text += ",\"context\":";
        append_json_string(text, e.context);
        text += ",\"text\":";
        append_json_string(text, e.text, true);  // white space squeezed, so the index stays small
        text += '}';
        ++entries;
    }
}

void SearchIndexText::append(const SearchIndexText& more) {
    if (more.entries == 0) return;
    if (entries > 0) text += kBetween;
    text += more.text;
    entries += more.entries;
}

std::string SearchIndexText::script_file(const std::vector<const SearchIndexText*>& in_order) {
    std::string out;
    bool any_entry = false;
    for (const SearchIndexText* piece : in_order) {
        if (piece->entries == 0) continue;
        out += lead_in(!any_entry);
        out += piece->text;
        any_entry = true;
    }
    out += ending(any_entry);
    return out;
}

void layout_search_page(SiteContext& site, SearchFrame& frame) {
    Page page;
    page.path = paths::kSearch;
    page.title = "Search";
    page.crumbs = {{"Home", paths::kHome}};
    page.description = "Search the community safety plans.";
    html::Stream& c = page.content();
    append_search_form(c, "index.html", "search-input");

    c.open("div", {{"id", "search-status"}, {"class", "search-status"}, {"role", "status"}});
    c.open("p", {{"class", "search-status__no-script"}});
    c.text("Search needs JavaScript, which is switched off or not working in your browser. "
           "You can find every plan from the ");
    c.element_text("a", "list of partnerships and their plans", {{"href", page.link(paths::kHome) + "#partnerships"}});
    c.text(", and each plan has a contents list.");
    c.close();
    c.close();
    c.element("ol", {{"id", "search-results"}, {"class", "search-results"}});
    page.in_sitemap = true;
    MemoryOutput laid_out;
    write_page(site, page, laid_out);
    auto written = laid_out.files.find(page.path);
    if (written == laid_out.files.end()) return;  // no template: reported by write_page
    std::string& html = written->second;

    // The index is loaded by this page alone, before the theme's scripts (deferred scripts
    // run in document order, so theirs finds it): in the head, before its first script.
    // The template is the theme's, so the tag is put into the page as written.
    const std::string tag =
        "<script src=\"" + paths::link(page.path, paths::kSearchIndex) + "\" defer=\"defer\"></script>\n";
    std::size_t at = html.find("</head>");
    if (at == std::string::npos) at = html.find("</body>");
    if (at != std::string::npos) {
        std::size_t script = html.find("<script", 0);
        html.insert(script < at ? script : at, tag);
    }
    frame.has_page = true;
    frame.page = std::move(html);
}

SearchIndexWriter::SearchIndexWriter(OutputSink& out, std::size_t parts)
    : file_(out.open_stream(paths::kSearchIndex)), waiting_(parts) {}

SearchIndexWriter::~SearchIndexWriter() = default;

void SearchIndexWriter::put(std::size_t slot, SearchIndexText&& entries) {
    std::lock_guard<std::mutex> lock(mutex_);
    if (slot >= waiting_.size() || slot < next_ || waiting_[slot])
        throw std::logic_error("SearchIndexWriter: part " + std::to_string(slot) + " put twice or out of range");
    waiting_[slot] = std::move(entries);
    write_ready();
}

void SearchIndexWriter::write_entries(const SearchIndexText& piece) {
    if (piece.entries == 0) return;
    file_->append(SearchIndexText::lead_in(!any_entry_));
    file_->append(piece.text);
    any_entry_ = true;
}

void SearchIndexWriter::write_ready() {
    for (; next_ < waiting_.size() && waiting_[next_]; ++next_) {
        write_entries(*waiting_[next_]);
        *waiting_[next_] = SearchIndexText();  // written: its memory goes back now
    }
}

void SearchIndexWriter::finish(const SearchIndexText& trailing) {
    std::lock_guard<std::mutex> lock(mutex_);
    if (next_ != waiting_.size())
        throw std::logic_error("SearchIndexWriter: part " + std::to_string(next_) + " was never put");
    write_entries(trailing);
    file_->append(SearchIndexText::ending(any_entry_));
    file_->close();
}

}  // namespace planc
