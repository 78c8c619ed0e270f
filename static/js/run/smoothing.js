// Exponential moving average with bias correction (as TensorBoard smooths), so the first points are not pulled
// towards zero.
export const SMOOTHING = 0.6;

export function smooth(points, beta = SMOOTHING) {
  let average = 0;
  return points.map((point, i) => {
    average = beta * average + (1 - beta) * point.y;
    return { x: point.x, y: average / (1 - beta ** (i + 1)) };
  });
}
