// The target grammar against every target in the source documents, word for word, and
// against the ways real plans bend it. Most cases compare a one-line description of the
// Target read, so that each reads like a line of the spec:
//
//   direction [measure] change | deadline iso (fy fy_end) | baseline year iso | gaps ... | indicator ...

#include "planc/target_grammar.hpp"

#include <catch2/catch.hpp>
#include <iomanip>
#include <sstream>
#include <string>
#include <vector>

using namespace planc;

namespace {

/// A number as people write it: 5, 12.5, 0.6 (decimals are checked separately).
std::string number(double v) {
    std::ostringstream out;
    out << std::setprecision(12) << v;
    return out.str();
}

/// An amount: "5%", "705 offences", "gap(....)"; "?(text)" when it is neither.
std::string amount(const Quantity& q) {
    if (q.gap) return "gap(" + q.text + ")";
    if (!q.value) return "?(" + q.text + ")";
    std::string s = number(*q.value) + (q.percent ? "%" : "");
    return q.unit.empty() ? s : s + " " + q.unit;
}

std::string names(const std::vector<TargetField>& gaps) {
    std::string out;
    for (TargetField f : gaps) out += std::string(out.empty() ? "" : ",") + to_string(f);
    return out;
}

/// The fields of a target on one line.
std::string describe(const Target& t) {
    std::string s;
    if (!t.readable) {
        s = "unreadable: " + t.unread_reason;
    } else {
        s = std::string(to_string(t.direction)) + " [" + t.measure + "]";
        if (t.change_kind == ChangeKind::None) s += " none";
        if (t.change_kind == ChangeKind::FromTo) s += " from " + amount(t.from) + " to " + amount(t.change);
        if (t.change_kind == ChangeKind::By || t.change_kind == ChangeKind::To ||
            t.change_kind == ChangeKind::At)
            s += std::string(" ") + to_string(t.change_kind) + " " + amount(t.change);
        if (t.deadline)
            s += " | deadline " + t.deadline->iso() + " (fy " + std::to_string(t.deadline->fy_end()) + ")";
        if (t.baseline_year) s += " | baseline year " + t.baseline_year->iso();
    }
    if (!t.gaps.empty()) s += " | gaps " + names(t.gaps);
    if (!t.indicator.empty()) s += " | indicator " + t.indicator;
    return s;
}

/// Reads a sentence, checks what holds for every sentence, and describes the result.
std::string reads(const std::string& sentence) {
    Target t = read_target_sentence(sentence);
    INFO("sentence: " << sentence);
    CHECK(t.text == sentence);
    CHECK_FALSE(t.from_table);
    CHECK(t.complete() == (t.readable && t.gaps.empty()));
    CHECK(t.readable == t.unread_reason.empty());
    CHECK(t.change.gap == (t.change.text.empty() ? false : !t.change.value.has_value()));
    return describe(t);
}

/// Reads a targets-table row and describes it, with the baseline and target cells.
std::string reads_row(const std::string& objective, const std::string& baseline, const std::string& timescale,
                      const std::string& target) {
    Target t = read_target_row(objective, baseline, timescale, target);
    INFO("row: " << objective << " | " << baseline << " | " << timescale << " | " << target);
    CHECK(t.from_table);
    CHECK(t.timescale == timescale);
    CHECK(t.baseline.text == baseline);
    CHECK(t.target_value.text == target);
    // Cell spans belong to the parser.
    CHECK_FALSE(t.change.span.known());
    CHECK_FALSE(t.deadline_span.known());
    CHECK_FALSE(t.gap_span.known());
    return describe(t) + " | table " + (t.baseline.value ? amount(t.baseline) : "-") + " -> " +
           (t.target_value.value ? amount(t.target_value) : "-");
}

/// Column (1-based, in characters) of `needle` in an ASCII sentence.
std::uint32_t column_of(std::string_view sentence, std::string_view needle) {
    return static_cast<std::uint32_t>(sentence.find(needle) + 1);
}

Span on_line_1(std::uint32_t column, std::uint32_t end_column) { return Span{1, column, 1, end_column}; }

}  // namespace

// ---------------------------------------------------------------------------------
// Melton, Community Safety Plan 2009/10: every item of every "Targets" list, as typed
// inside `<li>1. ...</li>` (the "1. " is the list's, not the sentence's).

TEST_CASE("Melton priority 1 targets: anti-social behaviour", "[grammar]") {
    CHECK(reads("To reduce the levels of reported incidents of Anti-Social Behaviour by 5% by 2010/11 based "
                "2009/10 baseline.") ==
          "reduce [the levels of reported incidents of Anti-Social Behaviour] by 5% | deadline 2010/11 (fy "
          "2011) | baseline year 2009/10");
    CHECK(reads("To increase the level of satisfaction amongst residents that ASB is being dealt with "
                "effectively by the Police and Local Council by 15% by 2010/11 based on 2008/09 baseline.") ==
          "increase [the level of satisfaction amongst residents that ASB is being dealt with effectively by "
          "the Police and Local Council] by 15% | deadline 2010/11 (fy 2011) | baseline year 2008/09");
    CHECK(reads("To reduce the level of young people entering the criminal justice system by 3% by 2009/10 "
                "based on 2007/08 baseline.") ==
          "reduce [the level of young people entering the criminal justice system] by 3% | deadline 2009/10 "
          "(fy 2010) | baseline year 2007/08");
}

TEST_CASE("Melton priority 2 targets: domestic abuse", "[grammar]") {
    CHECK(
        reads("To reduce all reported domestic abuse assaults by 5% by 2010/11 based on 2008/09 baseline.") ==
        "reduce [all reported domestic abuse assaults] by 5% | deadline 2010/11 (fy 2011) | baseline year "
        "2008/09");
    CHECK(reads("To increase the levels of new reported incidents of domestic abuse by 5% by 2010/11 based "
                "on 2008/09 baseline.") ==
          "increase [the levels of new reported incidents of domestic abuse] by 5% | deadline 2010/11 (fy "
          "2011) | baseline year 2008/09");
    CHECK(reads("To reduce the levels of repeat incidents of domestic abuse by 8% by 2010/11 based on "
                "2008/09 baseline.") ==
          "reduce [the levels of repeat incidents of domestic abuse] by 8% | deadline 2010/11 (fy 2011) | "
          "baseline year 2008/09");
    CHECK(reads("To increase the levels of offenders brought to justice by....by 2010/11 based on 2008/09 "
                "baseline. (TBC)") ==
          "increase [the levels of offenders brought to justice] by gap(....) | deadline 2010/11 (fy 2011) | "
          "baseline year 2008/09 | gaps amount,whole");
}

