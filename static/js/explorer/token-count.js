import { word } from '../words.js';
import { csrfHeaders } from '../csrf.js';

// Recounts the pair's tokens as the learner types, so the limit beside the fields is never stale.

const PAUSE_MS = 250;

export function initTokenCount(root) {
  const output = root.querySelector('[data-token-count]');
  const prompt = root.querySelector('#prompt');
  const response = root.querySelector('#response');
  if (!output || !prompt || !response) return;
  const context = Number(output.dataset.context);
  let timer = null;
  let asked = 0;

  async function recount() {
    const ticket = ++asked;
    try {
      const answer = await fetch('/api/token-count', {
        method: 'POST',
        headers: { 'Content-Type': 'application/json', Accept: 'application/json', ...csrfHeaders() },
        body: JSON.stringify({ prompt: prompt.value, response: response.value }),
      });
      if (ticket !== asked) return;
      if (!answer.ok) {
        output.textContent = (await answer.json()).detail ?? word('page.explore.context.uncountable');
        output.classList.add('over-limit');
        return;
      }
      const count = await answer.json();
      const over = count.tokens - context;
      output.textContent = over > 0
        ? word('page.explore.context.over', count.tokens, over)
        : word('page.explore.context.sides', count.tokens, count.promptTokens, count.responseTokens);
      output.classList.toggle('over-limit', over > 0);
    } catch {
      if (ticket === asked) output.textContent = word('page.explore.context.offline');
    }
  }

  for (const field of [prompt, response]) {
    field.addEventListener('input', () => {
      clearTimeout(timer);
      timer = setTimeout(recount, PAUSE_MS);
    });
  }
}
