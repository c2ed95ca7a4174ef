// The service worker of the standalone site: keeps one build's copy of every page and its
// files, so the site and any share link open with no network after one visit. The build
// (scripts/offline.mjs) fills in the build's file list and a cache name made from their
// contents, so each deploy is a new cache, installed completely before it is used.
const CACHE = '__CEK_KLIEN_CACHE__';
const FILES = __CEK_KLIEN_FILES__;
// Where a newer build notes that it replaced an older one's copy (see `noteUpdate`).
const NOTE = 'cek-klien-updated';
const OURS = /^cek-klien-/;

const base = new URL('./', self.location.href);
// A file of this build by its name relative to the worker ('' is the site's own address); null
// for anything else, an address whose escapes do not decode included.
function nameOf(url) {
  if (url.origin !== base.origin || !url.pathname.startsWith(base.pathname)) return null;
  try {
    return decodeURIComponent(url.pathname.slice(base.pathname.length));
  } catch {
    return null;
  }
}

self.addEventListener('install', (event) => {
  // addAll stores nothing unless every file arrived (a half-finished deploy fails the install,
  // and the old copy stays). 'no-cache' asks the host, never the browser's HTTP cache, so the
  // stable names (index.html, en.html) cannot come from an older build.
  event.waitUntil(caches.open(CACHE).then((cache) => cache.addAll(FILES.map((name) => new Request(name, { cache: 'no-cache' })))));
});

self.addEventListener('activate', (event) => {
  event.waitUntil(
    (async () => {
      let replaced = false;
      for (const name of await caches.keys()) {
        if (OURS.test(name) && name !== CACHE && name !== NOTE) replaced = (await caches.delete(name)) || replaced;
      }
      if (replaced) await noteUpdate(CACHE);
    })(),
  );
});

// Leaves the mark offline.js shows the "updated" note for, once per build: the older worker that
// hands a page over to this build marks it first (see `page`), and this worker's activation
// must not mark it again.
async function noteUpdate(cacheName) {
  const notes = await caches.open(NOTE);
  if ((await (await notes.match('noted'))?.text()) === cacheName) return;
  await notes.put('noted', new Response(cacheName));
  await notes.put('updated', new Response(''));
}

// Sent by an older worker that hands over to this one (see `page`).
self.addEventListener('message', (event) => {
  if (event.data === 'take-over') self.skipWaiting();
});

self.addEventListener('fetch', (event) => {
  const { request } = event;
  if (request.method !== 'GET') return;
  // Only this origin's files under the worker: anything else (another origin included) goes to
  // the network untouched and is never stored.
  const name = nameOf(new URL(request.url));
  if (name === null) return;
  if (request.mode === 'navigate') event.respondWith(page(request, name));
  // This build's files, or (for a page a newer build's copy served, see `page`) the newer
  // build's, until that build's worker takes over; what no copy holds, from the network.
  else event.respondWith(kept(request.url, CACHE).then((hit) => hit ?? newerFile(request.url)).then((hit) => hit ?? fetch(request)));
});
// A file only a newer build's copy holds: asked for by a page this worker handed over (see
// `page`), whose newer worker is then asked again to take over: in one test run in four the
// newer worker was still waiting 20 s after the first request, and the old build's copy was
// kept until the next visit.
async function newerFile(url) {
  const hit = await kept(url);
  if (hit) self.registration.waiting?.postMessage('take-over');
  return hit;
}

// A kept response from the cache `cacheName`, or from whichever of ours holds it. Pages are
// found whatever their query. (`cacheName` looks into that cache without making it again once a
// newer build removed it.)
function kept(url, cacheName, anyQuery = false) {
  return caches.match(url, { ignoreSearch: anyQuery, ignoreVary: true, ...(cacheName ? { cacheName } : {}) });
}

// A page, whatever its query (?lang=en, ?embed=1) and fragment (share links): this build's copy
// of it. A newer build waits until no page of this one is open, so no page ever mixes two
// builds; but a reload of the only open page gets the newer build's copy at once, and the newer
// worker takes over while it loads.
async function page(request, name) {
  const file = name === '' || name.endsWith('/') ? `${name}index.html` : name;
  if (!FILES.includes(file)) {
    // An address that is no page of the app (a chat app's '%23' link, say): the host's answer,
    // or offline its 404.html, which sends such a link back to the app.
    return fetch(request).catch(async () => (await kept(new URL('404.html', base).href, CACHE)) ?? Response.error());
  }
  const url = new URL(file, base).href;
  const waiting = self.registration.waiting;
  if (waiting && (await onlyThisPageOpen(request))) {
    const newer = await newerCopy(url);
    if (newer) {
      // The newer worker activates once this worker has no request in hand, then controls the
      // page; until then this worker serves the page's files from the newer copy (see 'fetch').
      waiting.postMessage('take-over');
      await noteUpdate(newer.cacheName);
      return newer.response;
    }
  }
  return (await kept(url, CACHE, true)) ?? (await kept(url, undefined, true)) ?? fetch(request);
}

// The page in the newest complete copy of a newer build: the waiting worker's (caches are
// listed oldest first; one whose install failed holds nothing).
async function newerCopy(url) {
  for (const name of (await caches.keys()).reverse()) {
    if (!OURS.test(name) || name === CACHE || name === NOTE) continue;
    const response = await kept(url, name, true);
    if (response) return { response, cacheName: name };
  }
  return undefined;
}

// No page of this build is open but, perhaps, the one being reloaded: the service worker API
// cannot tell a reload from a second tab at the same address, so a page counts as "this one"
// only while it is visible (a tab left behind for a new one is hidden by then). Were it another
// window after all, it keeps its page and wasm; only a file it fetches later (the English
// texts) could then be missing, which it already reports, and never from another build.
async function onlyThisPageOpen(request) {
  const open = await self.clients.matchAll({ type: 'window' });
  const path = new URL(request.url).pathname;
  return open.length <= 1 && open.every((client) => client.visibilityState === 'visible' && new URL(client.url).pathname === path);
}
