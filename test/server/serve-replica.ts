/** A read copy in its own process, for tests: `node --import tsx serve-replica.ts DB_PATH POLL_MS`. */
import { buildApp } from '../../server/app.js';

const app = buildApp({ dbPath: process.argv[2], replica: true, pollMs: Number(process.argv[3] ?? 250) });
const address = await app.listen({ port: 0, host: '127.0.0.1' });
console.log(`read copy: ${address}/`);
process.once('SIGTERM', () => void app.close().then(() => process.exit(0)));
