import { initCopyLink } from './explorer/copy-link.js';
import { initFormMirror } from './explorer/form-mirror.js';
import { initPairPicker } from './explorer/pair-picker.js';
import { initReweight } from './explorer/reweight.js';
import { initTokenCount } from './explorer/token-count.js';
import { initTokenDetail } from './explorer/token-detail.js';
import { initTokenKeys } from './explorer/token-keys.js';

const root = document.querySelector('main.explorer');
if (root) {
  initFormMirror(root);
  initPairPicker(root);
  initReweight(root);
  initTokenKeys(root);
  initTokenCount(root);
  initTokenDetail(root);
  initCopyLink(root);
}
