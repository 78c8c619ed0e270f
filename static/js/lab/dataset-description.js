// Shows the description of the dataset the select now names.
export function initDatasetDescription(form) {
  const select = form.querySelector('[data-dataset-select]');
  const description = form.querySelector('[data-dataset-description]');
  if (!select || !description) return;
  select.addEventListener('change', () => {
    description.textContent = select.selectedOptions[0].dataset.description;
  });
}
