/** Replaced at build time with the package version. */
declare const __WSIS_VERSION__: string | undefined;
export const VERSION: string = typeof __WSIS_VERSION__ === 'string' ? __WSIS_VERSION__ : 'dev';
