// Accessibility gate: runs axe-core (WCAG 2.0, 2.1 and 2.2, levels A and AA) in headless
// Debian Chromium on the pages of a built site, loaded from file:// URLs.
// Fails on any axe violation, on any request to another host, on a local file a page
// asks for that is not there, and on an uncaught script error. The one request to a host
// that is allowed: 404.html's for the site's own address (from sitemap.xml), which is
// answered from the built folder, since a 404 page is served at any depth.
//
//   node axe.mjs SITE [--max-per-type N]
//
// Every index.html and 404.html is tested, and the search page once more showing the
// results for "the" (what its script puts in, the "Show more" button among them);
// --max-per-type N (or PLANC_AXE_MAX_PER_TYPE) tests at most N pages of each type in each
// partnership instead.

import { createRequire } from 'node:module';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { guardedContext, launch, siteBaseUrl } from './browser.mjs';
import { listPages } from './site-tree.mjs';

const TAGS = ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'wcag22aa'];
const AXE = createRequire(import.meta.url).resolve('axe-core/axe.min.js');

function parseArgs(argv) {
    const args = { site: null, maxPerType: Number(process.env.PLANC_AXE_MAX_PER_TYPE || 0) };
    for (let i = 0; i < argv.length; i++) {
        if (argv[i] === '--max-per-type') args.maxPerType = Number(argv[++i]);
        else if (!args.site) args.site = argv[i];
        else throw new Error(`unexpected argument: ${argv[i]}`);
    }
    if (!args.site) throw new Error('usage: node axe.mjs SITE [--max-per-type N]');
    return args;
}

function choosePages(pages, maxPerType) {
    if (!maxPerType) return pages;
    const taken = new Map();
    return pages.filter((p) => {
        const key = `${p.type}\u0000${p.partnership}`;
        const n = taken.get(key) || 0;
        taken.set(key, n + 1);
        return n < maxPerType;
    });
}

async function checkPage(context, page) {
    const tab = await context.newPage();
    const problems = [];
    tab.on('pageerror', (e) => problems.push(`script error: ${e.message}`));
    tab.on('requestfailed', (r) => {
        // A file that is there but failed (a script's fetch() of a file: URL) is not missing.
        if (r.url().startsWith('file:') && !fs.existsSync(fileURLToPath(r.url().split(/[?#]/)[0]))) {
            problems.push(`missing file: ${r.url()}`);
        }
    });
    tab.on('response', (r) => {
        if (r.status() === 404) problems.push(`missing file: ${r.url()}`);
    });
    try {
        await tab.goto(pathToFileURL(page.file).href + (page.query || ''), { waitUntil: 'load', timeout: 30_000 });
        if (page.query) {
            // A search: its results (and their "Show more" button) are put in after the page loads.
            await tab.waitForFunction(() => !/Searching/.test(document.getElementById('search-status')?.innerText || ''),
                null, { timeout: 30_000 });
        }
        await tab.addScriptTag({ path: AXE });
        const result = await tab.evaluate(
            // No preload: axe would fetch each stylesheet again, which file: pages may not.
            (tags) => window.axe.run(document, {
                runOnly: { type: 'tag', values: tags },
                resultTypes: ['violations'],
                preload: false,
            }),
            TAGS,
        );
        if (result.passes.length + result.violations.length + result.incomplete.length === 0) {
            problems.push('axe ran no rule at all');
        }
        for (const v of result.violations) {
            for (const node of v.nodes) {
                problems.push(`${v.id} [${v.impact}] ${node.target.join(' ')}: ${v.help} (${v.helpUrl.split('?')[0]})`);
            }
        }
    } catch (e) {
        problems.push(`could not test the page: ${e.message.split('\n')[0]}`);
    } finally {
        await tab.close();
    }
    return [...new Set(problems)];
}

async function main() {
    const args = parseArgs(process.argv.slice(2));
    const site = path.resolve(args.site);
    if (!fs.existsSync(site)) throw new Error(`no such folder: ${site}`);
    const all = listPages(site);
    const pages = [...choosePages(all, args.maxPerType)];
    // The search page once more, showing results: what its script adds is checked too.
    const search = all.find((p) => p.rel === 'search/index.html');
    const views = search ? 1 : 0;  // pages tested twice
    if (search) pages.push({ ...search, rel: 'search/index.html?q=the', type: 'search results', query: '?q=the' });
    if (pages.length === 0) {
        console.log(`axe: no index.html or 404.html under ${site}`);
        console.log('axe: 0 passed, 1 failed');
        return 1;
    }
    const t0 = Date.now();
    const browser = await launch();
    const base = siteBaseUrl(site);
    const { context, blocked } = await guardedContext(browser, { site: { root: site, base } });
    const results = new Array(pages.length);
    let next = 0;
    const worker = async () => {
        while (next < pages.length) {
            const i = next++;
            results[i] = await checkPage(context, pages[i]);
        }
    };
    const workers = Math.max(1, Math.min(4, os.availableParallelism?.() || 2));
    await Promise.all(Array.from({ length: workers }, worker));
    await context.close();
    await browser.close();

    // Requests to other hosts count against the page that made them.
    const urls = pages.map((p) => pathToFileURL(p.file).href + (p.query || ''));
    const stray = [];
    for (const b of blocked) {
        const i = urls.indexOf(b.page.split('#')[0]);
        if (i >= 0) results[i].push(`request to another host blocked: ${b.url}`);
        else stray.push(b);
    }
    let failed = 0;
    let problemCount = 0;
    const byType = new Map();
    pages.forEach((page, i) => {
        const problems = results[i];
        byType.set(page.type, (byType.get(page.type) || 0) + 1);
        if (problems.length === 0) {
            console.log(`ok    ${page.rel} (${page.type})`);
            return;
        }
        failed++;
        problemCount += problems.length;
        console.log(`FAIL  ${page.rel} (${page.type})`);
        for (const p of problems) console.log(`        ${p}`);
    });
    for (const b of stray) {
        failed++;
        problemCount++;
        console.log(`FAIL  request to another host blocked: ${b.url} (from ${b.page})`);
    }
    const types = [...byType].map(([t, n]) => `${t} ${n}`).join(', ');
    console.log(`axe: tested ${pages.length - views} of ${all.length} pages${views ? ', the search page also with results' : ''} ` +
        `(${types}) against ${TAGS.join(', ')} ` +
        `in ${((Date.now() - t0) / 1000).toFixed(1)} s; ${problemCount} problems, ${blocked.length} requests to other hosts`);
    console.log(`axe: ${pages.length - (failed - stray.length)} passed, ${failed} failed`);
    return failed ? 1 : 0;
}

main().then((code) => process.exit(code), (e) => {
    console.error(`axe: ${e.stack || e}`);
    console.log('axe: 0 passed, 1 failed');
    process.exit(2);
});
