// The run's one-line status, worded as the server words it (RunStatusText.java) so a live update reads the same.
import { word } from '../words.js';

function duration(seconds) {
  if (seconds < 10) return word('page.run.js.seconds', seconds.toFixed(1));
  const whole = Math.round(seconds);
  return whole < 60 ? word('page.run.js.seconds', whole)
    : word('page.run.js.minutes', Math.floor(whole / 60), String(whole % 60).padStart(2, '0'));
}

/** @param run {status, stepsDone, steps, queuePosition, etaSeconds, startedAt, finishedAt}; absent values null */
export function statusText(run) {
  const done = word('page.run.js.done', run.stepsDone, run.steps);
  switch (run.status) {
    case 'queued':
      return (run.queuePosition ? word('page.run.js.queued', run.queuePosition) : word('page.run.js.next'))
        + (run.etaSeconds == null ? '' : word('page.run.js.doneIn', duration(run.etaSeconds)));
    case 'running':
      return word('page.run.js.running', done)
        + (run.etaSeconds == null ? '' : word('page.run.js.left', duration(run.etaSeconds)));
    case 'finished':
      return word('page.run.js.finished', run.steps) + (run.startedAt && run.finishedAt
        ? word('page.run.js.finishedIn', duration((Date.parse(run.finishedAt) - Date.parse(run.startedAt)) / 1000))
        : '');
    case 'cancelled':
      return word('page.run.js.cancelled', done);
    case 'interrupted':
      return word('page.run.js.interrupted', done);
    default:
      return word('page.run.js.failed', done);
  }
}
