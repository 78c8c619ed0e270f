/**
 * The page's CSRF token as a request header, for every write a page sends: a signed-in instructor's writes are refused
 * without it. The layout puts the token and the header's name in two meta tags.
 */
export function csrfHeaders() {
  const token = document.querySelector('meta[name="csrf-token"]');
  const header = document.querySelector('meta[name="csrf-header"]');
  return token && header ? { [header.content]: token.content } : {};
}
