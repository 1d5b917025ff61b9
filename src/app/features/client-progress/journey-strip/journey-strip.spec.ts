import { TestBed } from '@angular/core/testing';
import { CalendarDay } from '../../../domain/models';
import { JourneyView } from '../progress-view-model';
import { JourneyStrip } from './journey-strip';

const TODAY = '2026-11-28';

/**
 * PHP 14 days → step-down → IOP 40 days → step-up → PHP 12 days, discharged, then readmitted to
 * IOP two months later and still there, with a step-down to weekly outpatient planned.
 */
function journey(): JourneyView {
  return {
    stays: [
      {
        episodeId: 'ep-1',
        level: 'php',
        label: 'PHP',
        levelName: 'Partial hospitalization',
        from: '2026-07-01',
        to: '2026-07-14',
        days: 14,
        duration: '2 wk',
        endReason: 'Stepped down',
        current: false,
        readmission: false,
      },
      {
        episodeId: 'ep-2',
        level: 'iop',
        label: 'IOP',
        levelName: 'Intensive outpatient',
        from: '2026-07-15',
        to: '2026-08-23',
        days: 40,
        duration: '5 wk 5 d',
        endReason: 'Stepped up',
        current: false,
        readmission: false,
      },
      {
        episodeId: 'ep-3',
        level: 'php',
        label: 'PHP',
        levelName: 'Partial hospitalization',
        from: '2026-08-24',
        to: '2026-09-04',
        days: 12,
        duration: '1 wk 5 d',
        endReason: 'Completed',
        current: false,
        readmission: false,
      },
      {
        episodeId: 'ep-4',
        level: 'iop',
        label: 'IOP',
        levelName: 'Intensive outpatient',
        from: '2026-11-03',
        days: 26,
        duration: '3 wk 5 d',
        current: true,
        readmission: true,
      },
    ],
    transitions: [
      { day: '2026-07-01', kind: 'admission', label: 'Admitted to PHP' },
      { day: '2026-07-15', kind: 'step-down', label: 'Step-down to IOP' },
      { day: '2026-08-24', kind: 'step-up', label: 'Step-up to PHP' },
      { day: '2026-11-03', kind: 'readmission', label: 'Readmission to IOP' },
    ],
    readmissions: 1,
    planned: {
      targetLevel: 'outpatient',
      label: 'Planned step-down to Outpatient',
      day: '2026-12-12',
      reason: 'PHQ-9 in remission range for 3 weeks',
    },
    issues: ['Episode ep-0: cancelled episode left out of the journey'],
  };
}

/** The same client before the readmission: discharged from PHP, nothing current or planned. */
function discharged(): JourneyView {
  const full = journey();
  return {
    stays: full.stays.slice(0, 3),
    transitions: [
      ...full.transitions.slice(0, 3),
      { day: '2026-09-05', kind: 'discharge', label: 'Discharged' },
    ],
    readmissions: 0,
    issues: [],
  };
}

