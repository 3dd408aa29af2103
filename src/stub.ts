/**
 * dist/wsis-stocktaking.js, the script of the embed snippet: a classic script (a module works
 * too) that starts the widget by importing its module entry from beside itself. A second copy of
 * the widget on the page, of any version, stops here with one warning, before a second Lit could
 * ask for its Trusted Types policy. The build fills in the version and the entry's file name.
 *
 * The page's fetch is taken now and handed to the module (src/data/fetch-json.ts): the module runs
 * later, possibly after page scripts that patch fetch.
 */
declare const __WSIS_VERSION__: string;
declare const __WSIS_ENTRY__: string;
declare const __WSIS_NAMES__: string[];
declare const __WSIS_PRELOAD__: string[];

(() => {
  // Written once, so a copy of the stub with another version differs in this one literal.
  const version: string = __WSIS_VERSION__;
  const mark = Symbol.for('wsis-stocktaking');
  const page = globalThis as unknown as Record<symbol, { version?: string } | undefined>;
  const existing = customElements.get('wsis-stocktaking') as { wsisVersion?: string } | undefined;
  const first = page[mark]?.version ?? existing?.wsisVersion;
  if (first !== undefined || existing) {
    console.warn(
      `wsis-stocktaking: version ${version} was not started, because version ${first ?? 'unknown'} ` +
        'is already on the page. Load the widget script once.',
    );
    return;
  }
  Object.defineProperty(page, mark, { value: Object.freeze({ version, fetch: globalThis.fetch }) });
  // A module script has no currentScript: find the script element by its file name instead.
  const script =
    (document.currentScript as HTMLScriptElement | null) ??
    [...document.scripts].find((s) => __WSIS_NAMES__.some((name) => s.src.split(/[?#]/)[0].endsWith(`/${name}`)));
  const base = script?.src || document.baseURI;
  // The entry's own imports are fetched with it, not after it has arrived: one round trip less.
  for (const file of __WSIS_PRELOAD__) {
    const link = document.createElement('link');
    link.rel = 'modulepreload';
    // Under 'strict-dynamic' only the snippet's nonce lets a preload through.
    if (script?.nonce) link.nonce = script.nonce;
    link.href = new URL(file, base).href;
    (document.head ?? document.documentElement).append(link);
  }
  import(new URL(__WSIS_ENTRY__, base).href).catch((error: unknown) => {
    console.error('wsis-stocktaking: the widget could not be loaded.', error);
  });
  // A fresh page's first Intl formatter loads the browser's locale data (50-80 ms in Chromium): paid
  // here, while the module downloads, rather than when the first count is shown.
  new Intl.NumberFormat().format(0);
})();
