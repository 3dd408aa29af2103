/**
 * A @web/test-runner launcher for Debian's WebKitGTK (packages webkit2gtk-driver and xvfb), over
 * plain WebDriver HTTP: webdriverio, which @web/test-runner-webdriver needs, is not installed.
 * MiniBrowser has no headless mode, so a private Xvfb display is started when DISPLAY is unset.
 *
 * The commands plugins pick their code path by launcher type and support neither viewports nor
 * held keys for "webdriver", so this one says "puppeteer" and its getPage() offers the few page
 * methods they call (keyboard, setViewport), done with WebDriver actions and window sizes.
 */
import { spawn } from 'node:child_process';
import { existsSync } from 'node:fs';
import { createServer } from 'node:net';

const DRIVER = '/usr/bin/WebKitWebDriver';
const BROWSER = '/usr/lib/x86_64-linux-gnu/webkit2gtk-4.1/MiniBrowser';

/** WebDriver code points for the key names tests use. */
const KEYS = {
  Enter: '\uE007',
  Escape: '\uE00C',
  Tab: '\uE004',
  Backspace: '\uE003',
  Delete: '\uE017',
  Space: ' ',
  ArrowLeft: '\uE012',
  ArrowUp: '\uE013',
  ArrowRight: '\uE014',
  ArrowDown: '\uE015',
  Home: '\uE011',
  End: '\uE010',
  PageUp: '\uE00E',
  PageDown: '\uE00F',
  Shift: '\uE008',
  Control: '\uE009',
  Alt: '\uE00A',
  Meta: '\uE03D',
};
const key = (name) => KEYS[name] ?? name;

const freePort = () =>
  new Promise((resolve, reject) => {
    const server = createServer().listen(0, '127.0.0.1', () => {
      const { port } = server.address();
      server.close(() => resolve(port));
    });
    server.on('error', reject);
  });

/** Starts Xvfb on a display it picks itself; resolves with ":N". */
function startXvfb(children) {
  return new Promise((resolve, reject) => {
    const xvfb = spawn('Xvfb', ['-displayfd', '1', '-screen', '0', '1280x1024x24', '-nolisten', 'tcp'], {
      stdio: ['ignore', 'pipe', 'ignore'],
    });
    children.push(xvfb);
    xvfb.on('error', reject);
    xvfb.stdout.once('data', (data) => resolve(`:${String(data).trim()}`));
  });
}

export function webkitGtkLauncher() {
  const children = [];
  const sessions = new Map();
  let base;

  async function wd(method, path, body) {
    const response = await fetch(base + path, { method, body: body && JSON.stringify(body) });
    const json = await response.json();
    if (!response.ok) {
      throw new Error(`WebKitWebDriver ${method} ${path}: ${response.status} ${JSON.stringify(json).slice(0, 300)}`);
    }
    return json.value;
  }

  function page(id) {
    const keys = (actions) =>
      wd('POST', `/session/${id}/actions`, { actions: [{ type: 'key', id: 'keyboard', actions }] });
    const tap = (value) => [
      { type: 'keyDown', value },
      { type: 'keyUp', value },
    ];
    return {
      keyboard: {
        type: (text) => keys([...text].flatMap(tap)),
        press: (name) => keys(tap(key(name))),
        down: (name) => keys([{ type: 'keyDown', value: key(name) }]),
        up: (name) => keys([{ type: 'keyUp', value: key(name) }]),
      },
      async setViewport({ width, height }) {
        // The window rect includes MiniBrowser's toolbar; it cannot get narrower than about 450 px.
        const [dw, dh] = await wd('POST', `/session/${id}/execute/sync`, {
          script: 'return [outerWidth - innerWidth, outerHeight - innerHeight]',
          args: [],
        });
        await wd('POST', `/session/${id}/window/rect`, { width: width + dw, height: height + dh });
      },
      emulateMediaFeatures() {
        throw new Error('WebKitWebDriver cannot emulate media features');
      },
    };
  }

  return {
    name: 'WebKitGTK',
    type: 'puppeteer',
    // One MiniBrowser window at a time: a background window gets no focus.
    concurrency: 1,
    async initialize() {
      if (!existsSync(DRIVER) || !existsSync(BROWSER)) {
        throw new Error(
          "WebKitGTK tests need Debian's webkit2gtk-driver and xvfb: apt-get install -y webkit2gtk-driver xvfb",
        );
      }
      const env = { ...process.env };
      env.DISPLAY ||= await startXvfb(children);
      const port = await freePort();
      base = `http://127.0.0.1:${port}`;
      children.push(spawn(DRIVER, [`--port=${port}`], { stdio: 'ignore', env }));
      for (let i = 0; i < 100; i++) {
        try {
          await wd('GET', '/status');
          return;
        } catch {
          await new Promise((resolve) => setTimeout(resolve, 100));
        }
      }
      throw new Error('WebKitWebDriver did not start');
    },
    async stop() {
      for (const id of [...sessions.keys()]) await this.stopSession(id);
      for (const child of children.reverse()) child.kill();
    },
    async startSession(sessionId, url) {
      const { sessionId: id } = await wd('POST', '/session', {
        capabilities: { alwaysMatch: { 'webkitgtk:browserOptions': { binary: BROWSER, args: ['--automation'] } } },
      });
      sessions.set(sessionId, { id, url, page: page(id) });
      await wd('POST', `/session/${id}/url`, { url });
    },
    isActive: (sessionId) => sessions.has(sessionId),
    getBrowserUrl: (sessionId) => sessions.get(sessionId)?.url,
    getPage: (sessionId) => sessions.get(sessionId)?.page,
    async stopSession(sessionId) {
      const session = sessions.get(sessionId);
      sessions.delete(sessionId);
      if (session) await wd('DELETE', `/session/${session.id}`).catch(() => undefined);
      return {};
    },
    startDebugSession() {
      throw new Error('WebKitGTK: no debug sessions');
    },
  };
}
