/** Splits text pieces into numbered lines (without their line break). */
export interface Line {
  /** 1-based. */
  number: number;
  text: string;
}

export async function* lines(pieces: AsyncIterable<string>): AsyncGenerator<Line> {
  let partial = '';
  let number = 1;
  for await (const piece of pieces) {
    const parts = (partial + piece).split('\n');
    partial = parts.pop()!;
    for (const text of parts) yield { number: number++, text: text.endsWith('\r') ? text.slice(0, -1) : text };
  }
  if (partial) yield { number, text: partial.endsWith('\r') ? partial.slice(0, -1) : partial };
}