TEST_CASE("Melton priority 3 targets: reducing re-offending", "[grammar]") {
    CHECK(reads("To maintain PPO re-offending levels at 40% during 2009/10.") ==
          "maintain [PPO re-offending levels] at 40% | deadline 2009/10 (fy 2010)");
    // "by young offenders" is part of the measure; "based on (TBC)" leaves the baseline open.
    CHECK(reads("To reduce the rate of proven re-offending by young offenders by... based on (TBC)") ==
          "reduce [the rate of proven re-offending by young offenders] by gap(...) | gaps amount,baseline");
}

TEST_CASE("Melton priority 4 targets: substance misuse", "[grammar]") {
    CHECK(reads("To reduce serious violent crime by 3% in 2009/10 based on 2008/09 baseline.") ==
          "reduce [serious violent crime] by 3% | deadline 2009/10 (fy 2010) | baseline year 2008/09");
    CHECK(reads("To reduce assault with less serious injury by 3% in 2009/10 based on 2008/09 baseline.") ==
          "reduce [assault with less serious injury] by 3% | deadline 2009/10 (fy 2010) | baseline year "
          "2008/09");
    CHECK(reads("To enhance the numbers of drug users in effective treatment by.... by 2010/11 based on "
                "2008/09 baseline (TBC).") ==
          "increase [the numbers of drug users in effective treatment] by gap(....) | deadline 2010/11 (fy "
          "2011) | baseline year 2008/09 | gaps amount,whole");
    // The same target as priority 1's second, word for word.
    CHECK(reads("To increase the level of satisfaction amongst residents that ASB is being dealt with "
                "effectively by the Police and Local Council by 15% by 2010/11 based on 2008/09 baseline.") ==
          "increase [the level of satisfaction amongst residents that ASB is being dealt with effectively by "
          "the Police and Local Council] by 15% | deadline 2010/11 (fy 2011) | baseline year 2008/09");
}

TEST_CASE("Melton priority 5 targets: burglary", "[grammar]") {
    CHECK(reads("To reduce all levels of burglary by 3% during 2009/10 based on 2008/09 baseline.") ==
          "reduce [all levels of burglary] by 3% | deadline 2009/10 (fy 2010) | baseline year 2008/09");
    CHECK(reads("To reduce all levels of burglary by 6% by 2010/11 based on 2008/09 baseline.") ==
          "reduce [all levels of burglary] by 6% | deadline 2010/11 (fy 2011) | baseline year 2008/09");
}

TEST_CASE("Melton priority 6 targets: road safety", "[grammar]") {
    CHECK(reads("To reduce the number of People killed or seriously injured in road traffic accidents by.... "
                "by 2010/11 based on 2008/09 baseline. (TBC)") ==
          "reduce [the number of People killed or seriously injured in road traffic accidents] by gap(....) "
          "| deadline 2010/11 (fy 2011) | baseline year 2008/09 | gaps amount,whole");
    CHECK(reads("To reduce the number of children killed or seriously injured in road traffic accidents by "
                ".... by 2010/11 based on 2008/09 baseline. (TBC)") ==
          "reduce [the number of children killed or seriously injured in road traffic accidents] by "
          "gap(....) | deadline 2010/11 (fy 2011) | baseline year 2008/09 | gaps amount,whole");
}

TEST_CASE("a placeholder amount is a gap, never zero", "[grammar]") {
    Target t = read_target_sentence(
        "To increase the levels of offenders brought to justice by....by 2010/11 based on 2008/09 baseline. "
        "(TBC)");
    CHECK(t.change.gap);
    CHECK_FALSE(t.change.value);
    CHECK(t.change.text == "....");
    CHECK_FALSE(t.complete());
}

// ---------------------------------------------------------------------------------
// Spans, relative to the sentence.

TEST_CASE("the gap span points at the dots of \"by....\"", "[grammar]") {
    const std::string s =
        "To increase the levels of offenders brought to justice by....by 2010/11 based on 2008/09 baseline. "
        "(TBC)";
    Target t = read_target_sentence(s);
    std::uint32_t dots = column_of(s, "....");
    CHECK(dots == 58);
    CHECK(t.gap_span == on_line_1(dots, dots + 3));
    CHECK(t.change.span == on_line_1(dots, dots + 3));
    CHECK(t.deadline_span == on_line_1(column_of(s, "2010/11"), column_of(s, "2010/11") + 6));
    CHECK(t.baseline_year_span == on_line_1(column_of(s, "2008/09"), column_of(s, "2008/09") + 6));
}

TEST_CASE("the gap span is the first placeholder, with a space before the dots", "[grammar]") {
    const std::string s =
        "To reduce the number of children killed or seriously injured in road traffic accidents by .... by "
        "2010/11 "
        "based on 2008/09 baseline. (TBC)";
    Target t = read_target_sentence(s);
    CHECK(t.gap_span == on_line_1(column_of(s, "...."), column_of(s, "....") + 3));
}

TEST_CASE("a whole-target (TBC) alone points at TBC inside the brackets", "[grammar]") {
    const std::string s = "To reduce burglary by 5% by 2010/11 (TBC)";
    Target t = read_target_sentence(s);
    CHECK(names(t.gaps) == "whole");
    CHECK(t.gap_span == on_line_1(column_of(s, "TBC"), column_of(s, "TBC") + 2));
}

TEST_CASE("spans of amounts, deadlines and baseline years", "[grammar]") {
    const std::string s =
        "To reduce the levels of reported incidents of Anti-Social Behaviour by 5% by 2010/11 based 2009/10 "
        "baseline.";
    Target t = read_target_sentence(s);
    CHECK(t.change.span == on_line_1(column_of(s, "5%"), column_of(s, "5%") + 1));
    CHECK(t.deadline_span == on_line_1(column_of(s, "2010/11"), column_of(s, "2010/11") + 6));
    CHECK(t.baseline_year_span == on_line_1(column_of(s, "2009/10"), column_of(s, "2009/10") + 6));
    CHECK_FALSE(t.gap_span.known());

    const std::string from_to =
        "Reduce the percentage of residents feeling fairly or very unsafe when outside in their local area "
        "after "
        "dark from 24% (2008) to 18% by March 2014.";
    Target f = read_target_sentence(from_to);
    CHECK(f.from.span == on_line_1(column_of(from_to, "24%"), column_of(from_to, "24%") + 2));
    CHECK(f.change.span == on_line_1(column_of(from_to, "18%"), column_of(from_to, "18%") + 2));
    CHECK(f.baseline_year_span == on_line_1(column_of(from_to, "2008"), column_of(from_to, "2008") + 3));
    CHECK(f.deadline_span == on_line_1(column_of(from_to, "March"), column_of(from_to, "March") + 9));
}

