// Search gate: the site's search, used for real in headless Debian Chromium. The search
// page loads search-index.js with a script tag (so it works from file:// as well as from
// a server) and assets/site.js lists what matches.
//
//   node search.mjs SITE [--query WORD] [--planc PLANC --project DIR]
//
// Checks, each printed as ok or FAIL:
//   - search/index.html is small and holds no index; search-index.js sets window.plancSearchIndex
//     (version 4: letter folds, entries per part, word files), and every file it names is there;
//   - search/index.html?q=WORD (default "burglary") lists results, from file:// and from a
//     local HTTP server of SITE, each linking to a page that is there;
//   - typing words into the form and pressing Search (a GET form) lists results;
//   - a word finds the words it starts, in any case and with accents or without ("BÚRGLÄRY"
//     is "burglary"), and results with it in their title come first;
//   - past fifty results, a button lists the next fifty and moves the focus to the first;
//   - a search loads only the word files of its words and the entries files of the results
//     it shows, never the whole index;
//   - when search-index.js or a word file does not load, the page says search is not working;
//   - with --planc and --project: the same search on `planc serve PROJECT` (the live preview).
// Fails on any uncaught script error and on any request to another host.

import { spawn } from 'node:child_process';
import fs from 'node:fs';
import http from 'node:http';
import path from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { guardedContext, launch } from './browser.mjs';

const TYPES = {
    '.html': 'text/html; charset=utf-8',
    '.css': 'text/css; charset=utf-8',
    '.js': 'text/javascript; charset=utf-8',
    '.json': 'application/json',
    '.svg': 'image/svg+xml',
    '.png': 'image/png',
    '.xml': 'application/xml',
};

function parseArgs(argv) {
    const args = { site: null, query: 'burglary', planc: null, project: null };
    for (let i = 0; i < argv.length; i++) {
        if (argv[i] === '--query') args.query = argv[++i];
        else if (argv[i] === '--planc') args.planc = argv[++i];
        else if (argv[i] === '--project') args.project = argv[++i];
        else if (!args.site) args.site = argv[i];
        else throw new Error(`unexpected argument: ${argv[i]}`);
    }
    if (!args.site) throw new Error('usage: node search.mjs SITE [--query WORD] [--planc PLANC --project DIR]');
    return args;
}

/// The file of SITE a URL path names ("/a/" -> a/index.html), or null when it is not there.
function siteFile(root, urlPath) {
    let rel = decodeURIComponent(urlPath);
    if (rel.endsWith('/')) rel += 'index.html';
    const file = path.join(root, path.normalize(rel).replace(/^(\.\.[/\\])+/, ''));
    if (!file.startsWith(root + path.sep)) return null;
    return fs.existsSync(file) && fs.statSync(file).isFile() ? file : null;
}

/// A plain static server of SITE on 127.0.0.1 (any free port).
function serveFolder(root) {
    const server = http.createServer((req, res) => {
        const file = siteFile(root, new URL(req.url, 'http://localhost').pathname);
        if (!file) {
            res.writeHead(404, { 'content-type': 'text/plain' });
            res.end('not found');
            return;
        }
        res.writeHead(200, { 'content-type': TYPES[path.extname(file)] || 'application/octet-stream' });
        res.end(fs.readFileSync(file));
    });
    return new Promise((resolve) => server.listen(0, '127.0.0.1', () => resolve(server)));
}

/// Starts `planc serve PROJECT --port 0`; resolves to { child, base } once it listens.
function startPreview(planc, project) {
    return new Promise((resolve, reject) => {
        const child = spawn(planc, ['serve', project, '--port', '0'], { stdio: ['ignore', 'ignore', 'pipe'] });
        let log = '';
        const timer = setTimeout(() => {
            child.kill('SIGTERM');
            reject(new Error(`planc serve did not say where it listens within 60 s:\n${log}`));
        }, 60_000);
        child.stderr.on('data', (chunk) => {
            log += chunk;
            const m = log.match(/at (http:\/\/127\.0\.0\.1:\d+\/)/);
            if (m) {
                clearTimeout(timer);
                resolve({ child, base: m[1] });
            }
        });
        child.on('exit', (code) => {
            clearTimeout(timer);
            reject(new Error(`planc serve exited (${code}):\n${log}`));
        });
    });
}

