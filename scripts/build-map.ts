/**
 * Builds dist/wsis-world.json, the geometry of <wsis-country-map>, from world-atlas:
 * countries as projected SVG paths keyed by ISO 3166-1 alpha-2, a label point per country
 * (keyboard order), and dots for countries too small for the 1:110m file.
 * Run with `tsx scripts/build-map.ts [out.json]`; the output is deterministic.
 */
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { dirname } from 'node:path';
import { fileURLToPath } from 'node:url';
import { gzipSync } from 'node:zlib';
import { geoArea, geoEqualEarth, geoPath, type GeoPermissibleObjects } from 'd3-geo';
import type { Feature, FeatureCollection, Geometry, MultiPolygon, Polygon } from 'geojson';
import { feature, merge } from 'topojson-client';
import type { GeometryCollection, GeometryObject, Topology } from 'topojson-specification';
import { isCountryCode } from '../src/data/countries.js';

export const WIDTH = 960;
export const MAX_HEIGHT = 500;
/** Coordinates are kept to 1/STEP of a viewBox unit. */
const STEP = 10;

/** The asset's shape; the runtime validates the same fields. */
export interface WorldAsset {
  w: number;
  h: number;
  /** Country paths by alpha-2. */
  c: Record<string, string>;
  /** Label point per country (largest polygon's centroid), also for dots. */
  p: Record<string, [number, number]>;
  /** Countries missing from the 1:110m file, drawn as dots at their label point. */
  d: string[];
  /** Land no entry can be tagged with (Kosovo has no ISO code), drawn but not interactive. */
  x: string;
}

// ISO 3166-1 numeric → alpha-2, all 249 assigned codes; the compact string keeps it reviewable.
const NUMERIC = `004AF 008AL 010AQ 012DZ 016AS 020AD 024AO 028AG 031AZ 032AR 036AU 040AT 044BS 048BH 050BD 051AM
052BB 056BE 060BM 064BT 068BO 070BA 072BW 074BV 076BR 084BZ 086IO 090SB 092VG 096BN 100BG 104MM 108BI 112BY 116KH
120CM 124CA 132CV 136KY 140CF 144LK 148TD 152CL 156CN 158TW 162CX 166CC 170CO 174KM 175YT 178CG 180CD 184CK 188CR
191HR 192CU 196CY 203CZ 204BJ 208DK 212DM 214DO 218EC 222SV 226GQ 231ET 232ER 233EE 234FO 238FK 239GS 242FJ 246FI
248AX 250FR 254GF 258PF 260TF 262DJ 266GA 268GE 270GM 275PS 276DE 288GH 292GI 296KI 300GR 304GL 308GD 312GP 316GU
320GT 324GN 328GY 332HT 334HM 336VA 340HN 344HK 348HU 352IS 356IN 360ID 364IR 368IQ 372IE 376IL 380IT 384CI 388JM
392JP 398KZ 400JO 404KE 408KP 410KR 414KW 417KG 418LA 422LB 426LS 428LV 430LR 434LY 438LI 440LT 442LU 446MO 450MG
454MW 458MY 462MV 466ML 470MT 474MQ 478MR 480MU 484MX 492MC 496MN 498MD 499ME 500MS 504MA 508MZ 512OM 516NA 520NR
524NP 528NL 531CW 533AW 534SX 535BQ 540NC 548VU 554NZ 558NI 562NE 566NG 570NU 574NF 578NO 580MP 581UM 583FM 584MH
585PW 586PK 591PA 598PG 600PY 604PE 608PH 612PN 616PL 620PT 624GW 626TL 630PR 634QA 638RE 642RO 643RU 646RW 652BL
654SH 659KN 660AI 662LC 663MF 666PM 670VC 674SM 678ST 682SA 686SN 688RS 690SC 694SL 702SG 703SK 704VN 705SI 706SO
710ZA 716ZW 724ES 728SS 729SD 732EH 740SR 744SJ 748SZ 752SE 756CH 760SY 762TJ 764TH 768TG 772TK 776TO 780TT 784AE
788TN 792TR 795TM 796TC 798TV 800UG 804UA 807MK 818EG 826GB 831GG 832JE 833IM 834TZ 840US 850VI 854BF 858UY 860UZ
862VE 876WF 882WS 887YE 894ZM`;