TEST_CASE("spans on a continuation line start again at column 1 of that line", "[grammar]") {
    const std::string s =
        "To reduce the levels of reported incidents of anti-social behaviour by 5% by 2010/11\n"
        "   based on 2009/10 baseline.";
    Target t = read_target_sentence(s);
    CHECK(t.measure == "the levels of reported incidents of anti-social behaviour");
    CHECK(t.deadline_span == on_line_1(column_of(s, "2010/11"), column_of(s, "2010/11") + 6));
    CHECK(t.baseline_year_span == Span{2, 13, 2, 19});
    REQUIRE(t.baseline_year);
    CHECK(t.baseline_year->iso() == "2009/10");
}

TEST_CASE("span columns count characters, not bytes", "[grammar]") {
    // "District’s" has a three-byte apostrophe; "…" is three bytes too.
    const std::string s = "To reduce the District\xE2\x80\x99s crime by\xE2\x80\xA6 by 2010/11";
    Target t = read_target_sentence(s);
    CHECK(t.measure == "the District\xE2\x80\x99s crime");
    CHECK(names(t.gaps) == "amount");
    CHECK(t.gap_span == on_line_1(34, 34));
    CHECK(t.deadline_span == on_line_1(39, 45));
}

// ---------------------------------------------------------------------------------
// Charnwood, Crime and Disorder Reduction Strategy 2005-2008: the 18 rows of the four
// "Key Measures of Performance" tables (Objective | Baseline | Timescale | Target).

TEST_CASE("Charnwood theme 1: violent crime and domestic violence", "[grammar]") {
    CHECK(reads_row("To reduce common assault by 12% *PSAI", "705 offences", "2007/2008", "620 offences") ==
          "reduce [common assault] by 12% | deadline 2007/08 (fy 2008) | indicator PSA 1 | table 705 "
          "offences -> 620 offences");
    CHECK(reads_row("To reduce wounding by 12% *PSAI", "925 offences", "2007/2008", "814 offences") ==
          "reduce [wounding] by 12% | deadline 2007/08 (fy 2008) | indicator PSA 1 | table 925 offences -> "
          "814 offences");
    CHECK(reads_row("To increase the reporting of domestic violence to the police by 10%.",
                    "1509 recorded incidents", "2007/2008", "1660 recorded incidents") ==
          "increase [the reporting of domestic violence to the police] by 10% | deadline 2007/08 (fy 2008) | "
          "table 1509 recorded incidents -> 1660 recorded incidents");
}

TEST_CASE("Charnwood theme 2: acquisitive crime and drug misuse", "[grammar]") {
    CHECK(reads_row("To reduce theft from vehicles by 27% *PSAI", "1598 offences", "2007/2008",
                    "1167 offences") ==
          "reduce [theft from vehicles] by 27% | deadline 2007/08 (fy 2008) | indicator PSA 1 | table 1598 "
          "offences -> 1167 offences");
    CHECK(
        reads_row("To reduce theft of vehicles by 27% *PSAI", "597 offences", "2007/2008", "436 offences") ==
        "reduce [theft of vehicles] by 27% | deadline 2007/08 (fy 2008) | indicator PSA 1 | table 597 "
        "offences -> 436 offences");
    CHECK(
        reads_row("To reduce domestic burglary by 18% *PSAI", "969 offences", "2007/2008", "795 offences") ==
        "reduce [domestic burglary] by 18% | deadline 2007/08 (fy 2008) | indicator PSA 1 | table 969 "
        "offences -> 795 offences");
    CHECK(reads_row("To reduce the unauthorised taking of a cycle by 20% *PSAI", "335 offences", "2007/2008",
                    "268 offences") ==
          "reduce [the unauthorised taking of a cycle] by 20% | deadline 2007/08 (fy 2008) | indicator PSA 1 "
          "| table 335 offences -> 268 offences");
    CHECK(reads_row("To reduce theft from a person by 20% *PSAI", "205 offences", "2007/2008",
                    "164 offences") ==
          "reduce [theft from a person] by 20% | deadline 2007/08 (fy 2008) | indicator PSA 1 | table 205 "
          "offences -> 164 offences");
    // An objective with no number: readable, nothing to check arithmetically.
    CHECK(reads_row("To improve the methods of recording and monitoring discarded drug paraphernalia.",
                    "To develop a baseline figure", "2005/2006", "To identify hot spot areas for action") ==
          "increase [the methods of recording and monitoring discarded drug paraphernalia] none | deadline "
          "2005/06 (fy 2006) | table - -> -");
}

TEST_CASE("Charnwood theme 3: anti-social behaviour", "[grammar]") {
    CHECK(
        reads_row("To reduce criminal damage by 20% *PSA1", "2709 offences", "2007/2008", "2167 offences") ==
        "reduce [criminal damage] by 20% | deadline 2007/08 (fy 2008) | indicator PSA 1 | table 2709 "
        "offences -> 2167 offences");
    CHECK(reads_row("To reduce vehicle interference by 27% *PSA1", "204 offences", "2007/2008",
                    "149 offences") ==
          "reduce [vehicle interference] by 27% | deadline 2007/08 (fy 2008) | indicator PSA 1 | table 204 "
          "offences -> 149 offences");
    CHECK(reads_row("To increase the reporting of racial harassment and hate crime by 10%", "131 reports",
                    "2007/2008", "144 reports") ==
          "increase [the reporting of racial harassment and hate crime] by 10% | deadline 2007/08 (fy 2008) "
          "| table 131 reports -> 144 reports");
    // "work with ... to reduce": the verb that counts follows the lead-in.
    CHECK(reads_row(
              "To work with the Fire and Rescue Service to reduce the incidents of deliberate fires by 15%",
              "485 incidents", "2007/2008", "412 incidents") ==
          "reduce [the incidents of deliberate fires] by 15% | deadline 2007/08 (fy 2008) | table 485 "
          "incidents -> 412 incidents");
    // Timescale "2005/2008" is a period: the deadline is its last year.
    CHECK(
        reads_row("To run effective A.S.B. awareness seminars across the Borough over the next three years.",
                  "The launch of the \xE2\x80\x9CTogether Campaign\xE2\x80\x9D", "2005/2008",
                  "To hold at least 6 seminars") ==
        "achieve [effective A.S.B. awareness seminars across the Borough over the next three years] none | "
        "deadline 2007/08 (fy 2008) | table - -> -");
}

