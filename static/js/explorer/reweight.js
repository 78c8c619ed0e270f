// L_λ = L_response + λ·L_prompt, recomputed in the browser from the per-token losses already on the page.

function targetSums(tokens) {
  const sums = { prompt: { nll: 0, n: 0 }, response: { nll: 0, n: 0 } };
  for (const token of tokens) {
    if (Number(token.dataset.position) < 1 || token.dataset.nll === undefined) continue;
    const side = sums[token.dataset.role];
    side.nll += Number(token.dataset.nll);
    side.n += 1;
  }
  return sums;
}

function weightedTotals({ prompt, response }, lambda) {
  const sum = response.nll + lambda * prompt.nll;
  const weightTotal = response.n + lambda * prompt.n;
  return {
    sum,
    weightTotal,
    mean: weightTotal > 0 ? sum / weightTotal : 0,
    count: response.n + (lambda > 0 ? prompt.n : 0),
  };
}

export function initReweight(root) {
  const slider = root.querySelector('[data-lambda]');
  if (!slider) return;
  const output = root.querySelector('[data-lambda-output]');
  const sums = targetSums(root.querySelectorAll('[data-lane="pretraining"] .tok'));
  const cells = {};
  for (const cell of root.querySelectorAll('[data-weighted]')) cells[cell.dataset.weighted] = cell;

  slider.addEventListener('input', () => {
    const lambda = Number(slider.value);
    output.value = lambda.toFixed(2);
    if (cells.sum) {
      const totals = weightedTotals(sums, lambda);
      cells.sum.textContent = totals.sum.toFixed(2);
      cells.mean.textContent = totals.mean.toFixed(3);
      cells.weightTotal.textContent = totals.weightTotal.toFixed(2);
      cells.count.textContent = String(totals.count);
    }
    const url = new URL(window.location.href);
    url.searchParams.set('promptWeight', slider.value);
    window.history.replaceState(window.history.state, '', url);
  });
}
