// Years, dates and periods as the five source documents write them, normalised to the
// financial year they fall in.

#include "planc/dates.hpp"
#include "planc/target_grammar.hpp"

#include <catch2/catch.hpp>
#include <string>

using namespace planc;

namespace {

/// A date as "precision iso": "fy 2009/10", "month 2014-03", "day 2009-03-25", "year 2010".
std::string describe(const std::optional<PlanDate>& d) {
    if (!d) return "none";
    switch (d->precision) {
        case DatePrecision::FinancialYear:
            return "fy " + d->iso();
        case DatePrecision::CalendarYear:
            return "year " + d->iso();
        case DatePrecision::Month:
            return "month " + d->iso();
        case DatePrecision::Day:
            return "day " + d->iso();
    }
    return "?";
}

/// A period as "first..last (fy_end first-last)".
std::string describe(const std::optional<PlanPeriod>& p) {
    if (!p) return "none";
    return p->first.iso() + ".." + p->last.iso() + " (" + std::to_string(p->first.fy_end()) + "-" +
           std::to_string(p->last.fy_end()) + ")";
}

}  // namespace

TEST_CASE("financial years in every form the documents use", "[dates]") {
    CHECK(describe(parse_plan_date("2009/10")) == "fy 2009/10");
    CHECK(describe(parse_plan_date("2009-10")) == "fy 2009/10");
    CHECK(describe(parse_plan_date("2009/2010")) == "fy 2009/10");
    CHECK(describe(parse_plan_date("2007/2008")) == "fy 2007/08");  // Charnwood timescales
    CHECK(describe(parse_plan_date("2009\xE2\x80\x93"
                                   "10")) == "fy 2009/10");     // en dash
    CHECK(describe(parse_plan_date("0809")) == "fy 2008/09");   // Melton: "road deaths during 0809"
    CHECK(describe(parse_plan_date("08/09")) == "fy 2008/09");  // NWL: "upgraded and expanded in 08/09"
    CHECK(describe(parse_plan_date("11/12")) == "fy 2011/12");  // South Derbyshire: "Actions 11/12"
    CHECK(describe(parse_plan_date("1999/2000")) == "fy 1999/00");
}

TEST_CASE("a financial year is named by the year it starts and ends in the next", "[dates]") {
    auto fy = parse_plan_date("2009/10");
    REQUIRE(fy);
    CHECK(fy->precision == DatePrecision::FinancialYear);
    CHECK(fy->year == 2009);
    CHECK(fy->month == 0);
    CHECK(fy->day == 0);
    CHECK(fy->fy_end() == 2010);
    CHECK(fy->iso() == "2009/10");
    CHECK(fy->readable() == "2009 to 2010");
    CHECK(fy->text == "2009/10");
    CHECK(parse_plan_date("2009/2010")->text == "2009/2010");
    CHECK(parse_plan_date("1999/00")->iso() == "1999/00");
}

TEST_CASE("years that are not financial years", "[dates]") {
    CHECK(describe(parse_plan_date("2005/2008")) == "none");  // a period, not a year
    CHECK(describe(parse_plan_date("2005-2008")) == "none");
    CHECK(describe(parse_plan_date("2011-2014")) == "none");
    CHECK(describe(parse_plan_date("2008-11")) == "none");
    CHECK(describe(parse_plan_date("2011/10")) == "none");
    CHECK(describe(parse_plan_date("10/04")) == "none");  // Charnwood: "July 2004. 10/04."
    CHECK(describe(parse_plan_date("2010/11/12")) == "none");
    CHECK(describe(parse_plan_date("1509")) == "none");  // a count, not "15/09"
    CHECK(describe(parse_plan_date("1899")) == "none");
}

