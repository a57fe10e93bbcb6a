// Starts Debian's headless Chromium through playwright-core (never a downloaded browser)
// and keeps every page off the network: only file:, data:, blob: and localhost load.

import fs from 'node:fs';
import path from 'node:path';
import { chromium } from 'playwright-core';

export const CHROMIUM = process.env.PLANC_CHROMIUM || '/usr/bin/chromium';

const ARGS = [
    '--headless',
    '--no-sandbox',
    '--disable-gpu',
    '--disable-quic',
    '--no-first-run',
    '--disable-background-networking',
    '--disable-component-update',
    '--disable-sync',
    // No host but localhost resolves, whatever slips past the request guard below.
    '--host-resolver-rules=MAP * ~NOTFOUND, EXCLUDE localhost, EXCLUDE 127.0.0.1',
];

/// Launches the browser; the caller closes it.
export function launch() {
    return chromium.launch({ executablePath: CHROMIUM, headless: true, args: ARGS, timeout: 60_000 });
}

/// True when a URL may load: a local file, inline data, or this machine.
export function isLocal(url) {
    let u;
    try {
        u = new URL(url);
    } catch {
        return false;
    }
    if (['file:', 'data:', 'blob:', 'about:', 'chrome-error:'].includes(u.protocol)) return true;
    return ['localhost', '127.0.0.1', '[::1]'].includes(u.hostname);
}

/// The site's own address, from the shortest <loc> of its sitemap.xml ("" when none).
export function siteBaseUrl(siteRoot) {
    const sitemap = path.join(siteRoot, 'sitemap.xml');
    if (!fs.existsSync(sitemap)) return '';
    const locs = [...fs.readFileSync(sitemap, 'utf8').matchAll(/<loc>\s*([^<\s]+)\s*<\/loc>/g)].map((m) => m[1]);
    if (locs.length === 0) return '';
    const home = locs.sort((a, b) => a.length - b.length)[0];
    return home.slice(0, home.lastIndexOf('/') + 1);
}

/// A browser context that blocks and records every request to another host.
/// Returns { context, blocked } where blocked is a list of { page, url }.
///
/// The one exception is `site`: { root, base }. A 404 page is served at any depth, so it
/// names its stylesheet and script by the site's own address (base); its requests for that
/// address are answered from the built folder (root) instead of the network.
export async function guardedContext(browser, { site = null, ...options } = {}) {
    const context = await browser.newContext({ bypassCSP: true, ...options });
    const blocked = [];
    const record = (page, url) => blocked.push({ page: page ? page.url() : '(browser)', url });
    await context.route('**/*', (route) => {
        const url = route.request().url();
        if (isLocal(url)) return route.continue();
        let page = null;
        try {
            page = route.request().frame().page();
        } catch {
            // A service worker's request has no frame.
        }
        if (site?.base && page && url.startsWith(site.base) && /\/404\.html$/.test(page.url())) {
            let rel = decodeURIComponent(new URL(url).pathname.slice(new URL(site.base).pathname.length));
            if (rel === '' || rel.endsWith('/')) rel += 'index.html';
            const file = path.join(site.root, rel);
            if (fs.existsSync(file) && fs.statSync(file).isFile()) return route.fulfill({ path: file });
            return route.fulfill({ status: 404, body: 'not in the built site' });
        }
        record(page, url);
        return route.abort('blockedbyclient');
    });
    context.on('page', (page) => {
        page.on('websocket', (ws) => {
            if (!isLocal(ws.url())) record(page, ws.url());
        });
    });
    return { context, blocked };
}
