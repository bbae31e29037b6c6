import { Migration } from '@mikro-orm/migrations';

export class Migration20261206173441 extends Migration {

  override name = 'Migration20261206173441';

  override up(): void | Promise<void> {
    this.addSql(`drop policy "tenant" on "activity_spell";`);

    this.addSql(`drop policy "tenant" on "aspiration";`);

    this.addSql(`drop policy "tenant" on "destination";`);

    this.addSql(`drop policy "tenant" on "intention";`);

    this.addSql(`create policy "tenant" on "activity_spell" using (((select current_setting('waymark.bypass', true) as current_setting) = 'on') or ("school_id" = any((select string_to_array(nullif(current_setting('waymark.schools', true), ''), ',')::uuid[] as string_to_array)::uuid[])) or ("trust_id" = (select nullif(current_setting('waymark.trust', true), '')::uuid as "nullif")) or ("pupil_id" = any((select string_to_array(nullif(current_setting('waymark.pupils', true), ''), ',')::uuid[] as string_to_array)::uuid[]))) with check (((select current_setting('waymark.bypass', true) as current_setting) = 'on') or ("school_id" = any((select string_to_array(nullif(current_setting('waymark.schools', true), ''), ',')::uuid[] as string_to_array)::uuid[])) or ("trust_id" = (select nullif(current_setting('waymark.trust', true), '')::uuid as "nullif")) or ("pupil_id" = any((select string_to_array(nullif(current_setting('waymark.pupils', true), ''), ',')::uuid[] as string_to_array)::uuid[])));`);

    this.addSql(`create policy "tenant" on "aspiration" using (((select current_setting('waymark.bypass', true) as current_setting) = 'on') or ("school_id" = any((select string_to_array(nullif(current_setting('waymark.schools', true), ''), ',')::uuid[] as string_to_array)::uuid[])) or ("trust_id" = (select nullif(current_setting('waymark.trust', true), '')::uuid as "nullif")) or ("pupil_id" = any((select string_to_array(nullif(current_setting('waymark.pupils', true), ''), ',')::uuid[] as string_to_array)::uuid[]))) with check (((select current_setting('waymark.bypass', true) as current_setting) = 'on') or ("school_id" = any((select string_to_array(nullif(current_setting('waymark.schools', true), ''), ',')::uuid[] as string_to_array)::uuid[])) or ("trust_id" = (select nullif(current_setting('waymark.trust', true), '')::uuid as "nullif")) or ("pupil_id" = any((select string_to_array(nullif(current_setting('waymark.pupils', true), ''), ',')::uuid[] as string_to_array)::uuid[])));`);

    this.addSql(`create policy "tenant" on "destination" using (((select current_setting('waymark.bypass', true) as current_setting) = 'on') or ("school_id" = any((select string_to_array(nullif(current_setting('waymark.schools', true), ''), ',')::uuid[] as string_to_array)::uuid[])) or ("trust_id" = (select nullif(current_setting('waymark.trust', true), '')::uuid as "nullif")) or ("pupil_id" = any((select string_to_array(nullif(current_setting('waymark.pupils', true), ''), ',')::uuid[] as string_to_array)::uuid[]))) with check (((select current_setting('waymark.bypass', true) as current_setting) = 'on') or ("school_id" = any((select string_to_array(nullif(current_setting('waymark.schools', true), ''), ',')::uuid[] as string_to_array)::uuid[])) or ("trust_id" = (select nullif(current_setting('waymark.trust', true), '')::uuid as "nullif")) or ("pupil_id" = any((select string_to_array(nullif(current_setting('waymark.pupils', true), ''), ',')::uuid[] as string_to_array)::uuid[])));`);

    this.addSql(`create policy "tenant" on "intention" using (((select current_setting('waymark.bypass', true) as current_setting) = 'on') or ("school_id" = any((select string_to_array(nullif(current_setting('waymark.schools', true), ''), ',')::uuid[] as string_to_array)::uuid[])) or ("trust_id" = (select nullif(current_setting('waymark.trust', true), '')::uuid as "nullif")) or ("pupil_id" = any((select string_to_array(nullif(current_setting('waymark.pupils', true), ''), ',')::uuid[] as string_to_array)::uuid[]))) with check (((select current_setting('waymark.bypass', true) as current_setting) = 'on') or ("school_id" = any((select string_to_array(nullif(current_setting('waymark.schools', true), ''), ',')::uuid[] as string_to_array)::uuid[])) or ("trust_id" = (select nullif(current_setting('waymark.trust', true), '')::uuid as "nullif")) or ("pupil_id" = any((select string_to_array(nullif(current_setting('waymark.pupils', true), ''), ',')::uuid[] as string_to_array)::uuid[])));`);
  }

