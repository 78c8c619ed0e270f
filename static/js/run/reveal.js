// "Name the bug" (fragments/reveal.html) as a freshly rendered page has it: its checks cover every step trained so far.
// A reader who opened it keeps it open; a page that has just let its reader see it passes open.
export function placeReveal(root, page, { open } = {}) {
  const fresh = page.querySelector('[data-reveal]');
  const slot = root.querySelector('[data-reveal-slot]');
  if (!fresh || !slot) return;
  fresh.open = open ?? slot.querySelector('[data-reveal]')?.open ?? false;
  slot.replaceChildren(document.importNode(fresh, true));
}
