// The race: a preset's real run drawn step by step. A finished run replays its stored points at a watchable pace,
// so the room sees the lanes separate; a run still training is followed live. P pauses either; Z zooms.
import { createCharts } from '../run/charts.js';
import { drawLaneKeys } from '../run/lane-styles.js';
import { raceZoom } from './zoom.js';
import { raceFinals } from './finals.js';
import { word } from '../words.js';

const PACE_MS = 500;

export function startRace(root) {
  const id = root.dataset.run;
  const steps = Number(root.dataset.steps);
  const status = root.querySelector('[data-race-status]');
  const lanes = [...root.querySelectorAll('[data-chart-legend] [data-lane]')]
    .map((item) => ({ index: Number(item.dataset.lane), label: item.dataset.label }));
  const series = new Map(lanes.map((lane) => [lane.index, []]));
  const charts = createCharts(root, { runId: id, steps, lanes, series });
  drawLaneKeys(root);
  const drawn = [...root.querySelectorAll('[data-chart]')]
    .map((figure) => ({ figure, chart: window.Chart.getChart(figure.querySelector('canvas')) }));
  const zoom = raceZoom(drawn, series, steps);
  const finals = raceFinals(drawn, lanes, series);
  const waiting = [];
  let paused = false;
  let finished = false;
  let shownStep = 0;

  function tell() {
    const where = word('page.race.where', shownStep, steps);
    let said = word('page.race.at', id, where);
    if (paused) said = word('page.race.paused', where);
    else if (finished && waiting.length === 0) said = word('page.race.end', id, where);
    status.textContent = `${said} ${zoom.describe()}`;
  }

  function draw() {
    zoom.apply(shownStep);
    charts.render();
    finals.place();
    tell();
  }

  function showNextStep() {
    if (paused || waiting.length === 0) return;
    const step = waiting[0].step;
    while (waiting.length && waiting[0].step === step) {
      const { lane, point } = waiting.shift();
      series.get(lane).push(point);
    }
    shownStep = step;
    draw();
  }

  function queue(lane, point) {
    waiting.push({ lane, point, step: point.step });
  }

  async function load() {
    const answer = await fetch(`/api/comparisons/${id}`, { headers: { Accept: 'application/json' } });
    const run = await answer.json();
    if (run.status === 'finished') {
      finished = true;
      run.lanes.forEach((lane) => lane.metrics.forEach((point) => queue(lane.index, point)));
      waiting.sort((a, b) => a.step - b.step);
      return;
    }
    const source = new EventSource(`/api/comparisons/${id}/events`);
    source.addEventListener('point', (event) => {
      const { lane, point } = JSON.parse(event.data);
      queue(lane, point);
    });
    source.addEventListener('done', () => {
      finished = true;
      source.close();
      // the replay may already have shown every point: say so now, not at a step that will never come
      tell();
    });
  }

  setInterval(showNextStep, PACE_MS);
  load().then(tell);
  return {
    togglePause() {
      paused = !paused;
      tell();
    },
    toggleZoom() {
      zoom.toggle();
      draw();
    },
  };
}
