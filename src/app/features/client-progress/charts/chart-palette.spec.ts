import { ChartPalette, chartPalette } from './chart-palette';

/** WCAG 2 relative luminance of a `#rrggbb` colour. */
function luminance(hex: string): number {
  const n = parseInt(hex.slice(1), 16);
  const [r, g, b] = [n >> 16, (n >> 8) & 255, n & 255].map((v) => {
    const c = v / 255;
    return c <= 0.03928 ? c / 12.92 : ((c + 0.055) / 1.055) ** 2.4;
  });
  return 0.2126 * r + 0.7152 * g + 0.0722 * b;
}

function contrast(a: string, b: string): number {
  const [hi, lo] = [luminance(a), luminance(b)].sort((x, y) => y - x);
  return (hi + 0.05) / (lo + 0.05);
}

/** Every colour that carries meaning: lines, markers, bars. */
function meaningful(p: ChartPalette): Record<string, string> {
  return {
    score: p.score,
    expected: p.expected,
    amber: p.amber,
    red: p.red,
    reference: p.reference,
    improved: p.improved,
    deteriorated: p.deteriorated,
    minimum: p.minimum,
    attended: p.attended,
    missed: p.missed,
    ...Object.fromEntries(Object.entries(p.events).map(([k, v]) => [`event ${k}`, v])),
    ...Object.fromEntries(p.modalities.map((v, i) => [`modality ${i}`, v])),
  };
}

describe('chartPalette', () => {
  for (const dark of [false, true]) {
    const palette = chartPalette(dark);
    const scheme = dark ? 'dark' : 'light';

    it(`keeps ${scheme} lines, markers and bars at 3:1 or more against the surface`, () => {
      expect(palette.surface).toBe(dark ? '#1e1e1e' : '#ffffff');
      for (const [name, colour] of Object.entries(meaningful(palette))) {
        expect(contrast(colour, palette.surface))
          .withContext(`${scheme} ${name} ${colour}`)
          .toBeGreaterThanOrEqual(3);
      }
    });

    it(`keeps ${scheme} text at 4.5:1 or more`, () => {
      expect(contrast(palette.text, palette.surface)).toBeGreaterThanOrEqual(4.5);
    });

    it(`grades ${scheme} severity bands from level 0 to 4 as faint tints`, () => {
      expect(palette.bands.length).toBe(5);
      for (const fill of palette.bands) {
        const alpha = Number(/, ([\d.]+)\)$/.exec(fill)?.[1]);
        expect(alpha).toBeGreaterThan(0);
        expect(alpha).toBeLessThanOrEqual(0.2);
      }
      expect(new Set(palette.bands).size).toBe(5);
    });
  }

  it('has one colour per modality, neighbours differing in lightness', () => {
    for (const palette of [chartPalette(false), chartPalette(true)]) {
      expect(palette.modalities.length).toBe(8);
      expect(new Set(palette.modalities).size).toBe(8);
      palette.modalities.slice(1).forEach((colour, i) => {
        const previous = palette.modalities[i];
        expect(contrast(colour, previous))
          .withContext(`${previous} next to ${colour}`)
          .toBeGreaterThan(1.1);
      });
    }
  });
});
