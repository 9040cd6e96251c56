/**
 * Readers for the API's streaming responses (console output as NDJSON, logs
 * as server-sent events). They read `response.body` directly because
 * EventSource cannot send the Backstage token that `fetchApi` adds.
 */

/** Splits a byte stream into lines as they arrive. */
export async function* readLines(
  body: ReadableStream<Uint8Array>,
): AsyncGenerator<string> {
  const reader = body.getReader();
  const decoder = new TextDecoder();
  let buffered = '';
  try {
    for (;;) {
      const { done, value } = await reader.read();
      if (done) {
        break;
      }
      buffered += decoder.decode(value, { stream: true });
      let newline = buffered.indexOf('\n');
      while (newline >= 0) {
        yield buffered.slice(0, newline).replace(/\r$/, '');
        buffered = buffered.slice(newline + 1);
        newline = buffered.indexOf('\n');
      }
    }
    buffered += decoder.decode();
    if (buffered) {
      yield buffered;
    }
  } finally {
    // A consumer that stops early (a page that unmounts) ends the download.
    reader.cancel().catch(() => {});
  }
}

/** One server-sent event; `event` is "message" unless the server named it. */
export interface ServerSentEvent {
  event: string;
  data: string;
}

/** Parses `text/event-stream` as the HTML spec describes, minus ids and retry. */
export async function* readServerSentEvents(
  body: ReadableStream<Uint8Array>,
): AsyncGenerator<ServerSentEvent> {
  let event = 'message';
  let data: string[] = [];
  for await (const line of readLines(body)) {
    if (line === '') {
      if (data.length > 0) {
        yield { event, data: data.join('\n') };
      }
      event = 'message';
      data = [];
      continue;
    }
    if (line.startsWith(':')) {
      continue;
    }
    const colon = line.indexOf(':');
    const field = colon === -1 ? line : line.slice(0, colon);
    let value = colon === -1 ? '' : line.slice(colon + 1);
    if (value.startsWith(' ')) {
      value = value.slice(1);
    }
    if (field === 'event') {
      event = value;
    } else if (field === 'data') {
      data.push(value);
    }
  }
  if (data.length > 0) {
    yield { event, data: data.join('\n') };
  }
}