TEST_CASE("Charnwood theme 4: protect and reassure the community", "[grammar]") {
    CHECK(reads_row("We will work to improve witness support and protection.", "Assess the current provision",
                    "2005/2006", "Develop a protocol regarding witness support") ==
          "increase [witness support and protection] none | deadline 2005/06 (fy 2006) | table - -> -");
    CHECK(reads_row("Support positive opportunities for young people so helping to prevent them becoming "
                    "criminals or victims.",
                    "Develop a Youth Strategy", "2005/2006", "Youth Strategy adopted by the Council") ==
          "achieve [positive opportunities for young people so helping to prevent them becoming criminals or "
          "victims] none | deadline 2005/06 (fy 2006) | table - -> -");
    CHECK(reads_row("Improve communications and distribution of information by agencies to reduce the fear "
                    "of crime and raise public awareness of the CDRP.",
                    "Publication of the 2005/2008 strategy", "2007/2008",
                    "To run 2 campaigns per year involving all members of the partnership") ==
          "increase [communications and distribution of information by agencies to reduce the fear of crime "
          "and raise public awareness of the CDRP] none | deadline 2007/08 (fy 2008) | table - -> -");
    CHECK(reads_row("Continue to support the improvements to existing CCTV Schemes",
                    "Existing CCTV review for 2004/2005", "2007/2008", "Annual review of effectiveness") ==
          "achieve [the improvements to existing CCTV Schemes] none | deadline 2007/08 (fy 2008) | table - "
          "-> -");
}

TEST_CASE("a targets row keeps table cells apart from the objective's own fields", "[grammar]") {
    Target t =
        read_target_row("To reduce common assault by 12% *PSAI", "705 offences", "2007/2008", "620 offences");
    CHECK(t.change_kind == ChangeKind::By);
    CHECK(t.change.text == "12%");
    CHECK(t.timescale == "2007/2008");
    REQUIRE(t.deadline);
    CHECK(t.deadline->precision == DatePrecision::FinancialYear);
    CHECK(t.deadline->year == 2007);
    CHECK_FALSE(t.baseline_year);
    CHECK(t.complete());
}

TEST_CASE("placeholders in targets-table cells are gaps of their field", "[grammar]") {
    Target t = read_target_row("To reduce burglary by 10%", "TBC", "TBC", "....");
    CHECK(t.readable);
    CHECK(t.baseline.gap);
    CHECK_FALSE(t.baseline.value);
    CHECK(t.target_value.gap);
    CHECK_FALSE(t.deadline);
    CHECK(t.timescale == "TBC");
    CHECK(names(t.gaps) == "deadline,baseline,amount");
    CHECK_FALSE(t.complete());
}

TEST_CASE("a targets row with empty cells", "[grammar]") {
    Target t = read_target_row("To reduce burglary by 10%", "", "", "");
    CHECK(t.readable);
    CHECK(t.baseline.text.empty());
    CHECK_FALSE(t.deadline);
    CHECK(t.timescale.empty());
    CHECK(t.complete());

    Target none = read_target_row("", "705 offences", "2007/2008", "620 offences");
    CHECK_FALSE(none.readable);
    CHECK(none.unread_reason == "the row has no objective");
    CHECK(none.from_table);
    CHECK(none.baseline.value == 705.0);
    CHECK(none.target_value.value == 620.0);
}

TEST_CASE("a deadline written in the objective wins over the timescale cell", "[grammar]") {
    Target t =
        read_target_row("To reduce burglary by 10% by 2010/11", "100 offences", "2007/2008", "90 offences");
    REQUIRE(t.deadline);
    CHECK(t.deadline->fy_end() == 2011);
    CHECK(t.timescale == "2007/2008");
}

// ---------------------------------------------------------------------------------
// South Derbyshire, Partnership Plan 2011-2014: the "Local Performance Indicators" and
// the countywide indicators listed with them.

TEST_CASE("South Derbyshire local performance indicators", "[grammar]") {
    CHECK(reads("Reduce the number of Assault With less serious Injury's in South Derbyshire") ==
          "reduce [the number of Assault With less serious Injury's in South Derbyshire] none");
    CHECK(reads("Increase the number of referrals to Next Step") ==
          "increase [the number of referrals to Next Step] none");
    CHECK(reads("Reducing incidents of criminal damage in the District from 12.5 (per 1000 pop) to 10.00 by "
                "March 2016") ==
          "reduce [incidents of criminal damage in the District] from 12.5 per 1000 pop to 10 per 1000 pop | "
          "deadline 2016-03 (fy 2016)");
    CHECK(reads("Reduce number of Police calls for service for ASB in South Derbys to 4100 by March 2012") ==
          "reduce [number of Police calls for service for ASB in South Derbys] to 4100 | deadline 2012-03 "
          "(fy 2012)");
    CHECK(reads("reduce incidents of serious Acquisitive crime from 7.2 incidents per 1000 pop to 7.0 "
                "incidents per 1000 population") ==
          "reduce [incidents of serious Acquisitive crime] from 7.2 incidents per 1000 pop to 7 incidents "
          "per 1000 population");
    CHECK(reads("Reduce the percentage of residents feeling fairly or very unsafe when outside in their "
                "local area after dark from 24% (2008) to 18% by March 2014.") ==
          "reduce [the percentage of residents feeling fairly or very unsafe when outside in their local "
          "area after dark] from 24% to 18% | deadline 2014-03 (fy 2014) | baseline year 2008");
}

TEST_CASE("South Derbyshire: criminal damage rate from 12.5 to 10.00", "[grammar]") {
    const std::string s =
        "Reducing incidents of criminal damage in the District from 12.5 (per 1000 pop) to 10.00 by March "
        "2016";
    Target t = read_target_sentence(s);
    CHECK(t.readable);
    CHECK(t.verb == "reduce");
    CHECK(t.direction == Direction::Reduce);
    CHECK(t.measure == "incidents of criminal damage in the District");
    CHECK(t.change_kind == ChangeKind::FromTo);
    CHECK(t.from.value == 12.5);
    CHECK(t.from.decimals == 1);
    CHECK(t.from.unit == "per 1000 pop");
    CHECK(t.from.text == "12.5 (per 1000 pop)");
    CHECK(t.change.value == 10.0);
    CHECK(t.change.decimals == 2);
    CHECK(t.change.text == "10.00");
    CHECK(t.change.unit == "per 1000 pop");  // the target is in the baseline's unit
    CHECK(t.baseline.value == 12.5);
    CHECK(t.target_value.value == 10.0);
    REQUIRE(t.deadline);
    CHECK(t.deadline->precision == DatePrecision::Month);
    CHECK(t.deadline->fy_end() == 2016);
    CHECK_FALSE(t.baseline_year);
    CHECK(t.complete());
}

TEST_CASE("South Derbyshire: police calls for ASB to 4100", "[grammar]") {
    Target t = read_target_sentence(
        "Reduce number of Police calls for service for ASB in South Derbys to 4100 by March 2012");
    CHECK(t.readable);
    CHECK(t.direction == Direction::Reduce);
    CHECK(t.measure == "number of Police calls for service for ASB in South Derbys");
    CHECK(t.change_kind == ChangeKind::To);
    CHECK(t.change.value == 4100.0);
    CHECK_FALSE(t.change.percent);
    CHECK(t.target_value.value == 4100.0);
    CHECK_FALSE(t.baseline.value);
    REQUIRE(t.deadline);
    CHECK(t.deadline->iso() == "2012-03");
    CHECK(t.deadline->fy_end() == 2012);
}

