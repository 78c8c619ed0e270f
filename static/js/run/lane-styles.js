// Each lane is told apart three ways at once: an Okabe–Ito colour (from the stylesheet), a dash pattern and a
// point shape, so the charts read in any colour vision and in greyscale print.
const DASHES = [[], [10, 5], [3, 4], [12, 4, 3, 4]];
const POINTS = ['circle', 'rect', 'triangle', 'rectRot'];
const SVG = 'http://www.w3.org/2000/svg';

export function laneStyle(index) {
  const colour = getComputedStyle(document.documentElement).getPropertyValue(`--lane-${index}`).trim();
  return { colour, dash: DASHES[index], point: POINTS[index] };
}

function marker(point, colour) {
  const shapes = {
    circle: ['circle', { cx: 18, cy: 7, r: 4.5 }],
    rect: ['rect', { x: 13.5, y: 2.5, width: 9, height: 9 }],
    triangle: ['polygon', { points: '18,1.5 23.5,11.5 12.5,11.5' }],
    rectRot: ['polygon', { points: '18,1 24,7 18,13 12,7' }],
  };
  const [name, attributes] = shapes[point];
  const shape = document.createElementNS(SVG, name);
  Object.entries({ ...attributes, fill: colour }).forEach(([key, value]) => shape.setAttribute(key, value));
  return shape;
}

/** Draws the lane's line, dash and point shape into every [data-lane-key] of that lane. */
export function drawLaneKeys(root) {
  root.querySelectorAll('[data-lane-key]').forEach((key) => {
    const { colour, dash, point } = laneStyle(Number(key.dataset.laneKey));
    const svg = document.createElementNS(SVG, 'svg');
    svg.setAttribute('viewBox', '0 0 36 14');
    svg.setAttribute('aria-hidden', 'true');
    const line = document.createElementNS(SVG, 'line');
    Object.entries({ x1: 0, y1: 7, x2: 36, y2: 7, stroke: colour, 'stroke-width': 3, 'stroke-dasharray': dash.join(' ') })
      .forEach(([name, value]) => line.setAttribute(name, value));
    svg.append(line, marker(point, colour));
    key.replaceChildren(svg);
  });
}
