import { Migration } from '@mikro-orm/migrations';

export class Migration20261206173618 extends Migration {

  override name = 'Migration20261206173618';

  override up(): void | Promise<void> {
    this.addSql(`drop policy "tenant" on "account";`);

    this.addSql(`drop policy "tenant" on "api_credential";`);

    this.addSql(`create policy "tenant" on "account" using (((select current_setting('waymark.bypass', true) as current_setting) = 'on') or ("school_id" = any((select string_to_array(nullif(current_setting('waymark.schools', true), ''), ',')::uuid[] as string_to_array)::uuid[])) or ("pupil_id" = any((select string_to_array(nullif(current_setting('waymark.pupils', true), ''), ',')::uuid[] as string_to_array)::uuid[])) or ("child_pupil_ids" && (select string_to_array(nullif(current_setting('waymark.pupils', true), ''), ',')::uuid[] as string_to_array)::uuid[] and (select nullif(current_setting('waymark.schools', true), '') as "nullif") is not null)) with check (((select current_setting('waymark.bypass', true) as current_setting) = 'on') or ("school_id" = any((select string_to_array(nullif(current_setting('waymark.schools', true), ''), ',')::uuid[] as string_to_array)::uuid[])) or ("pupil_id" = any((select string_to_array(nullif(current_setting('waymark.pupils', true), ''), ',')::uuid[] as string_to_array)::uuid[])) or ("child_pupil_ids" && (select string_to_array(nullif(current_setting('waymark.pupils', true), ''), ',')::uuid[] as string_to_array)::uuid[] and (select nullif(current_setting('waymark.schools', true), '') as "nullif") is not null));`);

    this.addSql(`create policy "tenant" on "api_credential" using (((select current_setting('waymark.bypass', true) as current_setting) = 'on') or ("trust_id" = (select nullif(current_setting('waymark.trust', true), '')::uuid as "nullif"))) with check (((select current_setting('waymark.bypass', true) as current_setting) = 'on') or ("trust_id" = (select nullif(current_setting('waymark.trust', true), '')::uuid as "nullif")));`);
  }

  override down(): void | Promise<void> {
    this.addSql(`drop policy "tenant" on "account";`);

    this.addSql(`drop policy "tenant" on "api_credential";`);

    this.addSql(`create policy "tenant" on "account" to public using (((current_setting('waymark.bypass'::text, true) = 'on'::text) OR (school_id = ANY ((string_to_array(NULLIF(current_setting('waymark.schools'::text, true), ''::text), ','::text))::uuid[])) OR (pupil_id = ANY ((string_to_array(NULLIF(current_setting('waymark.pupils'::text, true), ''::text), ','::text))::uuid[])) OR ((child_pupil_ids && (string_to_array(NULLIF(current_setting('waymark.pupils'::text, true), ''::text), ','::text))::uuid[]) AND (NULLIF(current_setting('waymark.schools'::text, true), ''::text) IS NOT NULL)))) with check (((current_setting('waymark.bypass'::text, true) = 'on'::text) OR (school_id = ANY ((string_to_array(NULLIF(current_setting('waymark.schools'::text, true), ''::text), ','::text))::uuid[])) OR (pupil_id = ANY ((string_to_array(NULLIF(current_setting('waymark.pupils'::text, true), ''::text), ','::text))::uuid[])) OR ((child_pupil_ids && (string_to_array(NULLIF(current_setting('waymark.pupils'::text, true), ''::text), ','::text))::uuid[]) AND (NULLIF(current_setting('waymark.schools'::text, true), ''::text) IS NOT NULL))));`);

    this.addSql(`create policy "tenant" on "api_credential" to public using (((current_setting('waymark.bypass'::text, true) = 'on'::text) OR (trust_id = (NULLIF(current_setting('waymark.trust'::text, true), ''::text))::uuid))) with check (((current_setting('waymark.bypass'::text, true) = 'on'::text) OR (trust_id = (NULLIF(current_setting('waymark.trust'::text, true), ''::text))::uuid)));`);
  }

}