TEST_CASE("months, written out or abbreviated", "[dates]") {
    CHECK(describe(parse_plan_date("March 2014")) == "month 2014-03");
    CHECK(describe(parse_plan_date("Dec 2009")) == "month 2009-12");
    CHECK(describe(parse_plan_date("Dec. 2009")) == "month 2009-12");
    CHECK(describe(parse_plan_date("Sept 2009")) == "month 2009-09");
    CHECK(describe(parse_plan_date("April 2010")) == "month 2010-04");
    CHECK(describe(parse_plan_date("march 2016")) == "month 2016-03");
    CHECK(describe(parse_plan_date("MARCH 2011")) == "month 2011-03");
    CHECK(describe(parse_plan_date("March")) == "none");
    CHECK(describe(parse_plan_date("Marching 2010")) == "none");

    auto march = parse_plan_date("March 2014");
    CHECK(march->month == 3);
    CHECK(march->year == 2014);
    CHECK(march->readable() == "March 2014");
    CHECK(parse_plan_date("Dec 2009")->readable() == "December 2009");
}

TEST_CASE("days in the forms plans and minutes use", "[dates]") {
    CHECK(describe(parse_plan_date("2009-03-25")) == "day 2009-03-25");  // front matter
    CHECK(describe(parse_plan_date("25 March 2009")) == "day 2009-03-25");
    CHECK(describe(parse_plan_date("11.11.08")) == "day 2008-11-11");  // NWL approval timeline
    CHECK(describe(parse_plan_date("11/11/2008")) == "day 2008-11-11");
    CHECK(describe(parse_plan_date("3rd March 2020")) == "day 2020-03-03");  // Melton briefing
    CHECK(describe(parse_plan_date("1st April 2010")) == "day 2010-04-01");
    CHECK(describe(parse_plan_date("22nd Jan 2009")) == "day 2009-01-22");
    CHECK(describe(parse_plan_date("25th of March 2009")) == "day 2009-03-25");
    CHECK(describe(parse_plan_date("March 25, 2009")) == "day 2009-03-25");
    CHECK(describe(parse_plan_date("Tuesday 3rd March 2009")) == "day 2009-03-03");
    CHECK(describe(parse_plan_date("Wed, 25 March 2009")) == "day 2009-03-25");

    auto day = parse_plan_date("25 March 2009");
    CHECK(day->day == 25);
    CHECK(day->readable() == "25 March 2009");
    CHECK(day->iso() == "2009-03-25");
}

TEST_CASE("a day without a year, or one that does not exist, is not a date", "[dates]") {
    CHECK(describe(parse_plan_date("10th February")) == "none");
    CHECK(describe(parse_plan_date("25 March")) == "none");
    CHECK(describe(parse_plan_date("31 June 2009")) == "none");
    CHECK(describe(parse_plan_date("2009-02-29")) == "none");
    CHECK(describe(parse_plan_date("2008-02-29")) == "day 2008-02-29");
    CHECK(describe(parse_plan_date("2009-13-01")) == "none");
    CHECK(describe(parse_plan_date("32.01.09")) == "none");
    CHECK(describe(parse_plan_date("5th Sprocket 2009")) == "none");
}

TEST_CASE("a calendar year on its own", "[dates]") {
    auto y = parse_plan_date("2010");
    REQUIRE(y);
    CHECK(y->precision == DatePrecision::CalendarYear);
    CHECK(y->fy_end() == 2010);
    CHECK(y->iso() == "2010");
    CHECK(y->readable() == "2010");
}

TEST_CASE("fy_end: the financial year a date falls in", "[dates]") {
    CHECK(parse_plan_date("2009/10")->fy_end() == 2010);
    CHECK(parse_plan_date("March 2014")->fy_end() == 2014);
    CHECK(parse_plan_date("April 2014")->fy_end() == 2015);
    CHECK(parse_plan_date("Dec 2009")->fy_end() == 2010);
    CHECK(parse_plan_date("31 March 2009")->fy_end() == 2009);
    CHECK(parse_plan_date("1 April 2009")->fy_end() == 2010);
    CHECK(parse_plan_date("2009-03-25")->fy_end() == 2009);
    CHECK(parse_plan_date("2010")->fy_end() == 2010);
}

