// "A training batch as this lane's pipeline built it": a lane's batch at one step, from
// /api/comparisons/{id}/lanes/{lane}/batch, as rows of token chips grouped by the micro-batch whose Σw divides their
// loss. A chip reads its input and, under it, its target; a counted target is coloured by its share of the step's loss
// in the legend's bins, a target of weight 0 is hatched, and a bar marks where a row's next example starts.
import { word } from '../words.js';
import { shownText } from '../token-text.js';

function element(tag, className, text) {
  const node = document.createElement(tag);
  if (className) node.className = className;
  if (text !== undefined) node.textContent = text;
  return node;
}

const plain = (value) => String(Number(value.toFixed(3)));
const percent = (share) => word('page.run.batch.js.percent', Number((share * 100).toPrecision(2)));

/** The highest bin whose lower edge the share reaches. */
function bin(share, edges) {
  return edges.reduce((found, edge, i) => (share >= edge ? i : found), 0);
}

function chip(token, startsExample, edges) {
  const item = element('li', startsExample ? 'starts-example' : '');
  const counted = token.weight > 0;
  const tok = element('span', counted && token.share != null ? `tok batch-tok heat-${bin(token.share, edges)}` : 'tok batch-tok');
  tok.dataset.role = token.role;
  tok.dataset.target = String(counted);
  const input = shownText(token.input);
  const target = shownText(token.target);
  const role = word(`page.role.${token.role}`);
  const said = counted
    ? word('page.run.batch.js.counted', input, target, role, plain(token.weight),
      token.share == null ? '0 / 0' : percent(token.share), token.example + 1)
    : word('page.run.batch.js.uncounted', input, target, role, token.example + 1);
  tok.setAttribute('role', 'img');
  tok.setAttribute('aria-label', said);
  tok.title = said;
  tok.append(element('span', 'batch-in', input), element('span', 'batch-target', target));
  item.append(tok);
  return item;
}

function row(tokens, number, edges) {
  const box = element('div', 'batch-row');
  if (tokens.length === 0) {
    box.append(element('p', 'batch-row-label', word('page.run.batch.js.empty', number)));
    return box;
  }
  const examples = [...new Set(tokens.map((token) => token.example + 1))];
  const name = word(examples.length > 1 ? 'page.run.batch.js.rows' : 'page.run.batch.js.row', number,
    examples.join(', '));
  const strip = element('ol', 'strip batch-strip');
  strip.setAttribute('aria-label', name);
  tokens.forEach((token, i) => strip.append(chip(token, i > 0 && token.example !== tokens[i - 1].example, edges)));
  box.append(element('p', 'batch-row-label', name), strip);
  return box;
}

function group(batch, microBatch, edges) {
  const weight = batch.microBatchWeights[microBatch];
  const title = batch.microBatches === 1 ? word('page.run.batch.js.whole', plain(weight))
    : word('page.run.batch.js.group', microBatch + 1, batch.microBatches, plain(weight));
  const section = element('section', weight === 0 ? 'micro-batch divides-zero' : 'micro-batch');
  section.setAttribute('aria-label', title);
  section.append(element('h3', '', title));
  if (weight === 0) section.append(element('p', 'batch-zero', word('page.run.batch.js.zero')));
  // one box scrolls the micro-batch's rows sideways together, reachable by the keyboard
  const rows = element('div', 'batch-rows');
  rows.tabIndex = 0;
  rows.setAttribute('role', 'group');
  rows.setAttribute('aria-label', title);
  batch.rows.forEach((r, i) => {
    if (r.microBatch === microBatch) rows.append(row(r.tokens, i + 1, edges));
  });
  section.append(rows);
  return section;
}

function render(container, batch, edges) {
  const total = batch.microBatchWeights.reduce((sum, w) => sum + w, 0);
  const summary = element('p', 'batch-summary', batch.microBatches === 1
    ? word('page.run.batch.js.summaryWhole', batch.step, batch.steps, batch.rows.length, plain(total))
    : word('page.run.batch.js.summary', batch.step, batch.steps, batch.rows.length, batch.microBatches, plain(total)));
  const groups = [...Array(batch.microBatches).keys()].map((m) => group(batch, m, edges));
  container.replaceChildren(summary, ...groups);
}

/**
 * @param stepsDone the steps the run has trained: the batch view offers those
 * @returns {{ trained(stepsDone) }} to follow the run as it trains
 */
export function initBatchView(root, { runId, stepsDone }) {
  const view = root.querySelector('[data-batch-view]');
  const form = view.querySelector('[data-batch-form]');
  const lane = view.querySelector('[data-batch-lane]');
  const step = view.querySelector('[data-batch-step]');
  const hint = view.querySelector('[data-batch-step-hint]');
  const loading = view.querySelector('[data-batch-loading]');
  const message = view.querySelector('[data-batch-message]');
  const container = view.querySelector('[data-batch]');
  const edges = view.querySelector('[data-share-edges]').dataset.edges.split(' ').map(Number);
  view.querySelector('[data-batch-no-js]').hidden = true;
  view.querySelector('[data-batch-legend]').hidden = false;
  form.hidden = false;
  let trained = stepsDone;
  let asked = 0;
  let seen = false;
  let shown = false;

  function say(text, failed = false) {
    message.textContent = text;
    message.classList.toggle('batch-failed', failed);
  }

  async function load() {
    shown = true;
    const ask = ++asked;
    loading.hidden = false;
    container.setAttribute('aria-busy', 'true');
    say(word('page.run.batch.js.loading', step.value));
    try {
      const answer = await fetch(`/api/comparisons/${runId}/lanes/${lane.value}/batch?step=${step.value}`,
        { headers: { Accept: 'application/json' } });
      const body = await answer.json().catch(() => ({}));
      if (ask !== asked) return;
      if (answer.ok) {
        render(container, body, edges);
        say('');
      } else {
        container.replaceChildren();
        say(word('page.run.batch.js.failed', body.detail ?? answer.status), true);
      }
    } catch {
      if (ask !== asked) return;
      container.replaceChildren();
      say(word('page.run.batch.js.unreachable'), true);
    } finally {
      if (ask === asked) {
        loading.hidden = true;
        container.removeAttribute('aria-busy');
      }
    }
  }

  form.addEventListener('submit', (event) => {
    event.preventDefault();
    load();
  });
  // the first batch loads when the reader first reaches it, not for every page view
  const watcher = new IntersectionObserver((entries) => {
    if (!entries.some((entry) => entry.isIntersecting)) return;
    seen = true;
    watcher.disconnect();
    if (trained > 0 && !shown) load();
  });
  watcher.observe(view);

  return {
    trained(steps) {
      trained = steps;
      step.max = Math.max(1, steps);
      hint.textContent = steps === 0 ? word('page.run.batch.step.none') : word('page.run.batch.step.hint', steps);
      if (seen && steps > 0 && !shown) load();
    },
  };
}