describe('JourneyStrip', () => {
  async function render(view: JourneyView, options: { width?: string; today?: CalendarDay } = {}) {
    const fixture = TestBed.createComponent(JourneyStrip);
    const element = fixture.nativeElement as HTMLElement;
    element.style.width = options.width ?? '1200px';
    fixture.componentRef.setInput('journey', view);
    fixture.componentRef.setInput('today', options.today ?? TODAY);
    await fixture.whenStable();
    return { fixture, element };
  }

  const text = (el: Element | null | undefined) =>
    (el?.textContent ?? '').replace(/\s+/g, ' ').replace(/ ,/g, ',').replace(/ :/g, ':').trim();
  const items = (element: HTMLElement) => [...element.querySelectorAll('ol.strip > li')];

  it('reads each stay as one sentence, in time order, as an ordered list', async () => {
    const { element } = await render(journey());
    const stays = [...element.querySelectorAll('ol.strip > li.stay .segment')].map(text);
    expect(stays).toEqual([
      'PHP, 1 Jul 2026 to 14 Jul 2026, 2 wk',
      'IOP, 15 Jul 2026 to 23 Aug 2026, 5 wk 5 d',
      'PHP, 24 Aug 2026 to 4 Sep 2026, 1 wk 5 d',
      'IOP, 3 Nov 2026 to today, 3 wk 5 d, current, Readmission',
    ]);
    expect(element.querySelector('ol.strip')?.getAttribute('aria-label')).toBe(
      'Stays by level of care, oldest first',
    );
    expect(element.querySelector('abbr')?.getAttribute('title')).toBe('Partial hospitalization');
    expect(element.querySelector('li.current time')?.getAttribute('datetime')).toBe(TODAY);
  });

  it('labels each move in words, with an arrow only as decoration', async () => {
    const { element } = await render(journey());
    const moves = items(element)
      .filter((li) => li.classList.contains('stay'))
      .map((li) => [...li.querySelectorAll('.move')].map(text));
    expect(moves).toEqual([
      ['Admitted to PHP:'],
      ['↓ Step-down to IOP:'],
      ['↑ Step-up to PHP:'],
      ['↓ Readmission to IOP:'],
    ]);
    for (const arrow of element.querySelectorAll('.arrow')) {
      expect(arrow.getAttribute('aria-hidden')).toBe('true');
    }
  });

  it('marks the current stay and the readmission in words, not colour alone', async () => {
    const { element } = await render(journey());
    const stays = items(element).filter((li) => li.classList.contains('stay'));
    expect(stays.map((li) => li.classList.contains('current'))).toEqual([
      false,
      false,
      false,
      true,
    ]);
    expect(stays.map((li) => text(li.querySelector('.readmission-tag')))).toEqual([
      '',
      '',
      '',
      'Readmission',
    ]);
    const segment = stays[3].querySelector('.segment')!;
    const border = getComputedStyle(segment).borderLeftWidth;
    expect(parseFloat(border)).toBeGreaterThan(
      parseFloat(getComputedStyle(stays[1].querySelector('.segment')!).borderLeftWidth),
    );
    expect(text(element.querySelector('.readmissions'))).toBe('Readmissions: 1');
  });

  it('shows the planned transition after the current stay as a dashed segment', async () => {
    const { element } = await render(journey());
    const last = items(element).at(-1)!;
    expect(last.classList).toContain('planned');
    expect(text(last)).toBe(
      '↓ Planned step-down to Outpatient on 12 Dec 2026: PHQ-9 in remission range for 3 weeks',
    );
    expect(getComputedStyle(last.querySelector('.segment')!).borderTopStyle).toBe('dashed');
    expect(text(last)).not.toContain('date passed');
  });

  it('says when the planned date has passed without the move', async () => {
    const { element } = await render(journey(), { today: '2026-12-15' });
    expect(text(element.querySelector('li.planned'))).toContain('12 Dec 2026, date passed');
  });

  it('sizes stays in proportion to their days', async () => {
    const { element } = await render(journey());
    const [php, iop] = items(element) as HTMLElement[];
    expect(php.style.flexGrow).toBe('14');
    expect(iop.style.flexGrow).toBe('40');
    const ratio = iop.getBoundingClientRect().width / php.getBoundingClientRect().width;
    expect(ratio).toBeCloseTo(40 / 14, 1);
    // Left to right on a wide screen.
    expect(iop.getBoundingClientRect().left).toBeGreaterThan(php.getBoundingClientRect().left);
  });

  it('keeps a very short stay readable', async () => {
    const view = journey();
    const stays = view.stays.map((s, i) => (i === 2 ? { ...s, days: 2, duration: '2 d' } : s));
    const { element } = await render({ ...view, stays });
    const short = items(element)[2] as HTMLElement;
    expect(short.getBoundingClientRect().width).toBeGreaterThanOrEqual(127);
  });

  it('stacks the stays vertically when it is narrower than 600 px', async () => {
    const { element } = await render(journey(), { width: '400px' });
    const rects = items(element).map((li) => li.getBoundingClientRect());
    expect(rects.length).toBe(5);
    for (let i = 1; i < rects.length; i++) {
      expect(rects[i].left).toBe(rects[0].left);
      expect(rects[i].top).toBeGreaterThanOrEqual(rects[i - 1].bottom);
    }
  });

  it('lists data-quality notes only when there are some', async () => {
    const { element } = await render(journey());
    expect([...element.querySelectorAll('.issues li')].map(text)).toEqual([
      'Episode ep-0: cancelled episode left out of the journey',
    ]);
    TestBed.resetTestingModule();
    const clean = await render(discharged());
    expect(clean.element.querySelector('.issues')).toBeNull();
  });

  it('ends a finished journey with the discharge, without a current stay or readmissions', async () => {
    const { element } = await render(discharged());
    const all = items(element);
    expect(all.length).toBe(4);
    expect(text(all[3])).toBe('Discharged, 5 Sep 2026');
    expect(element.querySelector('li.current')).toBeNull();
    expect(element.querySelector('li.planned')).toBeNull();
    expect(element.querySelector('.readmissions')).toBeNull();
    expect(text(all[2].querySelector('.segment'))).toBe('PHP, 24 Aug 2026 to 4 Sep 2026, 1 wk 5 d');
  });
});
