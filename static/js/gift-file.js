import { word } from './words.js';

// Reads a chosen GIFT file into the import's text box, where it can be checked like pasted text. The file control
// is hidden until this runs: without a script the form takes pasted text only (the app accepts no file uploads).
const field = document.querySelector('[data-gift-file]');
const input = document.getElementById('gift-file');
const box = document.getElementById('gift');
const error = document.querySelector('[data-gift-file-error]');

if (field && input && box) {
  field.hidden = false;
  input.addEventListener('change', async () => {
    const file = input.files[0];
    if (!file) return;
    try {
      box.value = await file.text();
      error.hidden = true;
      box.focus();
    } catch (failure) {
      error.textContent = word('page.import.file.failed', file.name);
      error.hidden = false;
    }
  });
}