TEST_CASE("South Derbyshire: acquisitive crime from 7.2 to 7.0 per 1000", "[grammar]") {
    Target t = read_target_sentence(
        "reduce incidents of serious Acquisitive crime from 7.2 incidents per 1000 pop to 7.0 incidents per "
        "1000 "
        "population");
    CHECK(t.readable);
    CHECK(t.verb == "reduce");
    CHECK(t.measure == "incidents of serious Acquisitive crime");
    CHECK(t.change_kind == ChangeKind::FromTo);
    CHECK(t.from.value == 7.2);
    CHECK(t.from.unit == "incidents per 1000 pop");
    CHECK(t.change.value == 7.0);
    CHECK(t.change.decimals == 1);
    CHECK(t.change.unit == "incidents per 1000 population");
    CHECK_FALSE(t.deadline);
    CHECK(t.complete());
}

TEST_CASE("South Derbyshire: feeling unsafe from 24% (2008) to 18%", "[grammar]") {
    Target t = read_target_sentence(
        "Reduce the percentage of residents feeling fairly or very unsafe when outside in their local area "
        "after "
        "dark from 24% (2008) to 18% by March 2014.");
    CHECK(t.readable);
    CHECK(t.measure ==
          "the percentage of residents feeling fairly or very unsafe when outside in their local area after "
          "dark");
    CHECK(t.change_kind == ChangeKind::FromTo);
    CHECK(t.from.value == 24.0);
    CHECK(t.from.percent);
    CHECK(t.change.value == 18.0);
    CHECK(t.change.percent);
    REQUIRE(t.baseline_year);
    CHECK(t.baseline_year->precision == DatePrecision::CalendarYear);
    CHECK(t.baseline_year->year == 2008);
    REQUIRE(t.deadline);
    CHECK(t.deadline->fy_end() == 2014);
    CHECK(t.baseline.text == "24%");
    CHECK(t.target_value.text == "18%");
}

TEST_CASE("South Derbyshire indicators with a direction but no number", "[grammar]") {
    CHECK(reads("Increase numbers of male victims accessing services.") ==
          "increase [numbers of male victims accessing services] none");
    CHECK(reads("Increase numbers of LGBT & BME accessing services") ==
          "increase [numbers of LGBT & BME accessing services] none");
    CHECK(reads("Increase in the number of referrals to Stop Hate UK helpline") ==
          "increase [the number of referrals to Stop Hate UK helpline] none");
    CHECK(reads("Increase numbers of planned discharges (Which moving forward will mean Class A drug free. "
                "Currently means opiate free as a drug of dependence).") ==
          "increase [numbers of planned discharges (Which moving forward will mean Class A drug free. "
          "Currently means opiate free as a drug of dependence)] none");
    CHECK(reads("Reducing alcohol specific hospital admissions") ==
          "reduce [alcohol specific hospital admissions] none");
    CHECK(reads("Monitor numbers of reported Rapes and Serious Sexual Assaults and the same as Offences "
                "Brought to Justice (OBTJ) with a view to increasing OBTJ") ==
          "achieve [numbers of reported Rapes and Serious Sexual Assaults and the same as Offences Brought "
          "to Justice (OBTJ) with a view to increasing OBTJ] none");
    CHECK(reads("Reduce youth related violence") == "reduce [youth related violence] none");
    CHECK(reads("Continue to monitor acquisitive crime as per NI16.") ==
          "achieve [acquisitive crime as per NI16] none | indicator NI 16");
}

TEST_CASE("South Derbyshire lines that name an indicator but set no target", "[grammar]") {
    CHECK(reads("Numbers engaged in voluntary perpetrator programme which will be developed during 2011.") ==
          "unreadable: no target verb (reduce, increase, maintain, achieve, ...) starts it");
    CHECK(reads("Number of referrals into IOM from MARAC") ==
          "unreadable: no target verb (reduce, increase, maintain, achieve, ...) starts it");
    CHECK(reads("Secondary Fires") ==
          "unreadable: no target verb (reduce, increase, maintain, achieve, ...) starts it");
    CHECK(reads("Calls for Service (Police)") ==
          "unreadable: no target verb (reduce, increase, maintain, achieve, ...) starts it");
    CHECK(reads("Number of Repeat Victims") ==
          "unreadable: no target verb (reduce, increase, maintain, achieve, ...) starts it");
    CHECK(reads("1st time entrants into the youth justice system") ==
          "unreadable: no target verb (reduce, increase, maintain, achieve, ...) starts it");
    CHECK(reads("N/A") == "unreadable: no target verb (reduce, increase, maintain, achieve, ...) starts it");
    CHECK(reads("Complete") == "unreadable: nothing to measure follows \"complete\"");
    CHECK(
        reads("NI20 \xE2\x80\x93 Assault With Less Serious Injury") ==
        "unreadable: no target verb (reduce, increase, maintain, achieve, ...) starts it | indicator NI 20");
}

// ---------------------------------------------------------------------------------
// North West Leicestershire, Strategy refresh 2009/10: numbered objectives, no
// measurable targets.

TEST_CASE("North West Leicestershire objectives read with no change", "[grammar]") {
    CHECK(reads("To ensure that the performance of the new CCTV contractors is monitored on a regular basis "
                "with a focus on improving") ==
          "achieve [that the performance of the new CCTV contractors is monitored on a regular basis with a "
          "focus on improving] none");
    CHECK(reads("To tackle crime trends at Donington Park (approx a third of all the District\xE2\x80\x99s "
                "crime takes place in this area)") ==
          "reduce [crime trends at Donington Park (approx a third of all the District\xE2\x80\x99s crime "
          "takes place in this area)] none");
    CHECK(reads("Reduce levels of burglaries in identified hotspots locations") ==
          "reduce [levels of burglaries in identified hotspots locations] none");
    CHECK(reads("Maintain the trend of reductions in vehicle related crime") ==
          "maintain [the trend of reductions in vehicle related crime] none");
    CHECK(reads("Reduce re-offending through the improved management of offenders") ==
          "reduce [re-offending through the improved management of offenders] none");
    CHECK(reads("To reassure communities that effective action is being taken against crime") ==
          "achieve [communities that effective action is being taken against crime] none");
    CHECK(reads("Contribute to improved public confidence that crime and disorder is being addressed "
                "effectively") ==
          "achieve [to improved public confidence that crime and disorder is being addressed effectively] "
          "none");
    CHECK(reads("To work to reduce the number of repeat victims of domestic abuse offences") ==
          "reduce [the number of repeat victims of domestic abuse offences] none");
    CHECK(reads("Increase confidence in reporting of domestic abuse and hate crime to a range of partners") ==
          "increase [confidence in reporting of domestic abuse and hate crime to a range of partners] none");
}

