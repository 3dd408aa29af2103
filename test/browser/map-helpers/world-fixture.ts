import type { World } from '../../../src/data/world.js';

const square = (x: number, y: number, size = 6) => `M${x - size / 2} ${y - size / 2}l${size} 0 0 ${size}-${size} 0z`;

/**
 * A tiny world: squares at known points, so keyboard order is predictable.
 * Reading order (LTR) by 12 bands of 5 units: US, FR, DE | RW, KE | BR; SG is a dot.
 */
export const POINTS: Record<string, [number, number]> = {
  US: [10, 10],
  FR: [45, 10],
  DE: [55, 11],
  RW: [55, 32],
  KE: [62, 33],
  BR: [25, 42],
  SG: [80, 40],
};

export const WORLD: World = {
  w: 100,
  h: 60,
  c: Object.fromEntries(
    Object.entries(POINTS)
      .filter(([code]) => code !== 'SG')
      .map(([code, [x, y]]) => [code, square(x, y)]),
  ),
  p: POINTS,
  d: ['SG'],
  x: square(90, 10, 4),
};
