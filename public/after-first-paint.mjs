// Trunk's initializer of the wasm app (index.html, data-initializer). Trunk's loader imports this
// module before it fetches the wasm, and the top-level await below holds that fetch until the
// static first paint (#boot in index.html) is on the screen: the page shows something at once,
// and the 557 KB download cannot finish before it. (In Lighthouse's loopback run it sometimes
// did, and its simulation then counts the whole download towards the Largest Contentful Paint:
// 3.8-4.2 s instead of 0.9 s.) It costs a frame or two of a first visit.
//
// The browser reports the first contentful paint once it has been presented. A hidden tab (or a
// prerendered page) paints nothing, so there nothing is waited for; without Paint Timing, or if
// no report comes, the wait ends after FALLBACK_MS.
const FALLBACK_MS = 300;

await new Promise((resolve) => {
  if (document.visibilityState !== 'visible') {
    resolve();
    return;
  }
  let observer = null;
  const done = () => {
    clearTimeout(fallback);
    observer?.disconnect();
    resolve();
  };
  const fallback = setTimeout(done, FALLBACK_MS);
  try {
    observer = new PerformanceObserver((list) => {
      if (list.getEntriesByName('first-contentful-paint').length > 0) done();
    });
    observer.observe({ type: 'paint', buffered: true });
  } catch {
    // No Paint Timing: the fallback timer alone.
  }
});

// Nothing to hook into: without an initializer object Trunk's loader calls init() as usual.
export default function initializer() {
  return undefined;
}
