import { control, follow, rendered } from './control.js';
import { showTokens } from './tokens.js';
import { startRace } from './race.js';

const body = document.body;
const code = body.dataset.code;
const steps = Number(body.dataset.steps);
const shown = rendered(body);
const help = document.querySelector('[data-help]');
const blank = document.querySelector('[data-blank-screen]');
const announce = document.querySelector('[data-deck-announce]');
const tokens = document.querySelector('[data-tokens]');
const raceRoot = document.querySelector('[data-race]');
const race = raceRoot && window.Chart ? startRace(raceRoot) : null;
if (tokens) showTokens(tokens);

function say(text) {
  announce.textContent = text;
}

async function act(action, step) {
  try {
    await control(code, action, step);
  } catch (error) {
    say(`Could not ${action}: ${error.message}`);
  }
}

const KEYS = {
  ArrowRight: () => act('next'),
  ' ': () => act('next'),
  PageDown: () => act('next'),
  ArrowLeft: () => act('back'),
  PageUp: () => act('back'),
  b: () => act('blank'),
  r: () => act('reveal'),
  l: () => act(shown.pollState === 'open' ? 'lock' : 'reopen'),
  p: () => race?.togglePause(),
  c: () => act('crowd'),
  f: () => (document.fullscreenElement ? document.exitFullscreen() : document.documentElement.requestFullscreen()),
  '?': () => { help.hidden = !help.hidden; },
  Escape: () => { help.hidden = true; },
};

document.addEventListener('keydown', (event) => {
  if (event.ctrlKey || event.metaKey || event.altKey || event.target.matches('input, textarea, select')) {
    if (!(event.target.matches('input[type=range]') && !['ArrowLeft', 'ArrowRight'].includes(event.key))) return;
  }
  const key = event.key.length === 1 ? event.key.toLowerCase() : event.key;
  if (/^[0-9]$/.test(key)) {
    const step = key === '0' ? 9 : Number(key) - 1;
    if (step < steps) act('go', step);
    event.preventDefault();
    return;
  }
  const action = KEYS[key] ?? KEYS[event.key];
  if (action) {
    event.preventDefault();
    action();
  }
});

follow(code, shown, (state) => {
  blank.hidden = !state.blank;
  const answered = document.querySelector('[data-answered]');
  if (answered && state.poll) answered.textContent = state.poll.answered;
});
