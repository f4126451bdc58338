// Clippings service worker: precache the app shell on install, then serve
// from the cache first so the explorer works with the network off.
// `cargo xtask dist` replaces the two placeholders below with the build's
// file list and a version derived from their contents.
const VERSION = "__CLIPPINGS_VERSION__";
const FILES = __CLIPPINGS_FILES__;
const CACHE = "clippings-" + VERSION;

self.addEventListener("install", (event) => {
  event.waitUntil(
    caches.open(CACHE).then((cache) => cache.addAll(FILES)).then(() => self.skipWaiting())
  );
});

self.addEventListener("activate", (event) => {
  event.waitUntil(
    caches
      .keys()
      .then((keys) => Promise.all(keys.filter((k) => k.startsWith("clippings-") && k !== CACHE).map((k) => caches.delete(k))))
      .then(() => self.clients.claim())
  );
});

self.addEventListener("fetch", (event) => {
  const request = event.request;
  if (request.method !== "GET" || new URL(request.url).origin !== self.location.origin) {
    return;
  }
  event.respondWith(
    caches.open(CACHE).then((cache) =>
      // ignoreSearch: the state lives in the hash, never the query string.
      cache.match(request, { ignoreSearch: true }).then((hit) => {
        if (hit) {
          return hit;
        }
        return fetch(request)
          .then((response) => {
            if (response.ok && response.type === "basic") {
              cache.put(request, response.clone());
            }
            return response;
          })
          .catch(() =>
            request.mode === "navigate"
              ? cache.match("./index.html").then((page) => page || Response.error())
              : Response.error()
          );
      })
    )
  );
});
