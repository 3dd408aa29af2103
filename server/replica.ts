/**
 * A read copy without start.ts's build step, for tests and `npm run bench:write`:
 * `node --import tsx server/replica.ts DB_PATH [POLL_MS]`. Prints "read copy: URL/" once listening.
 */
import { buildApp } from './app.js';

const app = buildApp({ dbPath: process.argv[2], replica: true, pollMs: Number(process.argv[3] ?? 250) });
const address = await app.listen({ port: 0, host: '127.0.0.1' });
console.log(`read copy: ${address}/`);
process.once('SIGTERM', () => void app.close().then(() => process.exit(0)));
