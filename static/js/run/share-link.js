import { word } from '../words.js';

// Copies the run's permanent link; where the clipboard is unavailable, selects it for copying by hand.
export function initShareLink(root) {
  const field = root.querySelector('[data-share-url]');
  const button = root.querySelector('[data-copy-link]');
  const status = root.querySelector('[data-copy-status]');
  button.hidden = false;
  button.addEventListener('click', async () => {
    try {
      await navigator.clipboard.writeText(field.value);
      status.textContent = word('page.explore.copyLink.copied');
    } catch {
      field.focus();
      field.select();
      status.textContent = word('page.run.js.copyByHand');
    }
  });
}
