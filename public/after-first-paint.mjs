// The first import of the page's loader of the app's module (.ci/app-loader.mjs writes it; this
// file is copied into app-<hash>/ by .ci/wasm-app.mjs). The loader imports this module before it
// fetches the wasm, and the top-level await below holds that fetch until the
// static first paint (#boot in index.html) is on the screen: the page shows something at once,
// and the 557 KB download cannot finish before it. (In Lighthouse's loopback run it sometimes
// did, and its simulation then counts the whole download towards the Largest Contentful Paint:
// 3.8-4.2 s instead of 0.9 s.) It costs a frame or two of a first visit.
//
// The browser reports the first contentful paint once it has been presented. A hidden tab (or a
// prerendered page) paints nothing, so there nothing is waited for; without Paint Timing, or if
// no report comes, the wait ends after FALLBACK_MS.
const FALLBACK_MS = 300;

// If the app cannot start (the wasm module does not arrive — offline on a first visit, a host that
// lost the file — or fails to compile or to run its start-up), the loader rejects, and the
// browser reports it as an uncaught error or rejection. Until the app has mounted (it removes #boot
// when it does), such a report replaces "Wczytywanie aplikacji…" with what happened and what to do,
// instead of a page that seems to load forever. Reports from a mounted app are not ours to show.
function showStartFailure() {
  const boot = document.getElementById('boot');
  const status = boot?.querySelector('.boot-status');
  if (!status || status.classList.contains('boot-failed')) return;
  status.classList.add('boot-failed');
  // An alert: read at once by a screen reader, which the polite loading status would not be.
  status.setAttribute('role', 'alert');
  status.textContent = 'Nie udało się uruchomić aplikacji.';
  const advice = document.createElement('p');
  advice.className = 'boot-advice';
  advice.textContent = navigator.onLine === false
    ? 'Ta przeglądarka jest bez połączenia z internetem, a aplikacja nie została jeszcze w niej zapisana do pracy offline. Połącz się z internetem i odśwież stronę (klawisz F5).'
    : 'Plik aplikacji nie dotarł albo nie dał się uruchomić. Odśwież stronę (klawisz F5); jeśli to nie pomoże, użyj aktualnej wersji przeglądarki Chrome, Edge, Firefox lub Safari.';
  const safe = document.createElement('p');
  safe.className = 'boot-advice';
  safe.textContent = 'Raporty zapisane w tej przeglądarce są bezpieczne: nic nie zostało zmienione ani usunięte.';
  status.after(advice, safe);
}
window.addEventListener('error', showStartFailure);
window.addEventListener('unhandledrejection', showStartFailure);

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
