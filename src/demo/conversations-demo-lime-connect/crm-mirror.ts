// The Portal reads Lime CRM through the local API server (its own emulator, in node), while the
// demo pages write to the browser's emulator. The Lime Connect page copies the browser's data to the
// API server (`POST /dev/snapshot`) so the Portal sees what the other pages wrote.

export type MirrorResult = { ok: true } | { ok: false; reason: string };

const PUSH_TIMEOUT_MS = 10_000;

type FetchLike = (url: string, init: RequestInit) => Promise<Response>;

/** Replaces the API server's database and config with `snapshot` (an emulator's `snapshot()`). */
export async function pushSnapshot(
  apiUrl: string,
  snapshot: unknown,
  fetchLike: FetchLike = (url, init) => fetch(url, init),
): Promise<MirrorResult> {
  let response: Response;
  try {
    response = await fetchLike(new URL('dev/snapshot', apiUrl).toString(), {
      method: 'POST',
      headers: { 'Content-Type': 'application/json' },
      body: JSON.stringify(snapshot),
      // The Portal is framed only after this: a hung server must not keep it away for long.
      signal: AbortSignal.timeout(PUSH_TIMEOUT_MS),
    });
  } catch (error) {
    return {
      ok: false,
      reason: `The API server at ${apiUrl} is not reachable (${error instanceof Error ? error.message : String(error)}).`,
    };
  }
  if (response.ok) {
    return { ok: true };
  }
  const body: unknown = await response.json().catch(() => undefined);
  const message =
    typeof body === 'object' &&
    body !== null &&
    'message' in body &&
    typeof body.message === 'string'
      ? body.message
      : response.statusText;
  return {
    ok: false,
    reason: `The API server refused the data (HTTP ${response.status}): ${message}`,
  };
}