TEST_CASE("North West Leicestershire lines that are not targets", "[grammar]") {
    CHECK(reads("People feel and are safer from violence, in particular in town centre locations in the "
                "evening and at night") ==
          "unreadable: no target verb (reduce, increase, maintain, achieve, ...) starts it");
    CHECK(reads("LAA 1.3 The lives of offenders and those at risk of offending are improved so they are less "
                "likely to offend") ==
          "unreadable: no target verb (reduce, increase, maintain, achieve, ...) starts it | indicator LAA "
          "1.3");
    CHECK(
        reads("NI 18- Adult re-offending rates for those under probation supervision") ==
        "unreadable: no target verb (reduce, increase, maintain, achieve, ...) starts it | indicator NI 18");
    CHECK(
        reads("NI 19 Rate of proven re-offending by young offenders") ==
        "unreadable: no target verb (reduce, increase, maintain, achieve, ...) starts it | indicator NI 19");
}

// ---------------------------------------------------------------------------------
// How real documents bend the grammar.

TEST_CASE("edge cases from the documents' wording", "[grammar]") {
    CHECK(reads("To reduce burglary by 5% by 2010/11 based 2009/10 baseline") ==
          "reduce [burglary] by 5% | deadline 2010/11 (fy 2011) | baseline year 2009/10");
    CHECK(reads("To reduce burglary by 3% in 2009/10") ==
          "reduce [burglary] by 3% | deadline 2009/10 (fy 2010)");
    CHECK(reads("To maintain re-offending at 40% during 2009/10") ==
          "maintain [re-offending] at 40% | deadline 2009/10 (fy 2010)");
    CHECK(reads("To reduce burglary by .... by 2010/11") ==
          "reduce [burglary] by gap(....) | deadline 2010/11 (fy 2011) | gaps amount");
    CHECK(reads("To reduce burglary by....by 2010/11 based on 2008/09 baseline. (TBC)") ==
          "reduce [burglary] by gap(....) | deadline 2010/11 (fy 2011) | baseline year 2008/09 | gaps "
          "amount,whole");
    CHECK(reads("To reduce burglary by.... by 2010/11 based on 2008/09 baseline (TBC).") ==
          "reduce [burglary] by gap(....) | deadline 2010/11 (fy 2011) | baseline year 2008/09 | gaps "
          "amount,whole");
    CHECK(reads("To reduce burglary by... based on (TBC)") ==
          "reduce [burglary] by gap(...) | gaps amount,baseline");
    CHECK(reads("To reduce burglary by 12% *PSAI") == "reduce [burglary] by 12% | indicator PSA 1");
    CHECK(reads("To reduce burglary by 10%.") == "reduce [burglary] by 10%");
    CHECK(reads("To reduce burglary by 20%") == "reduce [burglary] by 20%");
    CHECK(reads("To reduce burglary by 6% by the end of 2010/11") ==
          "reduce [burglary] by 6% | deadline 2010/11 (fy 2011)");
    CHECK(reads("To reduce burglary by 6% by end of March 2011") ==
          "reduce [burglary] by 6% | deadline 2011-03 (fy 2011)");
    CHECK(reads("To reduce road deaths by 5% during 0809") ==
          "reduce [road deaths] by 5% | deadline 2008/09 (fy 2009)");
    CHECK(reads("To reduce crime by 20% in the 10 crime areas identified by the Home Office") ==
          "reduce [crime] by 20%");
    CHECK(reads("To reduce burglary by 10% by 2010/11 (2008/09 baseline)") ==
          "reduce [burglary] by 10% | deadline 2010/11 (fy 2011) | baseline year 2008/09");
    CHECK(reads("To reduce burglary by 10% against the 2008/09 baseline") ==
          "reduce [burglary] by 10% | baseline year 2008/09");
    CHECK(reads("To reduce burglary by 10% based on the 2008/09 baseline") ==
          "reduce [burglary] by 10% | baseline year 2008/09");
    CHECK(reads("To reduce burglary by 2010/11 by 10%") ==
          "reduce [burglary] by 10% | deadline 2010/11 (fy 2011)");
    CHECK(reads("To reduce burglary from 2008 levels by 10%") ==
          "reduce [burglary] by 10% | baseline year 2008");
    CHECK(reads("To reduce burglary by 10% by the year 2010") ==
          "reduce [burglary] by 10% | deadline 2010 (fy 2010)");
    CHECK(reads("To reduce burglary by 10% during the financial year 2009/10") ==
          "reduce [burglary] by 10% | deadline 2009/10 (fy 2010)");
    CHECK(reads("To reduce burglary by 2000 offences by 2010") ==
          "reduce [burglary] by 2000 offences | deadline 2010 (fy 2010)");
    CHECK(reads("To reduce burglary by 1,234 offences by March 2011") ==
          "reduce [burglary] by 1234 offences | deadline 2011-03 (fy 2011)");
    CHECK(reads("To reduce burglary by 5 per cent by Dec 2009") ==
          "reduce [burglary] by 5% | deadline 2009-12 (fy 2010)");
    CHECK(reads("To reduce burglary by a further 5% by 2010") ==
          "reduce [burglary] by 5% | deadline 2010 (fy 2010)");
    CHECK(reads("To increase detections to 4100 by March 2012") ==
          "increase [detections] to 4100 | deadline 2012-03 (fy 2012)");
    CHECK(reads("To increase the proportion who feel safe from 24% (2008) to 18% by March 2014") ==
          "increase [the proportion who feel safe] from 24% to 18% | deadline 2014-03 (fy 2014) | baseline "
          "year 2008");
    CHECK(reads("To further reduce burglary by 5%") == "reduce [burglary] by 5%");
    CHECK(reads("The Partnership will aim to reduce burglary by 5%") == "reduce [burglary] by 5%");
    CHECK(reads("We aim to reduce burglary by 10% against the 2008/09 baseline") ==
          "reduce [burglary] by 10% | baseline year 2008/09");
    CHECK(reads("1. To reduce burglary by 5%") == "reduce [burglary] by 5%");
    CHECK(reads("- Reduce burglary by 5%") == "reduce [burglary] by 5%");
    CHECK(reads("To hold at least 6 seminars") == "achieve [] at 6 seminars");
    CHECK(reads("Theft of a vehicle \xE2\x80\x93 reduce by 27%") == "reduce [Theft of a vehicle] by 27%");
    CHECK(reads("Robbery \xE2\x80\x93 to stay at the same rate of 0.6%") == "maintain [Robbery] at 0.6%");
    CHECK(reads("LPI 3: reduce criminal damage by 5%") == "reduce [criminal damage] by 5% | indicator LPI 3");
}

