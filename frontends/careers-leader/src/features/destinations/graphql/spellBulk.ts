import {
  ImportActivitySpellsDocument,
  PreviewActivitySpellImportDocument,
  RecordActivitySpellsDocument,
  type SpellImportFieldsFragment,
} from '../../../gql/graphql';

// The documents are in spellBulk.graphql; these are their typed texts (frontends/README.md).
export const RECORD_ACTIVITY_SPELLS_MUTATION = RecordActivitySpellsDocument.toString();
export const PREVIEW_ACTIVITY_SPELL_IMPORT_MUTATION = PreviewActivitySpellImportDocument.toString();
export const IMPORT_ACTIVITY_SPELLS_MUTATION = ImportActivitySpellsDocument.toString();

export type { RecordActivitySpellsInput } from '../../../gql/graphql';
export type SpellImportView = SpellImportFieldsFragment;
