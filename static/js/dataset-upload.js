import { word } from './words.js';

// Says at once that a chosen file is over the size limit, and keeps the form from sending it: the server would refuse
// it anyway (413), but only after the browser had sent it. Without this script the server's refusal still says so.
const form = document.getElementById('upload-form');
if (form) {
  const maxBytes = Number(form.dataset.maxBytes);
  const sizeText = form.dataset.maxSize;
  const inputs = [...form.querySelectorAll('input[type="file"]')];
  const tooLarge = (input) => input.files.length > 0 && input.files[0].size > maxBytes;

  const show = (input) => {
    const field = input.closest('.field');
    const id = `${input.id}-error`;
    let message = document.getElementById(id);
    if (tooLarge(input)) {
      if (!message) {
        message = document.createElement('p');
        message.id = id;
        message.className = 'field-error';
        message.dataset.fromScript = '';
        field.append(message);
      }
      message.textContent = word('page.datasets.js.tooLarge', input.files[0].name, sizeText);
      field.classList.add('has-error');
    } else if (message && 'fromScript' in message.dataset) {
      message.remove();
      field.classList.remove('has-error');
    }
  };

  inputs.forEach((input) => input.addEventListener('change', () => show(input)));
  form.addEventListener('submit', (event) => {
    const first = inputs.find(tooLarge);
    if (first) {
      event.preventDefault();
      show(first);
      first.focus();
    }
  });
}