TEST_CASE("placeholders in each field", "[grammar]") {
    CHECK(reads("To reduce burglary by TBC by 2010/11") ==
          "reduce [burglary] by gap(TBC) | deadline 2010/11 (fy 2011) | gaps amount");
    CHECK(reads("To reduce burglary by TBA by 2010/11") ==
          "reduce [burglary] by gap(TBA) | deadline 2010/11 (fy 2011) | gaps amount");
    CHECK(reads("To reduce burglary by XX% by 2010/11") ==
          "reduce [burglary] by gap(XX%) | deadline 2010/11 (fy 2011) | gaps amount");
    CHECK(reads("To reduce burglary by \xE2\x80\xA6 by 2010/11") ==
          "reduce [burglary] by gap(\xE2\x80\xA6) | deadline 2010/11 (fy 2011) | gaps amount");
    CHECK(reads("To reduce burglary by to be confirmed") ==
          "reduce [burglary] by gap(to be confirmed) | gaps amount");
    CHECK(reads("To reduce burglary by (TBC) by 2010/11") ==
          "reduce [burglary] by gap((TBC)) | deadline 2010/11 (fy 2011) | gaps amount");
    CHECK(reads("To reduce burglary by 5% by TBC") == "reduce [burglary] by 5% | gaps deadline");
    CHECK(reads("To reduce burglary by 5% during ....") == "reduce [burglary] by 5% | gaps deadline");
    CHECK(reads("To reduce burglary by 5% by the end of TBC") == "reduce [burglary] by 5% | gaps deadline");
    CHECK(reads("To reduce burglary by 5% by 2010/11 based on TBC baseline") ==
          "reduce [burglary] by 5% | deadline 2010/11 (fy 2011) | gaps baseline");
    CHECK(reads("To reduce burglary by 5% by 2010/11 based on XX/XX baseline") ==
          "reduce [burglary] by 5% | deadline 2010/11 (fy 2011) | gaps baseline");
    CHECK(reads("To reduce burglary from TBC to 18%") ==
          "reduce [burglary] from gap(TBC) to 18% | gaps baseline");
    CHECK(reads("To reduce burglary by 5% by 2010/11 (TBC)") ==
          "reduce [burglary] by 5% | deadline 2010/11 (fy 2011) | gaps whole");
    CHECK(reads("To reduce burglary in the XX wards by 5%") ==
          "reduce [burglary in the XX wards] by 5% | gaps whole");
    CHECK(reads("To reduce burglary by 5% to be confirmed") == "reduce [burglary] by 5% | gaps whole");
}

TEST_CASE("what the grammar cannot read", "[grammar]") {
    CHECK(reads(".") == "unreadable: no target verb (reduce, increase, maintain, achieve, ...) starts it");
    CHECK(reads("TBC") ==
          "unreadable: no target verb (reduce, increase, maintain, achieve, ...) starts it | gaps whole");
    CHECK(reads("(TBC)") ==
          "unreadable: no target verb (reduce, increase, maintain, achieve, ...) starts it | gaps whole");
    CHECK(reads("....") ==
          "unreadable: no target verb (reduce, increase, maintain, achieve, ...) starts it | gaps whole");
    CHECK(reads("2010/11") ==
          "unreadable: no target verb (reduce, increase, maintain, achieve, ...) starts it");
    CHECK(reads("5%") == "unreadable: no target verb (reduce, increase, maintain, achieve, ...) starts it");
    CHECK(reads("Burglary") ==
          "unreadable: no target verb (reduce, increase, maintain, achieve, ...) starts it");
    CHECK(reads("There is a national target to reduce deliberate fires by 10% by the year 2010, based on "
                "baseline figures from 2001/02.") ==
          "unreadable: no target verb (reduce, increase, maintain, achieve, ...) starts it");
    CHECK(reads("") == "unreadable: the target is empty");
    CHECK(reads("   ") == "unreadable: the target is empty");
    // A bare placeholder is a whole-target gap, and points at itself.
    CHECK(read_target_sentence("TBC").gap_span == on_line_1(1, 3));
}

TEST_CASE("To is optional, and so is the closing full stop", "[grammar]") {
    Target a = read_target_sentence("Reduce burglary by 5% by 2010/11");
    Target b = read_target_sentence("To reduce burglary by 5% by 2010/11.");
    CHECK(a.verb == b.verb);
    CHECK(a.measure == b.measure);
    CHECK(a.change.value == b.change.value);
    CHECK(a.deadline == b.deadline);
}

TEST_CASE("verbs map to directions", "[grammar]") {
    auto direction_of = [](const std::string& verb) {
        return std::string(to_string(read_target_sentence("To " + verb + " burglary by 5%").direction));
    };
    for (const char* v : {"reduce", "decrease", "cut", "lower", "minimise", "tackle", "prevent"})
        CHECK(direction_of(v) == "reduce");
    for (const char* v : {"increase", "raise", "enhance", "improve", "grow", "boost"})
        CHECK(direction_of(v) == "increase");
    for (const char* v : {"maintain", "hold", "sustain", "keep"}) CHECK(direction_of(v) == "maintain");
    for (const char* v : {"achieve", "deliver", "run", "develop", "ensure"})
        CHECK(direction_of(v) == "achieve");

    Target hold = read_target_sentence("To hold at least 6 seminars");
    CHECK(hold.verb == "hold");
    CHECK(hold.direction == Direction::Achieve);
    CHECK(hold.change_kind == ChangeKind::At);
    CHECK(hold.change.value == 6.0);
    CHECK(hold.change.unit == "seminars");

    CHECK(read_target_sentence("Reducing burglary").verb == "reduce");
    CHECK(read_target_sentence("Cutting burglary").verb == "cut");
    CHECK(read_target_sentence("Improved lighting in car parks").verb == "improve");
    CHECK(read_target_sentence("REDUCE BURGLARY BY 5%").verb == "reduce");
}

TEST_CASE("the indicator a target names", "[grammar]") {
    CHECK(read_target_sentence("To reduce assaults by 4% (NI 20)").indicator == "NI 20");
    CHECK(read_target_sentence("To reduce assaults by 4% (NI20)").indicator == "NI 20");
    CHECK(read_target_sentence("To reduce disorder (LAA 3.2) by 4%").indicator == "LAA 3.2");
    CHECK(read_target_sentence("To reduce disorder (LAA3.2) by 4%").indicator == "LAA 3.2");
    CHECK(read_target_sentence("LPI 3: reduce criminal damage by 5%").indicator == "LPI 3");
    CHECK(read_target_sentence("To reduce burglary (BVPI 126) by 5%").indicator == "BVPI 126");
    CHECK(read_target_sentence("To reduce criminal damage by 20% *PSA1").indicator == "PSA 1");
    CHECK(read_target_sentence("To reduce criminal damage by 20% *PSAI").indicator == "PSA 1");
    CHECK(read_target_sentence("To reduce burglary by 5%").indicator.empty());
    CHECK(read_target_sentence("To reduce PPO re-offending by 5%").indicator.empty());
    CHECK(read_target_sentence("To reduce ni 20 by 5%").indicator.empty());
}

