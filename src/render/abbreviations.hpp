#pragma once
// Marks up the abbreviations a partnership's glossary defines as <abbr title="meaning">
// on their first use in each section of a page.

#include <array>
#include <set>
#include <string>
#include <string_view>
#include <vector>

#include "planc/model.hpp"
#include "render/html.hpp"

namespace planc {

class AbbreviationMarker {
public:
    AbbreviationMarker() = default;
    explicit AbbreviationMarker(const std::vector<GlossaryEntry>& glossary);

    /// Starts a new section: every term is marked up again on its next use.
    void new_section() { used_.clear(); }
    /// Writes `text`, wrapping the first use of each term in this section in
    /// <abbr title="...">.
    void append(html::Stream& out, std::string_view text);
    /// Stops marking up (inside headings, link text of the contents list...).
    void set_enabled(bool on) { enabled_ = on; }
    [[nodiscard]] bool enabled() const { return enabled_; }

private:
    struct Term {
        std::string text;
        std::string meaning;
    };
    /// The term that starts at `at`, or nullptr.
    const Term* match(std::string_view text, std::size_t at) const;

    std::vector<Term> terms_;  ///< longest first
    /// Indices into terms_ of the terms that start with each capital, longest first.
    std::array<std::vector<std::size_t>, 26> by_initial_;
    std::set<std::string> used_;
    bool enabled_ = true;
};

}  // namespace planc
