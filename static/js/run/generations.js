// The answers table: one row per held-out prompt, one column per lane, rebuilt from each "generations" event; an
// answer that ran to the length limit without end-of-text says so.
import { word } from '../words.js';

function cell(tag, text, className = 'text') {
  const element = document.createElement(tag);
  element.className = className;
  element.textContent = text;
  return element;
}

function answerCell(answer, label) {
  const td = cell('td', '', 'text answer');
  td.dataset.label = label;
  if (!answer) return td;
  td.classList.add(answer.correct ? 'correct' : 'wrong');
  const mark = cell('span', answer.correct ? '✓' : '✗', 'mark');
  mark.setAttribute('aria-hidden', 'true');
  const said = word(answer.correct ? 'page.run.correct' : 'page.run.wrong');
  td.append(mark, ' ', cell('span', said, 'visually-hidden'), ' ',
    cell('span', answer.generated, 'generated'));
  if (answer.stopped === false) td.append(' ', cell('span', word('page.run.cutOff'), 'cut-off'));
  return td;
}

export function showGenerations(root, laneCount, generations) {
  const rows = new Map();
  for (const generation of generations) {
    if (!rows.has(generation.prompt)) {
      rows.set(generation.prompt, { expected: generation.expected, answers: new Array(laneCount).fill(null) });
    }
    rows.get(generation.prompt).answers[generation.lane] = generation;
  }
  // each answer carries its lane's name, which a phone shows beside it when the table stacks
  const laneLabels = [...root.querySelectorAll('[data-generations] thead th')].slice(2).map((th) => th.textContent.trim());
  const tr = [...rows].map(([prompt, { expected, answers }]) => {
    const row = document.createElement('tr');
    const th = cell('th', prompt);
    th.scope = 'row';
    const expectedCell = cell('td', expected);
    expectedCell.dataset.label = word('page.run.col.expected');
    row.append(th, expectedCell, ...answers.map((answer, lane) => answerCell(answer, laneLabels[lane])));
    return row;
  });
  root.querySelector('[data-generations] tbody').replaceChildren(...tr);
  root.querySelector('[data-generations]').hidden = tr.length === 0;
  root.querySelector('[data-generations-empty]').hidden = tr.length > 0;
}