export const NUMERIC_TO_ALPHA2: ReadonlyMap<string, string> = new Map(
  NUMERIC.split(/\s+/).map((item) => [item.slice(0, 3), item.slice(3)]),
);

/**
 * Features without an ISO id in world-atlas. Northern Cyprus and Somaliland join the UN member
 * they belong to; Kosovo stays neutral land (no code in the data, so nothing to filter by).
 */
const MERGE_INTO: Readonly<Record<string, string>> = { 'N. Cyprus': 'CY', Somaliland: 'SO' };
const NEUTRAL = new Set(['Kosovo']);
const DROPPED = new Set(['AQ']);

type Props = { name: string };
type Countries = GeometryCollection<Props>;

function atlas(file: string): Topology<{ countries: Countries }> {
  const url = new URL(`../node_modules/world-atlas/${file}`, import.meta.url);
  return JSON.parse(readFileSync(url, 'utf8')) as Topology<{ countries: Countries }>;
}

/** An SVG path context that rounds to the grid, writes relative steps and drops repeated points. */
class PathWriter {
  out = '';
  #ring: [number, number][] = [];

  moveTo(x: number, y: number): void {
    this.#flush();
    this.#ring.push([Math.round(x * STEP), Math.round(y * STEP)]);
  }
  lineTo(x: number, y: number): void {
    const p: [number, number] = [Math.round(x * STEP), Math.round(y * STEP)];
    const last = this.#ring[this.#ring.length - 1];
    if (!last || last[0] !== p[0] || last[1] !== p[1]) this.#ring.push(p);
  }
  closePath(): void {
    this.#flush();
  }
  arc(): void {}
  result(): string {
    this.#flush();
    return this.out;
  }

  #flush(): void {
    const ring = this.#ring;
    this.#ring = [];
    const first = ring[0];
    const last = ring[ring.length - 1];
    if (ring.length > 1 && first[0] === last[0] && first[1] === last[1]) ring.pop();
    // A ring that rounds to fewer than three points has no visible area.
    if (ring.length < 3) return;
    let s = `M${num(first[0])} ${num(first[1])}l`;
    for (let i = 1; i < ring.length; i++) {
      s += pair(ring[i][0] - ring[i - 1][0], ring[i][1] - ring[i - 1][1]);
    }
    this.out += s.replace(/^(M[^l]*)l /, '$1l') + 'z';
  }
}

/** Grid units to the shortest decimal: 5 → ".5", -15 → "-1.5". */
function num(units: number): string {
  const s = String(units / STEP);
  return s.replace(/^(-?)0\./, '$1.');
}

function pair(dx: number, dy: number): string {
  const a = num(dx);
  const b = num(dy);
  return (a.startsWith('-') ? a : ` ${a}`) + (b.startsWith('-') ? b : ` ${b}`);
}

/** The polygon with the largest spherical area: its centroid stays on the mainland (France, USA). */
function largestPart(geometry: Geometry): Polygon | undefined {
  if (geometry.type === 'Polygon') return geometry;
  if (geometry.type !== 'MultiPolygon') return undefined;
  let best: Polygon | undefined;
  let bestArea = -1;
  for (const coordinates of (geometry as MultiPolygon).coordinates) {
    const polygon: Polygon = { type: 'Polygon', coordinates };
    const area = geoArea(polygon);
    if (area > bestArea) [best, bestArea] = [polygon, area];
  }
  return best;
}

const nameOf = (g: GeometryObject<Props>) => (g.properties as Props | undefined)?.name ?? '';

function geometryOf(topo: Topology, g: GeometryObject<Props>): Geometry {
  return (feature(topo, g as GeometryObject) as Feature).geometry;
}

function codeOf(geometry: GeometryObject<Props>): string | undefined {
  return geometry.id === undefined ? undefined : NUMERIC_TO_ALPHA2.get(String(geometry.id).padStart(3, '0'));
}

const round1 = (n: number) => Math.round(n * 10) / 10;

