// What a new import creates, from the address: `?entity=targets` (the targets list's "Import
// Target") starts a targets import; anything else a leads import.
import type { ImportEntity } from '../../api/imports';

export const entityParam = (search: URLSearchParams): ImportEntity =>
  search.get('entity') === 'targets' ? 'targets' : 'leads';

/** The wizard's address for a new import of `entity`. */
export const newImportPath = (entity: ImportEntity) => `/imports/new${entity === 'targets' ? '?entity=targets' : ''}`;
