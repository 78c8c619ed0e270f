// The presenter's actions go to the server, which keeps the session's state: every screen follows from there.

const DOING = {
  next: 'move to the next step',
  back: 'go back a step',
  go: 'jump to that step',
  blank: 'blank the screen',
  lock: 'lock the poll',
  reopen: 'reopen the poll',
  reveal: 'reveal the results',
  reset: "delete the poll's answers",
  crowd: "start the class's λ race",
};

/**
 * A refusal in words a lecturer can act on in front of a hall: what did not happen, then the server's reason (its
 * problem detail is written for people), never a bare status code or a browser's network error.
 */
function plainWords(action, status, detail) {
  const what = `Could not ${DOING[action] ?? action}.`;
  if (status === undefined) return `${what} The server did not answer: check the connection, then try again.`;
  if (!detail) return `${what} The server had a problem (error ${status}); try again in a moment.`;
  return `${what} ${detail}.${status === 429 ? ' Wait a little and try again.' : ''}`;
}

export async function control(code, action, step) {
  let response;
  try {
    response = await fetch(`/api/classes/${code}/control`, {
      method: 'POST',
      headers: { 'Content-Type': 'application/json', Accept: 'application/json' },
      body: JSON.stringify(step === undefined ? { action } : { action, step }),
    });
  } catch {
    throw new Error(plainWords(action));
  }
  if (!response.ok) {
    const problem = await response.json().catch(() => ({}));
    throw new Error(plainWords(action, response.status, problem.detail?.replace(/\.$/, '')));
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
