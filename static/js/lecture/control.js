// The presenter's actions go to the server, which keeps the session's state: every screen follows from there.
import { word } from '../words.js';
import { csrfHeaders } from '../csrf.js';

const ACTIONS = ['next', 'back', 'go', 'skip', 'blank', 'lock', 'reopen', 'reveal', 'revote', 'answer', 'reset',
  'crowd'];

/**
 * A refusal in words a lecturer can act on in front of a hall: what did not happen, then the server's reason (its
 * problem detail is written for people), never a bare status code or a browser's network error.
 */
function plainWords(action, status, detail) {
  const what = word('page.control.couldNot', ACTIONS.includes(action) ? word(`page.control.doing.${action}`) : action);
  if (status === undefined) return word('page.control.noAnswer', what);
  if (!detail) return word('page.control.problem', what, status);
  return word('page.control.refused', what, detail) + (status === 429 ? word('page.control.wait') : '');
}

export async function control(code, action, step) {
  let response;
  try {
    response = await fetch(`/api/classes/${code}/control`, {
      method: 'POST',
      headers: { 'Content-Type': 'application/json', Accept: 'application/json', ...csrfHeaders() },
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
