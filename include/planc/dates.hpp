#pragma once
/// Years and dates as plans write them, normalised to one comparable value.
///
/// A financial year runs 1 April to 31 March and is named by both calendar years
/// ("2009/10" ends 31 March 2010). Everything normalises to the financial year that
/// contains the date (`fy_end`, the calendar year in which that financial year ends),
/// which is what plan periods and deadlines are compared by.

#include <cstddef>
#include <optional>
#include <string>
#include <string_view>

namespace planc {

/// How precisely a `PlanDate` was written.
enum class DatePrecision {
    FinancialYear,  ///< "2009/10", "2009-10", "2009/2010", "0809"
    CalendarYear,   ///< "2010"
    Month,          ///< "March 2014", "Dec 2009"
    Day,            ///< "2009-03-25", "25 March 2009", "11.11.08"
};

/// A normalised year or date.
struct PlanDate {
    DatePrecision precision = DatePrecision::FinancialYear;
    int year = 0;   ///< FinancialYear: calendar year it *starts*; otherwise the calendar year
    int month = 0;  ///< 1-12 for Month and Day, else 0
    int day = 0;    ///< 1-31 for Day, else 0
    std::string text;  ///< as written in the source

    /// The calendar year in which the financial year containing this date ends
    /// (FY 2009/10 -> 2010; March 2014 -> 2014; April 2014 -> 2015). A bare calendar
    /// year is taken to mean the financial year ending in March of that year.
    [[nodiscard]] int fy_end() const;
    /// ISO form: "2009-03-25", "2014-03", "2010", or "2009/10" for financial years.
    [[nodiscard]] std::string iso() const;
    /// As people read it: "2009 to 2010", "March 2014", "25 March 2009".
    [[nodiscard]] std::string readable() const;
    friend bool operator==(const PlanDate& a, const PlanDate& b) {
        return a.precision == b.precision && a.year == b.year && a.month == b.month && a.day == b.day;
    }
};

/// A span of financial years, e.g. "2008/09-2010/11"; both ends inclusive.
struct PlanPeriod {
    PlanDate first;
    PlanDate last;
    std::string text;
    /// True when the financial year `fy_end` falls within the period.
    [[nodiscard]] bool contains_fy(int fy_end) const {
        return fy_end >= first.fy_end() && fy_end <= last.fy_end();
    }
};

/// Reads a whole string as one year or date; nullopt if it is not one. Financial years:
/// "2009/10", "2009-10", "2009–10", "2009/2010", "08/09", "0809". Months: "March 2014",
/// "Dec 2009", "Sept. 2009". Days: "2009-03-25", "25 March 2009", "3rd March 2020",
/// "March 25, 2009", "11.11.08" (day first), with an optional weekday before. Calendar
/// years: 1900-2100. A day without a year ("10th February") or that does not exist is
/// none. Surrounding spaces and one closing full stop are ignored.
std::optional<PlanDate> parse_plan_date(std::string_view text);
/// Reads "2008/09-2010/11", "2005-2008", "2011-2014", "2008/09 to 2010/11", "2005/2008".
/// Calendar years at the ends are financial years: "2005-2008" is FY 2005/06 to FY 2007/08
/// (the first starts in 2005, the last ends in 2008). A single year ("2009/10") is a
/// period of one year; nullopt when the last year comes before the first.
std::optional<PlanPeriod> parse_plan_period(std::string_view text);

/// Reads the longest year or date that starts at byte `offset` of `text` and ends at a
/// word boundary ("by 2010/11 based on" read at the "2" gives FY 2010/11, 7 bytes long).
/// Accepts everything `parse_plan_date` does, a weekday before a day included.
/// `length` receives the length in bytes; nullopt when no date starts there.
std::optional<PlanDate> read_plan_date_at(std::string_view text, std::size_t offset,
                                          std::size_t* length = nullptr);

}  // namespace planc
