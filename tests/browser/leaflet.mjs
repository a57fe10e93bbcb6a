// Leaflet gate: every plan's leaflet.pdf has at most two pages, carries the plan's
// vision and the title of each of its priorities (checked with poppler's pdfinfo and
// pdftotext against the plan.json beside it), and has no link to a file: URL (a path on
// the machine that built it, dead for anyone who downloads the leaflet).
// The build writes leaflets only when WeasyPrint is installed: without it, a site with no
// leaflet.pdf is skipped (exit 77); with it, every plan must have one.
//
//   node leaflet.mjs SITE

import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { listDocuments, listFiles } from './site-tree.mjs';

const MAX_PAGES = 2;
const SKIP = 77;

function onPath(cmd) {
    return (process.env.PATH || '').split(':').some((d) => d && fs.existsSync(path.join(d, cmd)));
}

function run(cmd, args) {
    const r = spawnSync(cmd, args, { encoding: 'utf8', maxBuffer: 32 * 1024 * 1024 });
    if (r.error) throw new Error(`could not run ${cmd}: ${r.error.message}`);
    if (r.status !== 0) throw new Error(`${cmd} ${args.join(' ')} exited ${r.status}: ${r.stderr.trim()}`);
    return r.stdout;
}

/// Text as compared: compatibility forms, plain quotes and dashes, one space, lower case.
function normalise(s) {
    return s
        .normalize('NFKC')
        .replace(/\u00ad/g, '')
        .replace(/[\u2018\u2019\u201b\u2032]/g, "'")
        .replace(/[\u201c\u201d\u201f\u2033]/g, '"')
        .replace(/[\u2010-\u2015\u2212]/g, '-')
        .replace(/\s+/g, ' ')
        .trim()
        .toLowerCase();
}

function checkLeaflet(root, rel, doc) {
    const problems = [];
    const file = path.join(root, rel);
    const info = run('pdfinfo', [file]);
    const pages = Number((/^Pages:\s+(\d+)/m.exec(info) || [])[1]);
    if (!(pages >= 1)) problems.push(`pdfinfo reports no page count`);
    else if (pages > MAX_PAGES) problems.push(`${pages} pages (at most ${MAX_PAGES})`);

    const links = new Set(fs.readFileSync(file, 'latin1').match(/file:\/\/[^)\s>]*/g) || []);
    if (links.size) problems.push(`${links.size} link${links.size === 1 ? '' : 's'} to file: URLs, e.g. ${[...links][0]}`);

    const raw = run('pdftotext', ['-enc', 'UTF-8', file, '-']);
    const text = normalise(raw);
    const joined = normalise(raw.replace(/[-\u2010\u2011\u00ad]\s*\n\s*/g, '')); // words hyphenated at a line end
    const has = (s) => text.includes(normalise(s)) || joined.includes(normalise(s));
    if (!doc) {
        problems.push('no plan.json in its folder or above it');
        return { pages, problems };
    }
    const vision = (doc.model.vision || '').trim();
    if (vision && !has(vision)) problems.push(`vision missing: "${vision}"`);
    for (const p of doc.model.priorities || []) {
        if (p.title && !has(p.title)) problems.push(`priority title missing: "${p.title}"`);
    }
    return { pages, problems };
}

function main() {
    const site = process.argv[2];
    if (!site || process.argv.length > 3) throw new Error('usage: node leaflet.mjs SITE');
    const root = path.resolve(site);
    if (!fs.existsSync(root)) throw new Error(`no such folder: ${root}`);
    const files = listFiles(root);
    const documents = listDocuments(root, files);
    const leaflets = files.filter((f) => path.posix.basename(f) === 'leaflet.pdf');
    const weasyprint = onPath('weasyprint');

    if (leaflets.length === 0 && !weasyprint) {
        console.log('leaflet: no leaflet.pdf in the site and WeasyPrint is not installed: skipped');
        console.log('leaflet: 0 passed, 0 failed, 1 skipped');
        return SKIP;
    }

    const ownerOf = (rel) => documents
        .filter((d) => rel.startsWith(d.dir + '/'))
        .sort((a, b) => b.dir.length - a.dir.length)[0];
    let passed = 0;
    let failed = 0;
    for (const rel of leaflets) {
        const doc = ownerOf(rel);
        const { pages, problems } = checkLeaflet(root, rel, doc);
        const what = `${rel} (${pages} page${pages === 1 ? '' : 's'}, ${(doc?.model.priorities || []).length} priorities)`;
        if (problems.length === 0) {
            passed++;
            console.log(`ok    ${what}`);
        } else {
            failed++;
            console.log(`FAIL  ${what}`);
            for (const p of problems) console.log(`        ${p}`);
        }
    }
    // With WeasyPrint installed the build must have written a leaflet for every plan.
    for (const doc of documents.filter((d) => d.kind === 'plan')) {
        if (leaflets.some((l) => ownerOf(l) === doc)) continue;
        if (weasyprint) {
            failed++;
            console.log(`FAIL  ${doc.dir}/: no leaflet.pdf, though WeasyPrint is installed`);
        } else {
            console.log(`skip  ${doc.dir}/: no leaflet.pdf (WeasyPrint is not installed)`);
        }
    }
    console.log(`leaflet: ${leaflets.length} leaflet.pdf files, ${documents.length} documents, ` +
        `WeasyPrint ${weasyprint ? 'installed' : 'not installed'}`);
    console.log(`leaflet: ${passed} passed, ${failed} failed`);
    return failed ? 1 : 0;
}

try {
    process.exit(main());
} catch (e) {
    console.error(`leaflet: ${e.message}`);
    console.log('leaflet: 0 passed, 1 failed');
    process.exit(2);
}
