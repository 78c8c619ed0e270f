// Each lane row shows λ only for the weighted objective, offers a pipeline bug only to an instruction lane, and greys
// out while it is unused.
function update(row) {
  const objective = row.querySelector('[data-objective]').value;
  row.querySelector('[data-lambda]').hidden = objective !== 'weighted';
  row.querySelector('[data-bug]').disabled = objective !== 'instruction';
  row.classList.toggle('unused', objective === '');
}

export function initLaneRows(form) {
  for (const row of form.querySelectorAll('[data-lane-row]')) {
    update(row);
    row.querySelector('[data-objective]').addEventListener('change', () => update(row));
  }
}