TEST_CASE("surrounding spaces and a closing full stop are not part of the date", "[dates]") {
    CHECK(describe(parse_plan_date("  2009/10 ")) == "fy 2009/10");
    CHECK(describe(parse_plan_date("2007/2008.")) == "fy 2007/08");
    CHECK(describe(parse_plan_date("\xC2\xA0March 2014\xC2\xA0")) == "month 2014-03");
    CHECK(parse_plan_date(" 2009/10 ")->text == "2009/10");
    CHECK(describe(parse_plan_date("")) == "none");
    CHECK(describe(parse_plan_date("   ")) == "none");
    CHECK(describe(parse_plan_date("by 2010/11")) == "none");
    CHECK(describe(parse_plan_date("2010/11 baseline")) == "none");
}

TEST_CASE("two dates are equal by value, whatever their text", "[dates]") {
    CHECK(*parse_plan_date("2009/10") == *parse_plan_date("2009-2010"));
    CHECK_FALSE(*parse_plan_date("2009/10") == *parse_plan_date("2010"));
}

TEST_CASE("periods of financial years", "[dates]") {
    CHECK(describe(parse_plan_period("2008/09-2010/11")) == "2008/09..2010/11 (2009-2011)");
    CHECK(describe(parse_plan_period("2008/09 to 2010/11")) == "2008/09..2010/11 (2009-2011)");
    CHECK(describe(parse_plan_period("2008/09 - 2010/11")) == "2008/09..2010/11 (2009-2011)");
    CHECK(describe(parse_plan_period("2008/09\xE2\x80\x93"
                                     "2010/11")) == "2008/09..2010/11 (2009-2011)");
    CHECK(describe(parse_plan_period("2005-06 to 2007-08")) == "2005/06..2007/08 (2006-2008)");  // Charnwood
    CHECK(describe(parse_plan_period("2002/03 to 2003/04")) == "2002/03..2003/04 (2003-2004)");
}

TEST_CASE("periods of calendar years: the first starts a financial year, the last ends one", "[dates]") {
    // Charnwood "Strategy 2005-2008": FY 2005/06 to FY 2007/08.
    CHECK(describe(parse_plan_period("2005-2008")) == "2005/06..2007/08 (2006-2008)");
    CHECK(describe(parse_plan_period("2005/2008")) == "2005/06..2007/08 (2006-2008)");
    // South Derbyshire "Partnership Plan 2011-2014".
    CHECK(describe(parse_plan_period("2011-2014")) == "2011/12..2013/14 (2012-2014)");
    // Derbyshire's "LAA 2008-11".
    CHECK(describe(parse_plan_period("2008-11")) == "2008/09..2010/11 (2009-2011)");
    CHECK(describe(parse_plan_period("2008-2011")) == "2008/09..2010/11 (2009-2011)");
    CHECK(describe(parse_plan_period("1998-02")) == "1998/99..2001/02 (1999-2002)");

    auto p = parse_plan_period("2005-2008");
    REQUIRE(p);
    CHECK(p->text == "2005-2008");
    CHECK(p->first.precision == DatePrecision::FinancialYear);
    CHECK(p->last.precision == DatePrecision::FinancialYear);
}

TEST_CASE("a single financial year is a period of one year", "[dates]") {
    CHECK(describe(parse_plan_period("2009-10")) == "2009/10..2009/10 (2010-2010)");
    CHECK(describe(parse_plan_period("2009/10")) == "2009/10..2009/10 (2010-2010)");
    CHECK(describe(parse_plan_period("2009-2010")) == "2009/10..2009/10 (2010-2010)");
}

TEST_CASE("periods between months", "[dates]") {
    // Charnwood: "Public Service Agreements ... for the period March 2005 to March 2008".
    CHECK(describe(parse_plan_period("March 2005 to March 2008")) == "2005-03..2008-03 (2005-2008)");
}

TEST_CASE("what is not a period", "[dates]") {
    CHECK(describe(parse_plan_period("2010-2008")) == "none");
    CHECK(describe(parse_plan_period("2014-03")) == "none");
    CHECK(describe(parse_plan_period("2011/10")) == "none");
    CHECK(describe(parse_plan_period("")) == "none");
    CHECK(describe(parse_plan_period("the next three years")) == "none");
    CHECK(describe(parse_plan_period("-")) == "none");
    CHECK(describe(parse_plan_period("2008/09-")) == "none");
}

