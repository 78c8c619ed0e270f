// One pair read by the pre-trained base, drawn large for the back row: which tokens are targets under the step's
// objective, each with its real −log p from /api/breakdown.
import { word } from '../words.js';
import { csrfHeaders } from '../csrf.js';
import { shownText } from '../token-text.js';

const nats = (value) => (value == null ? '—' : value.toFixed(2));

function chip(token, weight, mode) {
  const item = document.createElement('li');
  item.className = 'deck-chip';
  item.dataset.role = token.role;
  const counted = token.position > 0 && weight > 0;
  item.classList.toggle('counted', counted);
  const text = document.createElement('span');
  text.className = 'deck-chip-text';
  text.textContent = shownText(token.text);
  const loss = document.createElement('small');
  loss.textContent = mode === 'lambda' && counted && weight !== 1 ? `${nats(token.nll)} × ${weight}` : nats(token.nll);
  const tag = document.createElement('small');
  tag.className = 'deck-chip-tag';
  tag.textContent = word(token.position === 0 ? 'page.tokens.none' : (counted ? 'page.tokens.target' : 'page.tokens.input'));
  item.append(text, loss, tag);
  return item;
}

function strip(tokens, weightOf, mode) {
  const list = document.createElement('ol');
  list.className = 'deck-strip';
  tokens.forEach((token) => list.append(chip(token, weightOf(token), mode)));
  return list;
}

/**
 * Each row: the input at position t and the token t + 1 it is scored on, from the last prompt tokens to the end (the
 * rows before predict prompt from prompt, and instruction fine-tuning counts none of them).
 */
function shift(tokens) {
  const firstResponse = tokens.findIndex((token) => token.role === 'response');
  const from = Math.max(0, firstResponse - 3);
  const table = document.createElement('table');
  table.className = 'deck-shift';
  const caption = table.createCaption();
  caption.textContent = word('page.tokens.shift', from - 1);
  const body = table.createTBody();
  for (let t = from; t + 1 < tokens.length; t += 1) {
    const row = body.insertRow();
    const next = tokens[t + 1];
    row.classList.toggle('counted', next.weights.instruction > 0);
    row.classList.toggle('boundary', tokens[t].role === 'prompt' && next.role === 'response');
    [String(t), shownText(tokens[t].text), '→', shownText(next.text),
      next.weights.instruction > 0 ? word('page.tokens.counts') : '']
      .forEach((text) => { row.insertCell().textContent = text; });
  }
  return table;
}

function totals(breakdown, mode) {
  const p = document.createElement('p');
  p.className = 'deck-totals';
  const t = breakdown.totals;
  const line = {
    'all-targets': word('page.tokens.totals.pretraining', t.pretraining.count, t.pretraining.mean.toFixed(3)),
    masked: word('page.tokens.totals.instruction', t.instruction.count, t.instruction.mean.toFixed(3)),
    shift: word('page.tokens.totals.shift', breakdown.tokens.length - 1, breakdown.tokens.length),
    lambda: word('page.tokens.totals.lambda', breakdown.promptWeight, t.weighted.sum.toFixed(2),
      t.weighted.weightTotal.toFixed(2), t.weighted.mean.toFixed(3)),
  }[mode];
  p.textContent = line;
  return p;
}

const WEIGHT = {
  'all-targets': (token) => token.weights.pretraining,
  masked: (token) => token.weights.instruction,
  lambda: (token) => token.weights.weighted,
};

export function showTokens(root) {
  const { mode, prompt, response } = root.dataset;
  const status = root.querySelector('[data-tokens-status]');
  const view = root.querySelector('[data-tokens-view]');
  const dial = root.querySelector('[data-lambda]');
  const output = root.querySelector('[data-lambda-value]');
  let pending = null;

  async function read() {
    const promptWeight = dial ? Number(dial.value) : 0;
    const answer = await fetch('/api/breakdown', {
      method: 'POST',
      headers: { 'Content-Type': 'application/json', Accept: 'application/json', ...csrfHeaders() },
      body: JSON.stringify({ prompt, response, checkpoint: 'base', promptWeight }),
    });
    if (!answer.ok) {
      status.textContent = word('page.tokens.failed', answer.status);
      return;
    }
    const breakdown = await answer.json();
    const drawn = mode === 'shift' ? shift(breakdown.tokens) : strip(breakdown.tokens, WEIGHT[mode], mode);
    view.replaceChildren(drawn, totals(breakdown, mode));
    status.textContent = '';
  }

  if (dial) {
    dial.addEventListener('input', () => {
      output.textContent = dial.value;
      clearTimeout(pending);
      pending = setTimeout(read, 120);
    });
  }
  read();
}
