// The pair picker is its own form; hidden copies carry the current checkpoint and λ along with it.
export function initFormMirror(root) {
  for (const source of root.querySelectorAll('[data-mirror-source]')) {
    const mirror = root.querySelector(`[data-mirror="${source.dataset.mirrorSource}"]`);
    if (!mirror) continue;
    const sync = () => { mirror.value = source.value; };
    source.addEventListener('input', sync);
    source.addEventListener('change', sync);
  }
}
