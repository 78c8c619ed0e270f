import { initDatasetDescription } from './lab/dataset-description.js';
import { initLaneRows } from './lab/lane-rows.js';

const form = document.getElementById('lab-form');
if (form) {
  initDatasetDescription(form);
  initLaneRows(form);
}
