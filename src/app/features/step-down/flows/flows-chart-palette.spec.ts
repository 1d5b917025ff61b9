import {
  FLOW_ALPHA,
  FLOW_KIND_ORDER,
  FlowsPalette,
  flowsPalette,
  withAlpha,
} from './flows-chart-palette';

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

function contrast(a: [number, number, number], b: [number, number, number]): number {
  const [hi, lo] = [luminance(a), luminance(b)].sort((x, y) => y - x);
  return (hi + 0.05) / (lo + 0.05);
}

/** A colour at an opacity as it lands on a surface. */
function over(hex: string, alpha: number, surface: string): [number, number, number] {
  const [f, s] = [rgb(hex), rgb(surface)];
  return [0, 1, 2].map((i) => Math.round(alpha * f[i] + (1 - alpha) * s[i])) as [
    number,
    number,
    number,
  ];
}

function solidMarks(p: FlowsPalette): Record<string, string> {
  return {
    node: p.node,
    axis: p.axis,
    expected: p.expected,
    whisker: p.whisker,
    box: p.box,
    median: p.median,
    ...Object.fromEntries(Object.entries(p.kinds).map(([k, v]) => [`kind ${k}`, v])),
  };
}

describe('flowsPalette', () => {
  for (const dark of [false, true]) {
    const palette = flowsPalette(dark);
    const scheme = dark ? 'dark' : 'light';
    const surface = rgb(palette.surface);

    it(`keeps ${scheme} marks at 3:1 and text at 4.5:1 against the surface`, () => {
      expect(palette.surface).toBe(dark ? '#1e1e1e' : '#ffffff');
      for (const [name, colour] of Object.entries(solidMarks(palette))) {
        expect(contrast(rgb(colour), surface))
          .withContext(`${scheme} ${name} ${colour}`)
          .toBeGreaterThanOrEqual(3);
      }
      expect(contrast(rgb(palette.text), surface)).toBeGreaterThanOrEqual(4.5);
    });

    it(`keeps ${scheme} flows at 3:1 at the opacity they are drawn with`, () => {
      for (const kind of FLOW_KIND_ORDER) {
        const drawn = over(palette.kinds[kind], FLOW_ALPHA, palette.surface);
        expect(contrast(drawn, surface)).withContext(`${scheme} ${kind}`).toBeGreaterThanOrEqual(3);
      }
    });

    it(`tells the five ${scheme} move kinds apart by lightness, not hue alone`, () => {
      const kinds = FLOW_KIND_ORDER.map((k) => palette.kinds[k]);
      expect(new Set(kinds).size).toBe(5);
      for (let i = 0; i < kinds.length; i++)
        for (let j = i + 1; j < kinds.length; j++) {
          expect(contrast(rgb(kinds[i]), rgb(kinds[j])))
            .withContext(`${FLOW_KIND_ORDER[i]} vs ${FLOW_KIND_ORDER[j]}`)
            .toBeGreaterThanOrEqual(1.2);
        }
    });

    it(`draws the ${scheme} median so it stands out on the box`, () => {
      expect(contrast(rgb(palette.median), rgb(palette.boxFill))).toBeGreaterThanOrEqual(4.5);
    });
  }
});

describe('withAlpha', () => {
  it('turns #rrggbb into rgba at an opacity', () => {
    expect(withAlpha('#11529d', 0.8)).toBe('rgba(17, 82, 157, 0.8)');
  });
});
