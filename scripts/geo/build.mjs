// Converts the province boundaries in shared/data/geo (TopoJSON, ~650 KB each, not simplified) into the small
// GeoJSON files the app ships: data/geo/provinces_34.json and provinces_63.json. Run by hand; output is committed.
//
//   node scripts/geo/build.mjs [path/to/shared/data/geo] [path/to/provinces_63_to_34.csv]
//
// Simplification works on TopoJSON arcs, so shared borders stay identical on both sides (no gaps or slivers),
// and every ring is kept, however small: the islands of Hoàng Sa (in Đà Nẵng) and Trường Sa (in Khánh Hòa)
// are hundreds of tiny rings that a size threshold would delete. The feature property `name` is the province
// name the app's data uses (data/ref/provinces_63_to_34.csv), joined on normalised names; any name left
// unmatched on either side stops the build.
import fs from 'node:fs';
import path from 'node:path';
import ts from 'typescript';

const root = path.resolve(import.meta.dirname, '../..');
const geoDir = path.resolve(process.argv[2] ?? path.join(root, '../shared/data/geo'));
const refCsv = path.resolve(process.argv[3] ?? path.join(root, 'data/ref/provinces_63_to_34.csv'));
const outDir = path.join(root, 'data/geo');

/** Degrees. ~1 km: below a pixel when the whole country fills a 600 px chart. */
const TOLERANCE = 0.01;
/** Decimal places kept: 3 ≈ 110 m. */
const DECIMALS = 3;

// The same name rules as the app (one source of truth): transpile vnNames.ts (it imports nothing) on the fly.
const namesTs = fs.readFileSync(path.join(root, 'src/domain/vnNames.ts'), 'utf8');
const namesJs = ts.transpileModule(namesTs, { compilerOptions: { module: ts.ModuleKind.ESNext, target: ts.ScriptTarget.ES2022 } }).outputText;
const { joinProvinceNames } = await import('data:text/javascript;base64,' + Buffer.from(namesJs).toString('base64'));

/** The app's province names for each view, from the reference table it loads at start. */
function appNames() {
  const lines = fs
    .readFileSync(refCsv, 'utf8')
    .replace(/^\uFEFF/, '')
    .trim()
    .split(/\r?\n/);
  const header = lines[0].split(',');
  const oldCol = header.indexOf('old_province');
  const newCol = header.indexOf('new_unit_2025');
  const rows = lines.slice(1).map((l) => l.split(','));
  return { 63: [...new Set(rows.map((r) => r[oldCol]))], 34: [...new Set(rows.map((r) => r[newCol]))] };
}

/** TopoJSON arcs → absolute coordinates (delta-decoding, then the quantisation transform). */
function decodeArcs(topo) {
  const {
    scale: [sx, sy],
    translate: [tx, ty],
  } = topo.transform;
  return topo.arcs.map((arc) => {
    let x = 0;
    let y = 0;
    return arc.map(([dx, dy]) => {
      x += dx;
      y += dy;
      return [x * sx + tx, y * sy + ty];
    });
  });
}

/** Douglas–Peucker on one arc; the end points always stay (they are where arcs meet). */
function simplify(points, tol) {
  if (points.length <= 2) return points;
  const keep = new Uint8Array(points.length);
  keep[0] = keep[points.length - 1] = 1;
  const stack = [[0, points.length - 1]];
  while (stack.length) {
    const [a, b] = stack.pop();
    const [ax, ay] = points[a];
    const [bx, by] = points[b];
    const dx = bx - ax;
    const dy = by - ay;
    const len2 = dx * dx + dy * dy;
    let worst = -1;
    let worstD = 0;
    for (let i = a + 1; i < b; i++) {
      const [px, py] = points[i];
      // Distance to the segment (to the point, when the arc is closed and a === b in space).
      let t = len2 ? ((px - ax) * dx + (py - ay) * dy) / len2 : 0;
      t = Math.max(0, Math.min(1, t));
      const d = Math.hypot(px - (ax + t * dx), py - (ay + t * dy));
      if (d > worstD) {
        worstD = d;
        worst = i;
      }
    }
    if (worst >= 0 && worstD > tol) {
      keep[worst] = 1;
      stack.push([a, worst], [worst, b]);
    }
  }
  return points.filter((_, i) => keep[i]);
}

