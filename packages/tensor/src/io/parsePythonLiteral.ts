/** A value of the small Python literal language that `.npy` headers are written in. */
export type PyValue = string | number | boolean | null | PyValue[] | { [key: string]: PyValue };

/** Nesting deeper than this is not a `.npy` header; stopping early keeps a hostile header off the stack. */
const MAX_DEPTH = 16;

/**
 * Parses the Python literal of a `.npy` header: dicts with string keys, tuples and lists (both become
 * arrays), strings, integers (a trailing `L`, as Python 2 wrote, is accepted), `True`, `False` and `None`.
 * Runs in one pass over the text; throws a message starting with `fn` on anything else.
 *
 * @example
 * parsePythonLiteral('readNpy', "{'descr': '<f4', 'fortran_order': False, 'shape': (2, 3), }");
 * // { descr: '<f4', fortran_order: false, shape: [2, 3] }
 */
export function parsePythonLiteral(fn: string, text: string): PyValue {
  let i = 0;
  const fail = (what: string): never => {
    throw new SyntaxError(
      `${fn}: the header is not a valid Python literal: ${what} at character ${i} of ${JSON.stringify(text.slice(0, 200))}`,
    );
  };
  const skip = () => {
    while (i < text.length && ' \t\r\n'.includes(text[i])) i++;
  };
  const value = (depth: number): PyValue => {
    if (depth > MAX_DEPTH) fail('nesting too deep');
    skip();
    const c = text[i];
    if (c === '{') return dict(depth);
    if (c === '(' || c === '[') return sequence(depth, c === '(' ? ')' : ']');
    if (c === "'" || c === '"') return string(c);
    if (c === '-' || c === '+' || (c >= '0' && c <= '9')) return integer();
    for (const [word, v] of [
      ['True', true],
      ['False', false],
      ['None', null],
    ] as const) {
      if (text.startsWith(word, i)) {
        i += word.length;
        return v;
      }
    }
    return fail(c === undefined ? 'unexpected end' : `unexpected ${JSON.stringify(c)}`);
  };
  const string = (quote: string): string => {
    let s = '';
    i++;
    while (i < text.length && text[i] !== quote) {
      if (text[i] === '\\') i++;
      s += text[i++] ?? '';
    }
    if (i >= text.length) fail('unterminated string');
    i++;
    return s;
  };
  const integer = (): number => {
    const re = /[-+]?(\d+)L?/y;
    re.lastIndex = i;
    const m = re.exec(text);
    if (!m) return fail('expected an integer');
    if (m[1].length > 20) fail('integer too long');
    i = re.lastIndex;
    return Number.parseInt(m[0], 10);
  };
  const sequence = (depth: number, close: string): PyValue[] => {
    i++;
    const out: PyValue[] = [];
    for (;;) {
      skip();
      if (text[i] === close) break;
      out.push(value(depth + 1));
      skip();
      if (text[i] === ',') i++;
      else if (text[i] !== close) fail(`expected ',' or '${close}'`);
    }
    i++;
    return out;
  };
  const dict = (depth: number): { [key: string]: PyValue } => {
    i++;
    const out: { [key: string]: PyValue } = Object.create(null);
    for (;;) {
      skip();
      if (text[i] === '}') break;
      const key = value(depth + 1);
      if (typeof key !== 'string') fail('a dict key that is not a string');
      skip();
      if (text[i] !== ':') fail("expected ':'");
      i++;
      out[key as string] = value(depth + 1);
      skip();
      if (text[i] === ',') i++;
      else if (text[i] !== '}') fail("expected ',' or '}'");
    }
    i++;
    return out;
  };
  const result = value(0);
  skip();
  if (i !== text.length) fail('trailing characters');
  return result;
}
