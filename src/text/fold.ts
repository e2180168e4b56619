// Text comparison rules shared by the loader, the engine and the eval: typographic quotes and
// dashes fold to ASCII, white space collapses, case is ignored.

export function foldTypography(s: string): string {
  return s
    .replace(/[‘’‚‛′]/g, "'")
    .replace(/[“”„‟″]/g, '"')
    .replace(/[‐‑‒–—―−]/g, '-')
    .replace(/…/g, '...');
}

export function foldForCompare(s: string): string {
  return foldTypography(s).replace(/\s+/g, ' ').trim().toLowerCase();
}
