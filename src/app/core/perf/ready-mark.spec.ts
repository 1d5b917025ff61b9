import { ChangeDetectionStrategy, Component, signal } from '@angular/core';
import { TestBed } from '@angular/core/testing';
import { markWhenReady } from './ready-mark';

const ready = signal(false);

@Component({ template: '', changeDetection: ChangeDetectionStrategy.OnPush })
class Page {
  constructor() {
    markWhenReady('spec-page', ready);
  }
}

describe('markWhenReady', () => {
  beforeEach(() => performance.clearMarks('waypoint:spec-page-ready'));

  it('marks once, on the first render after the data are ready', async () => {
    const fixture = TestBed.createComponent(Page);
    await fixture.whenStable();
    expect(performance.getEntriesByName('waypoint:spec-page-ready').length).toBe(0);
    ready.set(true);
    await fixture.whenStable();
    expect(performance.getEntriesByName('waypoint:spec-page-ready').length).toBe(1);
    ready.set(false);
    ready.set(true);
    await fixture.whenStable();
    expect(performance.getEntriesByName('waypoint:spec-page-ready').length).toBe(1);
  });
});
