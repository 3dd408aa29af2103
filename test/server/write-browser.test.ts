/** Browser-facing defences of the write API: cookie flags, CSRF, CORS, If-Match, sign-in limits. */
import { after, before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { setTimeout as sleep } from 'node:timers/promises';
import { Client, PASSWORD, editable, newEntry, startWriteServer, type WriteServer } from './write-helpers.js';

let server: WriteServer;
before(async () => {
  // Small limits so a test can wait them out.
  server = await startWriteServer(1000, {
    trustProxy: true,
    limits: { freeFailures: 3, baseDelayMs: 400, addressFailures: 8, addressWindowMs: 60_000 },
  });
});
after(() => server.close());

const signInRaw = (account: string, password: string, headers: Record<string, string> = {}) =>
  new Client(server.base).call('POST', '/session', { body: { account, password }, headers });

describe('session cookie', () => {
  test('HttpOnly, SameSite=Strict, on the API path, Secure only over HTTPS', async () => {
    const plain = await signInRaw('editor-a', PASSWORD);
    const cookie = plain.headers.getSetCookie()[0];
    assert.match(cookie, /^wsis_session=[A-Za-z0-9_-]{43};/);
    assert.match(cookie, /; HttpOnly/);
    assert.match(cookie, /; SameSite=Strict/);
    assert.match(cookie, /; Path=\/api\/v1(;|$)/);
    assert.doesNotMatch(cookie, /Domain=/i);
    assert.doesNotMatch(cookie, /Secure/);
    assert.equal(plain.headers.get('cache-control'), 'no-store');
    assert.equal(JSON.stringify(plain.body).includes(cookie.split(';')[0].split('=')[1]), false);
    const https = await signInRaw('editor-a', PASSWORD, { 'x-forwarded-proto': 'https' });
    assert.match(https.headers.getSetCookie()[0], /; Secure/);
  });

  test('the session body names the account, its organizations and the CSRF token', async () => {
    const a = await server.signIn('editor-a');
    const res = await a.call('GET', '/session');
    assert.equal(res.status, 200);
    assert.deepEqual(res.body.account, { name: 'editor-a', role: 'editor', organizations: [server.orgA] });
    assert.equal(res.body.csrfToken, a.csrf);
    assert.ok(Date.parse(res.body.expiresAt) > Date.now());
  });
});

describe('session lifetime', () => {
  test('a session ends after its lifetime, and after idling', async () => {
    const short = await startWriteServer(200, { session: { absoluteMs: 3500, idleMs: 1500 } });
    try {
      const idle = await short.signIn('editor-a');
      const busy = await short.signIn('editor-a');
      for (let i = 0; i < 5; i++) {
        await sleep(400);
        assert.equal((await busy.call('GET', '/session')).status, 200, 'in use: alive');
      }
      assert.equal((await idle.call('GET', '/session')).status, 401, 'idle for 2 s of 1.5 s');
      await sleep(1800);
      assert.equal((await busy.call('GET', '/session')).status, 401, 'past its 3.5 s lifetime');
    } finally {
      await short.close();
    }
  });
});

describe('CSRF', () => {
  const target = () => server.entryOf(server.orgA, 5).id;

  test('a cookie write without the token, or with a wrong one, fails and changes nothing', async () => {
    const a = await server.signIn('editor-a');
    const none = await a.call('POST', `/entries/${target()}/archive`, { noCsrf: true });
    assert.equal(none.status, 403);
    assert.equal(none.body.error.code, 'csrf_failed');
    const wrong = await a.call('POST', `/entries/${target()}/archive`, {
      noCsrf: true,
      headers: { 'x-csrf-token': 'A'.repeat(43) },
    });
    assert.equal(wrong.status, 403);
    const other = await server.signIn('editor-a');
    const borrowed = await a.call('POST', `/entries/${target()}/archive`, {
      noCsrf: true,
      headers: { 'x-csrf-token': other.csrf! },
    });
    assert.equal(borrowed.status, 403, "another session's token");
    assert.equal((await a.call('GET', `/manage/entries/${target()}`)).body.archived, false);
  });

  test('a forged form post from another site fails', async () => {
    const a = await server.signIn('editor-a');
    // What a cross-site <form method=post enctype=text/plain> can send, if the browser sent the cookie at all.
    const res = await fetch(`${server.base}/api/v1/entries/${target()}/archive`, {
      method: 'POST',
      headers: {
        cookie: a.cookie!,
        origin: 'https://evil.example',
        'sec-fetch-site': 'cross-site',
        'content-type': 'text/plain',
      },
      body: '{"x":"y"}',
    });
    assert.equal(res.status, 403);
    assert.equal(((await res.json()) as { error: { code: string } }).error.code, 'csrf_failed');
  });

  test('a right token from another origin fails too', async () => {
    const a = await server.signIn('editor-a');
    const res = await a.call('POST', `/entries/${target()}/archive`, { headers: { origin: 'https://evil.example' } });
    assert.equal(res.status, 403);
    const same = await a.call('GET', `/manage/entries/${target()}`);
    assert.equal(same.body.archived, false);
  });

  test('sign-in from another origin fails (no login CSRF)', async () => {
    const res = await signInRaw('editor-a', PASSWORD, { origin: 'https://evil.example' });
    assert.equal(res.status, 403);
    assert.equal(res.headers.getSetCookie().length, 0);
  });

  test('bearer requests need no CSRF token', async () => {
    const client = new Client(server.base, undefined, undefined, server.tokens.admin);
    const res = await client.call('POST', '/entries', { body: newEntry('by-script-1', server.orgB) });
    assert.equal(res.status, 201);
  });

  test('a body over 64 KiB: 413, nothing stored', async () => {
    const a = await server.signIn('editor-a');
    const res = await a.call('POST', '/entries', {
      body: newEntry('big-1', server.orgA, { description: 'x'.repeat(70_000) }),
    });
    assert.equal(res.status, 413);
    assert.equal(res.body.error.code, 'payload_too_large');
    assert.equal((await a.call('GET', '/manage/entries/big-1')).status, 404);
  });

  test('a JSON write needs application/json', async () => {
    const a = await server.signIn('editor-a');
    const res = await fetch(`${server.base}/api/v1/entries`, {
      method: 'POST',
      headers: { cookie: a.cookie!, 'x-csrf-token': a.csrf!, 'content-type': 'text/plain' },
      body: JSON.stringify(newEntry('plain-1', server.orgA)),
    });
    assert.equal(res.status, 415);
  });
});

describe('CORS', () => {
  test('write preflights from other origins are refused without CORS headers; read preflights still pass', async () => {
    const id = server.entryOf(server.orgA).id;
    for (const [path, method] of [
      ['/entries', 'POST'],
      [`/entries/${id}`, 'PUT'],
      [`/entries/${id}/archive`, 'POST'],
      [`/entries/${id}/restore`, 'POST'],
      ['/session', 'POST'],
      ['/session', 'DELETE'],
    ]) {
      const res = await fetch(`${server.base}/api/v1${path}`, {
        method: 'OPTIONS',
        headers: {
          origin: 'https://evil.example',
          'access-control-request-method': method,
          'access-control-request-headers': 'content-type,x-csrf-token',
        },
      });
      assert.equal(res.status, 403, `${method} ${path}`);
      assert.equal(res.headers.get('access-control-allow-origin'), null, `${method} ${path}`);
      assert.equal(res.headers.get('access-control-allow-methods'), null);
      assert.equal(res.headers.get('access-control-allow-credentials'), null);
    }
    const read = await fetch(`${server.base}/api/v1/entries`, {
      method: 'OPTIONS',
      headers: { origin: 'https://evil.example', 'access-control-request-method': 'GET' },
    });
    assert.equal(read.status, 204);
    assert.equal(read.headers.get('access-control-allow-origin'), '*');
  });

  test('write answers carry no CORS headers; reads keep *', async () => {
    const a = await server.signIn('editor-a');
    const write = await a.call('POST', '/entries', { body: newEntry('cors-1', server.orgA) });
    assert.equal(write.status, 201);
    assert.equal(write.headers.get('access-control-allow-origin'), null);
    const read = await fetch(`${server.base}/api/v1/entries/cors-1`);
    assert.equal(read.headers.get('access-control-allow-origin'), '*');
  });
});

describe('If-Match', () => {
  test('missing: 428; stale: 412 and the first save survives', async () => {
    const a1 = await server.signIn('editor-a');
    const a2 = await server.signIn('editor-a');
    const id = server.entryOf(server.orgA, 6).id;
    const loaded = await fetch(`${server.base}/api/v1/entries/${id}`);
    const etag = loaded.headers.get('etag')!;
    assert.match(etag, /^"\d+"$/);
    const entry = editable(await loaded.json());

    const missing = await a1.call('PUT', `/entries/${id}`, { body: { ...entry, title: 'No tag' } });
    assert.equal(missing.status, 428);
    assert.equal(missing.body.error.code, 'precondition_required');
    const star = await a1.call('PUT', `/entries/${id}`, { body: entry, headers: { 'if-match': '*' } });
    assert.equal(star.status, 428);

    const first = await a1.call('PUT', `/entries/${id}`, {
      body: { ...entry, title: 'First save' },
      headers: { 'if-match': etag },
    });
    assert.equal(first.status, 200);
    assert.notEqual(first.headers.get('etag'), etag);
    const second = await a2.call('PUT', `/entries/${id}`, {
      body: { ...entry, title: 'Second save, from a stale copy' },
      headers: { 'if-match': etag },
    });
    assert.equal(second.status, 412);
    assert.equal(second.body.error.code, 'precondition_failed');
    assert.equal(second.headers.get('etag'), first.headers.get('etag'));
    const weak = await a2.call('PUT', `/entries/${id}`, {
      body: { ...entry, title: 'Weak tag' },
      headers: { 'if-match': `W/${first.headers.get('etag')}` },
    });
    assert.equal(weak.status, 412);
    const now = await a2.call('GET', `/manage/entries/${id}`);
    assert.equal(now.body.entry.title, 'First save');
    // If-None-Match: * turns a read into 304, never a write.
    const both = await a2.call('PUT', `/entries/${id}`, {
      body: { ...entry, title: 'Third save' },
      headers: { 'if-match': now.headers.get('etag')!, 'if-none-match': '*' },
    });
    assert.equal(both.status, 200);
    assert.equal(both.body.entry.title, 'Third save');
  });

  test('a stale If-Match on archive: 412', async () => {
    const a = await server.signIn('editor-a');
    const id = server.entryOf(server.orgA, 7).id;
    const res = await a.call('POST', `/entries/${id}/archive`, { headers: { 'if-match': '"1"' } });
    assert.equal(res.status, 412);
  });
});

describe('brute force', () => {
  test('wrong passwords are slowed per account; the owner signs in after the wait', async () => {
    // An address of its own, so the per-address budget stays out of this test.
    const signIn = (account: string, password: string) =>
      signInRaw(account, password, { 'x-forwarded-for': '198.51.100.7' });
    for (let i = 0; i < 3; i++) assert.equal((await signIn('editor-b', `wrong ${i}`)).status, 401);
    const locked = await signIn('editor-b', PASSWORD);
    assert.equal(locked.status, 429, 'even the right password waits');
    assert.equal(locked.body.error.code, 'rate_limited');
    assert.ok(Number(locked.headers.get('retry-after')) >= 1);
    await sleep(500);
    assert.equal((await signIn('editor-b', 'wrong again')).status, 401);
    assert.equal((await signIn('editor-b', PASSWORD)).status, 429, 'the wait doubled');
    await sleep(900);
    assert.equal((await signIn('editor-b', PASSWORD)).status, 200);
    assert.equal((await signIn('editor-b', 'wrong after success')).status, 401, 'success clears the count');
  });

  test('one address guessing many accounts is stopped', async () => {
    const from = { 'x-forwarded-for': '203.0.113.9' };
    const statuses: number[] = [];
    for (let i = 0; i < 10; i++) statuses.push((await signInRaw(`nobody-${i}`, 'guess', from)).status);
    assert.deepEqual(statuses, [...Array(8).fill(401), 429, 429]);
    assert.equal((await signInRaw('admin', PASSWORD, from)).status, 429);
    assert.equal((await signInRaw('admin', PASSWORD, { 'x-forwarded-for': '203.0.113.10' })).status, 200);
  });
});