export function buildWorld(): WorldAsset {
  const topo = atlas('countries-110m.json');
  const geometries = topo.objects.countries.geometries;

  const byCode = new Map<string, GeometryObject<Props>[]>();
  const neutral: GeometryObject<Props>[] = [];
  for (const g of geometries) {
    const code = codeOf(g) ?? MERGE_INTO[nameOf(g)];
    if (code && DROPPED.has(code)) continue;
    if (!code) {
      if (NEUTRAL.has(nameOf(g))) neutral.push(g);
      else throw new Error(`world-atlas feature without a code: ${nameOf(g)}`);
      continue;
    }
    if (!isCountryCode(code)) throw new Error(`${code} is not in src/data/countries.ts`);
    byCode.set(code, [...(byCode.get(code) ?? []), g]);
  }

  const shapes = new Map<string, Feature>();
  for (const [code, parts] of byCode) {
    // merge() dissolves shared borders, so a joined feature has no seam.
    const geometry: Geometry =
      parts.length === 1 ? geometryOf(topo, parts[0]) : merge(topo, parts as unknown as Parameters<typeof merge>[1]);
    shapes.set(code, { type: 'Feature', properties: {}, geometry });
  }

  const all: FeatureCollection = { type: 'FeatureCollection', features: [...shapes.values()] };
  const projection = geoEqualEarth().fitSize([WIDTH, MAX_HEIGHT], all);
  const [[, top], [, bottom]] = geoPath(projection).bounds(all);
  // Crop the empty bands that fitting a wide world into 960×500 leaves.
  const [tx, ty] = projection.translate();
  projection.translate([tx, ty - Math.floor(top)]);
  const height = Math.ceil(bottom - Math.floor(top));

  const pathOf = (object: GeoPermissibleObjects): string => {
    const writer = new PathWriter();
    geoPath(projection, writer as unknown as CanvasRenderingContext2D)(object);
    return writer.result();
  };
  const centroid = new (class {
    path = geoPath(projection);
    of(geometry: Geometry): [number, number] {
      const [x, y] = this.path.centroid(largestPart(geometry) ?? geometry);
      return [round1(x), round1(y)];
    }
  })();

  const c: Record<string, string> = {};
  const p: Record<string, [number, number]> = {};
  for (const code of [...shapes.keys()].sort()) {
    const geometry = shapes.get(code)!.geometry;
    const d = pathOf(geometry);
    if (!d) continue;
    c[code] = d;
    p[code] = centroid.of(geometry);
  }

  // Small states (Singapore, Malta, most islands) only exist at 1:50m; they become dots.
  const fine = atlas('countries-50m.json');
  const small = new Map<string, Geometry>();
  for (const g of fine.objects.countries.geometries) {
    const code = codeOf(g);
    if (!code || c[code] || DROPPED.has(code) || !isCountryCode(code)) continue;
    const geometry = geometryOf(fine, g);
    const previous = small.get(code);
    // Some codes have several features (Australia's territories): keep the largest.
    if (!previous || geoArea(geometry) > geoArea(previous)) small.set(code, geometry);
  }
  const d: string[] = [];
  for (const code of [...small.keys()].sort()) {
    const [x, y] = centroid.of(small.get(code)!);
    if (!Number.isFinite(x) || !Number.isFinite(y) || y < 0 || y > height) continue;
    p[code] = [x, y];
    d.push(code);
  }

  const x = neutral.map((g) => pathOf(geometryOf(topo, g))).join('');
  return { w: WIDTH, h: height, c, p, d, x };
}

function main(): void {
  const out = process.argv[2] ?? fileURLToPath(new URL('../dist/wsis-world.json', import.meta.url));
  const world = buildWorld();
  const json = JSON.stringify(world);
  mkdirSync(dirname(out), { recursive: true });
  writeFileSync(out, json);
  const gz = gzipSync(json, { level: 9 }).length;
  const kb = (n: number) => `${(n / 1000).toFixed(1)} kB`;
  console.log(
    `${out}: ${Object.keys(world.c).length} countries, ${world.d.length} dots, ` +
      `${world.w}×${world.h}; ${kb(json.length)} raw, ${kb(gz)} gzip`,
  );
  if (gz > 40 * 1000) {
    console.error('wsis-world.json is over its 40 kB gzip budget');
    process.exitCode = 1;
  }
}

if (process.argv[1] && fileURLToPath(import.meta.url) === process.argv[1]) main();
