// Keeps the "latest evaluation" table in step with the newest point of each lane.
import { word } from '../words.js';

const DECIMALS = { responseNll: 3, promptNll: 3, drift: 3, trainLoss: 3 };

export function showLatest(root, laneIndex, point) {
  const row = root.querySelector(`.scoreboard tr[data-lane="${laneIndex}"]`);
  if (!row) return;
  const answered = Number(root.dataset.answered);
  row.querySelector('[data-cell=step]').textContent = point.step;
  row.querySelector('[data-cell=exactMatch]').textContent = `${Math.round(point.exactMatch * 100)} %`;
  row.querySelector('[data-cell=stopped]').textContent = point.stopped == null ? '—'
    : word('page.run.stopped.count', Math.round(point.stopped * answered), answered);
  Object.entries(DECIMALS).forEach(([metric, decimals]) => {
    row.querySelector(`[data-cell=${metric}]`).textContent = point[metric] == null ? '—' : point[metric].toFixed(decimals);
  });
}
