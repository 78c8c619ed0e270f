// Token toggles as buttons with aria-pressed: each drives the form's own checkbox, which still carries the answer
// (and does the whole job when JavaScript is off).
for (const box of document.querySelectorAll('.quiz-chips .chip-box')) {
  const label = box.nextElementSibling;
  const button = document.createElement('button');
  button.type = 'button';
  button.className = 'tok chip';
  button.dataset.role = label.dataset.role;
  button.dataset.position = box.value;
  button.textContent = label.textContent;
  button.setAttribute('aria-label', label.getAttribute('aria-label'));
  const show = () => button.setAttribute('aria-pressed', String(box.checked));
  button.addEventListener('click', () => {
    box.checked = !box.checked;
    show();
  });
  show();
  box.tabIndex = -1;
  box.setAttribute('aria-hidden', 'true');
  label.hidden = true;
  label.after(button);
}
