// One tab stop per lane (roving tabindex); arrow keys move along a lane and between lanes at the same position.

const STEP = { ArrowRight: 1, ArrowLeft: -1 };
const LANE_STEP = { ArrowDown: 1, ArrowUp: -1 };

export function initTokenKeys(root) {
  const lanes = [...root.querySelectorAll('[data-lane]')].map((lane) => [...lane.querySelectorAll('.tok')]);

  const moveTo = (tokens, index) => {
    const target = tokens[Math.max(0, Math.min(tokens.length - 1, index))];
    if (!target) return;
    for (const token of tokens) token.tabIndex = token === target ? 0 : -1;
    target.focus();
  };

  lanes.forEach((tokens, laneIndex) => {
    tokens.forEach((token, i) => { token.tabIndex = i === 0 ? 0 : -1; });
    tokens[0]?.closest('[data-lane]').addEventListener('keydown', (event) => {
      const index = tokens.indexOf(event.target);
      if (index < 0) return;
      if (event.key in STEP) {
        moveTo(tokens, index + STEP[event.key]);
      } else if (event.key in LANE_STEP) {
        const other = lanes[laneIndex + LANE_STEP[event.key]];
        if (!other) return;
        moveTo(other, index);
      } else if (event.key === 'Home') {
        moveTo(tokens, 0);
      } else if (event.key === 'End') {
        moveTo(tokens, tokens.length - 1);
      } else {
        return;
      }
      event.preventDefault();
    });
    for (const token of tokens) {
      token.addEventListener('focus', () => {
        for (const other of tokens) other.tabIndex = other === token ? 0 : -1;
      });
    }
  });
}
