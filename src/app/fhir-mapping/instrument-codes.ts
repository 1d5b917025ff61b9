/**
 * Which instrument, and which part of it (total, panel or item), a coding names: the program's
 * local codes first, then the catalogue's LOINC and local codes, alternates (CMS MDS) included.
 */
import { instrumentForCoding, itemForCode } from '../domain/instruments/instrument-catalogue';
import { InstrumentDefinition } from '../domain/instruments/instrument';
import { Coding } from './fhir-types';
import { ResolvedContext } from './mapping-context';
import { text } from './read';

export type InstrumentPart =
  | { readonly instrument: InstrumentDefinition; readonly kind: 'total' | 'panel' }
  | { readonly instrument: InstrumentDefinition; readonly kind: 'item'; readonly item: string };

/**
 * Answers per context, by system and code: a batch asks about the same few dozen codings for
 * every item of every administration (nine for each PHQ-9), and each answer scans the catalogue.
 */
const answers = new WeakMap<
  ResolvedContext,
  Map<string | undefined, Map<string, InstrumentPart | null>>
>();

export function matchInstrumentCoding(
  coding: Coding,
  ctx: ResolvedContext,
): InstrumentPart | undefined {
  const code = text(coding.code);
  if (code === undefined) return undefined;
  const system = text(coding.system);
  let bySystem = answers.get(ctx);
  if (!bySystem) answers.set(ctx, (bySystem = new Map()));
  let byCode = bySystem.get(system);
  if (!byCode) bySystem.set(system, (byCode = new Map()));
  const answer = byCode.get(code);
  if (answer !== undefined) return answer ?? undefined;
  const found =
    localMatch(system, code, ctx) ??
    instrumentForCoding(system, code, ctx.catalogue) ??
    itemMatch(system, code, ctx.catalogue);
  byCode.set(code, found ?? null);
  return found;
}

/** The first coding (in the server's order) that names a known instrument part. */
export function matchInstrumentCodings(
  codings: readonly Coding[],
  ctx: ResolvedContext,
): InstrumentPart | undefined {
  for (const coding of codings) {
    const match = matchInstrumentCoding(coding, ctx);
    if (match) return match;
  }
  return undefined;
}

function localMatch(
  system: string | undefined,
  code: string,
  ctx: ResolvedContext,
): InstrumentPart | undefined {
  const entry = ctx.localInstrumentCodes.find((e) => e.system === system && e.code === code);
  const instrument = entry && ctx.catalogue.find((i) => i.id === entry.instrumentId);
  if (!entry || !instrument) return undefined;
  if (entry.kind !== 'item') return { instrument, kind: entry.kind };
  return entry.item ? { instrument, kind: 'item', item: entry.item } : undefined;
}

function itemMatch(
  system: string | undefined,
  code: string,
  catalogue: readonly InstrumentDefinition[],
): InstrumentPart | undefined {
  for (const instrument of catalogue) {
    if (system !== undefined && system !== instrument.codes.system) continue;
    const item = itemForCode(instrument, code);
    if (item) return { instrument, kind: 'item', item };
  }
  return undefined;
}
