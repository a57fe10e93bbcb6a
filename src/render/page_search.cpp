// Search: the index files written at build time (see SearchPart in pages.hpp), and a
// page whose script searches them. The index is scripts of its own, loaded by the search
// page alone and only as a search needs them, so they are cached, keep the page small and
// work from file:// too (a script tag loads there; fetch() does not). Without scripts the
// page says so and links to the contents.

#include <array>
#include <bit>
#include <charconv>
#include <stdexcept>

#include "parse/byte_words.hpp"
#include "render/components.hpp"
#include "render/html.hpp"
#include "render/pages.hpp"
#include "render/site_paths.hpp"
#include "render/utf8.hpp"
#include "planc/parallel.hpp"

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

SearchPart SearchPart::of(const std::vector<SearchEntry>& entries) {
    SearchPart part;
    part.entries = entries.size();
    std::size_t need = 0;
    for (const SearchEntry& e : entries) need += e.title.size() + e.url.size() + e.context.size() + e.text.size() + 48;
    std::string& text = part.entries_json;
    text.reserve(need + need / 32);
    std::vector<search_words::EntryText> words;
    words.reserve(entries.size());
    for (const SearchEntry& e : entries) {
        if (!text.empty()) text += ",\n";
        text += "{\"title\":";
        append_json_string(text, e.title);
        text += ",\"url\":";
        append_json_string(text, e.url);
        text += ",\"context\":";
        append_json_string(text, e.context);
        text += ",\"text\":";
        append_json_string(text, e.text, true);  // white space squeezed, so the index stays small
        text += '}';
        words.push_back({e.title, e.context, e.text});
    }
    part.words = search_words::index_part(words);
    return part;
}

namespace search_files {

std::string entries_path(std::size_t part) { return "search/entries/" + std::to_string(part) + ".js"; }

std::string words_path(std::uint32_t shard) { return "search/words/" + search_words::shard_key(shard) + ".js"; }

std::string entries_file(std::size_t part, const SearchPart& p) {
    std::string head = "plancSearchIndex.entries(" + std::to_string(part) + ",[\n";
    std::string file;
    file.reserve(head.size() + p.entries_json.size() + 8);
    file += head;
    file += p.entries_json;
    file += "\n]);\n";
    return file;
}

std::string word_file(std::uint32_t shard, const std::vector<WordPiece>& pieces) {
    std::string file = "plancSearchIndex.words(\"" + search_words::shard_key(shard) + "\",[\n";
    std::size_t need = file.size() + 8;
    for (const WordPiece& p : pieces) need += p.text.size() + 16;
    file.reserve(need);
    for (std::size_t i = 0; i < pieces.size(); ++i) {
        // ",\n" between pieces; each is "[N," + its words + "]".
        char start[24];
        char* at = start;
        if (i > 0) {
            *at++ = ',';
            *at++ = '\n';
        }
        *at++ = '[';
        at = std::to_chars(at, start + sizeof start - 1, pieces[i].part).ptr;
        *at++ = ',';
        file.append(start, at);
        file += pieces[i].text;
        file += ']';
    }
    file += "\n]);\n";
    return file;
}

std::string index_script(const std::vector<std::size_t>& entries_by_part, const std::vector<std::uint32_t>& shards) {
    std::string s =
        "// planc search index, read by assets/site.js on search/index.html: how many entries each part\n"
        "// of the site has (search/entries/N.js), which word files there are (search/words/KEY.js),\n"
        "// and how the letters U+00C0-U+027F fold in a word (the letter for each, in order).\n"
        "window.plancSearchIndex = {\"version\":4,\"fold\":\"";
    s += search_words::kFoldedLetters;  // letters only: nothing to escape in JSON
    s += "\",\"parts\":[";
    for (std::size_t i = 0; i < entries_by_part.size(); ++i) {
        if (i > 0) s += ',';
        s += std::to_string(entries_by_part[i]);
    }
    s += "],\"shards\":[";
    for (std::size_t i = 0; i < shards.size(); ++i) {
        if (i > 0) s += ',';
        s += '"';
        s += search_words::shard_key(shards[i]);
        s += '"';
    }
    s += "]};\n";
    return s;
}

std::map<std::string, std::string> all(const std::vector<const SearchPart*>& parts) {
    if (parts.empty()) throw std::logic_error("search_files::all: a site has at least its own pages' part");
    MemoryOutput out;
    SearchIndexWriter writer(out, parts.size() - 1);
    for (std::size_t i = 0; i + 1 < parts.size(); ++i) writer.put(i, SearchPart(*parts[i]));
    writer.finish(SearchPart(*parts.back()));
    return std::move(out.files);
}

}  // namespace search_files

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
    : out_(out), entries_(parts + 1), words_(parts + 1) {}

SearchIndexWriter::~SearchIndexWriter() = default;

void SearchIndexWriter::put(std::size_t part, SearchPart&& p) {
    {
        std::lock_guard<std::mutex> lock(mutex_);
        if (part + 1 >= entries_.size() || entries_[part])
            throw std::logic_error("SearchIndexWriter: part " + std::to_string(part) + " put twice or out of range");
        keep(part, std::move(p));
    }
    // The entries file depends on this part alone: written now, on this thread.
    write_entries(part, p);
}

void SearchIndexWriter::keep(std::size_t part, SearchPart&& p) {
    entries_[part] = p.entries;
    words_[part] = std::move(p.words);
}

void SearchIndexWriter::write_entries(std::size_t part, const SearchPart& p) {
    if (p.entries > 0) write(search_files::entries_path(part), search_files::entries_file(part, p));
}

void SearchIndexWriter::write(const std::string& path, std::string_view bytes) {
    if (out_.concurrent_writes()) {
        out_.write(path, bytes);
        return;
    }
    std::lock_guard<std::mutex> lock(write_mutex_);
    out_.write(path, bytes);
}

void SearchIndexWriter::finish(SearchPart&& trailing) {
    std::lock_guard<std::mutex> lock(mutex_);
    const std::size_t last = entries_.size() - 1;
    for (std::size_t i = 0; i < last; ++i)
        if (!entries_[i]) throw std::logic_error("SearchIndexWriter: part " + std::to_string(i) + " was never put");
    if (entries_[last]) throw std::logic_error("SearchIndexWriter: finished twice");
    keep(last, std::move(trailing));
    write_entries(last, trailing);
    // Which parts have words in each shard, in part order; then a file per shard, on
    // every core.
    std::vector<std::vector<search_files::WordPiece>> by_shard(search_words::kShardIds);
    for (std::size_t i = 0; i < words_.size(); ++i)
        for (const search_words::PartWords::Shard& s : words_[i].shards) by_shard[s.id].push_back({i, words_[i].piece(s)});
    std::vector<std::uint32_t> shards;
    for (std::uint32_t id = 0; id < by_shard.size(); ++id)
        if (!by_shard[id].empty()) shards.push_back(id);
    parallel_for(shards.size(), [&](std::size_t k) {
        write(search_files::words_path(shards[k]), search_files::word_file(shards[k], by_shard[shards[k]]));
    });
    std::vector<std::size_t> counts;
    counts.reserve(entries_.size());
    for (const std::optional<std::size_t>& n : entries_) counts.push_back(*n);
    write(paths::kSearchIndex, search_files::index_script(counts, shards));
    words_ = {};  // written: the memory goes back now
}

}  // namespace planc
