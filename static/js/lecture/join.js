import { follow, rendered } from './control.js';
import { word } from '../words.js';
import { csrfHeaders } from '../csrf.js';

// A tap answers at once; the page follows the lecturer and shows the next question by itself. Without JavaScript
// the same buttons submit the form.
const root = document.querySelector('main.join[data-code]');
if (root) {
  const code = root.dataset.code;
  const announce = root.querySelector('[data-join-announce]');
  const form = root.querySelector('form.join-poll');
  const hint = form?.querySelector('.hint');

  async function vote(body) {
    const response = await fetch(`/api/classes/${code}/votes`, {
      method: 'POST',
      headers: { 'Content-Type': 'application/json', Accept: 'application/json', ...csrfHeaders() },
      body: JSON.stringify({ question: form.elements.question.value, ...body }),
    });
    if (response.ok) {
      announce.textContent = word('page.joinSession.saved');
      if (hint) hint.textContent = word('page.joinSession.change');
      return true;
    }
    const problem = await response.json().catch(() => ({}));
    announce.textContent = problem.detail ?? word('page.joinSession.js.failed', response.status);
    if (hint) hint.textContent = announce.textContent;
    return false;
  }

  form?.addEventListener('submit', async (event) => {
    event.preventDefault();
    const button = event.submitter;
    if (button?.name === 'choice') {
      if (await vote({ choice: Number(button.value) })) {
        for (const option of form.querySelectorAll('button[name=choice]')) {
          option.setAttribute('aria-pressed', String(option === button));
        }
      }
    } else {
      const number = Number(form.elements.number.value.trim().replace(',', '.'));
      await vote({ number: form.elements.number.value.trim() === '' ? null : number });
    }
  });

  follow(code, rendered(root), () => {});
}
