import { word } from './words.js';

// The GIFT import's helpers. A chosen file is read into the text box, where it is checked like pasted text (the file
// control stays hidden without a script: the app takes no file uploads). A text too large for one request is stopped
// here with the reason, instead of being refused by the server after the upload.
const form = document.querySelector('form.gift-form');
const field = document.querySelector('[data-gift-file]');
const input = document.getElementById('gift-file');
const box = document.getElementById('gift');
const error = document.querySelector('[data-gift-error]');

function say(message) {
  error.textContent = message;
  error.hidden = !message;
}

if (form && field && input && box && error) {
  field.hidden = false;
  input.addEventListener('change', async () => {
    const file = input.files[0];
    if (!file) return;
    try {
      box.value = await file.text();
      say('');
      box.focus();
    } catch (failure) {
      say(word('page.import.file.failed', file.name));
    }
  });
  form.addEventListener('submit', (event) => {
    const bytes = new URLSearchParams(new FormData(form, event.submitter)).toString().length;
    const most = Number(form.dataset.maxBytes);
    if (bytes > most) {
      event.preventDefault();
      say(word('page.import.tooLarge', bytes, most));
      box.focus();
    } else {
      say('');
    }
  });
}
