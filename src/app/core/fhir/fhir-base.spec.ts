import { DOCUMENT } from '@angular/core';
import { TestBed } from '@angular/core/testing';
import { FhirBase } from './fhir-base';
import { fhirTestProviders } from './fhir-spec-helpers';

function baseFor(fhirBaseUrl: string): FhirBase {
  TestBed.configureTestingModule({ providers: fhirTestProviders({ fhirBaseUrl }) });
  return TestBed.inject(FhirBase);
}

describe('FhirBase', () => {
  it('resolves a relative base against the document', () => {
    const base = baseFor('/fhir/');
    const origin = new URL(TestBed.inject(DOCUMENT).baseURI).origin;
    expect(base.relative).toBeTrue();
    expect(base.href).toBe(`${origin}/fhir`);
    expect(base.url('Patient', 'a b')).toBe(`${origin}/fhir/Patient/a%20b`);
    expect(base.contains('/fhir/Patient?name=x')).toBeTrue();
    expect(base.contains(`${origin}/fhir`)).toBeTrue();
    expect(base.contains('/fhirish/Patient')).toBeFalse();
    expect(base.contains('/config.json')).toBeFalse();
    expect(base.contains('https://auth.example.org/fhir/Patient')).toBeFalse();
  });

  it('follows a relative-base paging link from the proxied server on the configured origin', () => {
    const base = baseFor('/fhir');
    const origin = new URL(TestBed.inject(DOCUMENT).baseURI).origin;
    expect(base.followLink('http://127.0.0.1:8080/fhir?_getpages=abc&_getpagesoffset=50')).toEqual({
      ok: true,
      url: `${origin}/fhir?_getpages=abc&_getpagesoffset=50`,
    });
    expect(base.followLink('http://127.0.0.1:8080/other?page=2')).toEqual({
      ok: false,
      reason:
        "The server's next-page link leaves the FHIR endpoint (127.0.0.1:8080/other); paging stopped.",
    });
  });

  it('with an absolute base, follows its own links and those differing by scheme or port only', () => {
    const base = baseFor('https://fhir.example.org/r4');
    expect(base.followLink('https://fhir.example.org/r4/Patient?page=2')).toEqual({
      ok: true,
      url: 'https://fhir.example.org/r4/Patient?page=2',
    });
    expect(base.followLink('http://fhir.example.org:8080/r4?page=2')).toEqual({
      ok: true,
      url: 'https://fhir.example.org/r4?page=2',
    });
    expect(base.followLink('Patient?page=3')).toEqual({
      ok: true,
      url: 'https://fhir.example.org/r4/Patient?page=3',
    });
  });

  it('refuses links to another host, unless it is the base the server declared', () => {
    const base = baseFor('https://fhir.example.org/r4');
    expect(base.followLink('https://elsewhere.example.net/r4?page=2')).toEqual({
      ok: false,
      reason:
        "The server's next-page link points to another host (elsewhere.example.net); paging stopped.",
    });
    expect(
      base.followLink('http://internal:8080/fhir/R4?page=2', 'http://internal:8080/fhir/R4'),
    ).toEqual({ ok: true, url: 'https://fhir.example.org/r4?page=2' });
  });
});
