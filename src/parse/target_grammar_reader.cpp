// The clause grammar of target sentences.

#include "target_grammar_reader.hpp"

#include <algorithm>

#include "planc/dates.hpp"
#include "target_grammar_words.hpp"

namespace planc::grammar {

namespace {

constexpr std::size_t kMaxFillers = 5;
constexpr std::size_t kMaxSubjectWords = 5;
constexpr std::size_t kMaxDeadlineFillers = 4;

/// Words between "by"/"to"/"at"/"from" and the amount: "by a further 5%", "at the same
/// rate of 0.6%", "by at least 10", "by up to 20%".
bool is_filler(std::string_view w) {
    constexpr std::string_view kFillers[] = {"a",      "an",   "the",   "further", "at",     "least",
                                             "most",   "up",   "to",    "about",   "around", "approximately",
                                             "approx", "over", "some",  "minimum", "of",     "additional",
                                             "same",   "rate", "level", "more",    "than",   "less"};
    return std::find(std::begin(kFillers), std::end(kFillers), w) != std::end(kFillers);
}

/// Words before a deadline year: "by the end of", "during the financial year".
bool is_deadline_filler(std::string_view w) {
    return w == "the" || w == "end" || w == "of" || w == "year" || w == "financial" || w == "close";
}

/// Adverbs that may stand between "To" and the verb: "To further reduce".
bool is_adverb(std::string_view w) {
    return w == "further" || w == "significantly" || w == "substantially" || w == "also" || w == "actively" ||
           w == "effectively" || w == "continually" || w == "steadily";
}

bool is_bullet(std::string_view s) {
    return s == "-" || s == "*" || s == "\xE2\x80\xA2" || s == "\xE2\x80\x93" || s == "\xE2\x80\x94" ||
           s == "\xC2\xB7";
}

bool is_dash(std::string_view s) {
    return s == "-" || s == ":" || s == "\xE2\x80\x93" || s == "\xE2\x80\x94";
}

bool is_trailing_stop(std::string_view s) { return s == "." || s == ";" || s == "," || s == ":"; }

}  // namespace

SentenceReader::SentenceReader(std::string_view text, Target& target)
    : text_(text), tokens_(tokenize(text)), lines_(text), target_(target), taken_(tokens_.size(), false) {}

void SentenceReader::read() {
    target_.text = std::string(text_);
    target_.indicator = find_indicator(text_, tokens_);
    end_ = strip_trailer();
    if (tokens_.empty()) {
        mark_unreadable("the target is empty");
    } else if (!find_target_verb()) {
        mark_unreadable("no target verb (reduce, increase, maintain, achieve, ...) starts it");
    } else {
        read_clauses();
        set_measure();
        if (target_.measure.empty() && target_.change_kind == ChangeKind::None)
            mark_unreadable("nothing to measure follows \"" + target_.verb + "\"");
    }
    switch (target_.change_kind) {
        case ChangeKind::FromTo:
            target_.baseline = target_.from;
            target_.target_value = target_.change;
            break;
        case ChangeKind::To:
        case ChangeKind::At:
            target_.target_value = target_.change;
            break;
        case ChangeKind::By:
        case ChangeKind::None:
            break;
    }
    note_unattributed_gaps();
}

/// Full stops after the sentence and a "(TBC)" that marks the whole target; returns the
/// number of tokens before them.
std::size_t SentenceReader::strip_trailer() {
    std::size_t end = tokens_.size();
    for (;;) {
        while (end > 0 && tokens_[end - 1].kind == TokenKind::Punct &&
               is_trailing_stop(
                   text_.substr(tokens_[end - 1].begin, tokens_[end - 1].end - tokens_[end - 1].begin)))
            --end;
        std::size_t gap_end = 0;
        if (end >= 3 && tokens_[end - 3].kind == TokenKind::Open && gap_at(tokens_, end - 3, &gap_end) &&
            gap_end == end) {
            end -= 3;
            whole_trailer_ = end;
            continue;
        }
        return end;
    }
}

/// Bullets, a typed "1.", "To", a subject ("We will", "The Partnership will") and adverbs.
std::size_t SentenceReader::skip_preamble(std::size_t k) const {
    auto token_text = [&](std::size_t i) {
        return text_.substr(tokens_[i].begin, tokens_[i].end - tokens_[i].begin);
    };
    while (k < end_ && tokens_[k].kind == TokenKind::Punct && is_bullet(token_text(k))) ++k;
    if (k + 1 < end_ && tokens_[k].kind == TokenKind::Number && tokens_[k].end - tokens_[k].begin <= 2 &&
        (token_text(k + 1) == "." || token_text(k + 1) == ")"))
        k += 2;
    if (!word_is(k, "to")) {
        for (std::size_t w = k; w < end_ && w < k + kMaxSubjectWords && tokens_[w].kind == TokenKind::Word;
             ++w) {
            if (find_verb(tokens_[w].lower)) break;
            if (tokens_[w].lower == "will") {
                k = w + 1;
                break;
            }
        }
        if (word_is(k, "we")) ++k;
    }
    if (word_is(k, "to")) ++k;
    while (k < end_ && tokens_[k].kind == TokenKind::Word && is_adverb(tokens_[k].lower)) ++k;
    return k;
}

bool SentenceReader::find_target_verb() {
    std::size_t k = skip_preamble(0);
    if (k >= end_ || tokens_[k].kind != TokenKind::Word) return find_verb_after_dash(k);
    auto verb = find_verb(tokens_[k].lower);
    if (!verb) return find_verb_after_dash(k);
    verb_index_ = k;
    // "work with the Fire and Rescue Service to reduce ...": the verb after "to" counts.
    if (verb->lead_in) {
        for (std::size_t j = k + 1; j + 1 < end_; ++j) {
            if (!word_is(j, "to") && !word_is(j, "on")) continue;
            if (tokens_[j + 1].kind != TokenKind::Word) continue;
            auto real = find_verb(tokens_[j + 1].lower);
            if (real && !real->lead_in) {
                verb = real;
                verb_index_ = j + 1;
                break;
            }
        }
    }
    target_.verb = verb->lemma;
    target_.direction = verb->direction;
    // "hold at least 6 seminars" is an output to reach, not a level to keep.
    if (verb->lemma == "hold" && word_is(verb_index_ + 1, "at") &&
        (word_is(verb_index_ + 2, "least") || word_is(verb_index_ + 2, "most")))
        target_.direction = Direction::Achieve;
    measure_begin_ = verb_index_ + 1;
    // "Increase in the number of referrals": the verb used as a noun.
    if (word_is(measure_begin_, "in") && !date_starts_at(text_, tokens_, measure_begin_ + 1))
        ++measure_begin_;
    return true;
}

/// "Theft of a vehicle – reduce by 27%", "Robbery – to stay at the same rate of 0.6%".
bool SentenceReader::find_verb_after_dash(std::size_t k) {
    for (std::size_t j = k; j < end_; ++j) {
        if (tokens_[j].kind != TokenKind::Punct) continue;
        if (!is_dash(text_.substr(tokens_[j].begin, tokens_[j].end - tokens_[j].begin))) continue;
        std::size_t m = word_is(j + 1, "to") ? j + 2 : j + 1;
        if (j == k || m >= end_ || tokens_[m].kind != TokenKind::Word) return false;
        auto verb = find_verb(tokens_[m].lower);
        if (!verb || verb->lead_in) return false;
        target_.verb = verb->lemma;
        target_.direction = verb->direction;
        verb_index_ = m;
        measure_begin_ = m + 1;
        dash_measure_ = std::make_pair(k, j);
        return true;
    }
    return false;
}

/// Everything after the verb: the measure runs up to the first clause.
void SentenceReader::read_clauses() {
    std::optional<std::size_t> first_clause;
    std::size_t i = measure_begin_;
    while (i < end_) {
        std::size_t next = i + 1;
        if (read_clause(i, &next)) {
            if (!first_clause) first_clause = i;
            i = std::max(next, i + 1);
        } else {
            ++i;
        }
    }
    measure_end_ = first_clause.value_or(end_);
}

void SentenceReader::set_measure() {
    auto trimmed = [&](std::size_t first, std::size_t last) {
        while (last > first && tokens_[last - 1].kind == TokenKind::Punct) --last;
        return std::string(text_of(text_, tokens_, first, last));
    };
    // "Theft of a vehicle – reduce by 27%" names the measure before the dash; "LPI 3:
    // reduce criminal damage by 5%" names it after the verb.
    target_.measure = trimmed(measure_begin_, measure_end_);
    if (target_.measure.empty() && dash_measure_)
        target_.measure = trimmed(dash_measure_->first, dash_measure_->second);
}

bool SentenceReader::read_clause(std::size_t i, std::size_t* next) {
    if (tokens_[i].kind == TokenKind::Open) return read_bracketed_year(i, next, false);
    if (tokens_[i].kind != TokenKind::Word) return false;
    const std::string& w = tokens_[i].lower;
    if (w == "by") return read_by(i, next);
    if (w == "to") return read_change(ChangeKind::To, i, next);
    if (w == "at") return read_change(ChangeKind::At, i, next);
    if (w == "from") return read_from_to(i, next) || read_baseline(i, next);
    if (w == "in" || w == "during" || w == "before" || w == "until") return read_deadline(i + 1, next);
    if (w == "based" || w == "against" || w == "on") return read_baseline(i, next);
    return false;
}

/// "by 5%", "by....", "by 2010/11", "by the end of 2010/11", "by March 2014".
bool SentenceReader::read_by(std::size_t i, std::size_t* next) {
    std::size_t j = i + 1;
    // A placeholder right after "by" is the amount ("by.... by 2010/11"), not the year.
    if (!gap_at(tokens_, j) && read_deadline(j, next)) return true;
    auto amount = amount_after_fillers(j);
    if (!amount) return false;
    *next = amount->next;
    if (target_.change_kind == ChangeKind::None) {
        set_change(ChangeKind::By, *amount);
    } else if (amount->quantity.gap && !target_.deadline) {
        // "by 5% by TBC": the second placeholder stands where the year would be.
        note_gap(TargetField::Deadline, amount->first);
    }
    return true;
}

/// "to 4100", "at 40%": the change when none was read yet.
bool SentenceReader::read_change(ChangeKind kind, std::size_t i, std::size_t* next) {
    auto amount = amount_after_fillers(i + 1);
    if (!amount) return false;
    *next = amount->next;
    if (target_.change_kind == ChangeKind::None) set_change(kind, *amount);
    return true;
}

/// "from 24% (2008) to 18%", "from 12.5 (per 1000 pop) to 10.00".
bool SentenceReader::read_from_to(std::size_t i, std::size_t* next) {
    auto from = amount_after_fillers(i + 1);
    if (!from) return false;
    std::size_t k = from->next;
    std::optional<PlanDate> year;
    ByteRange year_range;
    if (k < end_ && tokens_[k].kind == TokenKind::Open) {
        if (auto after = read_date_into(k + 1, year, year_range);
            after && *after < tokens_.size() && tokens_[*after].kind == TokenKind::Close)
            k = *after + 1;
        else
            year.reset();
    }
    if (!word_is(k, "to")) return false;
    auto to = amount_after_fillers(k + 1);
    if (!to || target_.change_kind != ChangeKind::None) return false;
    set_change(ChangeKind::FromTo, *to);
    // "from 12.5 (per 1000 pop) to 10.00": the target is in the same unit.
    if (!to->quantity.gap && to->quantity.unit.empty() && !to->quantity.percent) {
        target_.change.unit = from->quantity.unit;
        target_.change.percent = from->quantity.percent;
    }
    target_.from = from->quantity;
    target_.from.span = span_of(from->begin, from->end);
    if (from->quantity.gap) note_gap(TargetField::Baseline, from->first);
    if (year && !target_.baseline_year) {
        target_.baseline_year = year;
        target_.baseline_year_span = span_of(year_range);
    }
    *next = to->next;
    return true;
}

/// A year (or a placeholder for one) at `i`, as the deadline; "the end of" and "the year"
/// may come first.
bool SentenceReader::read_deadline(std::size_t i, std::size_t* next) {
    std::size_t start = i;
    bool time_word = false;  // "the end of TBC" is a deadline gap; "in the XX wards" is not
    while (i < end_ && i < start + kMaxDeadlineFillers && tokens_[i].kind == TokenKind::Word &&
           is_deadline_filler(tokens_[i].lower)) {
        time_word = time_word || (tokens_[i].lower != "the" && tokens_[i].lower != "of");
        ++i;
    }
    bool names_a_time = i == start || time_word;
    if (i >= end_ && !claim_trailer(i)) return false;
    std::size_t gap_end = 0;
    if (names_a_time && gap_year_at(i, &gap_end)) {
        if (!target_.deadline) note_gap(TargetField::Deadline, i);
        *next = gap_end;
        return true;
    }
    if (!date_starts_at(text_, tokens_, i)) return false;
    std::optional<PlanDate> date;
    ByteRange range;
    auto after = read_date_into(i, date, range);
    if (!after) return false;
    if (!target_.deadline) {
        target_.deadline = date;
        target_.deadline_span = span_of(range);
    }
    *next = *after;
    return true;
}

/// "based on 2008/09 baseline", "based 2009/10 baseline", "based on (TBC)", "against the
/// 2008/09 baseline", "on 2008/09 levels".
bool SentenceReader::read_baseline(std::size_t i, std::size_t* next) {
    bool based = tokens_[i].lower == "based";
    std::size_t m = i + 1;
    if (based && word_is(m, "on")) ++m;
    while (word_is(m, "the") || word_is(m, "a") || word_is(m, "an")) ++m;
    std::size_t gap_end = 0;
    if (m >= end_) claim_trailer(m);
    if (m < end_ && gap_year_at(m, &gap_end)) {
        note_gap(TargetField::Baseline, m);
        *next = gap_end < tokens_.size() && is_baseline_noun(tokens_[gap_end].lower) ? gap_end + 1 : gap_end;
        return true;
    }
    if (m < end_ && tokens_[m].kind == TokenKind::Open) return read_bracketed_year(m, next, based);
    std::optional<PlanDate> year;
    ByteRange range;
    auto after =
        m < end_ && date_starts_at(text_, tokens_, m) ? read_date_into(m, year, range) : std::nullopt;
    bool noun = after && *after < end_ && is_baseline_noun(tokens_[*after].lower);
    if (!after || (!based && !noun)) {
        // "based on last year's figures" still ends the measure; other words do not.
        *next = m;
        return based && m > i + 1;
    }
    if (!target_.baseline_year) {
        target_.baseline_year = year;
        target_.baseline_year_span = span_of(range);
    }
    *next = noun ? *after + 1 : *after;
    return true;
}

/// "(2008/09 baseline)"; after "from" or "based on", a plain "(2008)" too.
bool SentenceReader::read_bracketed_year(std::size_t i, std::size_t* next, bool after_based) {
    std::optional<PlanDate> year;
    ByteRange range;
    if (!date_starts_at(text_, tokens_, i + 1)) return false;
    auto after = read_date_into(i + 1, year, range);
    if (!after) return false;
    std::size_t k = *after;
    bool noun = k < tokens_.size() && is_baseline_noun(tokens_[k].lower);
    if (noun) ++k;
    if (k >= tokens_.size() || tokens_[k].kind != TokenKind::Close || (!noun && !after_based)) return false;
    if (!target_.baseline_year) {
        target_.baseline_year = year;
        target_.baseline_year_span = span_of(range);
    }
    *next = k + 1;
    return true;
}

/// An amount after "by"/"to"/"at"/"from", allowing a few filler words before it.
std::optional<AmountReading> SentenceReader::amount_after_fillers(std::size_t i) {
    if (i >= end_) {
        if (!claim_trailer(i)) return std::nullopt;
        return read_amount(text_, tokens_, i);
    }
    if (gap_at(tokens_, i)) return read_amount(text_, tokens_, i);
    std::size_t m = i;
    while (m < end_ && m < i + kMaxFillers && tokens_[m].kind == TokenKind::Word &&
           is_filler(tokens_[m].lower))
        ++m;
    if (m >= end_ || date_starts_at(text_, tokens_, m)) return std::nullopt;
    return read_amount(text_, tokens_, m);
}

/// A placeholder where a year should be: "TBC", "XX/XX", "....". `end` receives the token
/// after it.
bool SentenceReader::gap_year_at(std::size_t i, std::size_t* end) const {
    if (!gap_at(tokens_, i, end)) return false;
    // "XX/XX" is one placeholder year, not two.
    std::size_t k = *end;
    std::size_t after = 0;
    while (k + 1 < tokens_.size() && tokens_[k].kind == TokenKind::Punct && adjacent(k) &&
           (text_.substr(tokens_[k].begin, 1) == "/" || text_.substr(tokens_[k].begin, 1) == "-") &&
           gap_at(tokens_, k + 1, &after)) {
        k = after;
        *end = k;
    }
    return true;
}

/// Reads the date at token `i`; returns the token after it.
std::optional<std::size_t> SentenceReader::read_date_into(std::size_t i, std::optional<PlanDate>& date,
                                                          ByteRange& range) {
    if (i >= tokens_.size()) return std::nullopt;
    std::size_t length = 0;
    date = read_plan_date_at(text_, tokens_[i].begin, &length);
    if (!date) return std::nullopt;
    range = ByteRange{tokens_[i].begin, tokens_[i].begin + length};
    return token_at_or_after(tokens_[i].begin + length, i);
}

/// A clause that reaches the end of the sentence takes a "(TBC)" after it as its own
/// placeholder ("based on (TBC)"), so the target is not marked incomplete as a whole.
bool SentenceReader::claim_trailer(std::size_t i) {
    if (!whole_trailer_ || *whole_trailer_ != i) return false;
    whole_trailer_.reset();
    end_ = tokens_.size();
    return true;
}

void SentenceReader::set_change(ChangeKind kind, const AmountReading& amount) {
    target_.change_kind = kind;
    target_.change = amount.quantity;
    target_.change.span = span_of(amount.begin, amount.end);
    if (amount.quantity.gap) note_gap(TargetField::Amount, amount.first);
}

/// Records a placeholder at token `first_token` for `field`; the span is the placeholder
/// text itself (inside any brackets).
void SentenceReader::note_gap(TargetField field, std::size_t first_token) {
    std::size_t gap_end = 0;
    if (!gap_year_at(first_token, &gap_end)) return;
    std::size_t first = first_token;
    std::size_t last = gap_end;
    if (tokens_[first].kind == TokenKind::Open) {
        ++first;
        --last;
    }
    std::size_t begin = tokens_[first].begin;
    std::size_t end = tokens_[last - 1].end;
    for (std::size_t k = first; k < last; ++k) taken_[k] = true;
    if (std::find(target_.gaps.begin(), target_.gaps.end(), field) == target_.gaps.end())
        target_.gaps.push_back(field);
    if (!first_gap_begin_ || begin < *first_gap_begin_) {
        first_gap_begin_ = begin;
        target_.gap_span = span_of(begin, end);
    }
}

/// A "(TBC)" at the end, or any placeholder no clause took, marks the whole target.
void SentenceReader::note_unattributed_gaps() {
    for (std::size_t i = 0; i < tokens_.size(); ++i) {
        std::size_t gap_end = 0;
        if (tokens_[i].kind == TokenKind::Open || !gap_at(tokens_, i, &gap_end)) continue;
        if (!taken_[i]) note_gap(TargetField::Whole, i);
        i = gap_end - 1;
    }
}

void SentenceReader::mark_unreadable(std::string reason) {
    target_.verb.clear();
    target_.direction = Direction::Unknown;
    target_.readable = false;
    target_.unread_reason = std::move(reason);
}

bool SentenceReader::adjacent(std::size_t k) const {
    return k > 0 && k < tokens_.size() && tokens_[k - 1].end == tokens_[k].begin;
}

bool SentenceReader::word_is(std::size_t k, std::string_view lower) const {
    return k < tokens_.size() && tokens_[k].kind == TokenKind::Word && tokens_[k].lower == lower;
}

std::size_t SentenceReader::token_at_or_after(std::size_t byte, std::size_t from) const {
    std::size_t k = from;
    while (k < tokens_.size() && tokens_[k].begin < byte) ++k;
    return k;
}

Span SentenceReader::span_of(std::size_t begin, std::size_t end) const { return lines_.span(begin, end); }

Span SentenceReader::span_of(ByteRange range) const { return lines_.span(range.begin, range.end); }

}  // namespace planc::grammar