/// What the search page shows once its scripts have run.
async function readResults(tab) {
    return tab.evaluate(() => {
        const note = [...document.querySelectorAll('#search-status p')].find((p) => /needs JavaScript/.test(p.textContent));
        return {
            status: (document.getElementById('search-status')?.innerText || '').trim(),
            noteVisible: !!note && note.offsetParent !== null && getComputedStyle(note).display !== 'none',
            input: document.getElementById('search-input')?.value ?? null,
            results: [...document.querySelectorAll('#search-results > li')].map((li) => ({
                href: li.querySelector('a')?.href || '',
                title: li.querySelector('.search-results__title')?.textContent || '',
                text: li.textContent,
            })),
        };
    });
}

/// Problems with the results shown for `query`; `exists(href)` says whether a link's page is there.
function resultProblems(shown, query, exists) {
    const problems = [];
    const words = query.toLowerCase().split(/\s+/).filter(Boolean);
    if (shown.input !== query) problems.push(`the search box holds ${JSON.stringify(shown.input)}, not the query`);
    if (shown.noteVisible) problems.push(`the "search is not working" note is shown: ${shown.status}`);
    const m = shown.status.match(/^(\d+) results? for \u201c(.*)\u201d/);
    if (shown.results.length === 0 || !m) {
        problems.push(`no results for \u201c${query}\u201d (status: ${JSON.stringify(shown.status)})`);
        return problems;
    }
    if (m[2] !== query) problems.push(`the status names ${JSON.stringify(m[2])}, not the query`);
    if (shown.results.length !== Math.min(Number(m[1]), 50)) {
        problems.push(`the status says ${m[1]} results but ${shown.results.length} are listed`);
    }
    if (!shown.results.some((r) => words.every((w) => r.text.toLowerCase().includes(w)))) {
        problems.push(`no result shows the words searched for`);
    }
    for (const r of shown.results) {
        if (!r.href || !exists(r.href)) problems.push(`result "${r.title}" links to a page that is not there: ${r.href}`);
    }
    return problems;
}

/// Problems with the search files a search for `query` loaded (`loaded`: "words/bu.js", ...).
function loadProblems(loaded, query, shown) {
    const problems = [];
    const keys = new Set(query.toLowerCase().match(/[a-z0-9\u00c0-\u00d6\u00d8-\u00f6\u00f8-\u027f]+/g)
        .map((w) => [...w].slice(0, 2).map((c) => (/[a-z0-9]/.test(c) ? c : '_')).join('')));
    const words = loaded.filter((f) => f.startsWith('words/')).map((f) => f.slice(6, -3)).sort();
    if (JSON.stringify(words) !== JSON.stringify([...keys].sort())) {
        const named = words.length > 8 ? `${words.length} word files (${words.slice(0, 8).join(', ')}, ...)` : JSON.stringify(words);
        problems.push(`the search loaded ${named}, not the word files of its words ${JSON.stringify([...keys].sort())}`);
    }
    const entries = new Set(loaded.filter((f) => f.startsWith('entries/')));
    if (entries.size === 0 && shown.results.length > 0) problems.push('results shown without loading their entries');
    if (entries.size > Math.min(shown.results.length, 50)) {
        problems.push(`${entries.size} entries files loaded for ${shown.results.length} results shown`);
    }
    return problems;
}

