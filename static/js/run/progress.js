// The progress panel: bar, status line and badge, each lane's status and final-weights link, and Cancel.
import { statusText } from './status-text.js';
import { word } from '../words.js';
import { csrfHeaders } from '../csrf.js';

const ACTIVE = ['queued', 'running'];
const FIELDS = ['status', 'stepsDone', 'steps', 'queuePosition', 'etaSeconds', 'startedAt', 'finishedAt'];

function laneCells(root, lane) {
  const row = root.querySelector(`.scoreboard tr[data-lane="${lane.index}"]`);
  return row && { status: row.querySelector('[data-cell=status]'), checkpoint: row.querySelector('[data-cell=checkpoint]') };
}

function showLane(root, lane, dataset) {
  const cells = laneCells(root, lane);
  if (!cells) return;
  cells.status.textContent = lane.divergedAt != null ? word('page.run.diverged', lane.divergedAt)
    : word(`page.run.status.${lane.status}`);
  if (lane.checkpoint && !cells.checkpoint.querySelector('a')) {
    const link = document.createElement('a');
    // a held-out pair: what the lane does with a prompt it never trained on; a lane that started from the base is
    // compared with it, token by token
    const view = { dataset, split: 'heldout', checkpoint: lane.checkpoint, ...(lane.init === 'base' && { compare: 'base' }) };
    link.href = `/explore?${new URLSearchParams(view)}`;
    link.textContent = word('page.run.openInExplorer');
    cells.checkpoint.replaceChildren(link);
  }
}

export function createProgress(root, initial) {
  const bar = root.querySelector('[data-progress]');
  const text = root.querySelector('[data-status-text]');
  const badge = root.querySelector('[data-status-badge]');
  const announcer = root.querySelector('[data-status-announce]');
  const message = root.querySelector('[data-run-message]');
  const cancelForm = root.querySelector('[data-cancel-form]');
  const state = { ...initial };

  const progress = {
    /** Merges what is known now (a status event or the run's JSON) and shows it. */
    show(update) {
      const previous = state.status;
      FIELDS.filter((key) => key in update).forEach((key) => { state[key] = update[key]; });
      bar.max = state.steps;
      bar.value = state.stepsDone;
      text.textContent = statusText(state);
      badge.textContent = word(`page.run.status.${state.status}`);
      badge.className = `status-badge status-${state.status}`;
      root.dataset.status = state.status;
      if (cancelForm) cancelForm.hidden = !ACTIVE.includes(state.status);
      if (previous !== state.status) announcer.textContent = word(`page.run.js.announce.${state.status}`);
      if (update.message) {
        message.textContent = update.message;
        message.hidden = false;
      }
      (update.lanes ?? []).forEach((lane) => showLane(root, lane, state.dataset));
    },
  };

  // only the browser that started the run gets a cancel button
  cancelForm?.addEventListener('submit', async (event) => {
    event.preventDefault();
    const button = cancelForm.querySelector('button');
    button.disabled = true;
    try {
      const answer = await fetch(`/api/comparisons/${state.id}/cancel`, { method: 'POST', headers: csrfHeaders() });
      const body = await answer.json();
      if (answer.ok) progress.show(body);
      else progress.show({ message: body.detail });
    } finally {
      button.disabled = false;
    }
  });
  return progress;
}
