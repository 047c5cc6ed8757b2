/**
 * The bytes of a base64 string, with `atob` (present in Node 16+ and every browser, so no Buffer is needed).
 *
 * @example
 * decodeBase64('AGFzbQ=='); // Uint8Array [0, 97, 115, 109], the WebAssembly magic number
 */
export function decodeBase64(text: string): Uint8Array {
  const binary = atob(text);
  const bytes = new Uint8Array(binary.length);
  for (let i = 0; i < binary.length; i++) bytes[i] = binary.charCodeAt(i);
  return bytes;
}