const round = (v) => Math.round(v * 10 ** DECIMALS) / 10 ** DECIMALS;

/** Ring from arc indices (~i = arc i reversed), dropping the point each arc shares with the previous one. */
function ring(indices, arcs) {
  const out = [];
  indices.forEach((i, n) => {
    const pts = i < 0 ? [...arcs[~i]].reverse() : arcs[i];
    out.push(...(n === 0 ? pts : pts.slice(1)));
  });
  return out;
}

const distinct = (pts) => new Set(pts.map(([x, y]) => `${x},${y}`)).size;

/**
 * A ring after simplification and rounding. An islet can collapse to a line or a point; then it is rebuilt from
 * the full arcs at 4 decimals with a few evenly spaced points, so it still draws (a dot on the national map).
 */
function buildRing(indices, simple, full, stats) {
  let pts = ring(indices, simple).map(([x, y]) => [round(x), round(y)]);
  pts = pts.filter((p, i) => i === 0 || p[0] !== pts[i - 1][0] || p[1] !== pts[i - 1][1]);
  if (distinct(pts) >= 3) return pts;
  stats.rescued++;
  const orig = ring(indices, full);
  const step = Math.max(1, Math.floor((orig.length - 1) / 6));
  const sample = orig.filter((_, i) => i % step === 0 || i === orig.length - 1).map(([x, y]) => [Math.round(x * 1e4) / 1e4, Math.round(y * 1e4) / 1e4]);
  sample[sample.length - 1] = sample[0];
  return sample;
}

function convert(file, view, names) {
  const topo = JSON.parse(fs.readFileSync(path.join(geoDir, file), 'utf8'));
  const object = Object.values(topo.objects)[0];
  const full = decodeArcs(topo);
  const simple = full.map((a) => simplify(a, TOLERANCE));
  const featureNames = object.geometries.map((g) => g.properties.ten_tinh);
  const join = joinProvinceNames(featureNames, names);
  const problems = [
    ...join.unmatchedFeatures.map((n) => `boundary feature without a province in the data: "${n}"`),
    ...join.unmatchedData.map((n) => `province in the data without a boundary: "${n}"`),
    ...join.duplicates.map((k) => `two names give the key "${k}"`),
  ];
  if (problems.length || join.pairs.size !== names.length) {
    for (const p of problems) console.error(`${view}: ${p}`);
    throw new Error(`${file}: ${problems.length} name problem(s); ${join.pairs.size} of ${names.length} provinces matched`);
  }
  const stats = { rings: 0, rescued: 0, vertices: 0 };
  const features = object.geometries.map((g) => {
    const polys = g.type === 'Polygon' ? [g.arcs] : g.arcs;
    const coordinates = polys.map((poly) => poly.map((r) => buildRing(r, simple, full, stats)));
    for (const p of coordinates)
      for (const r of p) {
        stats.rings++;
        stats.vertices += r.length;
      }
    return {
      type: 'Feature',
      properties: { name: join.pairs.get(g.properties.ten_tinh) },
      geometry: coordinates.length === 1 ? { type: 'Polygon', coordinates: coordinates[0] } : { type: 'MultiPolygon', coordinates },
    };
  });
  features.sort((a, b) => a.properties.name.localeCompare(b.properties.name, 'vi'));
  const out = path.join(outDir, `provinces_${view}.json`);
  fs.mkdirSync(outDir, { recursive: true });
  fs.writeFileSync(out, JSON.stringify({ type: 'FeatureCollection', features }));
  console.log(
    `${path.relative(root, out)}: ${features.length} provinces, ${stats.rings} rings (${stats.rescued} islets rebuilt), ${stats.vertices} vertices, ${fs.statSync(out).size} bytes`,
  );
  return features;
}

const names = appNames();
convert('diaphantinhvn_merged_from_geojson.json', '34', names['34']);
convert('diaphantinh_63_fixednames.json', '63', names['63']);
