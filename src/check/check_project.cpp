// Runs every registered check, then applies suppressions.

#include <algorithm>
#include <map>
#include <stdexcept>

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

}  // namespace

DocumentFindings check_document(const Project& project, const Partnership& partnership, const Document& doc) {
    DocumentFindings findings;
    CheckContext ctx{project, partnership, doc, findings.found};
    ctx.cross_links = &findings.links;
    for (const auto& check : document_checks()) check.run(ctx);
    return findings;
}

Diagnostics check_partnership(const Project& project, const Partnership& partnership) {
    Diagnostics found;
    PartnershipContext ctx{project, partnership, found};
    for (const auto& check : partnership_checks()) check.run(ctx);
    return found;
}

void finish_checks(const Project& project, std::vector<DocumentFindings>& documents, Diagnostics& diags) {
    // The partnership-wide checks only read (outlines of) documents: one job per
    // partnership, on every core, each with its own findings.
    std::vector<Diagnostics> partnership_found(project.partnerships.size());
    parallel_for(partnership_found.size(),
                 [&](std::size_t i) { partnership_found[i] = check_partnership(project, project.partnerships[i]); });
    finish_checks(project, documents, partnership_found, diags);
}

void finish_checks(const Project& project, std::vector<DocumentFindings>& documents,
                   std::vector<Diagnostics>& partnership_found, Diagnostics& diags) {
    const std::size_t partnerships = project.partnerships.size();
    if (partnership_found.size() != partnerships)
        throw std::logic_error("finish_checks: partnership findings for a different project");
    checks::check_document_ids(project, partnership_found);
    // Merged in the order a single thread would find them: each document's findings, its
    // links to other documents, then the partnership-wide checks of its partnership.
    Diagnostics found;
    std::size_t total = 0;
    for (const DocumentFindings& f : documents) total += f.found.items().size();
    found.items().reserve(total);
    std::size_t next = 0;
    for (std::size_t i = 0; i < partnerships; ++i) {
        const Partnership& partnership = project.partnerships[i];
        for (const Document& doc : partnership.documents) {
            if (next >= documents.size()) throw std::logic_error("finish_checks: fewer findings than documents");
            DocumentFindings& f = documents[next++];
            for (Diagnostic& d : f.found.items()) found.add(std::move(d));
            CheckContext ctx{project, partnership, doc, found};
            checks::check_cross_document_links(ctx, f.links);
        }
        for (Diagnostic& d : partnership_found[i].items()) found.add(std::move(d));
    }
    apply_suppressions(project, found);
    found.sort();
    diags.append(found);
}

void check_project(const Project& project, Diagnostics& diags) {
    std::vector<DocumentRef> docs = documents_in_order(project);
    // Checks only read the project; each document's findings go to its own slot. An
    // exception of the first document in order is rethrown, as a serial loop would.
    std::vector<DocumentFindings> findings(docs.size());
    parallel_for(docs.size(),
                 [&](std::size_t i) { findings[i] = check_document(project, *docs[i].partnership, *docs[i].document); });
    finish_checks(project, findings, diags);
}

TargetSummary& operator+=(TargetSummary& into, const TargetSummary& more) {
    into.targets += more.targets;
    into.complete += more.complete;
    into.with_gaps += more.with_gaps;
    into.unreadable += more.unreadable;
    return into;
}

TargetSummary summarise_targets(const Document& doc) {
    TargetSummary s;
    for (const auto& pr : doc.priorities)
        for (const auto& t : pr.targets) {
            ++s.targets;
            if (!t.readable) ++s.unreadable;
            else if (t.gaps.empty()) ++s.complete;
            else ++s.with_gaps;
        }
    return s;
}

TargetSummary summarise_targets(const Project& project) {
    TargetSummary s;
    for (const auto& p : project.partnerships)
        for (const auto& doc : p.documents) s += summarise_targets(doc);
    return s;
}

}  // namespace planc
