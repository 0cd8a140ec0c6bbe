/**
 * Pictures for the demo magazine, drawn here as SVG and rasterised by sharp:
 * abstract compositions seeded by a word, so the same motif always gives the
 * same picture. No photo is bundled and nothing is fetched.
 */
import { createHash } from 'node:crypto';

const PALETTES = [
  ['#1d3557', '#457b9d', '#a8dadc', '#f1faee', '#e63946'],
  ['#264653', '#2a9d8f', '#e9c46a', '#f4a261', '#e76f51'],
  ['#2b2d42', '#8d99ae', '#edf2f4', '#ef233c', '#d90429'],
  ['#3d405b', '#81b29a', '#f2cc8f', '#e07a5f', '#f4f1de'],
  ['#0b3954', '#087e8b', '#bfd7ea', '#ff5a5f', '#c81d25'],
  ['#283618', '#606c38', '#fefae0', '#dda15e', '#bc6c25'],
  ['#22223b', '#4a4e69', '#9a8c98', '#c9ada7', '#f2e9e4'],
  ['#003049', '#d62828', '#f77f00', '#fcbf49', '#eae2b7'],
] as const;

/** A small deterministic random source from the motif's hash. */
function randomFrom(seed: string): () => number {
  let state = createHash('sha256').update(seed).digest().readUInt32LE(0) || 1;
  return () => {
    state ^= state << 13;
    state ^= state >>> 17;
    state ^= state << 5;
    return ((state >>> 0) % 100000) / 100000;
  };
}

export function demoPictureSvg(motif: string, width = 1600, height = 900): string {
  const rand = randomFrom(motif);
  const palette = PALETTES[Math.floor(rand() * PALETTES.length)] ?? PALETTES[0];
  const pick = (): string => palette[Math.floor(rand() * palette.length)] ?? palette[0];
  const shapes: string[] = [];
  // A horizon, hills or water bands, then suns and geometric structures.
  const horizon = Math.round(height * (0.45 + rand() * 0.25));
  for (let i = 0; i < 4; i++) {
    const y = horizon + i * Math.round(height * 0.08);
    const amp = 20 + rand() * 60;
    shapes.push(
      `<path d="M0 ${y} C ${width * 0.3} ${y - amp}, ${width * 0.6} ${y + amp}, ${width} ${y - amp / 2} L ${width} ${height} L 0 ${height} Z" fill="${pick()}" opacity="${(0.55 + rand() * 0.4).toFixed(2)}"/>`,
    );
  }
  const suns = 1 + Math.floor(rand() * 2);
  for (let i = 0; i < suns; i++) {
    shapes.push(
      `<circle cx="${Math.round(rand() * width)}" cy="${Math.round(rand() * horizon * 0.8)}" r="${Math.round(60 + rand() * 160)}" fill="${pick()}" opacity="${(0.6 + rand() * 0.35).toFixed(2)}"/>`,
    );
  }
  const bars = 3 + Math.floor(rand() * 6);
  for (let i = 0; i < bars; i++) {
    const w = 20 + rand() * 90;
    const h = 80 + rand() * 320;
    const x = rand() * (width - w);
    shapes.push(
      `<rect x="${x.toFixed(0)}" y="${(horizon - h + 40).toFixed(0)}" width="${w.toFixed(0)}" height="${h.toFixed(0)}" fill="${pick()}" opacity="0.85"/>`,
    );
  }
  const lines = 2 + Math.floor(rand() * 4);
  for (let i = 0; i < lines; i++) {
    shapes.push(
      `<line x1="${(rand() * width).toFixed(0)}" y1="${(rand() * height).toFixed(0)}" x2="${(rand() * width).toFixed(0)}" y2="${(rand() * height).toFixed(0)}" stroke="${pick()}" stroke-width="${(3 + rand() * 10).toFixed(0)}" opacity="0.7"/>`,
    );
  }
  const [top, bottom] = [pick(), pick()];
  return `<svg xmlns="http://www.w3.org/2000/svg" width="${width}" height="${height}" viewBox="0 0 ${width} ${height}">
<defs><linearGradient id="sky" x1="0" y1="0" x2="0" y2="1"><stop offset="0" stop-color="${top}"/><stop offset="1" stop-color="${bottom}"/></linearGradient></defs>
<rect width="${width}" height="${height}" fill="url(#sky)"/>
${shapes.join('\n')}
</svg>`;
}
