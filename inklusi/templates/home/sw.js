// Inklusi's service worker (templates/home/sw.js, served at /sw.js): static files from the
// cache, pages from the network with the last copy kept for when there is none.
const STATIC = [{% for url in static_files %}"{{ url|escapejs }}"{% if not forloop.last %}, {% endif %}{% endfor %}];
const PAGES = [{% for url in pages %}"{{ url|escapejs }}"{% if not forloop.last %}, {% endif %}{% endfor %}];
const FALLBACK = "{{ fallback|escapejs }}";
const STATIC_CACHE = "inklusi-static-" + STATIC.join("|").length + "-" + STATIC[0];
const PAGE_CACHE = "inklusi-pages";

self.addEventListener("install", (event) => {
  event.waitUntil(caches.open(STATIC_CACHE).then((cache) => cache.addAll(STATIC)).then(() => self.skipWaiting()));
});

self.addEventListener("activate", (event) => {
  event.waitUntil(caches.keys().then((names) => Promise.all(
    names.filter((name) => name !== STATIC_CACHE && name !== PAGE_CACHE).map((name) => caches.delete(name))
  )).then(() => self.clients.claim()));
});

function keep(request, response) {
  // Only a page the user really got (not a redirect to the log-in page, not a download).
  const html = (response.headers.get("Content-Type") || "").startsWith("text/html");
  if (response.ok && !response.redirected && html) {
    const copy = response.clone();
    caches.open(PAGE_CACHE).then((cache) => cache.put(request.url.split("?")[0], copy));
  }
  return response;
}

self.addEventListener("fetch", (event) => {
  const request = event.request;
  const url = new URL(request.url);
  if (request.method !== "GET" || url.origin !== location.origin) return;
  if (STATIC.includes(url.pathname)) {
    event.respondWith(caches.match(url.pathname).then((hit) => hit || fetch(request)));
  } else if (request.mode === "navigate") {
    event.respondWith(fetch(request).then((response) => keep(request, response)).catch(() =>
      caches.open(PAGE_CACHE).then((cache) => cache.match(url.origin + url.pathname).then(
        (hit) => hit || cache.match(url.origin + FALLBACK)
      )).then((hit) => hit || new Response("Offline", {status: 503, headers: {"Content-Type": "text/plain"}}))
    ));
  }
});

self.addEventListener("message", (event) => {
  const data = event.data || {};
  if (data.type === "pages") {
    // First the pages kept for another account go (offline.js), then those needed offline
    // are fetched again: in this order, so none of the new ones is deleted.
    const forgotten = data.forget ? caches.delete(PAGE_CACHE) : Promise.resolve();
    event.waitUntil(forgotten.then(() => data.warm && caches.open(PAGE_CACHE).then((cache) =>
      Promise.all(PAGES.map((page) => fetch(page, {credentials: "same-origin"}).then((response) => {
        if (response.ok && !response.redirected) return cache.put(new URL(page, location.origin).href, response);
      }).catch(() => null)))
    )));
  }
});

// Background Sync: the open pages send the outbox (they hold the user's key to it).
self.addEventListener("sync", (event) => {
  if (event.tag === "outbox") {
    event.waitUntil(self.clients.matchAll().then((clients) => clients.forEach((client) => client.postMessage({type: "flush"}))));
  }
});
