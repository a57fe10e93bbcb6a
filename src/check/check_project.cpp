// Runs every registered check, then applies suppressions.

#include <algorithm>
#include <map>

#include "check/checks.hpp"
#include "planc/check.hpp"
#include "planc/parallel.hpp"

namespace planc {

namespace {

/// Where a finding falls, for matching against a suppression's block.
bool covered_by(const Span& block, const Span& finding) {
    if (!block.known() || !finding.known()) return false;
    std::uint32_t end = block.end_line ? block.end_line : block.line;
    return finding.line >= block.line && finding.line <= end;
}

/// `<!-- planc: allow CODE -->` silences CODE in the block after it; a suppression
/// that silences nothing is reported, so stale ones do not pile up.
void apply_suppressions(const Project& project, Diagnostics& diags) {
    std::vector<Diagnostic> kept;
    std::vector<Diagnostic> unused;
    for (const auto& p : project.partnerships) {
        for (const auto& doc : p.documents) {
            for (const auto& sup : doc.suppressions) {
                auto code = find_code(sup.code);
                if (!code) {
                    Diagnostic d;
                    d.code = DiagCode::W117;
                    d.severity = Severity::Warning;
                    d.message = "`planc: allow " + sup.code + "` names no diagnostic code";
                    d.location = {doc.path, sup.span};
                    d.plan = doc.partnership + "/" + doc.slug;
                    unused.push_back(std::move(d));
                }
            }
        }
    }
    std::vector<bool> used;
    struct Ref {
        const Document* doc;
        const Suppression* sup;
    };
    std::vector<Ref> sups;
    // The suppressions of each file and code, so a finding looks only at its own.
    std::map<std::pair<std::string, DiagCode>, std::vector<std::size_t>> by_file_and_code;
    for (const auto& p : project.partnerships)
        for (const auto& doc : p.documents)
            for (const auto& sup : doc.suppressions) {
                if (auto code = find_code(sup.code)) by_file_and_code[{doc.path, *code}].push_back(sups.size());
                sups.push_back({&doc, &sup});
            }
    used.assign(sups.size(), false);
    for (Diagnostic& d : diags.items()) {
        bool silenced = false;
        auto candidates = d.severity == Severity::Error ? by_file_and_code.end()
                                                        : by_file_and_code.find({d.location.file, d.code});
        if (candidates != by_file_and_code.end()) {
            for (std::size_t i : candidates->second) {
                // The block after the comment, by the block's own span.
                if (covered_by(sups[i].sup->applies_to, d.location.span)) {
                    silenced = true;
                    used[i] = true;
                }
            }
        }
        if (!silenced) kept.push_back(std::move(d));
    }
    for (std::size_t i = 0; i < sups.size(); ++i) {
        if (used[i] || !find_code(sups[i].sup->code)) continue;
        Diagnostic d;
        d.code = *find_code(sups[i].sup->code);
        d.severity = Severity::Warning;
        d.message = "`planc: allow " + sups[i].sup->code + "` silences nothing here: remove it";
        d.location = {sups[i].doc->path, sups[i].sup->span};
        d.plan = sups[i].doc->partnership + "/" + sups[i].doc->slug;
        unused.push_back(std::move(d));
    }
    Diagnostics result;
    for (auto& d : kept) result.add(std::move(d));
    for (auto& d : unused) result.add(std::move(d));
    diags = std::move(result);
}

/// One piece of check work: the document checks of one document, or (without a
/// document) the partnership-wide checks of one partnership. Each job writes only its
/// own findings, so jobs can run on any thread in any order.
struct CheckJob {
    const Partnership* partnership = nullptr;
    const Document* doc = nullptr;
    Diagnostics found;
};

/// The jobs in the order the checks are defined to run: each partnership's documents,
/// then the partnership-wide checks of that partnership.
std::vector<CheckJob> plan_jobs(const Project& project) {
    std::vector<CheckJob> jobs;
    for (const auto& partnership : project.partnerships) {
        for (const auto& doc : partnership.documents) jobs.push_back(CheckJob{&partnership, &doc, {}});
        jobs.push_back(CheckJob{&partnership, nullptr, {}});
    }
    return jobs;
}

void run_job(const Project& project, CheckJob& job) {
    if (job.doc) {
        CheckContext ctx{project, *job.partnership, *job.doc, job.found};
        for (const auto& check : document_checks()) check.run(ctx);
    } else {
        PartnershipContext ctx{project, *job.partnership, job.found};
        for (const auto& check : partnership_checks()) check.run(ctx);
    }
}

}  // namespace

void check_project(const Project& project, Diagnostics& diags) {
    std::vector<CheckJob> jobs = plan_jobs(project);
    // Checks only read the project; each job writes only its own findings. An exception
    // of the first job in job order is rethrown, as a serial loop would.
    parallel_for(jobs.size(), [&](std::size_t i) { run_job(project, jobs[i]); });
    // Merged in the order a single thread would have found them.
    Diagnostics found;
    std::size_t total = 0;
    for (const CheckJob& job : jobs) total += job.found.items().size();
    found.items().reserve(total);
    for (CheckJob& job : jobs)
        for (Diagnostic& d : job.found.items()) found.add(std::move(d));
    apply_suppressions(project, found);
    found.sort();
    diags.append(found);
}

TargetSummary summarise_targets(const Project& project) {
    TargetSummary s;
    for (const auto& p : project.partnerships)
        for (const auto& doc : p.documents)
            for (const auto& pr : doc.priorities)
                for (const auto& t : pr.targets) {
                    ++s.targets;
                    if (!t.readable) ++s.unreadable;
                    else if (t.gaps.empty()) ++s.complete;
                    else ++s.with_gaps;
                }
    return s;
}

}  // namespace planc
