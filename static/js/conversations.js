// The pasted template is rendered with the conversation, checkpoint and λ chosen above it, not those last shown.
const paste = document.querySelector('.paste-form');
paste?.addEventListener('submit', () => {
  paste.querySelectorAll('[data-copy-of]').forEach((hidden) => {
    const control = document.getElementById(hidden.dataset.copyOf);
    if (control) hidden.value = control.value;
  });
});
