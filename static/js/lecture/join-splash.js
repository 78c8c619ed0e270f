// The join code full screen: the QR code as large as the screen allows, so the back row of a hall can scan it and
// read the code. A key or the bar's button opens it; the same key, Escape or its own button closes it.
export function joinSplash(splash, opener) {
  function show(shown) {
    splash.hidden = !shown;
    opener.setAttribute('aria-expanded', String(shown));
    (shown ? splash.querySelector('[data-join-close]') : opener).focus();
  }
  opener.addEventListener('click', () => show(true));
  splash.querySelector('[data-join-close]').addEventListener('click', () => show(false));
  return {
    toggle: () => show(splash.hidden),
    close: () => { if (!splash.hidden) show(false); },
  };
}
