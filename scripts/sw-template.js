// The service worker (written into each build by scripts/post_build.py): after the first visit,
// the estimator loads and works with the network off. The page is fetched from the network first,
// so a new build served online is running on the next visit; the hashed files are taken from the
// cache first, since their names change whenever their contents do.
const VERSION = '__VERSION__';
const FILES = __FILES__;
const CACHE = `estimator-${VERSION}`;
const PAGE = new URL('./', self.location).href;
// On a slow line, do not keep the user waiting for the network: after this, use the cached page.
const NETWORK_WAIT_MS = 4000;

self.addEventListener('install', (event) => {
  event.waitUntil(
    caches
      .open(CACHE)
      .then((cache) => cache.addAll(FILES))
      .then(() => self.skipWaiting()),
  );
});

self.addEventListener('activate', (event) => {
  event.waitUntil(
    caches
      .keys()
      .then((keys) => Promise.all(keys.filter((k) => k.startsWith('estimator-') && k !== CACHE).map((k) => caches.delete(k))))
      .then(() => self.clients.claim()),
  );
});

function cachedPage() {
  return caches.open(CACHE).then((cache) => cache.match(PAGE));
}

self.addEventListener('fetch', (event) => {
  const request = event.request;
  if (request.method !== 'GET' || new URL(request.url).origin !== self.location.origin) return;
  if (request.mode === 'navigate') {
    const network = fetch(request).then((response) => {
      if (response.ok) {
        const copy = response.clone();
        caches.open(CACHE).then((cache) => cache.put(PAGE, copy));
      }
      return response;
    });
    const slow = new Promise((resolve) => setTimeout(resolve, NETWORK_WAIT_MS)).then(cachedPage);
    event.respondWith(
      Promise.race([network.catch(cachedPage), slow.then((page) => page || network)]).then(
        (response) => response || network,
      ),
    );
    return;
  }
  event.respondWith(caches.match(request, { ignoreSearch: true }).then((hit) => hit || fetch(request)));
});
