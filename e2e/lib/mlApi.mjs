// The ML API as the signed-in browser user calls it, for tests that set the
// stage (a job, a run, a session) faster than clicking through dialogs.

/** The guest's Backstage token, from the page's own sign-in session. */
export async function guestToken(page) {
  return page.evaluate(async () => {
    const res = await fetch('/api/auth/guest/refresh', {
      headers: { 'X-Requested-With': 'XMLHttpRequest' },
      credentials: 'include',
    });
    if (!res.ok) throw new Error(`guest refresh: ${res.status}`);
    return (await res.json()).backstageIdentity.token;
  });
}

/** Calls `baseUrl/api/<plugin><path>` with the token; throws on an error status. */
export function apiClient(baseUrl, token) {
  const call = async (method, path, body, plugin = 'ml') => {
    const res = await fetch(`${baseUrl}/api/${plugin}${path}`, {
      method,
      headers: {
        Authorization: `Bearer ${token}`,
        ...(body === undefined ? {} : { 'Content-Type': 'application/json' }),
      },
      body: body === undefined ? undefined : JSON.stringify(body),
    });
    const text = await res.text();
    if (!res.ok) {
      throw new Error(`${method} ${path}: ${res.status} ${text.slice(0, 300)}`);
    }
    return text ? JSON.parse(text) : undefined;
  };
  return {
    get: (path, plugin) => call('GET', path, undefined, plugin),
    post: (path, body = {}) => call('POST', path, body),
    put: async (path, content) => {
      const res = await fetch(`${baseUrl}/api/ml${path}`, {
        method: 'PUT',
        headers: {
          Authorization: `Bearer ${token}`,
          'Content-Type': 'application/octet-stream',
        },
        body: content,
      });
      if (!res.ok) throw new Error(`PUT ${path}: ${res.status}`);
    },
  };
}

/** Polls `read` until `done(value)`; returns the value. */
export async function waitUntil(read, done, { timeoutMs = 120_000 } = {}) {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const value = await read();
    if (done(value)) return value;
    if (Date.now() > deadline) {
      throw new Error(
        `Gave up waiting: ${JSON.stringify(value).slice(0, 300)}`,
      );
    }
    await new Promise(resolve => setTimeout(resolve, 500));
  }
}

/**
 * Moves the single-page app to `path` the way its own links do (history
 * push, no reload: a reload would need a new guest sign-in).
 */
export async function navigateInApp(page, path) {
  await page.evaluate(to => {
    window.history.pushState({}, '', to);
    window.dispatchEvent(new PopStateEvent('popstate', { state: {} }));
  }, path);
}
