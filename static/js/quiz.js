import { word } from './words.js';

// Token toggles as buttons with aria-pressed: each drives the form's own checkbox, which still carries the answer
// (and does the whole job when JavaScript is off).
for (const box of document.querySelectorAll('.quiz-chips .chip-box')) {
  const label = box.nextElementSibling;
  const button = document.createElement('button');
  button.type = 'button';
  button.className = 'tok chip';
  button.dataset.role = label.dataset.role;
  button.dataset.position = box.value;
  button.textContent = label.textContent;
  button.setAttribute('aria-label', label.getAttribute('aria-label'));
  const show = () => button.setAttribute('aria-pressed', String(box.checked));
  button.addEventListener('click', () => {
    box.checked = !box.checked;
    show();
  });
  show();
  box.tabIndex = -1;
  box.setAttribute('aria-hidden', 'true');
  label.hidden = true;
  label.after(button);
}

// Answers are checked in place: the verdict lands in the page's status region, which announces it politely, and a
// prediction waiting for its run is checked again every few seconds until the run has ended. Without JavaScript the
// same form posts and the page reloads with the same region filled.
const form = document.querySelector('form.quiz-item');
const status = document.getElementById('answer-status');
const RECHECK_MS = 2000;
let recheck = null;
let checking = false;

function waitForRun() {
  for (const hint of status.querySelectorAll('[data-no-js-hint]')) hint.hidden = true;
  clearTimeout(recheck);
  recheck = setTimeout(check, RECHECK_MS);
}

function showPending(next) {
  const shown = status.querySelector('[data-pending]');
  if (!shown) return false;
  shown.querySelector('progress').replaceWith(next.querySelector('[data-pending] progress'));
  shown.querySelector('#pending-step').textContent = next.querySelector('#pending-step').textContent;
  return true;
}

function show(page) {
  const next = page.getElementById('answer-status');
  const pending = next.querySelector('[data-pending]');
  if (!(pending && showPending(next))) status.replaceChildren(...next.childNodes);
  if (pending) {
    waitForRun();
    return;
  }
  if (status.querySelector('#feedback')) {
    form.querySelector('button[type=submit]').hidden = true;
    const bar = document.querySelector('.quiz-bar');
    if (bar) bar.value = page.querySelector('.quiz-bar').value;
    status.querySelector('#feedback .button-primary')?.focus();
  }
}

async function check() {
  if (checking) return;
  checking = true;
  try {
    const response = await fetch(form.action, { method: 'POST', body: new URLSearchParams(new FormData(form)) });
    const page = new DOMParser().parseFromString(await response.text(), 'text/html');
    if (!page.getElementById('answer-status')) throw new Error(`HTTP ${response.status}`);
    show(page);
  } catch (error) {
    const message = document.createElement('p');
    message.className = 'error-summary';
    message.textContent = word('page.quizRun.js.failed', error.message);
    status.replaceChildren(message);
  } finally {
    checking = false;
  }
}

if (form && status) {
  form.addEventListener('submit', (event) => {
    event.preventDefault();
    check();
  });
  if (status.querySelector('[data-pending]')) waitForRun();
}
