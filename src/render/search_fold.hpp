#pragma once
// How the search index folds the letters U+00C0-U+027F (Latin-1 letters, Latin Extended-A
// and -B, IPA): to the ASCII letter they are written on ("É" and "é" to "e", "Ŵ" to "w"),
// else to their lower case when it is in the range ("Æ" to "æ"), else as they are ("ß",
// "æ", "ł"). A resident typing "cafe" finds "café", and "Mon" finds "Môn".
//
// kFoldedLetters holds, for each code point U+00C0 + i, its folded letter (one code point).
// planc folds the words it indexes with it (search_words.hpp) and writes it into
// search-index.js, where assets/site.js folds the words typed with the same letters, so
// the two cannot disagree. × and ÷ are in the range but are not letters; they are kept.
//
// Made from Python's Unicode data (14.0) with:
//
//   for cp in range(0xC0, 0x280):
//       c = chr(cp); low = c.lower()
//       base = ''.join(x for x in unicodedata.normalize('NFD', low)
//                      if unicodedata.category(x) != 'Mn')
//       if not unicodedata.category(c).startswith('L'): f = c
//       elif len(base) == 1 and base.isascii() and base.isalpha(): f = base
//       elif len(low) == 1 and 0xC0 <= ord(low) < 0x280: f = low
//       else: f = c

#include <array>
#include <cstdint>
#include <string_view>

namespace planc::search_words {

inline constexpr std::uint32_t kFoldFirst = 0xC0;  ///< the first code point folded
inline constexpr std::uint32_t kFoldEnd = 0x280;   ///< one past the last

/// The folded letters of U+00C0 to U+027F, in order, as UTF-8.
inline constexpr std::string_view kFoldedLetters =
    "aaaaaaæceeeeiiiiðnooooo×øuuuuyþß"  // U+00C0
    "aaaaaaæceeeeiiiiðnooooo÷øuuuuyþy"  // U+00E0
    "aaaaaaccccccccddđđeeeeeeeeeegggg"  // U+0100
    "gggghhħħiiiiiiiiiıĳĳjjkkĸllllllŀ"  // U+0120
    "ŀłłnnnnnnŉŋŋooooooœœrrrrrrssssss"  // U+0140
    "ssttttŧŧuuuuuuuuuuuuwwyyyzzzzzzſ"  // U+0160
    "ƀɓƃƃƅƅɔƈƈɖɗƌƌƍǝəɛƒƒɠɣƕɩɨƙƙƚƛɯɲƞɵ"  // U+0180
    "ooƣƣƥƥƦƨƨƩƪƫƭƭƮuuƱƲƴƴƶƶƷƹƹƺƻƽƽƾƿ"  // U+01A0
    "ǀǁǂǃǆǆǆǉǉǉǌǌǌaaiioouuuuuuuuuuǝaa"  // U+01C0
    "aaǣǣǥǥggkkooooǯǯjǳǳǳggƕƿnnaaǽǽǿǿ"  // U+01E0
    "aaaaeeeeiiiioooorrrruuuussttȝȝhh"  // U+0200
    "ƞȡȣȣȥȥaaeeooooooooyyȴȵȶȷȸȹȺȼȼƚȾȿ"  // U+0220
    "ɀɂɂƀɄɅɇɇɉɉɋɋɍɍɏɏɐɑɒɓɔɕɖɗɘəɚɛɜɝɞɟ"  // U+0240
    "ɠɡɢɣɤɥɦɧɨɩɪɫɬɭɮɯɰɱɲɳɴɵɶɷɸɹɺɻɼɽɾɿ";  // U+0260

/// The UTF-8 bytes of one folded letter: one (ASCII) or two.
struct FoldedLetter {
    char bytes[2]{};
    std::uint8_t size = 0;
};

/// kFoldedLetters by code point - kFoldFirst.
inline constexpr auto kFoldTable = [] {
    std::array<FoldedLetter, kFoldEnd - kFoldFirst> table{};
    std::size_t at = 0;
    for (FoldedLetter& letter : table) {
        auto lead = static_cast<unsigned char>(kFoldedLetters[at]);
        letter.size = lead < 0x80 ? 1 : 2;
        for (std::uint8_t k = 0; k < letter.size; ++k) letter.bytes[k] = kFoldedLetters[at + k];
        at += letter.size;
    }
    return table;
}();

}  // namespace planc::search_words
