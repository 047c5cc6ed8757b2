const ALPHABET = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/';

/**
 * Turns bytes into a `data:` URL with base64 text, without `Buffer` or `btoa`, so it runs anywhere.
 *
 * @example
 * toDataURL(new Uint8Array([104, 105]), 'text/plain'); // 'data:text/plain;base64,aGk='
 */
export function toDataURL(bytes: Uint8Array, mime: string): string {
  const parts: string[] = [];
  let chunk = '';
  for (let i = 0; i < bytes.length; i += 3) {
    const a = bytes[i];
    const b = i + 1 < bytes.length ? bytes[i + 1] : 0;
    const c = i + 2 < bytes.length ? bytes[i + 2] : 0;
    chunk +=
      ALPHABET[a >> 2] +
      ALPHABET[((a & 3) << 4) | (b >> 4)] +
      (i + 1 < bytes.length ? ALPHABET[((b & 15) << 2) | (c >> 6)] : '=') +
      (i + 2 < bytes.length ? ALPHABET[c & 63] : '=');
    // Joining short pieces once keeps string building linear for megabyte images.
    if (chunk.length >= 8192) {
      parts.push(chunk);
      chunk = '';
    }
  }
  parts.push(chunk);
  return `data:${mime};base64,${parts.join('')}`;
}
