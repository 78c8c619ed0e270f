// The run's one-line status, worded as the server words it (RunStatusText.java) so a live update reads the same.
function duration(seconds) {
  if (seconds < 10) return `${seconds.toFixed(1)} s`;
  const whole = Math.round(seconds);
  return whole < 60 ? `${whole} s` : `${Math.floor(whole / 60)} min ${String(whole % 60).padStart(2, '0')} s`;
}

/** @param run {status, stepsDone, steps, queuePosition, etaSeconds, startedAt, finishedAt}; absent values null */
export function statusText(run) {
  const done = `${run.stepsDone} of ${run.steps} steps`;
  switch (run.status) {
    case 'queued':
      return (run.queuePosition ? `Waiting in the queue: ${run.queuePosition} ahead` : 'Next in the queue')
        + (run.etaSeconds == null ? '' : ` · done in about ${duration(run.etaSeconds)}`);
    case 'running':
      return `Training: ${done}` + (run.etaSeconds == null ? '' : ` · about ${duration(run.etaSeconds)} left`);
    case 'finished':
      return `Finished: ${run.steps} steps` + (run.startedAt && run.finishedAt
        ? ` in ${duration((Date.parse(run.finishedAt) - Date.parse(run.startedAt)) / 1000)}` : '');
    case 'cancelled':
      return `Cancelled after ${done}; what was measured is kept`;
    case 'interrupted':
      return `Interrupted after ${done}: the server stopped`;
    default:
      return `Failed after ${done}`;
  }
}
