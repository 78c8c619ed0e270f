import { word } from '../words.js';

// Shows one position in both lanes: what predicted it, its loss, whether each objective counts it, the top-5.

function element(tag, text, className) {
  const node = document.createElement(tag);
  if (text !== undefined) node.textContent = text;
  if (className) node.className = className;
  return node;
}

function countedText(token) {
  if (!token || token.dataset.nll === undefined) return word('page.explore.js.first');
  return token.dataset.target === 'true'
    ? word('page.explore.js.counted', Number(token.dataset.weight))
    : word('page.explore.js.masked');
}

function weightedText(role, lambda) {
  const weight = role === 'prompt' ? lambda : 1;
  return weight > 0 ? word('page.explore.js.weight', weight.toFixed(2)) : word('page.explore.js.weightZero');
}

// Below this width the sidebar sits under the lanes, so a tapped token's detail moves up under its own lane.
const NARROW = window.matchMedia('(max-width: 1099px)');

export function initTokenDetail(root) {
  const panel = root.querySelector('[data-token-detail]');
  if (!panel) return;
  const section = panel.closest('section');
  const home = { parent: section.parentElement, before: section.nextElementSibling };
  const place = (token) => {
    if (NARROW.matches) {
      token.closest('.strip').after(section);
      section.scrollIntoView({ block: 'nearest' });
    } else if (section.parentElement !== home.parent) {
      home.parent.insertBefore(section, home.before);
    }
  };
  NARROW.addEventListener('change', () => { if (!NARROW.matches) home.parent.insertBefore(section, home.before); });
  const slider = root.querySelector('[data-lambda]');
  const laneToken = (lane, position) =>
    root.querySelector(`[data-lane="${lane}"] .tok[data-position="${position}"]`);
  let selected = null;

  const render = (position) => {
    const pretraining = laneToken('pretraining', position);
    const instruction = laneToken('instruction', position);
    const row = root.querySelector(`#token-row-${position}`);
    if (!pretraining || !row) return;
    const cell = (name) => row.querySelector(`[data-cell="${name}"]`).textContent.trim();
    const { role, nll } = pretraining.dataset;

    const chip = element('span', pretraining.textContent, `detail-token ${[...pretraining.classList]
      .filter((c) => c.startsWith('heat-')).join(' ')}`);
    const where = element('span', word('page.explore.js.where', position, word(`page.role.${role}`)), 'detail-where');
    const facts = element('dl', undefined, 'detail-facts');
    const fact = (label, value, className) => facts.append(element('dt', label), element('dd', value, className));
    if (Number(position) === 0) {
      fact(word('page.explore.table.from'), word('page.explore.js.fromNothing'));
    } else {
      fact(word('page.explore.table.from'), word('page.explore.js.from', cell('predicted-from'), Number(position) - 1),
        'mono');
    }
    if (nll !== undefined) {
      const loss = Number(nll);
      fact('−log p', word('page.explore.js.loss', loss.toFixed(2), (100 * Math.exp(-loss)).toPrecision(2)));
    }
    fact(word('page.explore.js.pretraining'), countedText(pretraining));
    fact(word('page.explore.js.instruction'), countedText(instruction));
    if (nll !== undefined) fact(word('page.explore.js.weighted'), weightedText(role, Number(slider?.value ?? 0)));

    const parts = [element('p', undefined, 'detail-head'), facts];
    parts[0].append(chip, where);
    const top = row.querySelector('[data-top]');
    if (top) parts.push(element('h3', word('page.explore.js.top')), top.cloneNode(true));
    panel.replaceChildren(...parts);
  };

  const select = (token) => {
    const position = token.dataset.position;
    if (position === selected) return;
    if (selected !== null) {
      for (const tok of root.querySelectorAll(`.tok[data-position="${selected}"]`)) tok.classList.remove('selected');
    }
    for (const tok of root.querySelectorAll(`.tok[data-position="${position}"]`)) tok.classList.add('selected');
    selected = position;
    render(position);
  };

  panel.replaceChildren(element('p', word('page.explore.js.hint'), 'hint'));
  for (const lane of root.querySelectorAll('[data-lane]')) {
    for (const type of ['focusin', 'mouseover', 'click']) {
      lane.addEventListener(type, (event) => {
        const token = event.target.closest('.tok');
        if (!token) return;
        select(token);
        if (type === 'click') place(token);
      });
    }
  }
  slider?.addEventListener('input', () => { if (selected !== null) render(selected); });
}
