// One Chart.js line chart per metric, lanes overlaid. Every figure keeps data-points ("4,4": points per lane) so
// tests and readers can tell what has been drawn.
import { laneStyle } from './lane-styles.js';
import { smooth } from './smoothing.js';
import { word } from '../words.js';

const whiteBackground = {
  id: 'whiteBackground',
  beforeDraw(chart) {
    const { ctx, width, height } = chart;
    ctx.save();
    ctx.globalCompositeOperation = 'destination-over';
    ctx.fillStyle = '#ffffff';
    ctx.fillRect(0, 0, width, height);
    ctx.restore();
  },
};

/** On a log axis, labels only at 1, 2 and 5 × 10ⁿ: the other grid lines stay, unlabelled, so labels never crowd. */
function logTick(value) {
  const leading = value / 10 ** Math.floor(Math.log10(value));
  return [1, 2, 5].some((digit) => Math.abs(leading - digit) < 1e-9) ? String(Number(value.toPrecision(2))) : '';
}

function format(value, percent) {
  return percent ? `${Math.round(value * 100)} %` : value.toFixed(3);
}

function options(figure, steps) {
  const percent = figure.hasAttribute('data-percent');
  return {
    animation: false,
    maintainAspectRatio: false,
    interaction: { mode: 'nearest', axis: 'x', intersect: false },
    scales: {
      x: { type: 'linear', min: 0, max: steps, title: { display: true, text: word('page.run.js.step') } },
      y: {
        type: 'linear',
        title: { display: true, text: figure.dataset.unit },
        min: percent || figure.dataset.chart === 'drift' ? 0 : undefined,
        max: percent ? 1 : undefined,
        ticks: percent ? { callback: (value) => `${Math.round(value * 100)} %` } : {},
      },
    },
    plugins: {
      legend: { display: false, labels: { usePointStyle: true } },
      title: { display: false, text: figure.querySelector('h3').textContent },
      tooltip: { callbacks: { label: (item) => `${item.dataset.label}: ${format(item.parsed.y, percent)}` } },
    },
  };
}

function dataset(lane) {
  const { colour, dash, point } = laneStyle(lane.index);
  return {
    label: lane.label,
    data: [],
    borderColor: colour,
    backgroundColor: colour,
    borderDash: dash,
    borderWidth: 2.5,
    pointStyle: point,
    pointRadius: 3.5,
    pointHoverRadius: 6,
  };
}

/** A uniform guess over the vocabulary costs ln V per token: the line any useful model stays under. */
function uniformGuess(lnV, steps) {
  return {
    label: word('page.run.js.uniform', lnV.toFixed(2)),
    data: [{ x: 0, y: lnV }, { x: steps, y: lnV }],
    borderColor: '#6b7280',
    borderDash: [2, 4],
    borderWidth: 1.5,
    pointRadius: 0,
  };
}

function downloadPng(chart, name) {
  chart.options.plugins.legend.display = true;
  chart.options.plugins.title.display = true;
  chart.update('none');
  const link = document.createElement('a');
  link.href = chart.toBase64Image('image/png', 1);
  link.download = name;
  chart.options.plugins.legend.display = false;
  chart.options.plugins.title.display = false;
  chart.update('none');
  link.click();
}

/**
 * @param series lane index → the lane's points ordered by step
 * @returns {{ render(), setLogScale(on), setSmoothing(on) }}
 */
export function createCharts(root, { runId, steps, lanes, series }) {
  const { Chart } = window;
  const lnV = Number(root.dataset.lnV);
  const rootFont = parseFloat(getComputedStyle(document.documentElement).fontSize);
  Chart.defaults.font.family = getComputedStyle(document.body).fontFamily;
  Chart.defaults.font.size = Math.round(rootFont * 0.78);
  Chart.defaults.color = getComputedStyle(document.body).color;

  const figures = [...root.querySelectorAll('[data-chart]')];
  const charts = figures.map((figure) => {
    figure.hidden = false;
    const datasets = lanes.map(dataset);
    if (figure.hasAttribute('data-log-scale-applies') && figure.dataset.chart !== 'trainLoss' && lnV > 0) {
      datasets.push(uniformGuess(lnV, steps));
    }
    const chart = new Chart(figure.querySelector('canvas'), {
      type: 'line',
      data: { datasets },
      options: options(figure, steps),
      plugins: [whiteBackground],
    });
    const button = figure.querySelector('[data-png]');
    button.hidden = false;
    button.addEventListener('click', () => downloadPng(chart, `losslens-run-${runId}-${figure.dataset.chart}.png`));
    return { figure, chart, metric: figure.dataset.chart };
  });
  let smoothing = false;

  return {
    render() {
      for (const { figure, chart, metric } of charts) {
        const counts = lanes.map((lane, i) => {
          const points = (series.get(lane.index) ?? [])
            .filter((point) => point[metric] != null)
            .map((point) => ({ x: point.step, y: point[metric] }));
          chart.data.datasets[i].data = smoothing ? smooth(points) : points;
          return points.length;
        });
        chart.update('none');
        figure.dataset.points = counts.join(',');
      }
    },
    setLogScale(on) {
      for (const { figure, chart } of charts) {
        if (figure.hasAttribute('data-log-scale-applies')) {
          chart.options.scales.y.type = on ? 'logarithmic' : 'linear';
          chart.options.scales.y.ticks = on ? { callback: logTick } : {};
        }
      }
      this.render();
    },
    setSmoothing(on) {
      smoothing = on;
      this.render();
    },
  };
}
