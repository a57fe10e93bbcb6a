// What a search on a built site downloads: serves SITE on a free loopback port, opens
// search/index.html?q=QUERY in headless Chromium for each query, and prints the status
// the page shows, how many search files it loaded, their bytes and the time to results.
// Not a test; never run by CI. Needs the browser gates' set-up (scripts/setup-tests.sh).
//
//   node bench/search_download.mjs SITE QUERY...
//   node bench/search_download.mjs bench/out/1000/site burglary "domestic abuse"

import fs from 'node:fs';
import http from 'node:http';
import path from 'node:path';
import { launch } from '../tests/browser/browser.mjs';

const [site, ...queries] = process.argv.slice(2);
if (!site || queries.length === 0) {
    console.error('usage: node bench/search_download.mjs SITE QUERY...');
    process.exit(2);
}
const server = http.createServer((req, res) => {
    let file = decodeURIComponent(new URL(req.url, 'http://localhost').pathname);
    if (file.endsWith('/')) file += 'index.html';
    const root = path.resolve(site);
    file = path.join(root, path.normalize(file));
    if (!file.startsWith(root + path.sep) || !fs.existsSync(file)) {
        res.writeHead(404);
        res.end();
        return;
    }
    res.writeHead(200, { 'content-type': file.endsWith('.js') ? 'text/javascript' : 'text/html; charset=utf-8' });
    res.end(fs.readFileSync(file));
});
await new Promise((resolve) => server.listen(0, '127.0.0.1', resolve));
const base = `http://127.0.0.1:${server.address().port}/`;
const browser = await launch();
try {
    for (const query of queries) {
        const tab = await browser.newPage();
        let files = 0;
        let bytes = 0;
        const sizes = [];
        tab.on('requestfinished', (r) => {
            if (!/search/.test(r.url()) || /\/search\/index\.html/.test(r.url())) return;
            files++;
            sizes.push(r.sizes().then((s) => { bytes += s.responseBodySize; }));
        });
        const started = Date.now();
        await tab.goto(`${base}search/index.html?q=${encodeURIComponent(query)}`, { waitUntil: 'load' });
        await tab.waitForFunction(
            () => /result|No results|not working/.test(document.getElementById('search-status')?.innerText || ''),
            null, { timeout: 120_000 });
        const took = Date.now() - started;
        const status = await tab.evaluate(() => document.getElementById('search-status').innerText.trim());
        await Promise.all(sizes);
        console.log(`${JSON.stringify(query)}: ${status.split('\n')[0]} | ${files} search files, ` +
            `${(bytes / 1e6).toFixed(2)} MB, ${took} ms`);
        await tab.close();
    }
} finally {
    await browser.close();
    server.close();
}
