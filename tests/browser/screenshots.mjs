// Screenshots for people to look at (not a test): the plan page, the first priority page
// and the leaflet page of every plan in a built site, full page, 375 px and 1280 px wide,
// in headless Debian Chromium with no network.
//
//   node screenshots.mjs OUTDIR SITE [--all-priorities]
//
// Writes OUTDIR/<partnership>--<plan>--<type>[--<n>]--<width>.png, and each page of a
// plan's leaflet.pdf as OUTDIR/<partnership>--<plan>--leaflet-pdf-<page>.png (pdftoppm).

import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import { guardedContext, launch } from './browser.mjs';
import { listPages } from './site-tree.mjs';

const WIDTHS = [375, 1280];

function choose(pages, allPriorities) {
    const chosen = [];
    const seen = new Map();
    for (const page of pages) {
        const doc = page.document;
        if (!doc || doc.kind !== 'plan') continue;
        if (!['plan', 'priority', 'leaflet'].includes(page.type)) continue;
        const key = `${doc.dir}\u0000${page.type}`;
        const n = (seen.get(key) || 0) + 1;
        seen.set(key, n);
        if (n > 1 && !(page.type === 'priority' && allPriorities)) continue;
        const stem = `${doc.dir.replace(/\//g, '--')}--${page.type}${page.type === 'priority' && allPriorities ? `--${n}` : ''}`;
        chosen.push({ ...page, stem });
    }
    return chosen;
}

async function main() {
    const argv = process.argv.slice(2);
    const allPriorities = argv.includes('--all-priorities');
    const [outDir, site] = argv.filter((a) => !a.startsWith('--'));
    if (!outDir || !site) throw new Error('usage: node screenshots.mjs OUTDIR SITE [--all-priorities]');
    const root = path.resolve(site);
    if (!fs.existsSync(root)) throw new Error(`no such folder: ${root}`);
    fs.mkdirSync(outDir, { recursive: true });

    const pages = choose(listPages(root), allPriorities);
    if (pages.length === 0) {
        console.log(`screenshots: no plan, priority or leaflet page under ${root}`);
        console.log('screenshots: 0 passed, 1 failed');
        return 1;
    }
    const browser = await launch();
    let written = 0;
    let failed = 0;
    for (const width of WIDTHS) {
        const { context, blocked } = await guardedContext(browser, { viewport: { width, height: 900 } });
        for (const page of pages) {
            const file = path.join(outDir, `${page.stem}--${width}.png`);
            const tab = await context.newPage();
            try {
                await tab.goto(pathToFileURL(page.file).href, { waitUntil: 'load', timeout: 30_000 });
                await tab.screenshot({ path: file, fullPage: true });
                written++;
                console.log(`ok    ${file}  <- ${page.rel}`);
            } catch (e) {
                failed++;
                console.log(`FAIL  ${page.rel} at ${width} px: ${e.message.split('\n')[0]}`);
            } finally {
                await tab.close();
            }
        }
        for (const b of blocked) console.log(`note  request to another host blocked: ${b.url} (from ${b.page})`);
        await context.close();
    }
    await browser.close();

    for (const dir of new Set(pages.map((p) => p.document.dir))) {
        for (const pdf of [path.join(root, dir, 'leaflet.pdf'), path.join(root, dir, 'leaflet', 'leaflet.pdf')]) {
            if (!fs.existsSync(pdf)) continue;
            const prefix = path.join(outDir, `${dir.replace(/\//g, '--')}--leaflet-pdf`);
            const r = spawnSync('pdftoppm', ['-png', '-r', '80', pdf, prefix], { encoding: 'utf8' });
            if (r.status === 0) {
                written++;
                console.log(`ok    ${prefix}-*.png  <- ${path.relative(root, pdf)}`);
            } else {
                failed++;
                console.log(`FAIL  pdftoppm ${pdf}: ${r.error?.message || r.stderr.trim()}`);
            }
        }
    }
    const plans = new Set(pages.map((p) => p.document.dir)).size;
    console.log(`screenshots: ${written} PNGs of ${pages.length} pages (${plans} plans) at ${WIDTHS.join(' and ')} px in ${outDir}`);
    console.log(`screenshots: ${written} passed, ${failed} failed`);
    return failed ? 1 : 0;
}

main().then((code) => process.exit(code), (e) => {
    console.error(`screenshots: ${e.stack || e}`);
    process.exit(2);
});
