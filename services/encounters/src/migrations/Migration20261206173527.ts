import { Migration } from '@mikro-orm/migrations';

export class Migration20261206173527 extends Migration {

  override name = 'Migration20261206173527';

  override up(): void | Promise<void> {
    this.addSql(`drop policy "tenant" on "encounter";`);

    this.addSql(`drop policy "tenant" on "agreed_action";`);

    this.addSql(`drop policy "tenant" on "own_activity";`);

    this.addSql(`drop policy "tenant" on "participation";`);

    this.addSql(`drop policy "tenant" on "pupil_outlook";`);

    this.addSql(`drop policy "tenant" on "self_evaluation_override";`);

    this.addSql(`drop policy "tenant" on "self_evaluation_reading";`);

    this.addSql(`drop policy "tenant" on "self_evaluation_snapshot";`);

    this.addSql(`create policy "tenant" on "encounter" using (((select current_setting('waymark.bypass', true) as current_setting) = 'on') or ("school_id" = any((select string_to_array(nullif(current_setting('waymark.schools', true), ''), ',')::uuid[] as string_to_array)::uuid[])) or ("trust_id" = (select nullif(current_setting('waymark.trust', true), '')::uuid as "nullif")) or ("school_id" = (select nullif(current_setting('waymark.member_school', true), '')::uuid as "nullif")) or ("volunteer_ids" @> array[(select nullif(current_setting('waymark.volunteer', true), '')::uuid as "nullif")]) or (exists (select 1 from "participation" p where p."encounter_id" = "encounter"."id"))) with check (((select current_setting('waymark.bypass', true) as current_setting) = 'on') or ("school_id" = any((select string_to_array(nullif(current_setting('waymark.schools', true), ''), ',')::uuid[] as string_to_array)::uuid[])) or ("trust_id" = (select nullif(current_setting('waymark.trust', true), '')::uuid as "nullif")) or ("school_id" = (select nullif(current_setting('waymark.member_school', true), '')::uuid as "nullif")) or ("volunteer_ids" @> array[(select nullif(current_setting('waymark.volunteer', true), '')::uuid as "nullif")]) or (exists (select 1 from "participation" p where p."encounter_id" = "encounter"."id")));`);

    this.addSql(`create policy "tenant" on "agreed_action" using (((select current_setting('waymark.bypass', true) as current_setting) = 'on') or ("pupil_id" = any((select string_to_array(nullif(current_setting('waymark.pupils', true), ''), ',')::uuid[] as string_to_array)::uuid[])) or (exists (select 1 from "encounter" e where e."id" = "agreed_action"."meeting_id"))) with check (((select current_setting('waymark.bypass', true) as current_setting) = 'on') or ("pupil_id" = any((select string_to_array(nullif(current_setting('waymark.pupils', true), ''), ',')::uuid[] as string_to_array)::uuid[])) or (exists (select 1 from "encounter" e where e."id" = "agreed_action"."meeting_id")));`);

    this.addSql(`create policy "tenant" on "own_activity" using (((select current_setting('waymark.bypass', true) as current_setting) = 'on') or ("school_id" = any((select string_to_array(nullif(current_setting('waymark.schools', true), ''), ',')::uuid[] as string_to_array)::uuid[])) or ("trust_id" = (select nullif(current_setting('waymark.trust', true), '')::uuid as "nullif")) or ("pupil_id" = any((select string_to_array(nullif(current_setting('waymark.pupils', true), ''), ',')::uuid[] as string_to_array)::uuid[]))) with check (((select current_setting('waymark.bypass', true) as current_setting) = 'on') or ("school_id" = any((select string_to_array(nullif(current_setting('waymark.schools', true), ''), ',')::uuid[] as string_to_array)::uuid[])) or ("trust_id" = (select nullif(current_setting('waymark.trust', true), '')::uuid as "nullif")) or ("pupil_id" = any((select string_to_array(nullif(current_setting('waymark.pupils', true), ''), ',')::uuid[] as string_to_array)::uuid[])));`);

    this.addSql(`create policy "tenant" on "participation" using (((select current_setting('waymark.bypass', true) as current_setting) = 'on') or ("school_id" = any((select string_to_array(nullif(current_setting('waymark.schools', true), ''), ',')::uuid[] as string_to_array)::uuid[])) or ("trust_id" = (select nullif(current_setting('waymark.trust', true), '')::uuid as "nullif")) or ("pupil_id" = any((select string_to_array(nullif(current_setting('waymark.pupils', true), ''), ',')::uuid[] as string_to_array)::uuid[]))) with check (((select current_setting('waymark.bypass', true) as current_setting) = 'on') or ("school_id" = any((select string_to_array(nullif(current_setting('waymark.schools', true), ''), ',')::uuid[] as string_to_array)::uuid[])) or ("trust_id" = (select nullif(current_setting('waymark.trust', true), '')::uuid as "nullif")) or ("pupil_id" = any((select string_to_array(nullif(current_setting('waymark.pupils', true), ''), ',')::uuid[] as string_to_array)::uuid[])));`);

    this.addSql(`create policy "tenant" on "pupil_outlook" using (((select current_setting('waymark.bypass', true) as current_setting) = 'on') or ("pupil_id" = any((select string_to_array(nullif(current_setting('waymark.pupils', true), ''), ',')::uuid[] as string_to_array)::uuid[]))) with check (((select current_setting('waymark.bypass', true) as current_setting) = 'on') or ("pupil_id" = any((select string_to_array(nullif(current_setting('waymark.pupils', true), ''), ',')::uuid[] as string_to_array)::uuid[])));`);

    this.addSql(`create policy "tenant" on "self_evaluation_override" using (((select current_setting('waymark.bypass', true) as current_setting) = 'on') or ("school_id" = any((select string_to_array(nullif(current_setting('waymark.schools', true), ''), ',')::uuid[] as string_to_array)::uuid[])) or ("school_id" = (select nullif(current_setting('waymark.member_school', true), '')::uuid as "nullif"))) with check (((select current_setting('waymark.bypass', true) as current_setting) = 'on') or ("school_id" = any((select string_to_array(nullif(current_setting('waymark.schools', true), ''), ',')::uuid[] as string_to_array)::uuid[])) or ("school_id" = (select nullif(current_setting('waymark.member_school', true), '')::uuid as "nullif")));`);

    this.addSql(`create policy "tenant" on "self_evaluation_reading" using (((select current_setting('waymark.bypass', true) as current_setting) = 'on') or ("school_id" = any((select string_to_array(nullif(current_setting('waymark.schools', true), ''), ',')::uuid[] as string_to_array)::uuid[])) or ("school_id" = (select nullif(current_setting('waymark.member_school', true), '')::uuid as "nullif"))) with check (((select current_setting('waymark.bypass', true) as current_setting) = 'on') or ("school_id" = any((select string_to_array(nullif(current_setting('waymark.schools', true), ''), ',')::uuid[] as string_to_array)::uuid[])) or ("school_id" = (select nullif(current_setting('waymark.member_school', true), '')::uuid as "nullif")));`);

    this.addSql(`create policy "tenant" on "self_evaluation_snapshot" using (((select current_setting('waymark.bypass', true) as current_setting) = 'on') or ("school_id" = any((select string_to_array(nullif(current_setting('waymark.schools', true), ''), ',')::uuid[] as string_to_array)::uuid[])) or ("school_id" = (select nullif(current_setting('waymark.member_school', true), '')::uuid as "nullif"))) with check (((select current_setting('waymark.bypass', true) as current_setting) = 'on') or ("school_id" = any((select string_to_array(nullif(current_setting('waymark.schools', true), ''), ',')::uuid[] as string_to_array)::uuid[])) or ("school_id" = (select nullif(current_setting('waymark.member_school', true), '')::uuid as "nullif")));`);
  }

