// The page's sentences for its scripts, rendered from the message bundles by fragments/words.
const words = Object.fromEntries([...document.querySelectorAll('#words [data-key]')]
  .map((node) => [node.dataset.key, node.dataset.word]));

// A sentence by its bundle key, with {0}, {1}, ... filled in the way Spring's MessageFormat fills them.
export function word(key, ...args) {
  const pattern = words[key];
  if (pattern === undefined) return key;
  if (args.length === 0) return pattern;
  return pattern.replace(/\{(\d+)\}/g, (_, i) => String(args[Number(i)])).replaceAll("''", "'");
}
