/** How a message quotes what the user gave (a value, a header, a path): short, whatever its length. */

/** Characters of a user's value a message quotes at most. */
export const EXCERPT = 40;

/** `text`, or its first characters and … when longer than `max`: a 10 MB argument gives a short line. */
export function shorten(text: string, max = EXCERPT): string {
  return text.length > max ? `${text.slice(0, max - 1)}…` : text;
}

/** A value as a message quotes it: `"12,5OO"`, shortened when long. */
export function excerpt(text: string): string {
  return `"${shorten(text)}"`;
}

/** Headers as a message lists them: the first eight, each shortened, then … when there are more. */
export function headerList(headers: readonly string[]): string {
  return `${headers
    .slice(0, 8)
    .map((h) => shorten(h))
    .join(', ')}${headers.length > 8 ? ', …' : ''}`;
}
