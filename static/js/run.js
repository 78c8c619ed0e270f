import { initBatchView } from './run/batch.js';
import { createCharts } from './run/charts.js';
import { showGenerations } from './run/generations.js';
import { drawLaneKeys } from './run/lane-styles.js';
import { createProgress } from './run/progress.js';
import { placeReveal } from './run/reveal.js';
import { showLatest } from './run/scoreboard.js';
import { word } from './words.js';
import { initShareLink } from './run/share-link.js';

function upsert(points, point) {
  const at = points.findIndex((p) => p.step >= point.step);
  if (at < 0) points.push(point);
  else if (points[at].step === point.step) points[at] = point;
  else points.splice(at, 0, point);
}

function initChartOptions(root, charts) {
  root.querySelector('[data-no-js-note]').hidden = true;
  root.querySelector('[data-chart-options]').hidden = false;
  root.querySelector('[data-chart-legend]').hidden = false;
  const log = root.querySelector('[data-log-scale]');
  const smoothing = root.querySelector('[data-smoothing]');
  log.addEventListener('change', () => charts.setLogScale(log.checked));
  smoothing.addEventListener('change', () => charts.setSmoothing(smoothing.checked));
}

/**
 * What the server writes on the run page once the run has ended, in the reader's language: the run's own numbers in
 * words, and the checks of every step in "Name the bug".
 */
async function showEnd(root) {
  const answer = await fetch(window.location.pathname, { headers: { Accept: 'text/html' } });
  if (!answer.ok) return;
  const page = new DOMParser().parseFromString(await answer.text(), 'text/html');
  const findings = page.querySelector('[data-findings]');
  if (findings) root.querySelector('[data-findings]').replaceChildren(...findings.children);
  placeReveal(root, page);
}

function follow(root) {
  const { run: id, dataset } = root.dataset;
  const steps = Number(root.dataset.steps);
  const lanes = [...root.querySelectorAll('[data-chart-legend] [data-lane]')]
    .map((item) => ({ index: Number(item.dataset.lane), label: item.dataset.label }));
  const series = new Map(lanes.map((lane) => [lane.index, []]));
  const stepsDone = Number(root.querySelector('[data-progress]').value);
  const progress = createProgress(root, {
    id, dataset, steps, status: root.dataset.status, stepsDone,
    startedAt: root.dataset.startedAt, finishedAt: root.dataset.finishedAt,
  });
  const batch = initBatchView(root, { runId: id, stepsDone });
  const connection = root.querySelector('[data-connection]');
  initShareLink(root);
  drawLaneKeys(root);

  const charts = window.Chart ? createCharts(root, { runId: id, steps, lanes, series }) : null;
  let drawing = false;
  const redraw = () => {
    if (!charts || drawing) return;
    drawing = true;
    requestAnimationFrame(() => {
      drawing = false;
      charts.render();
    });
  };
  if (charts) initChartOptions(root, charts);

  const source = new EventSource(`/api/comparisons/${id}/events`);
  source.addEventListener('open', () => { connection.hidden = true; });
  source.addEventListener('point', (event) => {
    const { lane, point } = JSON.parse(event.data);
    const points = series.get(lane);
    upsert(points, point);
    showLatest(root, lane, points[points.length - 1]);
    redraw();
  });
  source.addEventListener('status', (event) => {
    const status = JSON.parse(event.data);
    progress.show(status);
    if (status.stepsDone != null) batch.trained(status.stepsDone);
  });
  source.addEventListener('generations', (event) => showGenerations(root, lanes.length, JSON.parse(event.data)));
  source.addEventListener('done', async (event) => {
    source.close();
    progress.show(JSON.parse(event.data));
    const answer = await fetch(`/api/comparisons/${id}`, { headers: { Accept: 'application/json' } });
    if (answer.ok) {
      const run = await answer.json();
      progress.show(run);
      batch.trained(run.stepsDone);
      await showEnd(root);
    }
  });
  source.addEventListener('error', () => {
    connection.hidden = false;
    connection.textContent = source.readyState === EventSource.CLOSED
      ? word('page.run.js.closed') : word('page.run.js.reconnecting');
  });
}

const root = document.querySelector('main.run-page');
if (root) follow(root);
