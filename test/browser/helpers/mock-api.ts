import { delay, http, HttpResponse, type HttpHandler } from 'msw';
import { setupWorker, type SetupWorker } from 'msw/browser';
import type { Entry } from '../../../src/data/entry.js';
import { generateEntries } from '../../../scripts/sample/generate.js';
import { searchEntries } from './engine.js';

/** Same origin, so the page needs no CORS; the service worker answers before the network. */
export const API = `${location.origin}/mock-api/v1`;

let entries: Entry[] = generateEntries(60, 7);
/** Every search URL the mock API saw, oldest first. */
export const requests: URL[] = [];
let pause: Promise<unknown> | undefined;

const handlers: HttpHandler[] = [
  http.get('*/mock-api/v1/entries', async ({ request }) => {
    const url = new URL(request.url);
    requests.push(url);
    if (pause) await pause;
    const result = searchEntries(entries, url.searchParams);
    return HttpResponse.json(result.body, { status: result.status });
  }),
  http.get('*/mock-api/v1/entries/:id', ({ params }) => {
    const entry = entries.find((e) => e.id === params.id);
    return entry
      ? HttpResponse.json(entry)
      : HttpResponse.json({ error: { code: 'not_found', message: 'No such entry' } }, { status: 404 });
  }),
];

let worker: SetupWorker | undefined;
let started: Promise<unknown> | undefined;

/** Starts msw once per test file and resets data, log and overrides. */
export async function mockApi(data: Entry[] = generateEntries(60, 7)): Promise<SetupWorker> {
  entries = data;
  requests.length = 0;
  pause = undefined;
  if (!worker) {
    worker = setupWorker(...handlers);
    started = worker.start({
      quiet: true,
      onUnhandledRequest: 'bypass',
      serviceWorker: { url: '/mockServiceWorker.js' },
    });
  }
  await started;
  worker.resetHandlers();
  return worker;
}

/** Holds every search until the returned function is called. */
export function holdSearches(): () => void {
  let release!: () => void;
  pause = new Promise<void>((resolve) => (release = resolve));
  return () => {
    pause = undefined;
    release();
  };
}

/** The next searches answer with this status and a contract error body. */
export function failSearches(status: number, code: string): HttpHandler {
  return http.get('*/mock-api/v1/entries', () =>
    HttpResponse.json({ error: { code, message: `mock ${code}` } }, { status }),
  );
}

/** The next searches fail as if the network were down. */
export const offlineSearches = (): HttpHandler => http.get('*/mock-api/v1/entries', () => HttpResponse.error());

export { delay };
