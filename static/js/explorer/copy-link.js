import { word } from '../words.js';

// Copies the address of the current view; where the clipboard is unavailable, shows it ready to copy by hand.
export function initCopyLink(root) {
  const button = root.querySelector('[data-copy-link]');
  const status = root.querySelector('[data-copy-status]');
  if (!button || !status) return;
  button.hidden = false;
  button.addEventListener('click', async () => {
    const url = window.location.href;
    status.replaceChildren();
    try {
      await navigator.clipboard.writeText(url);
      status.textContent = word('page.explore.copyLink.copied');
    } catch {
      const field = document.createElement('input');
      field.type = 'text';
      field.readOnly = true;
      field.value = url;
      field.setAttribute('aria-label', word('page.explore.copyLink.field'));
      status.append(word('page.explore.copyLink.failed'), field);
      field.focus();
      field.select();
    }
  });
}