TEST_CASE("contains_fy compares by financial year", "[dates]") {
    auto p = parse_plan_period("2008/09-2010/11");
    REQUIRE(p);
    CHECK_FALSE(p->contains_fy(2008));
    CHECK(p->contains_fy(2009));
    CHECK(p->contains_fy(2011));
    CHECK_FALSE(p->contains_fy(2012));
    CHECK(p->contains_fy(parse_plan_date("March 2011")->fy_end()));
    CHECK_FALSE(p->contains_fy(parse_plan_date("April 2011")->fy_end()));
}

TEST_CASE("read_plan_date_at finds a date inside a sentence", "[dates]") {
    std::string_view s = "by 5% by 2010/11 based 2009/10 baseline.";
    std::size_t length = 0;
    auto d = read_plan_date_at(s, s.find("2010/11"), &length);
    REQUIRE(d);
    CHECK(describe(d) == "fy 2010/11");
    CHECK(length == 7);
    CHECK(d->text == "2010/11");

    CHECK_FALSE(read_plan_date_at(s, 0));                 // "by"
    CHECK_FALSE(read_plan_date_at(s, s.find("5%")));      // an amount
    CHECK_FALSE(read_plan_date_at(s, s.find("010/11")));  // not at a word start
    CHECK_FALSE(read_plan_date_at(s, s.size()));
    CHECK_FALSE(read_plan_date_at(s, s.size() + 10));

    std::string_view m = "to 18% by March 2014.";
    auto month = read_plan_date_at(m, m.find("March"), &length);
    REQUIRE(month);
    CHECK(describe(month) == "month 2014-03");
    CHECK(length == 10);

    std::string_view during = "road deaths during 0809 within Melton";
    CHECK(describe(read_plan_date_at(during, during.find("0809"))) == "fy 2008/09");

    std::string_view day = "Cabinet, Tuesday 3rd March 2009, 7pm";
    auto tuesday = read_plan_date_at(day, day.find("Tuesday"), &length);
    CHECK(describe(tuesday) == "day 2009-03-03");
    CHECK(tuesday->text == "Tuesday 3rd March 2009");
}

TEST_CASE("read_plan_date_at reads the longest date, and stops at the word's end", "[dates]") {
    std::size_t length = 0;
    CHECK(describe(read_plan_date_at("2009-03-25", 0, &length)) == "day 2009-03-25");
    CHECK(length == 10);
    CHECK(describe(read_plan_date_at("2010/11.", 0, &length)) == "fy 2010/11");
    CHECK(length == 7);
    CHECK(describe(read_plan_date_at("2010)", 0)) == "year 2010");
    CHECK(describe(read_plan_date_at("2005-2008 strategy", 0)) == "none");
    CHECK(describe(read_plan_date_at("2010s", 0)) == "none");
    CHECK(describe(read_plan_date_at("12.5 (per 1000 pop)", 0)) == "none");
}

TEST_CASE("dates survive any bytes", "[dates]") {
    const std::string inputs[] = {std::string("\xFF\xFE", 2),
                                  std::string("2009/\xC2", 6),
                                  std::string(1, '\0'),
                                  std::string(10000, '9'),
                                  std::string(5000, '/'),
                                  "Monday, ",
                                  "31st",
                                  "March 99999",
                                  "0000"};
    for (const std::string& in : inputs) {
        CHECK_NOTHROW(parse_plan_date(in));
        CHECK_NOTHROW(parse_plan_period(in));
        for (std::size_t i = 0; i <= in.size() && i < 50; ++i) CHECK_NOTHROW(read_plan_date_at(in, i));
    }
}

TEST_CASE("four digits run together are a financial year only when the years are recent", "[dates]") {
    REQUIRE(planc::parse_plan_date("0809"));
    CHECK(planc::parse_plan_date("0809")->fy_end() == 2009);
    CHECK_FALSE(planc::parse_plan_date("4647"));
    auto target = planc::read_target_sentence("To reduce theft of vehicles in the district to 4647 by March 2005.");
    CHECK(target.change_kind == planc::ChangeKind::To);
    REQUIRE(target.change.value);
    CHECK(*target.change.value == 4647);
}
