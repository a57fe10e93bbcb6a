#pragma once
// Helpers shared by the tests.

#include <fstream>
#include <sstream>
#include <string>

#include "planc/diagnostics.hpp"
#include "planc/model.hpp"
#include "planc/parse.hpp"

namespace planc::testing {

/// The repository root (tests run from anywhere).
inline std::string source_dir() { return PLANC_SOURCE_DIR; }

inline std::string read_file(const std::string& path) {
    std::ifstream in(path, std::ios::binary);
    std::ostringstream s;
    s << in.rdbuf();
    return s.str();
}

/// A document with the minimal front matter and `body` after it (body starts on line 5).
inline std::string plan_text(const std::string& body) {
    return "---\ntitle: Test plan\nperiod: 2008/09-2010/11\n---\n" + body;
}

inline Document parse_plan(const std::string& body, Diagnostics& diags) {
    return parse_document("content/test/2009-10.md", plan_text(body), diags);
}

/// True when some diagnostic has this code.
inline bool has_code(const Diagnostics& diags, DiagCode code) {
    for (const auto& d : diags.items())
        if (d.code == code) return true;
    return false;
}

}  // namespace planc::testing
