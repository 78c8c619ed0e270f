// Each lane's latest value written large beside the end of its line, so the back row reads the gap without a
// legend or a tooltip. The values are the run's stored points, as drawn.
import { drawLaneKeys } from '../run/lane-styles.js';
import { word } from '../words.js';

const GAP_PX = 8;

/** Moves labels apart where their lines end close together, keeping each as near its line as it can. */
function spread(labels, height, bottom) {
  labels.sort((a, b) => a.y - b.y);
  let next = 0;
  for (const label of labels) {
    label.top = Math.max(label.y - height / 2, next);
    next = label.top + height;
  }
  let limit = bottom;
  for (const label of labels.reverse()) {
    label.top = Math.min(label.top, limit - height);
    limit = label.top;
  }
}

/**
 * @param charts [{ figure, chart }] the race's Chart.js charts
 * @returns {{ place() }} place() writes the latest values and moves them to their lines; call it after each redraw
 */
export function raceFinals(charts, lanes, series) {
  const lists = charts.map(({ figure }) => {
    const list = document.createElement('ol');
    list.className = 'race-finals';
    list.dataset.raceFinals = figure.dataset.chart;
    list.setAttribute('aria-label', word('page.race.finals', figure.querySelector('h3').textContent));
    lanes.forEach((lane) => {
      const item = document.createElement('li');
      item.dataset.lane = lane.index;
      item.hidden = true;
      const key = document.createElement('span');
      key.className = `lane-key lane-key-${lane.index}`;
      key.dataset.laneKey = lane.index;
      const value = document.createElement('span');
      value.className = 'race-final-value';
      const label = document.createElement('span');
      label.className = 'visually-hidden';
      label.textContent = `${lane.label}: `;
      item.append(key, label, value);
      list.append(item);
    });
    figure.querySelector('.chart-box').append(list);
    drawLaneKeys(list);
    return list;
  });

  const rooms = charts.map(() => 0);

  return {
    place() {
      charts.forEach(({ figure, chart }, i) => {
        const list = lists[i];
        const metric = figure.dataset.chart;
        const labels = [];
        lanes.forEach((lane) => {
          const item = list.querySelector(`[data-lane="${lane.index}"]`);
          const last = (series.get(lane.index) ?? []).filter((point) => point[metric] != null).at(-1);
          item.hidden = !last;
          if (!last) return;
          item.dataset.step = last.step;
          item.querySelector('.race-final-value').textContent = last[metric].toFixed(3);
          labels.push({ item, value: last[metric] });
        });
        // the labels need room right of the plot: give the chart exactly their width, once they have their text
        const room = Math.max(0, ...labels.map((label) => label.item.offsetWidth)) + GAP_PX;
        if (rooms[i] !== room) {
          rooms[i] = room;
          chart.options.layout = { padding: { right: room } };
          chart.update('none');
        }
        const { y } = chart.scales;
        const height = labels[0]?.item.offsetHeight ?? 0;
        labels.forEach((label) => {
          label.y = y.getPixelForValue(Math.min(Math.max(label.value, y.min), y.max));
        });
        spread(labels, height, chart.chartArea.bottom);
        labels.forEach((label) => { label.item.style.top = `${label.top}px`; });
      });
    },
  };
}
