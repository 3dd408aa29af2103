/** The classed colour scale: class 0 for no entries, then up to five quantile classes. */

export const CLASSES = 5;

export interface ColourClass {
  /** 1…5: the `.cN` class and `--wsis-map-N` token. */
  index: number;
  min: number;
  max: number;
}

export interface ColourScale {
  classes: ColourClass[];
  /** 0 for no entries, else the class index. */
  classOf(count: number): number;
}

/**
 * Quantile breaks over the non-zero counts, merged where counts repeat. When there are fewer
 * than five classes they are spread over the palette, so "few" and "many" stay far apart.
 */
export function colourScale(counts: Iterable<number>): ColourScale {
  const values = [...counts].filter((n) => n > 0).sort((a, b) => a - b);
  if (!values.length) return { classes: [], classOf: () => 0 };
  const lows = [values[0]];
  for (let i = 1; i < CLASSES; i++) {
    const low = values[Math.floor((i * values.length) / CLASSES)];
    if (low > lows[lows.length - 1]) lows.push(low);
  }
  const max = values[values.length - 1];
  const n = lows.length;
  const classes = lows.map((min, i) => ({
    index: n === 1 ? CLASSES : Math.round(1 + (i * (CLASSES - 1)) / (n - 1)),
    min,
    max: i + 1 < n ? lows[i + 1] - 1 : max,
  }));
  return {
    classes,
    classOf(count) {
      if (!(count > 0)) return 0;
      for (let i = classes.length - 1; i >= 0; i--) if (count >= classes[i].min) return classes[i].index;
      return classes[0].index;
    },
  };
}
