// Years and dates as plans write them: financial years ("2009/10", "0809"), months
// ("Dec 2009"), days ("25 March 2009", "11.11.08") and calendar years ("2010").

#include "planc/dates.hpp"

#include <array>
#include <cstdio>

namespace planc {

namespace {

constexpr std::array<std::string_view, 12> kMonthNames = {"January",   "February", "March",    "April",
                                                          "May",       "June",     "July",     "August",
                                                          "September", "October",  "November", "December"};

constexpr std::array<std::string_view, 7> kWeekdayNames = {"monday", "tuesday",  "wednesday", "thursday",
                                                           "friday", "saturday", "sunday"};

bool is_digit(char c) { return c >= '0' && c <= '9'; }
bool is_alpha(char c) { return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z'); }
bool is_alnum(char c) { return is_digit(c) || is_alpha(c); }
char lower(char c) { return c >= 'A' && c <= 'Z' ? static_cast<char>(c - 'A' + 'a') : c; }

bool equals_ignoring_case(std::string_view a, std::string_view b) {
    if (a.size() != b.size()) return false;
    for (std::size_t i = 0; i < a.size(); ++i)
        if (lower(a[i]) != lower(b[i])) return false;
    return true;
}

/// Number of ASCII digits starting at `i`.
std::size_t digits_at(std::string_view s, std::size_t i) {
    std::size_t n = 0;
    while (i + n < s.size() && is_digit(s[i + n])) ++n;
    return n;
}

/// Number of ASCII letters starting at `i`.
std::size_t letters_at(std::string_view s, std::size_t i) {
    std::size_t n = 0;
    while (i + n < s.size() && is_alpha(s[i + n])) ++n;
    return n;
}

int number_at(std::string_view s, std::size_t i, std::size_t n) {
    int v = 0;
    for (std::size_t k = 0; k < n; ++k) v = v * 10 + (s[i + k] - '0');
    return v;
}

/// Spaces, tabs and no-break spaces (U+00A0) between the words of a date.
std::size_t skip_spaces(std::string_view s, std::size_t i) {
    for (;;) {
        if (i < s.size() && (s[i] == ' ' || s[i] == '\t')) {
            ++i;
        } else if (i + 1 < s.size() && s[i] == '\xC2' && s[i + 1] == '\xA0') {
            i += 2;
        } else {
            return i;
        }
    }
}

/// A separator between the two years of a financial year: "/", "-", en or em dash.
std::size_t year_separator_at(std::string_view s, std::size_t i) {
    if (i >= s.size()) return 0;
    if (s[i] == '/' || s[i] == '-') return 1;
    if (s.substr(i, 3) == "\xE2\x80\x93" || s.substr(i, 3) == "\xE2\x80\x94") return 3;
    return 0;
}

/// True when a date may end before `i`: no letter or digit follows, and no "/9", "-9"
/// or ".9" that would make it part of a longer number ("2010/11/12").
bool ends_at_boundary(std::string_view s, std::size_t i) {
    if (i >= s.size()) return true;
    if (is_alnum(s[i])) return false;
    if ((s[i] == '/' || s[i] == '-' || s[i] == '.') && i + 1 < s.size() && is_digit(s[i + 1])) return false;
    return true;
}

/// 1-12 for a month name or its abbreviation ("Dec", "Sept"), else 0.
int month_from_name(std::string_view word) {
    if (word.size() < 3) return 0;
    for (std::size_t m = 0; m < kMonthNames.size(); ++m) {
        std::string_view name = kMonthNames[m];
        if (equals_ignoring_case(word, name) || equals_ignoring_case(word, name.substr(0, 3)))
            return static_cast<int>(m) + 1;
    }
    return equals_ignoring_case(word, "sept") ? 9 : 0;
}

bool is_leap(int year) { return (year % 4 == 0 && year % 100 != 0) || year % 400 == 0; }

int days_in_month(int year, int month) {
    constexpr std::array<int, 12> kDays = {31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31};
    if (month < 1 || month > 12) return 0;
    return month == 2 && is_leap(year) ? 29 : kDays[static_cast<std::size_t>(month - 1)];
}

/// "08" -> 2008, "99" -> 1999: plans are all from this century, older references rare.
int expand_two_digit_year(int yy) { return yy < 70 ? 2000 + yy : 1900 + yy; }

bool plausible_year(int year) { return year >= 1900 && year <= 2100; }

/// A date read from text and the byte after it.
struct Reading {
    PlanDate date;
    std::size_t end = 0;
};

Reading make_reading(DatePrecision precision, int year, int month, int day, std::size_t end) {
    Reading r;
    r.date.precision = precision;
    r.date.year = year;
    r.date.month = month;
    r.date.day = day;
    r.end = end;
    return r;
}

std::optional<Reading> make_day(int year, int month, int day, std::size_t end) {
    if (day < 1 || day > days_in_month(year, month)) return std::nullopt;
    return make_reading(DatePrecision::Day, year, month, day, end);
}

/// A month name (optionally abbreviated with a full stop) at `i`: its number and end.
std::optional<std::pair<int, std::size_t>> read_month_name(std::string_view s, std::size_t i) {
    std::size_t n = letters_at(s, i);
    int month = month_from_name(s.substr(i, n));
    if (month == 0) return std::nullopt;
    std::size_t end = i + n;
    if (end < s.size() && s[end] == '.' && n < 5) ++end;
    return std::make_pair(month, end);
}

/// A four-digit year after optional ", " and spaces.
std::optional<std::pair<int, std::size_t>> read_year_after(std::string_view s, std::size_t i) {
    i = skip_spaces(s, i);
    if (i < s.size() && s[i] == ',') i = skip_spaces(s, i + 1);
    if (digits_at(s, i) != 4) return std::nullopt;
    int year = number_at(s, i, 4);
    if (!plausible_year(year)) return std::nullopt;
    return std::make_pair(year, i + 4);
}

/// "2009-03-25"
std::optional<Reading> read_iso_day(std::string_view s, std::size_t i) {
    if (digits_at(s, i) != 4 || i + 10 > s.size() || s[i + 4] != '-' || s[i + 7] != '-') return std::nullopt;
    if (digits_at(s, i + 5) != 2 || digits_at(s, i + 8) != 2) return std::nullopt;
    return make_day(number_at(s, i, 4), number_at(s, i + 5, 2), number_at(s, i + 8, 2), i + 10);
}

/// "11.11.08", "11/11/2008", "1-4-09" (day first, as written in England).
std::optional<Reading> read_numeric_day(std::string_view s, std::size_t i) {
    std::size_t nd = digits_at(s, i);
    if (nd < 1 || nd > 2 || i + nd >= s.size()) return std::nullopt;
    char sep = s[i + nd];
    if (sep != '.' && sep != '/' && sep != '-') return std::nullopt;
    std::size_t m = i + nd + 1;
    std::size_t nm = digits_at(s, m);
    if (nm < 1 || nm > 2 || m + nm >= s.size() || s[m + nm] != sep) return std::nullopt;
    std::size_t y = m + nm + 1;
    std::size_t ny = digits_at(s, y);
    if (ny != 2 && ny != 4) return std::nullopt;
    int year = ny == 2 ? expand_two_digit_year(number_at(s, y, 2)) : number_at(s, y, 4);
    int month = number_at(s, m, nm);
    if (month < 1 || month > 12 || !plausible_year(year)) return std::nullopt;
    return make_day(year, month, number_at(s, i, nd), y + ny);
}

/// "25 March 2009", "3rd March 2020", "25th of March 2009"; a day with no year is not a date.
std::optional<Reading> read_day_month_year(std::string_view s, std::size_t i) {
    std::size_t nd = digits_at(s, i);
    if (nd < 1 || nd > 2) return std::nullopt;
    int day = number_at(s, i, nd);
    std::size_t j = i + nd;
    std::size_t suffix = letters_at(s, j);
    if (suffix == 2) {
        std::string_view sx = s.substr(j, 2);
        if (!equals_ignoring_case(sx, "st") && !equals_ignoring_case(sx, "nd") &&
            !equals_ignoring_case(sx, "rd") && !equals_ignoring_case(sx, "th"))
            return std::nullopt;
        j += 2;
    } else if (suffix != 0) {
        return std::nullopt;
    }
    std::size_t k = skip_spaces(s, j);
    if (k == j) return std::nullopt;
    if (equals_ignoring_case(s.substr(k, 2), "of") && letters_at(s, k) == 2) k = skip_spaces(s, k + 2);
    auto month = read_month_name(s, k);
    if (!month) return std::nullopt;
    auto year = read_year_after(s, month->second);
    if (!year) return std::nullopt;
    return make_day(year->first, month->first, day, year->second);
}

/// "March 2014", "Dec. 2009", and "March 25, 2009" / "March 25th 2009" as days.
std::optional<Reading> read_month_year(std::string_view s, std::size_t i) {
    auto month = read_month_name(s, i);
    if (!month) return std::nullopt;
    std::size_t j = skip_spaces(s, month->second);
    std::size_t nd = digits_at(s, j);
    if (nd >= 1 && nd <= 2) {
        std::size_t k = j + nd;
        if (letters_at(s, k) == 2) k += 2;
        if (auto year = read_year_after(s, k))
            return make_day(year->first, month->first, number_at(s, j, nd), year->second);
    }
    auto year = read_year_after(s, month->second);
    if (!year) return std::nullopt;
    return make_reading(DatePrecision::Month, year->first, month->first, 0, year->second);
}

/// "2009/10", "2009-10", "2009/2010", "2009–10", "08/09", "0809".
std::optional<Reading> read_financial_year(std::string_view s, std::size_t i) {
    std::size_t n = digits_at(s, i);
    if (n == 4) {
        int first = number_at(s, i, 4);
        std::size_t sep = year_separator_at(s, i + 4);
        if (sep != 0 && plausible_year(first)) {
            std::size_t j = i + 4 + sep;
            std::size_t m = digits_at(s, j);
            if (m == 2 && number_at(s, j, 2) == (first + 1) % 100)
                return make_reading(DatePrecision::FinancialYear, first, 0, 0, j + 2);
            if (m == 4 && number_at(s, j, 4) == first + 1)
                return make_reading(DatePrecision::FinancialYear, first, 0, 0, j + 4);
            return std::nullopt;
        }
        // "0809": two consecutive two-digit years run together, never a plausible year.
        // Only years these plans can mean (1990s to 2030s): "to 4647" is a number.
        int a = number_at(s, i, 2);
        int b = number_at(s, i + 2, 2);
        bool recent = a >= 90 || a <= 39;
        if (!plausible_year(first) && recent && b == (a + 1) % 100)
            return make_reading(DatePrecision::FinancialYear, expand_two_digit_year(a), 0, 0, i + 4);
        return std::nullopt;
    }
    if (n == 2 && i + 2 < s.size() && (s[i + 2] == '/' || s[i + 2] == '-') && digits_at(s, i + 3) == 2) {
        int a = number_at(s, i, 2);
        if (number_at(s, i + 3, 2) == (a + 1) % 100)
            return make_reading(DatePrecision::FinancialYear, expand_two_digit_year(a), 0, 0, i + 5);
    }
    return std::nullopt;
}

/// "2010"
std::optional<Reading> read_calendar_year(std::string_view s, std::size_t i) {
    if (digits_at(s, i) != 4) return std::nullopt;
    int year = number_at(s, i, 4);
    if (!plausible_year(year)) return std::nullopt;
    return make_reading(DatePrecision::CalendarYear, year, 0, 0, i + 4);
}

/// The position after "Wednesday " or "Wed, " when a weekday starts at `i`, else `i`.
std::size_t skip_weekday(std::string_view s, std::size_t i) {
    std::size_t n = letters_at(s, i);
    if (n < 3) return i;
    std::string_view word = s.substr(i, n);
    for (std::string_view day : kWeekdayNames) {
        if (equals_ignoring_case(word, day) || (n == 3 && equals_ignoring_case(word, day.substr(0, 3)))) {
            std::size_t j = i + n;
            if (j < s.size() && s[j] == ',') ++j;
            std::size_t k = skip_spaces(s, j);
            return k > j ? k : i;
        }
    }
    return i;
}

/// The forms in order, longest first, so "2009-03-25" is not read as "2009".
std::optional<Reading> read_any_form(std::string_view s, std::size_t i) {
    using Reader = std::optional<Reading> (*)(std::string_view, std::size_t);
    constexpr std::array<Reader, 6> kReaders = {read_iso_day,    read_numeric_day,    read_day_month_year,
                                                read_month_year, read_financial_year, read_calendar_year};
    for (Reader reader : kReaders) {
        auto r = reader(s, i);
        if (r && ends_at_boundary(s, r->end)) return r;
    }
    return std::nullopt;
}

/// Trims ASCII whitespace and no-break spaces.
std::string_view trim_text(std::string_view s) {
    auto space_at_front = [&] {
        return !s.empty() && (s.front() == ' ' || s.front() == '\t' || s.front() == '\n' ||
                              s.front() == '\r' || (s.size() > 1 && s[0] == '\xC2' && s[1] == '\xA0'));
    };
    auto space_at_back = [&] {
        return !s.empty() && (s.back() == ' ' || s.back() == '\t' || s.back() == '\n' || s.back() == '\r' ||
                              (s.size() > 1 && s[s.size() - 2] == '\xC2' && s.back() == '\xA0'));
    };
    while (space_at_front()) s.remove_prefix(s.front() == '\xC2' ? 2 : 1);
    while (space_at_back()) s.remove_suffix(s.back() == '\xA0' ? 2 : 1);
    return s;
}

std::string two_digits(int v) {
    char buf[8];
    std::snprintf(buf, sizeof buf, "%02d", ((v % 100) + 100) % 100);
    return buf;
}

}  // namespace

int PlanDate::fy_end() const {
    switch (precision) {
        case DatePrecision::FinancialYear:
            return year + 1;
        case DatePrecision::CalendarYear:
            return year;
        case DatePrecision::Month:
        case DatePrecision::Day:
            return month >= 4 ? year + 1 : year;
    }
    return year;
}

std::string PlanDate::iso() const {
    switch (precision) {
        case DatePrecision::FinancialYear:
            return std::to_string(year) + "/" + two_digits(year + 1);
        case DatePrecision::CalendarYear:
            return std::to_string(year);
        case DatePrecision::Month:
            return std::to_string(year) + "-" + two_digits(month);
        case DatePrecision::Day:
            return std::to_string(year) + "-" + two_digits(month) + "-" + two_digits(day);
    }
    return std::to_string(year);
}

std::string PlanDate::readable() const {
    auto month_name = [this] {
        return month >= 1 && month <= 12 ? std::string(kMonthNames[static_cast<std::size_t>(month - 1)])
                                         : std::string("?");
    };
    switch (precision) {
        case DatePrecision::FinancialYear:
            return std::to_string(year) + " to " + std::to_string(year + 1);
        case DatePrecision::CalendarYear:
            return std::to_string(year);
        case DatePrecision::Month:
            return month_name() + " " + std::to_string(year);
        case DatePrecision::Day:
            return std::to_string(day) + " " + month_name() + " " + std::to_string(year);
    }
    return std::to_string(year);
}

std::optional<PlanDate> read_plan_date_at(std::string_view text, std::size_t offset, std::size_t* length) {
    if (offset >= text.size()) return std::nullopt;
    if (offset > 0 && is_alnum(text[offset - 1])) return std::nullopt;
    std::size_t start = skip_weekday(text, offset);
    auto r = read_any_form(text, start);
    if (!r && start != offset) r = read_any_form(text, offset);
    if (!r) return std::nullopt;
    r->date.text = std::string(text.substr(offset, r->end - offset));
    if (length) *length = r->end - offset;
    return r->date;
}

std::optional<PlanDate> parse_plan_date(std::string_view text) {
    std::string_view t = trim_text(text);
    if (!t.empty() && t.back() == '.') t = trim_text(t.substr(0, t.size() - 1));
    std::size_t length = 0;
    auto date = read_plan_date_at(t, 0, &length);
    if (!date || length != t.size()) return std::nullopt;
    return date;
}

namespace {

/// A two-digit end further than this from the start is not a year ("2014-03").
constexpr int kLongestPeriodYears = 20;

/// The first year of a period: a calendar year starts the financial year it begins.
std::optional<PlanDate> period_start(std::string_view text) {
    auto date = parse_plan_date(text);
    if (date && date->precision == DatePrecision::CalendarYear)
        date->precision = DatePrecision::FinancialYear;
    return date;
}

/// The last year of a period: a calendar year is the financial year ending in it. "11"
/// after "2008" is 2011.
std::optional<PlanDate> period_end(std::string_view text, const PlanDate& first) {
    std::string_view t = trim_text(text);
    std::optional<PlanDate> date = parse_plan_date(t);
    if (!date && t.size() == 2 && digits_at(t, 0) == 2 && first.precision == DatePrecision::FinancialYear) {
        int year = first.year / 100 * 100 + number_at(t, 0, 2);
        if (year <= first.year) year += 100;                               // "1998-02"
        if (year - first.year > kLongestPeriodYears) return std::nullopt;  // "2014-03" is no period
        date = PlanDate{DatePrecision::CalendarYear, year, 0, 0, std::string(t)};
    }
    if (date && date->precision == DatePrecision::CalendarYear) {
        date->precision = DatePrecision::FinancialYear;
        date->year -= 1;
    }
    return date;
}

/// Both ends of "first<sep>last" when each side is a year or date.
std::optional<PlanPeriod> split_period_at(std::string_view t, std::size_t at, std::size_t sep_length) {
    auto first = period_start(t.substr(0, at));
    if (!first) return std::nullopt;
    auto last = period_end(t.substr(at + sep_length), *first);
    if (!last || last->fy_end() < first->fy_end()) return std::nullopt;
    return PlanPeriod{*first, *last, std::string(t)};
}

}  // namespace

std::optional<PlanPeriod> parse_plan_period(std::string_view text) {
    std::string_view t = trim_text(text);
    if (auto single = parse_plan_date(t)) return PlanPeriod{*single, *single, std::string(t)};
    // Words first, then dashes, then "/" (which "2008/09" also uses inside each end).
    constexpr std::array<std::string_view, 7> kSeparators = {
        " to ", " until ", "\xE2\x80\x93", "\xE2\x80\x94", "-", " and ", "/"};
    for (std::string_view sep : kSeparators) {
        for (std::size_t at = t.find(sep); at != std::string_view::npos; at = t.find(sep, at + 1)) {
            if (auto period = split_period_at(t, at, sep.size())) return period;
        }
    }
    return std::nullopt;
}

}  // namespace planc
