// One pair read by the pre-trained base, drawn large for the back row: which tokens are targets under the step's
// objective, each with its real −log p from /api/breakdown.
const shownText = (text) => text.replaceAll(' ', '·').replaceAll('\n', '↵');
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
  tag.textContent = token.position === 0 ? 'no target' : (counted ? 'target' : 'input only');
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
  caption.textContent = `Input at position t → its target, token t + 1; highlighted rows count under instruction `
    + `fine-tuning. Rows 0–${from - 1} (prompt → prompt) count under pre-training only.`;
  const body = table.createTBody();
  for (let t = from; t + 1 < tokens.length; t += 1) {
    const row = body.insertRow();
    const next = tokens[t + 1];
    row.classList.toggle('counted', next.weights.instruction > 0);
    row.classList.toggle('boundary', tokens[t].role === 'prompt' && next.role === 'response');
    [String(t), shownText(tokens[t].text), '→', shownText(next.text), next.weights.instruction > 0 ? 'counts' : '']
      .forEach((text) => { row.insertCell().textContent = text; });
  }
  return table;
}

function totals(breakdown, mode) {
  const p = document.createElement('p');
  p.className = 'deck-totals';
  const t = breakdown.totals;
  const line = {
    'all-targets': `Pre-training: ${t.pretraining.count} targets, mean ${t.pretraining.mean.toFixed(3)} nats per token.`,
    masked: `Instruction fine-tuning: ${t.instruction.count} targets, mean ${t.instruction.mean.toFixed(3)} nats per token.`,
    shift: `${breakdown.tokens.length - 1} predictions for ${breakdown.tokens.length} tokens.`,
    lambda: `L_λ at λ = ${breakdown.promptWeight}: Σ w·nll / Σ w = ${t.weighted.sum.toFixed(2)} / ${t.weighted.weightTotal.toFixed(2)} = ${t.weighted.mean.toFixed(3)} nats per token.`,
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
      headers: { 'Content-Type': 'application/json', Accept: 'application/json' },
      body: JSON.stringify({ prompt, response, checkpoint: 'base', promptWeight }),
    });
    if (!answer.ok) {
      status.textContent = `The model could not read the pair (HTTP ${answer.status}).`;
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
