import { readLines, readServerSentEvents } from './streams';

function streamOfChunks(...chunks: string[]): ReadableStream<Uint8Array> {
  const encoder = new TextEncoder();
  return new ReadableStream({
    start(controller) {
      chunks.forEach(chunk => controller.enqueue(encoder.encode(chunk)));
      controller.close();
    },
  });
}

async function collect<T>(source: AsyncIterable<T>): Promise<T[]> {
  const out: T[] = [];
  for await (const item of source) {
    out.push(item);
  }
  return out;
}

describe('readLines', () => {
  it('joins lines split across chunks, including multi-byte characters', async () => {
    const euro = new TextEncoder().encode('€');
    const bytes = new TextEncoder().encode('a1\nb');
    const stream = new ReadableStream<Uint8Array>({
      start(controller) {
        controller.enqueue(bytes);
        controller.enqueue(euro.slice(0, 1));
        controller.enqueue(euro.slice(1));
        controller.enqueue(new TextEncoder().encode('2\r\nlast'));
        controller.close();
      },
    });
    await expect(collect(readLines(stream))).resolves.toEqual([
      'a1',
      'b€2',
      'last',
    ]);
  });
});

describe('readServerSentEvents', () => {
  it('parses data, named events and comments', async () => {
    const stream = streamOfChunks(
      ': keep-alive\n\n',
      'data: "first"\n\nda',
      'ta: "second"\n\n',
      'event: end\ndata: {}\n\n',
    );
    await expect(collect(readServerSentEvents(stream))).resolves.toEqual([
      { event: 'message', data: '"first"' },
      { event: 'message', data: '"second"' },
      { event: 'end', data: '{}' },
    ]);
  });
});