// ---------------------------------------------------------------------------------
// Quantities in table cells.

TEST_CASE("read_quantity: counts with units", "[grammar]") {
    Quantity q = read_quantity("705 offences");
    CHECK(q.value == 705.0);
    CHECK(q.unit == "offences");
    CHECK_FALSE(q.percent);
    CHECK_FALSE(q.gap);
    CHECK(q.decimals == 0);
    CHECK(q.text == "705 offences");
    CHECK_FALSE(q.span.known());

    CHECK(read_quantity("1509 recorded incidents").unit == "recorded incidents");
    CHECK(read_quantity("131 reports").value == 131.0);
    CHECK(read_quantity("  620 offences ").text == "620 offences");
}

TEST_CASE("read_quantity: rates, percentages and decimals", "[grammar]") {
    Quantity rate = read_quantity("12.5 (per 1000 pop)");
    CHECK(rate.value == 12.5);
    CHECK(rate.unit == "per 1000 pop");
    CHECK(rate.decimals == 1);

    Quantity pct = read_quantity("37.50%");
    CHECK(pct.value == 37.5);
    CHECK(pct.percent);
    CHECK(pct.decimals == 2);
    CHECK(pct.unit.empty());

    CHECK(read_quantity("10.00").decimals == 2);
    CHECK(read_quantity("10.00").value == 10.0);
    CHECK(read_quantity("1,234").value == 1234.0);
    CHECK(read_quantity("100,000 population").value == 100000.0);
    CHECK(read_quantity("-24.8%").value == -24.8);
    CHECK(read_quantity("-2113").value == -2113.0);
    CHECK(read_quantity("7.2 incidents per 1000 pop").unit == "incidents per 1000 pop");
}

TEST_CASE("read_quantity: money", "[grammar]") {
    Quantity q = read_quantity(
        "\xC2\xA3"
        "11 billion");
    REQUIRE(q.value);
    CHECK(*q.value == Approx(11e9));
    CHECK(q.unit == "\xC2\xA3");
    CHECK(q.text ==
          "\xC2\xA3"
          "11 billion");
    CHECK(read_quantity("\xC2\xA3"
                        "1.5 million")
              .value == 1500000.0);
}

TEST_CASE("read_quantity: placeholders and words are not numbers", "[grammar]") {
    for (const char* gap :
         {"TBC", "TBA", "....", "\xE2\x80\xA6", "XX", "(TBC)", "to be confirmed", "Data TBC"}) {
        INFO(gap);
        Quantity q = read_quantity(gap);
        CHECK(q.gap);
        CHECK_FALSE(q.value);
        CHECK(q.text == gap);
    }
    for (const char* words :
         {"To develop a baseline figure", "Assess the current provision", "To hold at least 6 seminars",
          "Publication of the 2005/2008 strategy", "", "NA"}) {
        INFO(words);
        Quantity q = read_quantity(words);
        CHECK_FALSE(q.gap);
        CHECK_FALSE(q.value);
        CHECK(q.text == words);
    }
    // Years are not counts.
    CHECK_FALSE(read_quantity("2009/10").value);
    CHECK_FALSE(read_quantity("2010").value);
    CHECK_FALSE(read_quantity("11.11.08").value);
}

// ---------------------------------------------------------------------------------
// find_gap

TEST_CASE("find_gap finds placeholders as words", "[grammar]") {
    std::size_t where = 99;
    std::size_t length = 0;
    CHECK(find_gap("by....by 2010/11", &where, &length));
    CHECK(where == 2);
    CHECK(length == 4);
    CHECK(find_gap("based on (TBC)", &where, &length));
    CHECK(where == 10);
    CHECK(length == 3);
    CHECK(find_gap("Milestone: tba", &where));
    CHECK(where == 11);
    CHECK(find_gap("to be confirmed", &where, &length));
    CHECK(where == 0);
    CHECK(length == 15);
    CHECK(find_gap("by \xE2\x80\xA6", &where, &length));
    CHECK(where == 3);
    CHECK(length == 3);
    CHECK(find_gap("XX% by 2010"));
    CHECK(find_gap("by..."));

    CHECK_FALSE(find_gap(""));
    CHECK_FALSE(find_gap("by 5% by 2010/11."));
    CHECK_FALSE(find_gap("TBCs"));
    CHECK_FALSE(find_gap("XXL"));
    CHECK_FALSE(find_gap("Mr X"));
    CHECK_FALSE(find_gap("etc.."));
    CHECK_FALSE(find_gap("A.S.B. awareness"));
    CHECK_FALSE(find_gap("to be agreed"));
}

// ---------------------------------------------------------------------------------
// Robustness: the public functions never throw and never crash.

TEST_CASE("the grammar survives any input", "[grammar]") {
    std::vector<std::string> inputs = {
        "",
        std::string("\xFF\xFE\xFD", 3),
        "To reduce \xC3 by 5\xE2\x80 by 2010/",
        std::string(1, '\0'),
        std::string(100000, '.'),
        std::string(100000, '('),
        std::string(100000, '9'),
        "To reduce by by by by by by",
        "from from to to from to",
        "To work to to to to",
        "based on",
        "by the end of",
        "((TBC)",
        "(TBC",
        "TBC)",
    };
    std::string long_sentence;
    for (int i = 0; i < 5000; ++i) long_sentence += "To reduce burglary by 5% by 2010/11 based on (TBC) ";
    inputs.push_back(long_sentence);
    // A fixed pseudo-random byte soup, the same on every run.
    std::uint32_t seed = 12345;
    for (int n = 0; n < 200; ++n) {
        std::string soup;
        for (int i = 0; i < 60; ++i) {
            seed = seed * 1103515245u + 12345u;
            soup.push_back(static_cast<char>((seed >> 16) & 0xFF));
        }
        inputs.push_back(soup);
    }
    for (const std::string& in : inputs) {
        CHECK_NOTHROW(read_target_sentence(in));
        CHECK_NOTHROW(read_quantity(in));
        CHECK_NOTHROW(find_gap(in));
        CHECK_NOTHROW(read_target_row(in, in, in, in));
        CHECK(read_target_sentence(in).text == in);
    }
    Target big = read_target_sentence(long_sentence);
    CHECK(big.readable);
    CHECK(big.change.value == 5.0);
}
