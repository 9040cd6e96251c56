import { Request, Response } from 'express';

/**
 * Streams lines to the client as server-sent events, one `data:` per line,
 * then an `end` event. Stops reading when the client goes away.
 */
export async function streamLines(
  req: Request,
  res: Response,
  source: (signal: AbortSignal) => Promise<AsyncIterable<string>>,
): Promise<void> {
  const controller = new AbortController();
  req.on('close', () => controller.abort());
  const lines = await source(controller.signal);
  res.writeHead(200, {
    'Content-Type': 'text/event-stream; charset=utf-8',
    'Cache-Control': 'no-cache, no-transform',
    Connection: 'keep-alive',
    'X-Accel-Buffering': 'no',
  });
  res.flushHeaders();
  try {
    for await (const line of lines) {
      if (controller.signal.aborted) break;
      res.write(`data: ${JSON.stringify(line)}\n\n`);
    }
    res.write('event: end\ndata: {}\n\n');
  } catch (error) {
    if (!controller.signal.aborted) {
      res.write(
        `event: error\ndata: ${JSON.stringify((error as Error).message)}\n\n`,
      );
    }
  }
  res.end();
}