  override down(): void | Promise<void> {
    this.addSql(`drop policy "tenant" on "agreed_action";`);

    this.addSql(`drop policy "tenant" on "encounter";`);

    this.addSql(`drop policy "tenant" on "own_activity";`);

    this.addSql(`drop policy "tenant" on "participation";`);

    this.addSql(`drop policy "tenant" on "pupil_outlook";`);

    this.addSql(`drop policy "tenant" on "self_evaluation_override";`);

    this.addSql(`drop policy "tenant" on "self_evaluation_reading";`);

    this.addSql(`drop policy "tenant" on "self_evaluation_snapshot";`);

    this.addSql(`create policy "tenant" on "agreed_action" to public using (((current_setting('waymark.bypass'::text, true) = 'on'::text) OR (pupil_id = ANY ((string_to_array(NULLIF(current_setting('waymark.pupils'::text, true), ''::text), ','::text))::uuid[])) OR (EXISTS ( SELECT 1
   FROM encounter e
  WHERE (e.id = agreed_action.meeting_id))))) with check (((current_setting('waymark.bypass'::text, true) = 'on'::text) OR (pupil_id = ANY ((string_to_array(NULLIF(current_setting('waymark.pupils'::text, true), ''::text), ','::text))::uuid[])) OR (EXISTS ( SELECT 1
   FROM encounter e
  WHERE (e.id = agreed_action.meeting_id)))));`);

    this.addSql(`create policy "tenant" on "encounter" to public using (((current_setting('waymark.bypass'::text, true) = 'on'::text) OR (school_id = ANY ((string_to_array(NULLIF(current_setting('waymark.schools'::text, true), ''::text), ','::text))::uuid[])) OR (trust_id = (NULLIF(current_setting('waymark.trust'::text, true), ''::text))::uuid) OR (school_id = (NULLIF(current_setting('waymark.member_school'::text, true), ''::text))::uuid) OR (volunteer_ids @> ARRAY[(NULLIF(current_setting('waymark.volunteer'::text, true), ''::text))::uuid]) OR (EXISTS ( SELECT 1
   FROM participation p
  WHERE (p.encounter_id = encounter.id))))) with check (((current_setting('waymark.bypass'::text, true) = 'on'::text) OR (school_id = ANY ((string_to_array(NULLIF(current_setting('waymark.schools'::text, true), ''::text), ','::text))::uuid[])) OR (trust_id = (NULLIF(current_setting('waymark.trust'::text, true), ''::text))::uuid) OR (school_id = (NULLIF(current_setting('waymark.member_school'::text, true), ''::text))::uuid) OR (volunteer_ids @> ARRAY[(NULLIF(current_setting('waymark.volunteer'::text, true), ''::text))::uuid]) OR (EXISTS ( SELECT 1
   FROM participation p
  WHERE (p.encounter_id = encounter.id)))));`);

    this.addSql(`create policy "tenant" on "own_activity" to public using (((current_setting('waymark.bypass'::text, true) = 'on'::text) OR (school_id = ANY ((string_to_array(NULLIF(current_setting('waymark.schools'::text, true), ''::text), ','::text))::uuid[])) OR (trust_id = (NULLIF(current_setting('waymark.trust'::text, true), ''::text))::uuid) OR (pupil_id = ANY ((string_to_array(NULLIF(current_setting('waymark.pupils'::text, true), ''::text), ','::text))::uuid[])))) with check (((current_setting('waymark.bypass'::text, true) = 'on'::text) OR (school_id = ANY ((string_to_array(NULLIF(current_setting('waymark.schools'::text, true), ''::text), ','::text))::uuid[])) OR (trust_id = (NULLIF(current_setting('waymark.trust'::text, true), ''::text))::uuid) OR (pupil_id = ANY ((string_to_array(NULLIF(current_setting('waymark.pupils'::text, true), ''::text), ','::text))::uuid[]))));`);

    this.addSql(`create policy "tenant" on "participation" to public using (((current_setting('waymark.bypass'::text, true) = 'on'::text) OR (school_id = ANY ((string_to_array(NULLIF(current_setting('waymark.schools'::text, true), ''::text), ','::text))::uuid[])) OR (trust_id = (NULLIF(current_setting('waymark.trust'::text, true), ''::text))::uuid) OR (pupil_id = ANY ((string_to_array(NULLIF(current_setting('waymark.pupils'::text, true), ''::text), ','::text))::uuid[])))) with check (((current_setting('waymark.bypass'::text, true) = 'on'::text) OR (school_id = ANY ((string_to_array(NULLIF(current_setting('waymark.schools'::text, true), ''::text), ','::text))::uuid[])) OR (trust_id = (NULLIF(current_setting('waymark.trust'::text, true), ''::text))::uuid) OR (pupil_id = ANY ((string_to_array(NULLIF(current_setting('waymark.pupils'::text, true), ''::text), ','::text))::uuid[]))));`);

    this.addSql(`create policy "tenant" on "pupil_outlook" to public using (((current_setting('waymark.bypass'::text, true) = 'on'::text) OR (pupil_id = ANY ((string_to_array(NULLIF(current_setting('waymark.pupils'::text, true), ''::text), ','::text))::uuid[])))) with check (((current_setting('waymark.bypass'::text, true) = 'on'::text) OR (pupil_id = ANY ((string_to_array(NULLIF(current_setting('waymark.pupils'::text, true), ''::text), ','::text))::uuid[]))));`);

    this.addSql(`create policy "tenant" on "self_evaluation_override" to public using (((current_setting('waymark.bypass'::text, true) = 'on'::text) OR (school_id = ANY ((string_to_array(NULLIF(current_setting('waymark.schools'::text, true), ''::text), ','::text))::uuid[])) OR (school_id = (NULLIF(current_setting('waymark.member_school'::text, true), ''::text))::uuid))) with check (((current_setting('waymark.bypass'::text, true) = 'on'::text) OR (school_id = ANY ((string_to_array(NULLIF(current_setting('waymark.schools'::text, true), ''::text), ','::text))::uuid[])) OR (school_id = (NULLIF(current_setting('waymark.member_school'::text, true), ''::text))::uuid)));`);

    this.addSql(`create policy "tenant" on "self_evaluation_reading" to public using (((current_setting('waymark.bypass'::text, true) = 'on'::text) OR (school_id = ANY ((string_to_array(NULLIF(current_setting('waymark.schools'::text, true), ''::text), ','::text))::uuid[])) OR (school_id = (NULLIF(current_setting('waymark.member_school'::text, true), ''::text))::uuid))) with check (((current_setting('waymark.bypass'::text, true) = 'on'::text) OR (school_id = ANY ((string_to_array(NULLIF(current_setting('waymark.schools'::text, true), ''::text), ','::text))::uuid[])) OR (school_id = (NULLIF(current_setting('waymark.member_school'::text, true), ''::text))::uuid)));`);

    this.addSql(`create policy "tenant" on "self_evaluation_snapshot" to public using (((current_setting('waymark.bypass'::text, true) = 'on'::text) OR (school_id = ANY ((string_to_array(NULLIF(current_setting('waymark.schools'::text, true), ''::text), ','::text))::uuid[])) OR (school_id = (NULLIF(current_setting('waymark.member_school'::text, true), ''::text))::uuid))) with check (((current_setting('waymark.bypass'::text, true) = 'on'::text) OR (school_id = ANY ((string_to_array(NULLIF(current_setting('waymark.schools'::text, true), ''::text), ','::text))::uuid[])) OR (school_id = (NULLIF(current_setting('waymark.member_school'::text, true), ''::text))::uuid)));`);
  }

}
