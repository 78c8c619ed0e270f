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
 * Follows the session's pushed state: reloads when the step or the poll's state changed (the server renders the
 * step), and otherwise updates the live figures in place.
 */
export function follow(code, shown, onState) {
  const source = new EventSource(`/api/classes/${code}/events`);
  source.addEventListener('state', (event) => {
    const state = JSON.parse(event.data);
    if (state.step !== shown.step || (state.poll?.state ?? '') !== shown.pollState) {
      window.location.reload();
      return;
    }
    onState(state);
  });
  return source;
}
