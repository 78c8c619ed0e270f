// Token text with its whitespace made visible, as the explorer writes it: · a space, ↵ a line break, ␍ a carriage
// return, → a tab.
export const shownText = (text) => text.replaceAll(' ', '·').replaceAll('\n', '↵').replaceAll('\r', '␍')
  .replaceAll('\t', '→');
