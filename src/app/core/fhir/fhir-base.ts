import { DOCUMENT, Injectable, inject } from '@angular/core';
import { APP_CONFIG } from '../config/app-config';

/** Where a `next` link leads: a URL on the configured base, or why it is not followed. */
export type LinkTarget =
  { readonly ok: true; readonly url: string } | { readonly ok: false; readonly reason: string };

/**
 * The configured FHIR base, resolved to an absolute URL. `fhirBaseUrl` may be a path such as
 * `/fhir` (the app reaches the server through a same-origin proxy), so it is resolved against
 * the document's base URI; every request the client sends names the resolved URL, and the
 * interceptors recognise FHIR requests with `contains()`.
 */
@Injectable({ providedIn: 'root' })
export class FhirBase {
  private readonly document = inject(DOCUMENT);
  private readonly configured = inject(APP_CONFIG).fhirBaseUrl;
  private readonly resolved = new URL(this.configured, this.documentBase());

  /** True when the configuration named a path, so the server is seen through a proxy. */
  readonly relative = !/^[a-z][a-z\d+.-]*:/i.test(this.configured);
  readonly origin = this.resolved.origin;
  /** The base path without its trailing slash, e.g. `/fhir` ('' for a server at the root). */
  readonly path = this.resolved.pathname.replace(/\/+$/, '');
  /** The absolute base without a trailing slash, e.g. `https://host/fhir`. */
  readonly href = `${this.origin}${this.path}`;

  /** An absolute URL under the base: `url('Patient', '123')` → `https://host/fhir/Patient/123`. */
  url(...segments: string[]): string {
    return [this.href, ...segments.map(encodeURIComponent)].join('/');
  }

  /** Whether a request URL (absolute or relative to the document) goes to the FHIR base. */
  contains(url: string): boolean {
    let target: URL;
    try {
      target = new URL(url, this.documentBase());
    } catch {
      return false;
    }
    return target.origin === this.origin && this.underPath(target.pathname);
  }

  /**
   * Where to fetch a paging link. Servers write absolute links with the base they believe they
   * have: behind a proxy (ng serve's, or a gateway) that is not the origin the app uses, so the
   * path and query are followed on the configured base instead. A link is refused when it
   * leaves the FHIR endpoint (another path) or, for an absolute configured base, names another
   * host: the app then never sends its token anywhere but the configured server.
   * `serverBase` (the CapabilityStatement's implementation.url) lets a proxy that also
   * rewrites the path be followed.
   */
  followLink(link: string, serverBase?: string): LinkTarget {
    let target: URL;
    try {
      target = new URL(link, `${this.href}/`);
    } catch {
      return { ok: false, reason: 'The server sent a paging link that is not a URL.' };
    }
    const declared = serverBase?.replace(/\/+$/, '');
    const plain = `${target.origin}${target.pathname}`;
    if (
      declared &&
      declared !== this.href &&
      (plain === declared || plain.startsWith(`${declared}/`))
    )
      return { ok: true, url: `${this.href}${plain.slice(declared.length)}${target.search}` };
    if (!this.underPath(target.pathname))
      return {
        ok: false,
        reason: `The server's next-page link leaves the FHIR endpoint (${target.host}${target.pathname}); paging stopped.`,
      };
    if (target.origin === this.origin) return { ok: true, url: target.href };
    if (this.relative || target.hostname === this.resolved.hostname)
      return { ok: true, url: `${this.origin}${target.pathname}${target.search}` };
    return {
      ok: false,
      reason: `The server's next-page link points to another host (${target.host}); paging stopped.`,
    };
  }

  private underPath(pathname: string): boolean {
    const path = pathname.replace(/\/+$/, '');
    return path === this.path || pathname.startsWith(`${this.path}/`);
  }

  private documentBase(): string {
    return this.document.baseURI || this.document.location?.href || 'http://localhost/';
  }
}
