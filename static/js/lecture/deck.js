import { control, follow, rendered } from './control.js';
import { showTokens } from './tokens.js';
import { startRace } from './race.js';
import { joinSplash } from './join-splash.js';
import { word } from '../words.js';

const body = document.body;
const code = body.dataset.code;
const steps = Number(body.dataset.steps);
const shown = rendered(body);
const help = document.querySelector('[data-help]');
const blank = document.querySelector('[data-blank-screen]');
const problem = document.querySelector('[data-deck-problem]');
const splash = joinSplash(document.querySelector('[data-join-splash]'), document.querySelector('[data-join-open]'));
const tokens = document.querySelector('[data-tokens]');
const raceRoot = document.querySelector('[data-race]');
const race = raceRoot && window.Chart ? startRace(raceRoot) : null;
if (tokens) showTokens(tokens);

// Long enough to read a sentence aloud to the room, short enough not to stay on the slide.
const PROBLEM_MS = 8000;
let hideProblem = null;

function showProblem(text) {
  problem.textContent = text;
  problem.hidden = false;
  clearTimeout(hideProblem);
  hideProblem = setTimeout(() => { problem.hidden = true; }, PROBLEM_MS);
}

async function act(action, step) {
  try {
    await control(code, action, step);
  } catch (error) {
    showProblem(error.message);
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
  v: () => act('revote'),
  a: () => act('answer'),
  l: () => act(shown.pollState === 'open' ? 'lock' : 'reopen'),
  p: () => race?.togglePause(),
  z: () => race?.toggleZoom(),
  c: () => act('crowd'),
  s: () => act('skip'),
  j: () => splash.toggle(),
  f: () => (document.fullscreenElement ? document.exitFullscreen() : document.documentElement.requestFullscreen()),
  '?': () => { help.hidden = !help.hidden; },
  Escape: () => {
    help.hidden = true;
    splash.close();
    problem.hidden = true;
  },
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
  if (!answered || !state.poll) return;
  answered.textContent = state.poll.answered;
  document.querySelector('[data-answers-word]').textContent = word(state.poll.answered === 1 ? 'page.poll.answer'
    : 'page.poll.answers');
});
