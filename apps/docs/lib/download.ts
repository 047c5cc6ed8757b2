/**
 * Saves `content` as a file named `filename` through a temporary link, the way a browser saves any download.
 * A string starting with `data:` or `blob:` is used as the link itself; any other string or Blob is wrapped.
 * @example
 * download('spec.json', new Blob([JSON.stringify(spec)], { type: 'application/json' }));
 */
export function download(filename: string, content: Blob | string, type = 'application/octet-stream'): void {
  const isUrl = typeof content === 'string' && /^(data|blob):/.test(content);
  const url = isUrl
    ? (content as string)
    : URL.createObjectURL(content instanceof Blob ? content : new Blob([content], { type }));
  const link = document.createElement('a');
  link.href = url;
  link.download = filename;
  link.rel = 'noopener';
  link.style.display = 'none';
  document.body.appendChild(link);
  link.click();
  link.remove();
  // The browser has taken its own reference by now; revoking later frees the memory without racing the save.
  if (!isUrl) setTimeout(() => URL.revokeObjectURL(url), 1000);
}

/** Turns a chart title into a file name: lower case, words joined by dashes, at most 60 characters. */
export function slugify(text: string, fallback = 'chart'): string {
  const slug = text
    .toLowerCase()
    .normalize('NFKD')
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-+|-+$/g, '')
    .slice(0, 60)
    .replace(/-+$/, '');
  return slug || fallback;
}
