// Changing the dataset or the split lists those pairs at once, so "Load pair" loads what the list shows.

const LABEL_CHARS = 70;

function label(prompt) {
  const oneLine = prompt.replaceAll('\n', ' ');
  return oneLine.length <= LABEL_CHARS ? oneLine : `${oneLine.slice(0, LABEL_CHARS - 1)}…`;
}

export function initPairPicker(root) {
  const datasetSelect = root.querySelector('[data-dataset-select]');
  const pairSelect = root.querySelector('[data-pair-select]');
  const splitSelect = root.querySelector('[data-split-select]');
  const description = root.querySelector('[data-dataset-description]');
  if (!datasetSelect || !pairSelect) return;

  async function listPairs() {
    const dataset = datasetSelect.value;
    const split = splitSelect?.value ?? 'train';
    pairSelect.disabled = true;
    try {
      const answer = await fetch(`/api/datasets/${encodeURIComponent(dataset)}/pairs?split=${split}`,
        { headers: { Accept: 'application/json' } });
      if (!answer.ok || datasetSelect.value !== dataset || (splitSelect?.value ?? 'train') !== split) return;
      const pairs = await answer.json();
      pairSelect.replaceChildren(...pairs.map((pair) => new Option(label(pair.prompt), String(pair.index))));
    } catch {
      // Offline or server gone: the old list stays and the server validates the pair on "Load pair".
    } finally {
      pairSelect.disabled = false;
    }
  }

  datasetSelect.addEventListener('change', () => {
    if (description) description.textContent = datasetSelect.selectedOptions[0].dataset.description;
    listPairs();
  });
  splitSelect?.addEventListener('change', listPairs);
}
