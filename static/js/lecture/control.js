// The presenter's actions go to the server, which keeps the session's state: every screen follows from there.
export async function control(code, action, step) {
  const response = await fetch(`/api/classes/${code}/control`, {
    method: 'POST',
    headers: { 'Content-Type': 'application/json', Accept: 'application/json' },
    body: JSON.stringify(step === undefined ? { action } : { action, step }),
  });
  if (!response.ok) {
    const problem = await response.json().catch(() => ({}));
    throw new Error(problem.detail ?? `HTTP ${response.status}`);
  }
  return response.json();
}

/**
 * Follows the session's pushed state: reloads when the step, the poll's state, its right answer or the crowd race
 * changed (the server renders the step; a prediction's right answer arrives when its run finishes), and otherwise
 * updates the live figures in place. `shown` is what the page was rendered with, from its data attributes.
 */
export function follow(code, shown, onState) {
  const source = new EventSource(`/api/classes/${code}/events`);
  source.addEventListener('state', (event) => {
    const state = JSON.parse(event.data);
    if (state.step !== shown.step || (state.poll?.state ?? '') !== shown.pollState
        || String(state.poll?.results?.right ?? '') !== shown.right || String(state.crowdRun ?? '') !== shown.crowd) {
      window.location.reload();
      return;
    }
    onState(state);
  });
  return source;
}

/** What a page was rendered with, read from the data attributes of its root. */
export function rendered(root) {
  const { step, pollState = '', right = '', crowd = '' } = root.dataset;
  return { step: Number(step), pollState, right, crowd };
}
