// Finds the pages of a built site and names the type of each (home, partnership, plan,
// priority, leaflet, 404, ...), from the folder layout and the plan.json files beside them.

import fs from 'node:fs';
import path from 'node:path';

/// Every file under `root`, as paths relative to it with '/' separators, sorted.
export function listFiles(root) {
    const out = [];
    const walk = (dir) => {
        for (const entry of fs.readdirSync(dir, { withFileTypes: true })) {
            const full = path.join(dir, entry.name);
            if (entry.isDirectory()) walk(full);
            else if (entry.isFile()) out.push(path.relative(root, full).split(path.sep).join('/'));
        }
    };
    walk(root);
    return out.sort();
}

/// The documents of the site: one per plan.json, with its folder, partnership and model.
export function listDocuments(root, files = listFiles(root)) {
    return files
        .filter((f) => f.endsWith('/plan.json') || f === 'plan.json')
        .map((f) => {
            const dir = path.posix.dirname(f);
            let model = {};
            try {
                model = JSON.parse(fs.readFileSync(path.join(root, f), 'utf8'));
            } catch (e) {
                model = { error: String(e) };
            }
            const partnership = model.partnership || dir.split('/')[0];
            return { dir, partnership, model, kind: model.kind || 'plan' };
        });
}

function priorityIds(doc) {
    const ids = new Set();
    for (const p of doc.model.priorities || []) {
        if (p.id) ids.add(String(p.id));
        if (p.number != null) ids.add(String(p.number));
    }
    return ids;
}

/// Names one page's type from its path: "home", "partnership", "plan", "report",
/// "priority", "leaflet", "404", or the first folder below its plan or partnership
/// ("plan/targets", "partnership/glossary") or below the site ("accessibility", "search").
export function pageType(rel, documents) {
    const dir = path.posix.dirname(rel);
    const base = path.posix.basename(rel);
    if (base === '404.html') return { type: '404', partnership: '', document: null };
    if (dir === '.') return { type: 'home', partnership: '', document: null };
    const doc = documents
        .filter((d) => dir === d.dir || dir.startsWith(d.dir + '/'))
        .sort((a, b) => b.dir.length - a.dir.length)[0];
    if (doc) {
        if (dir === doc.dir) return { type: doc.kind, partnership: doc.partnership, document: doc };
        const first = dir.slice(doc.dir.length + 1).split('/')[0];
        const rest = dir.slice(doc.dir.length + 1).split('/');
        const ids = priorityIds(doc);
        if (rest.some((s) => ids.has(s)) || /priorit/i.test(first)) {
            return { type: 'priority', partnership: doc.partnership, document: doc };
        }
        if (/leaflet/i.test(first)) return { type: 'leaflet', partnership: doc.partnership, document: doc };
        return { type: `${doc.kind}/${first}`, partnership: doc.partnership, document: doc };
    }
    const partnerships = new Set(documents.map((d) => path.posix.dirname(d.dir)));
    const segs = dir.split('/');
    if (partnerships.has(dir)) return { type: 'partnership', partnership: segs[0], document: null };
    const owner = [...partnerships].find((p) => dir.startsWith(p + '/'));
    if (owner) return { type: `partnership/${dir.slice(owner.length + 1).split('/')[0]}`, partnership: owner, document: null };
    return { type: segs[0], partnership: '', document: null };
}

/// Every HTML page a person can reach (each index.html and 404.html), with its type.
export function listPages(root) {
    const files = listFiles(root);
    const documents = listDocuments(root, files);
    return files
        .filter((f) => /(^|\/)(index|404)\.html$/.test(f))
        .map((rel) => ({ rel, file: path.join(root, rel), ...pageType(rel, documents) }));
}
