// A mystery run's symptoms while it trains: every few seconds the page is read again and its symptoms replace the ones
// shown, until the run has ended; then what waited for the end ([data-until-ended]) goes, or a page that shows more once
// the run has ended ([data-symptoms-reload]: the projected deck, whose reveal needs the whole run) loads again. The
// page's own address is read unless it names another ([data-symptoms-source]: a page a form answered with).
const RECHECK_MS = 3000;
const source = document.querySelector('[data-symptoms-source]')?.dataset.symptomsSource ?? window.location.href;

function shown() {
  return document.querySelector('[data-symptoms]');
}

async function refresh() {
  try {
    const response = await fetch(source, { headers: { Accept: 'text/html' } });
    const next = new DOMParser().parseFromString(await response.text(), 'text/html').querySelector('[data-symptoms]');
    if (next) {
      shown().replaceWith(document.adoptNode(next));
      if (next.dataset.ended === 'true') {
        if (document.querySelector('[data-symptoms-reload]')) window.location.reload();
        document.querySelectorAll('[data-until-ended]').forEach((waiting) => waiting.remove());
        return;
      }
    }
  } catch {
    // the next read tries again: a page that shows symptoms has nothing better to do with a network error
  }
  setTimeout(refresh, RECHECK_MS);
}

if (shown()?.dataset.ended === 'false') setTimeout(refresh, RECHECK_MS);
