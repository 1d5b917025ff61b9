import { ChangeDetectionStrategy, Component } from '@angular/core';
import { TestBed } from '@angular/core/testing';
import { Title } from '@angular/platform-browser';
import { TitleStrategy, provideRouter } from '@angular/router';
import { RouterTestingHarness } from '@angular/router/testing';
import { PageTitleStrategy } from './page-title-strategy';

@Component({ template: '', changeDetection: ChangeDetectionStrategy.OnPush })
class Blank {}

describe('PageTitleStrategy', () => {
  beforeEach(() => {
    TestBed.configureTestingModule({
      providers: [
        provideRouter([
          { path: 'caseload', title: 'Caseload', component: Blank },
          { path: 'untitled', component: Blank },
        ]),
        { provide: TitleStrategy, useClass: PageTitleStrategy },
      ],
    });
  });

  it('puts the page before the product name', async () => {
    const harness = await RouterTestingHarness.create();
    await harness.navigateByUrl('/caseload');
    expect(TestBed.inject(Title).getTitle()).toBe('Caseload · Waypoint');
  });

  it('falls back to the product name for untitled routes', async () => {
    const harness = await RouterTestingHarness.create();
    await harness.navigateByUrl('/untitled');
    expect(TestBed.inject(Title).getTitle()).toBe('Waypoint');
  });
});
