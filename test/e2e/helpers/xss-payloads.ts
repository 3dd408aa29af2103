/**
 * Markup and URL payloads for the XSS corpus. Every one that could run tries to set
 * `window.__pwned` to its own number, so a hit names the payload that got through.
 */

/** The script each payload tries to run. */
export const run = (n: number) => `window.__pwned=${n}`;

type Make = (js: string) => string;

/** Text payloads: HTML, SVG, MathML, template syntax, broken markup, odd characters. */
const TEXT: Make[] = [
  (js) => `<script>${js}</script>`,
  (js) => `<SCRIPT SRC=data:text/javascript,${js}></SCRIPT>`,
  (js) => `</script><script>${js}</script>`,
  (js) => `<scr<script>ipt>${js}</scr</script>ipt>`,
  (js) => `<img src=x onerror=${js}>`,
  (js) => `<img src="x" onerror="${js}">`,
  (js) => `<IMG SRC=x OnErRoR=${js}>`,
  (js) => `"><img src=x onerror=${js}>`,
  (js) => `'><img src=x onerror=${js}>`,
  (js) => `" autofocus onfocus="${js}" x="`,
  (js) => `' autofocus onfocus='${js}' x='`,
  (js) => `<svg onload=${js}>`,
  (js) => `<svg><script>${js}</script></svg>`,
  (js) => `<svg><animate onbegin=${js} attributeName=x dur=1s>`,
  (js) => `<svg><a xlink:href="javascript:${js}"><text x=20 y=20>click</text></a></svg>`,
  (js) => `<svg><foreignObject><img src=x onerror=${js}></foreignObject></svg>`,
  (js) => `<math><mtext><table><mglyph><style><img src=x onerror=${js}>`,
  (js) => `<math href="javascript:${js}">click</math>`,
  (js) => `<noscript><p title="</noscript><img src=x onerror=${js}>">`,
  (js) => `<iframe src="javascript:${js}"></iframe>`,
  (js) => `<iframe srcdoc="<script>parent.${js}</script>"></iframe>`,
  (js) => `<object data="javascript:${js}"></object>`,
  (js) => `<embed src="javascript:${js}">`,
  (js) => `<body onload=${js}>`,
  (js) => `<details open ontoggle=${js}>`,
  (js) => `<input autofocus onfocus=${js}>`,
  (js) => `<video><source onerror=${js}></video>`,
  (js) => `<audio src=x onerror=${js}>`,
  (js) => `<marquee onstart=${js}>x</marquee>`,
  (js) => `<form><button formaction="javascript:${js}">x</button></form>`,
  (js) => `<a href="javascript:${js}">click</a>`,
  (js) => `<a href="JaVaScRiPt:${js}">click</a>`,
  (js) => `<a href="java\tscript:${js}">click</a>`,
  (js) => `<a href="&#106;avascript:${js}">click</a>`,
  (js) => `<a href="&#x6A;&#x61;vascript&colon;${js}">click</a>`,
  (js) => `<a href="\u0000javascript:${js}">click</a>`,
  (js) => `<a href=" javascript:${js}">click</a>`,
  (js) => `<a href="data:text/html,<script>${js}</script>">click</a>`,
  (js) => `<a href="vbscript:msgbox(1)" onclick="${js}">click</a>`,
  (js) => `<div style="background:url(javascript:${js})">x</div>`,
  (js) => `<style>@import 'javascript:${js}';</style>`,
  (js) => `<base href="javascript:${js}//">`,
  (js) => `<meta http-equiv="refresh" content="0;url=javascript:${js}">`,
  (js) => `<template><img src=x onerror=${js}></template>`,
  (js) => `<!--<img src=x onerror=${js}>-->`,
  (js) => `<![CDATA[<img src=x onerror=${js}>]]>`,
  (js) => `</textarea><img src=x onerror=${js}>`,
  (js) => `</title><img src=x onerror=${js}>`,
  (js) => `<img src=x onerror=${js}`,
  (js) => `<<img src=x onerror=${js}//<`,
  (js) => `&lt;img src=x onerror=${js}&gt;`,
  (js) => `%3Cimg%20src%3Dx%20onerror%3D${encodeURIComponent(js)}%3E`,
  (js) => `\\u003cimg src=x onerror=${js}\\u003e`,
  (js) => `{{constructor.constructor('${js}')()}}`,
  (js) => `\${${js}}`,
  (js) => `<!-- lit-part --><?lit$123$><img src=x onerror=${js}>`,
  (js) => `lit$1234$<img src=x onerror=${js}>`,
  (js) => `\u202Egpj.exe<img src=x onerror=${js}>`,
  (js) => `\u202E\u2066<b>${js}</b>\u2069\u202C RTL override`,
  (js) => `nul\u0000byte<img src=x\u0000onerror=${js}>`,
  (js) => `\uFEFF\u200B\u200D<img src=x onerror=${js}> zero-width`,
  (js) => `e\u0301\u0301\u0301 ZALGO \u{1F600}<img src=x onerror=${js}>`,
  (js) => `line\r\nbreak\r\n<img src=x onerror=${js}>\n\n\t`,
];

export interface Payload {
  n: number;
  text: string;
}

export const TEXT_PAYLOADS: Payload[] = TEXT.map((make, i) => ({ n: i + 1, text: make(run(i + 1)) }));

/** A string far over every field limit; the importer must reject the rows that carry it. */
export const HUGE = `<img src=x onerror=${run(900)}>`.padEnd(100_000, 'A<b>');

/** As long as a description may be, with markup spread through it. */
export const LONG_DESCRIPTION = Array.from({ length: 400 }, (_, i) => `w${i} <i onmouseover=${run(901)}>`)
  .join(' ')
  .slice(0, 10_000);

/** Websites that are not http(s) URLs: the validator must reject them, so their rows are never served. */
export const BAD_WEBSITES: string[] = [
  `javascript:${run(950)}`,
  `JaVaScRiPt:${run(951)}`,
  `java\tscript:${run(952)}`,
  `java\nscript:${run(953)}`,
  `&#106;avascript:${run(954)}`,
  `\u0000javascript:${run(955)}`,
  ` javascript:${run(956)}`,
  `javascript://%0a${run(957)}`,
  `data:text/html,<script>${run(958)}</script>`,
  `DATA:text/html;base64,PHNjcmlwdD53aW5kb3cuX19wd25lZD05NTk8L3NjcmlwdD4=`,
  `vbscript:msgbox(960)`,
  `VBScript:msgbox(961)`,
  `//evil.example/${run(962)}`,
  `https:javascript:${run(963)}`,
  `http:/\\evil.example`,
  `\u202Ehttps://evil.example`,
];

/** http(s) URLs that carry markup: valid, so served, and must stay inert text and an href. */
export const HOSTILE_HTTP_URLS: string[] = [
  `https://x.example/"><script>${run(970)}</script>`,
  `https://x.example/'><img src=x onerror=${run(971)}>`,
  `https://x.example/?q=<svg onload=${run(972)}>#"onmouseover="${run(973)}`,
  `HTTPS://X.EXAMPLE/javascript:${run(974)}`,
  `http://x.example/\u202Egnp.exe`,
  `https://x.example/\u0000nul`,
  `https://user:pass@x.example:8443/a b?c=<d>#e`,
];

/** An http(s) URL of 100,000 characters: served or rejected as the validator decides, inert either way. */
export const HUGE_URL = `https://x.example/${HUGE}`;
