#pragma once
// Small charts as inline SVG: horizontal bars, each labelled in words and numbers, with
// a text alternative (role="img", <title> and <desc>) that says everything the bars do.

#include <optional>
#include <string>
#include <vector>

#include "planc/model.hpp"
#include "render/html.hpp"

namespace planc {

struct ChartBar {
    std::string label;       ///< "Starting level (2008 to 2009)"
    double value = 0;        ///< bar length, in the chart's units
    std::string value_text;  ///< "705 offences"
    std::string kind;        ///< a class suffix for the theme: "baseline", "target", "answer"
};

struct BarChart {
    std::string id;           ///< unique on the page; ids of <title>/<desc> derive from it
    std::string title;        ///< short name of the chart
    std::string description;  ///< the whole message in words
    std::vector<ChartBar> bars;
};

/// Appends <figure class="chart"> with the SVG and a visible caption to `parent`.
void append_bar_chart(html::Stream& out, const BarChart& chart);

/// The chart of one target (starting level against target), when it has the numbers
/// for one: both values, or a percentage change from a stated starting level. No chart
/// for a target with a placeholder.
std::optional<BarChart> target_chart(const Target& t, const std::string& id);

/// A bar chart of a survey table's percentages.
BarChart survey_chart(const SurveyTable& s, const std::string& title, const std::string& id);

}  // namespace planc
