/**
 * Resolves once the next frame has painted (a frame, then a task), so work that can wait
 * does not delay it; after 100 ms where frames do not run (a hidden tab).
 */
export function afterPaint(): Promise<void> {
  return new Promise((resolve) => {
    const timer = setTimeout(resolve, 100);
    requestAnimationFrame(() =>
      setTimeout(() => {
        clearTimeout(timer);
        resolve();
      }),
    );
  });
}
