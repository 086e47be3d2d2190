// Raport GP's service worker: the app opens and works with no network after the first visit.
// This file is a template: after every build `.ci/precache.mjs` writes it into the build with
// VERSION (from the hashes of the built files) and ASSETS (every file of the build) filled in,
// so a new deployment is a new worker, and nothing is listed by hand.
//
// - Scope: served next to index.html, the worker controls only the app's own directory (the
//   sub-path it is deployed at). It never touches another origin.
// - Cache-first: the build's files come from this version's cache; anything else in scope is
//   fetched from the network. Reports are in localStorage, never in these caches.
// - A new version installs in the background and waits. The page shows "Dostępna nowa wersja"
//   and sends 'skip-waiting' only when the user clicks; the old caches go on activation.
const VERSION = '__VERSION__';
const ASSETS = __ASSETS__;
const PREFIX = 'raport-gp-';
const CACHE = `${PREFIX}${VERSION}`;

self.addEventListener('install', (event) => {
  event.waitUntil(caches.open(CACHE).then((cache) => cache.addAll(ASSETS)));
});

self.addEventListener('activate', (event) => {
  event.waitUntil(
    caches.keys().then((keys) =>
      Promise.all(keys.filter((k) => k.startsWith(PREFIX) && k !== CACHE).map((k) => caches.delete(k))),
    ),
  );
});

self.addEventListener('message', (event) => {
  if (event.data === 'skip-waiting') self.skipWaiting();
});

self.addEventListener('fetch', (event) => {
  const request = event.request;
  if (request.method !== 'GET' || new URL(request.url).origin !== self.location.origin) return;
  event.respondWith(
    (async () => {
      const cache = await caches.open(CACHE);
      // The app is one page: any navigation in scope (the directory, index.html, with any query)
      // is the cached index.html. Addresses live in the fragment, which never reaches here.
      const hit =
        (await cache.match(request, { ignoreSearch: true })) ??
        (request.mode === 'navigate' ? await cache.match('index.html') : undefined);
      return hit ?? fetch(request);
    })(),
  );
});
