import { AppConfig } from '../core/config/app-config';
import { createLevelCodeMap } from '../domain/levels/level-code-map';
import { MappingContext } from '../fhir-mapping/mapping-context';

/**
 * What the mappers need from the program's configuration: its own level-of-care codes on top of
 * the built-in ones (validated at start-up, so no errors are left to report here).
 */
export function mappingContextOf(config: Pick<AppConfig, 'codeMaps'>): MappingContext {
  const entries = config.codeMaps.levelOfCare ?? [];
  return entries.length ? { levelCodeMap: createLevelCodeMap({ entries }).map } : {};
}
