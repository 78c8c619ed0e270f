import { control, follow, rendered } from './control.js';

const root = document.querySelector('main.presenter');
const code = root.dataset.code;
const shown = rendered(root);
const message = root.querySelector('.control-message');
const elapsed = root.querySelector('[data-elapsed]');
const started = Date.parse(root.dataset.started);

// Buttons act in place; the page follows the session's state like every other screen.
for (const form of root.querySelectorAll('form[action$="/control"]')) {
  form.addEventListener('submit', async (event) => {
    event.preventDefault();
    const data = new FormData(form);
    try {
      await control(code, data.get('action'), data.has('step') ? Number(data.get('step')) : undefined);
      message.textContent = '';
      form.closest('details')?.removeAttribute('open');
    } catch (error) {
      message.textContent = error.message;
    }
  });
}

function tick() {
  const seconds = Math.max(0, Math.floor((Date.now() - started) / 1000));
  const minutes = Math.floor(seconds / 60);
  elapsed.textContent = `${Math.floor(minutes / 60) ? `${Math.floor(minutes / 60)}:` : ''}${String(minutes % 60)
    .padStart(minutes >= 60 ? 2 : 1, '0')}:${String(seconds % 60).padStart(2, '0')}`;
}
tick();
setInterval(tick, 1000);

follow(code, shown, (state) => {
  if (!state.poll) return;
  root.querySelectorAll('[data-answered]').forEach((answered) => { answered.textContent = state.poll.answered; });
});