async function main() {
    const args = parseArgs(process.argv.slice(2));
    const site = path.resolve(args.site);
    let passed = 0;
    let failed = 0;
    const report = (name, problems) => {
        if (problems.length === 0) {
            passed++;
            console.log(`ok    ${name}`);
        } else {
            failed++;
            console.log(`FAIL  ${name}`);
            for (const p of [...new Set(problems)]) console.log(`        ${p}`);
        }
    };

    // The files.
    const pageFile = path.join(site, 'search', 'index.html');
    const indexFile = path.join(site, 'search-index.js');
    const fileProblems = [];
    if (!fs.existsSync(pageFile)) fileProblems.push('search/index.html is missing');
    if (!fs.existsSync(indexFile)) fileProblems.push('search-index.js is missing');
    if (fileProblems.length === 0) {
        const page = fs.readFileSync(pageFile, 'utf8');
        if (page.length > 100_000) fileProblems.push(`search/index.html is ${page.length} bytes: the index is in it`);
        if (!/<script src="\.\.\/search-index\.js" defer(="defer")?><\/script>\s*<script src="\.\.\/assets\/site\.js"/.test(page)) {
            fileProblems.push('search/index.html does not load ../search-index.js just before ../assets/site.js');
        }
        const script = fs.readFileSync(indexFile, 'utf8');
        const sandbox = {};
        try {
            new Function('window', script)(sandbox);
            const index = sandbox.plancSearchIndex;
            if (!index || index.version !== 4) fileProblems.push('search-index.js does not set a version 4 index');
            else if (!Array.isArray(index.parts) || !index.parts.some((n) => n > 0)) fileProblems.push('search-index.js counts no entries');
            else if (!Array.isArray(index.shards) || index.shards.length === 0) fileProblems.push('search-index.js names no word files');
            else {
                index.parts.forEach((n, part) => {
                    const file = path.join(site, 'search', 'entries', `${part}.js`);
                    if (n > 0 && !fs.existsSync(file)) fileProblems.push(`search/entries/${part}.js is missing`);
                });
                for (const key of index.shards) {
                    if (!fs.existsSync(path.join(site, 'search', 'words', `${key}.js`))) fileProblems.push(`search/words/${key}.js is missing`);
                }
            }
        } catch (e) {
            fileProblems.push(`search-index.js does not run: ${e.message}`);
        }
    }
    report('search/index.html and search-index.js', fileProblems);
    if (fileProblems.some((p) => /^search(\/index\.html|-index\.js) is missing/.test(p))) {
        console.log(`search: ${passed} passed, ${failed} failed`);
        return 1;
    }

    const browser = await launch();
    const { context, blocked } = await guardedContext(browser);
    const server = await serveFolder(site);
    const served = `http://127.0.0.1:${server.address().port}/`;
    const q = encodeURIComponent(args.query).replace(/%20/g, '+');
    const fileExists = (href) => {
        const u = new URL(href);
        return u.protocol === 'file:' && fs.existsSync(fileURLToPath(u));
    };
    const servedExists = (base) => (href) => {
        const u = new URL(href);
        return href.startsWith(base) && siteFile(site, u.pathname) !== null;
    };

    /// Opens a page, lets its scripts run and returns { shown, errors }.
    const open = async (url, prepare = null, act = null, loaded = null) => {
        const tab = await context.newPage();
        const errors = [];
        tab.on('pageerror', (e) => errors.push(`script error: ${e.message}`));
        if (loaded) tab.on('requestfinished', (r) => { const m = r.url().match(/\/search\/((?:words|entries)\/[^/?#]+\.js)$/); if (m) loaded.push(m[1]); });
        try {
            if (prepare) await prepare(tab);
            await tab.goto(url, { waitUntil: 'load', timeout: 30_000 });
            if (act) await act(tab);
            // The index's files load after the page: wait for the search to say how it ended.
            await tab.waitForFunction(() => !/Searching/.test(document.getElementById('search-status')?.innerText || ''),
                null, { timeout: 30_000 });
            return { shown: await readResults(tab), errors };
        } finally {
            await tab.close();
        }
    };
    const search = async (name, url, exists) => {
        try {
            const loaded = [];
            const { shown, errors } = await open(url, null, null, loaded);
            report(name, [...errors, ...resultProblems(shown, args.query, exists), ...loadProblems(loaded, args.query, shown)]);
        } catch (e) {
            report(name, [`could not test the page: ${e.message.split('\n')[0]}`]);
        }
    };

    let preview = null;
    try {
        await search(`file://  search/index.html?q=${q}`, `${pathToFileURL(pageFile).href}?q=${q}`, fileExists);
        await search(`served   search/index.html?q=${q}`, `${served}search/index.html?q=${q}`, servedExists(served));

        // A resident types into the box on the home page and presses Search.
        const typed = 'domestic abuse';
        try {
            const { shown, errors } = await open(`${served}index.html`, null, async (tab) => {
                await tab.fill('form.search-form input[name="q"]', typed);
                await Promise.all([tab.waitForURL(/search\/index\.html\?q=/), tab.click('form.search-form button[type="submit"]')]);
                await tab.waitForLoadState('load');
            });
            report(`served   typing "${typed}" on the home page and pressing Search`,
                [...errors, ...resultProblems(shown, typed, servedExists(served))]);
        } catch (e) {
            report(`served   typing "${typed}" on the home page`, [`could not test: ${e.message.split('\n')[0]}`]);
        }

        // A word matches the words it starts ("burg" finds burglary), and results with
        // the words in their title come first.
        try {
            const { shown, errors } = await open(`${served}search/index.html?q=burg`);
            const problems = [...errors];
            if (shown.results.length === 0) problems.push(`no results for "burg" (status: ${JSON.stringify(shown.status)})`);
            else if (!/burg/i.test(shown.results[0].title)) problems.push(`the first result for "burg" is "${shown.results[0].title}"`);
            const domestic = await open(`${served}search/index.html?q=Domestic+ABUSE`);
            problems.push(...domestic.errors);
            if (domestic.shown.results.length === 0) problems.push('no results for "Domestic ABUSE"');
            else if (!/domestic/i.test(domestic.shown.results[0].title)) {
                problems.push(`the first result for "Domestic ABUSE" is "${domestic.shown.results[0].title}"`);
            }
            // Accents fold: "BÚRGLÄRY" is "burglary", typed on a phone without them or not.
            const plain = await open(`${served}search/index.html?q=burglary`);
            const accented = await open(`${served}search/index.html?q=${encodeURIComponent('BÚRGLÄRY')}`);
            problems.push(...plain.errors, ...accented.errors);
            const titles = (shown) => shown.results.map((r) => r.title).join('\n');
            if (plain.shown.results.length === 0) problems.push('no results for "burglary"');
            else if (titles(accented.shown) !== titles(plain.shown)) {
                problems.push(`"BÚRGLÄRY" lists ${accented.shown.results.length} results, "burglary" ${plain.shown.results.length}: accents should not count`);
            }
            report('served   words match as beginnings, in any case and accents or not; titles first', problems);
        } catch (e) {
            report('served   words match as beginnings', [`could not test: ${e.message.split('\n')[0]}`]);
        }

        // Past fifty results a button lists the next ones and moves the focus to the first.
        try {
            const { shown, errors } = await open(`${served}search/index.html?q=the`, null, async (tab) => {
                await tab.waitForFunction(() => !/Searching/.test(document.getElementById('search-status')?.innerText || ''));
                const total = Number(((await tab.textContent('#search-status')) || '').match(/^\s*(\d+)/)?.[1] || 0);
                if (total <= 50) throw new Error(`only ${total} results for "the": the seeds should give more than 50`);
                const label = await tab.textContent('.search-more button');
                if (label !== `Show ${Math.min(50, total - 50)} more results`) throw new Error(`the button says ${JSON.stringify(label)}`);
                await tab.click('.search-more button');
                await tab.waitForFunction((n) => document.querySelectorAll('#search-results > li').length === n, Math.min(100, total));
                const focused = await tab.evaluate(() => {
                    const items = [...document.querySelectorAll('#search-results > li')];
                    return items.indexOf(document.activeElement?.closest('li'));
                });
                if (focused !== 50) throw new Error(`after "Show more" the focus is on result ${focused + 1}, not 51`);
                if (total <= 100 && (await tab.$('.search-more'))) throw new Error('the button stays when every result is listed');
            });
            const problems = [...errors];
            const m = shown.status.match(/^(\d+) results?/);
            if (!m || shown.results.length !== Math.min(Number(m[1]), 100)) {
                problems.push(`${shown.results.length} results listed after "Show more" (status: ${JSON.stringify(shown.status)})`);
            }
            report('served   more than fifty results: "Show more" lists the next ones', problems);
        } catch (e) {
            report('served   more than fifty results', [e.message.split('\n')[0]]);
        }

        // Without its index the page says that search is not working.
        try {
            const { shown, errors } = await open(`${served}search/index.html?q=${q}`, (tab) =>
                tab.route('**/search-index.js', (route) => route.fulfill({ status: 404, body: 'gone' })));
            const problems = [...errors];
            if (!shown.noteVisible || !/not working/.test(shown.status)) {
                problems.push(`no "not working" note when search-index.js is missing (status: ${JSON.stringify(shown.status)})`);
            }
            if (shown.results.length) problems.push(`${shown.results.length} results listed without an index`);
            report('served   search/index.html without search-index.js says search is not working', problems);
        } catch (e) {
            report('served   search/index.html without search-index.js', [`could not test: ${e.message.split('\n')[0]}`]);
        }

        // Without a word file it needs, the page says that search is not working.
        try {
            const { shown, errors } = await open(`${served}search/index.html?q=${q}`, (tab) =>
                tab.route('**/search/words/**', (route) => route.fulfill({ status: 404, body: 'gone' })));
            const problems = [...errors];
            if (!/not working/.test(shown.status)) {
                problems.push(`no "not working" message when a word file is missing (status: ${JSON.stringify(shown.status)})`);
            }
            if (shown.results.length) problems.push(`${shown.results.length} results listed without the word file`);
            report('served   search/index.html without its word file says search is not working', problems);
        } catch (e) {
            report('served   search/index.html without its word file', [`could not test: ${e.message.split('\n')[0]}`]);
        }

        if (args.planc && args.project) {
            try {
                preview = await startPreview(args.planc, path.resolve(args.project));
                const { shown, errors } = await open(`${preview.base}search/index.html?q=${q}`);
                // The preview serves the project's own site: links are checked by asking it.
                const problems = [...errors, ...resultProblems(shown, args.query, () => true)];
                for (const r of shown.results) {
                    const status = await new Promise((resolve) => {
                        http.get(r.href.split('#')[0], (res) => {
                            res.resume();
                            resolve(res.statusCode);
                        }).on('error', () => resolve(0));
                    });
                    if (status !== 200) problems.push(`result "${r.title}" links to ${r.href}: HTTP ${status}`);
                }
                report(`planc serve  search/index.html?q=${q}`, problems);
            } catch (e) {
                report('planc serve  search/index.html', [`could not test: ${e.message.split('\n')[0]}`]);
            }
        }
    } finally {
        if (preview) preview.child.kill('SIGTERM');
        server.close();
        await context.close();
        await browser.close();
    }
    for (const b of blocked) report(`request to another host blocked: ${b.url} (from ${b.page})`, ['blocked']);
    console.log(`search: ${passed} passed, ${failed} failed`);
    return failed ? 1 : 0;
}

main().then((code) => process.exit(code), (e) => {
    console.error(`search: ${e.stack || e}`);
    console.log('search: 0 passed, 1 failed');
    process.exit(2);
});
