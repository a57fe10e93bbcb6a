// HTML gate: the Nu Html Checker (vnu.jar from npm, run by the system's Java) over every
// HTML file of a built site. Fails on any error; warnings are not reported.
//
//   node vnu.mjs SITE

import { spawnSync } from 'node:child_process';
import { createRequire } from 'node:module';
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { listFiles } from './site-tree.mjs';

function main() {
    const site = process.argv[2];
    if (!site || process.argv.length > 3) throw new Error('usage: node vnu.mjs SITE');
    const root = path.resolve(site);
    if (!fs.existsSync(root)) throw new Error(`no such folder: ${root}`);
    const html = listFiles(root).filter((f) => /\.x?html?$/.test(f));
    if (html.length === 0) {
        console.log(`vnu: no HTML file under ${root}`);
        console.log('vnu: 0 passed, 1 failed');
        return 1;
    }

    const jar = path.join(path.dirname(createRequire(import.meta.url).resolve('vnu-jar')), 'build/dist/vnu.jar');
    const java = process.env.JAVA || 'java';
    const t0 = Date.now();
    const run = spawnSync(java, ['-jar', jar, '--errors-only', '--format', 'json', '--skip-non-html', root], {
        encoding: 'utf8',
        maxBuffer: 64 * 1024 * 1024,
    });
    if (run.error) throw new Error(`could not run ${java}: ${run.error.message}`);
    let report;
    try {
        report = JSON.parse(run.stderr);
    } catch {
        throw new Error(`vnu.jar exited ${run.status} without a JSON report:\n${run.stderr}${run.stdout}`);
    }

    const byFile = new Map();
    for (const m of report.messages || []) {
        let rel = m.url || '(no file)';
        if (rel.startsWith('file:')) rel = path.relative(root, fileURLToPath(rel)).split(path.sep).join('/');
        if (!byFile.has(rel)) byFile.set(rel, []);
        byFile.get(rel).push(m);
    }
    let errors = 0;
    for (const f of html) {
        if (!byFile.has(f)) console.log(`ok    ${f}`);
    }
    for (const [f, messages] of [...byFile].sort(([a], [b]) => a.localeCompare(b))) {
        console.log(`FAIL  ${f}`);
        for (const m of messages) {
            errors++;
            const line = m.firstLine ?? m.lastLine;
            const where = line ? `${line}:${m.firstColumn ?? m.lastColumn ?? 0}` : '-';
            console.log(`        ${f}:${where}: ${m.type}: ${m.message}`);
            if (m.extract) console.log(`          | ${m.extract.replace(/\s+/g, ' ').trim()}`);
        }
    }
    if (errors === 0 && run.status !== 0) {
        console.log(`FAIL  vnu.jar exited ${run.status} with no message`);
        errors = 1;
    }
    const failedFiles = byFile.size || (errors ? 1 : 0);
    console.log(`vnu: checked ${html.length} HTML files in ${((Date.now() - t0) / 1000).toFixed(1)} s; ${errors} errors`);
    console.log(`vnu: ${html.length - [...byFile.keys()].filter((f) => html.includes(f)).length} passed, ${failedFiles} failed`);
    return errors ? 1 : 0;
}

try {
    process.exit(main());
} catch (e) {
    console.error(`vnu: ${e.message}`);
    console.log('vnu: 0 passed, 1 failed');
    process.exit(2);
}
