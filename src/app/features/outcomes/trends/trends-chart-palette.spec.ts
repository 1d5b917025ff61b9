import { LEVELS } from '../../../domain/levels/level-of-care';
import { TrendsPalette, trendsPalette, withAlpha } from './trends-chart-palette';

function rgb(hex: string): [number, number, number] {
  const n = parseInt(hex.slice(1), 16);
  return [n >> 16, (n >> 8) & 255, n & 255];
}

/** WCAG 2 relative luminance. */
function luminance([r, g, b]: [number, number, number]): number {
  const [lr, lg, lb] = [r, g, b].map((v) => {
    const c = v / 255;
    return c <= 0.03928 ? c / 12.92 : ((c + 0.055) / 1.055) ** 2.4;
  });
  return 0.2126 * lr + 0.7152 * lg + 0.0722 * lb;
}

function contrast(a: string, b: string): number {
  const [hi, lo] = [luminance(rgb(a)), luminance(rgb(b))].sort((x, y) => y - x);
  return (hi + 0.05) / (lo + 0.05);
}

/** Every colour that carries meaning: rate lines and points, level boundaries, the axis. */
function meaningful(p: TrendsPalette): Record<string, string> {
  return {
    axis: p.axis,
    ...Object.fromEntries(Object.entries(p.rates).map(([k, v]) => [`rate ${k}`, v])),
    ...Object.fromEntries(Object.entries(p.levels).map(([k, v]) => [`level ${k}`, v])),
  };
}

describe('trendsPalette', () => {
  it('checks contrast the WCAG way', () => {
    // Sanity of the helper itself: black on white is 21:1, a colour on itself 1:1.
    expect(contrast('#000000', '#ffffff')).toBeCloseTo(21, 5);
    expect(contrast('#1565c0', '#1565c0')).toBe(1);
  });

  for (const dark of [false, true]) {
    const palette = trendsPalette(dark);
    const scheme = dark ? 'dark' : 'light';

    it(`keeps ${scheme} lines and points at 3:1 and text at 4.5:1 against the surface`, () => {
      expect(palette.surface).toBe(dark ? '#1e1e1e' : '#ffffff');
      for (const [name, colour] of Object.entries(meaningful(palette))) {
        expect(contrast(colour, palette.surface))
          .withContext(`${scheme} ${name} ${colour}`)
          .toBeGreaterThanOrEqual(3);
      }
      expect(contrast(palette.text, palette.surface)).toBeGreaterThanOrEqual(4.5);
    });

    it(`gives the four ${scheme} rates four colours`, () => {
      expect(new Set(Object.values(palette.rates)).size).toBe(4);
    });

    it(`tells ${scheme} neighbouring levels apart by lightness, not hue alone`, () => {
      const ladder = LEVELS.map((d) => palette.levels[d.level]);
      expect(new Set(ladder).size).toBe(LEVELS.length);
      ladder.slice(1).forEach((colour, i) => {
        expect(contrast(colour, ladder[i]))
          .withContext(`${LEVELS[i].level} next to ${LEVELS[i + 1].level}`)
          .toBeGreaterThanOrEqual(1.2);
      });
    });

    it(`keeps ${scheme} interval bands and areas translucent`, () => {
      expect(palette.bandAlpha).toBeGreaterThan(0);
      expect(palette.bandAlpha).toBeLessThanOrEqual(0.2);
      expect(palette.areaAlpha).toBeGreaterThan(palette.bandAlpha);
      expect(palette.areaAlpha).toBeLessThan(1);
    });
  }
});

describe('withAlpha', () => {
  it('turns #rrggbb into rgba at an opacity', () => {
    expect(withAlpha('#1565c0', 0.12)).toBe('rgba(21, 101, 192, 0.12)');
  });
});
