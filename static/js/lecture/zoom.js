// A lane's last steps are where the lesson is (0.561 against 0.656 is invisible on an axis that starts at 7), so the
// race zooms to the later half of the steps shown so far, with the y axis fitted to what the lanes do there. Z
// shows the whole run again.
import { word } from '../words.js';

/** The zoomed window, or null while too few points are shown for one to mean anything. */
function zoomWindow(series, metric, shownStep) {
  const steps = [...new Set([...series.values()].flat().filter((point) => point[metric] != null)
    .map((point) => point.step))].sort((a, b) => a - b);
  const from = steps.find((step) => step >= shownStep / 2);
  if (steps.length < 3 || from === undefined || from >= shownStep) return null;
  const values = [...series.values()].flat()
    .filter((point) => point[metric] != null && point.step >= from && point.step <= shownStep)
    .map((point) => point[metric]);
  const low = Math.min(...values);
  const high = Math.max(...values);
  // bounds on a round tick (1, 2 or 5 × 10ⁿ, about five ticks), so the axis never starts at 0.4473
  const rough = (high - low || Math.abs(high) || 1) / 5;
  const power = 10 ** Math.floor(Math.log10(rough));
  const tick = [1, 2, 5, 10].map((digit) => digit * power).find((candidate) => candidate >= rough);
  return { from, to: shownStep, min: Math.floor(low / tick - 0.3) * tick, max: Math.ceil(high / tick + 0.3) * tick };
}

/**
 * @param charts [{ figure, chart }] the race's Chart.js charts, each named by its figure's data-chart metric
 * @returns {{ apply(shownStep), toggle(), describe() }}
 */
export function raceZoom(charts, series, steps) {
  const whole = charts.map(({ chart }) => ({ min: chart.options.scales.y.min, max: chart.options.scales.y.max }));
  let zoomed = true;
  let shown = null;

  return {
    /** Sets every chart's axes for the steps shown so far; the caller redraws. */
    apply(shownStep) {
      shown = null;
      charts.forEach(({ figure, chart }, i) => {
        const view = zoomed ? zoomWindow(series, figure.dataset.chart, shownStep) : null;
        const { x, y } = chart.options.scales;
        x.min = view ? view.from : 0;
        x.max = view ? view.to : steps;
        // a quantity that cannot be negative (drift) keeps its floor at 0
        y.min = view ? Math.max(view.min, whole[i].min ?? -Infinity) : whole[i].min;
        y.max = view ? view.max : whole[i].max;
        if (view) shown = view;
        figure.dataset.zoom = view ? `${view.from}-${view.to}` : 'whole';
      });
    },
    toggle() {
      zoomed = !zoomed;
    },
    /** What the axes show, for the status line: a zoomed axis must say so, or it misleads. */
    describe() {
      if (shown) return word('page.race.zoomed', shown.from, shown.to);
      return zoomed ? word('page.race.zoomSoon') : word('page.race.whole');
    },
  };
}