  override down(): void | Promise<void> {
    this.addSql(`drop policy "tenant" on "activity_spell";`);

    this.addSql(`drop policy "tenant" on "aspiration";`);

    this.addSql(`drop policy "tenant" on "destination";`);

    this.addSql(`drop policy "tenant" on "intention";`);

    this.addSql(`create policy "tenant" on "activity_spell" to public using (((current_setting('waymark.bypass'::text, true) = 'on'::text) OR (school_id = ANY ((string_to_array(NULLIF(current_setting('waymark.schools'::text, true), ''::text), ','::text))::uuid[])) OR (trust_id = (NULLIF(current_setting('waymark.trust'::text, true), ''::text))::uuid) OR (pupil_id = ANY ((string_to_array(NULLIF(current_setting('waymark.pupils'::text, true), ''::text), ','::text))::uuid[])))) with check (((current_setting('waymark.bypass'::text, true) = 'on'::text) OR (school_id = ANY ((string_to_array(NULLIF(current_setting('waymark.schools'::text, true), ''::text), ','::text))::uuid[])) OR (trust_id = (NULLIF(current_setting('waymark.trust'::text, true), ''::text))::uuid) OR (pupil_id = ANY ((string_to_array(NULLIF(current_setting('waymark.pupils'::text, true), ''::text), ','::text))::uuid[]))));`);

    this.addSql(`create policy "tenant" on "aspiration" to public using (((current_setting('waymark.bypass'::text, true) = 'on'::text) OR (school_id = ANY ((string_to_array(NULLIF(current_setting('waymark.schools'::text, true), ''::text), ','::text))::uuid[])) OR (trust_id = (NULLIF(current_setting('waymark.trust'::text, true), ''::text))::uuid) OR (pupil_id = ANY ((string_to_array(NULLIF(current_setting('waymark.pupils'::text, true), ''::text), ','::text))::uuid[])))) with check (((current_setting('waymark.bypass'::text, true) = 'on'::text) OR (school_id = ANY ((string_to_array(NULLIF(current_setting('waymark.schools'::text, true), ''::text), ','::text))::uuid[])) OR (trust_id = (NULLIF(current_setting('waymark.trust'::text, true), ''::text))::uuid) OR (pupil_id = ANY ((string_to_array(NULLIF(current_setting('waymark.pupils'::text, true), ''::text), ','::text))::uuid[]))));`);

    this.addSql(`create policy "tenant" on "destination" to public using (((current_setting('waymark.bypass'::text, true) = 'on'::text) OR (school_id = ANY ((string_to_array(NULLIF(current_setting('waymark.schools'::text, true), ''::text), ','::text))::uuid[])) OR (trust_id = (NULLIF(current_setting('waymark.trust'::text, true), ''::text))::uuid) OR (pupil_id = ANY ((string_to_array(NULLIF(current_setting('waymark.pupils'::text, true), ''::text), ','::text))::uuid[])))) with check (((current_setting('waymark.bypass'::text, true) = 'on'::text) OR (school_id = ANY ((string_to_array(NULLIF(current_setting('waymark.schools'::text, true), ''::text), ','::text))::uuid[])) OR (trust_id = (NULLIF(current_setting('waymark.trust'::text, true), ''::text))::uuid) OR (pupil_id = ANY ((string_to_array(NULLIF(current_setting('waymark.pupils'::text, true), ''::text), ','::text))::uuid[]))));`);

    this.addSql(`create policy "tenant" on "intention" to public using (((current_setting('waymark.bypass'::text, true) = 'on'::text) OR (school_id = ANY ((string_to_array(NULLIF(current_setting('waymark.schools'::text, true), ''::text), ','::text))::uuid[])) OR (trust_id = (NULLIF(current_setting('waymark.trust'::text, true), ''::text))::uuid) OR (pupil_id = ANY ((string_to_array(NULLIF(current_setting('waymark.pupils'::text, true), ''::text), ','::text))::uuid[])))) with check (((current_setting('waymark.bypass'::text, true) = 'on'::text) OR (school_id = ANY ((string_to_array(NULLIF(current_setting('waymark.schools'::text, true), ''::text), ','::text))::uuid[])) OR (trust_id = (NULLIF(current_setting('waymark.trust'::text, true), ''::text))::uuid) OR (pupil_id = ANY ((string_to_array(NULLIF(current_setting('waymark.pupils'::text, true), ''::text), ','::text))::uuid[]))));`);
  }

}
