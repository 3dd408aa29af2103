export default {
  globs: ['src/components/**/*.ts'],
  exclude: ['src/**/*.styles.ts', 'src/**/define.ts', 'src/**/*.test.ts'],
  outdir: '.',
  litelement: true,
};
