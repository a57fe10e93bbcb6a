// Starts Debian's headless Chromium through playwright-core (never a downloaded browser)
// and keeps every page off the network: only file:, data:, blob: and localhost load.

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

/// A browser context that blocks and records every request to another host.
/// Returns { context, blocked } where blocked is a list of { page, url }.
export async function guardedContext(browser, options = {}) {
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
