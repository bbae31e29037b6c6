import { Migration } from '@mikro-orm/migrations';

export class Migration20261206173503 extends Migration {

  override name = 'Migration20261206173503';

  override up(): void | Promise<void> {
    this.addSql(`drop policy "tenant" on "encounter_outbox";`);

    this.addSql(`drop policy "tenant" on "placement_application";`);

    this.addSql(`drop policy "tenant" on "placement_outbox";`);

    this.addSql(`drop policy "tenant" on "volunteer_request";`);

    this.addSql(`drop policy "tenant" on "volunteer_offer";`);

    this.addSql(`create policy "tenant" on "encounter_outbox" using (((select current_setting('waymark.bypass', true) as current_setting) = 'on') or ("school_id" = any((select string_to_array(nullif(current_setting('waymark.schools', true), ''), ',')::uuid[] as string_to_array)::uuid[])) or ("school_id" = (select nullif(current_setting('waymark.member_school', true), '')::uuid as "nullif"))) with check (((select current_setting('waymark.bypass', true) as current_setting) = 'on') or ("school_id" = any((select string_to_array(nullif(current_setting('waymark.schools', true), ''), ',')::uuid[] as string_to_array)::uuid[])) or ("school_id" = (select nullif(current_setting('waymark.member_school', true), '')::uuid as "nullif")));`);

    this.addSql(`create policy "tenant" on "placement_application" using (((select current_setting('waymark.bypass', true) as current_setting) = 'on') or ("school_id" = any((select string_to_array(nullif(current_setting('waymark.schools', true), ''), ',')::uuid[] as string_to_array)::uuid[])) or ("pupil_id" = any((select string_to_array(nullif(current_setting('waymark.pupils', true), ''), ',')::uuid[] as string_to_array)::uuid[])) or (exists (select 1 from "placement" p where p."id" = "placement_application"."placement_id" and p."volunteer_id" = (select nullif(current_setting('waymark.volunteer', true), '')::uuid as "nullif")))) with check (((select current_setting('waymark.bypass', true) as current_setting) = 'on') or ("school_id" = any((select string_to_array(nullif(current_setting('waymark.schools', true), ''), ',')::uuid[] as string_to_array)::uuid[])) or ("pupil_id" = any((select string_to_array(nullif(current_setting('waymark.pupils', true), ''), ',')::uuid[] as string_to_array)::uuid[])) or (exists (select 1 from "placement" p where p."id" = "placement_application"."placement_id" and p."volunteer_id" = (select nullif(current_setting('waymark.volunteer', true), '')::uuid as "nullif"))));`);

    this.addSql(`create policy "tenant" on "placement_outbox" using (((select current_setting('waymark.bypass', true) as current_setting) = 'on') or ("school_id" = any((select string_to_array(nullif(current_setting('waymark.schools', true), ''), ',')::uuid[] as string_to_array)::uuid[])) or ("school_id" = (select nullif(current_setting('waymark.member_school', true), '')::uuid as "nullif")) or (exists (select 1 from "placement_application" a join "placement" p on p."id" = a."placement_id" where a."id" = "placement_outbox"."application_id" and p."volunteer_id" = (select nullif(current_setting('waymark.volunteer', true), '')::uuid as "nullif")))) with check (((select current_setting('waymark.bypass', true) as current_setting) = 'on') or ("school_id" = any((select string_to_array(nullif(current_setting('waymark.schools', true), ''), ',')::uuid[] as string_to_array)::uuid[])) or ("school_id" = (select nullif(current_setting('waymark.member_school', true), '')::uuid as "nullif")) or (exists (select 1 from "placement_application" a join "placement" p on p."id" = a."placement_id" where a."id" = "placement_outbox"."application_id" and p."volunteer_id" = (select nullif(current_setting('waymark.volunteer', true), '')::uuid as "nullif"))));`);

    this.addSql(`create policy "tenant" on "volunteer_request" using (((select current_setting('waymark.bypass', true) as current_setting) = 'on') or ("school_id" = any((select string_to_array(nullif(current_setting('waymark.schools', true), ''), ',')::uuid[] as string_to_array)::uuid[])) or ("trust_id" = (select nullif(current_setting('waymark.trust', true), '')::uuid as "nullif")) or ("school_id" = (select nullif(current_setting('waymark.member_school', true), '')::uuid as "nullif")) or ((select nullif(current_setting('waymark.volunteer', true), '')::uuid as "nullif") is not null)) with check (((select current_setting('waymark.bypass', true) as current_setting) = 'on') or ("school_id" = any((select string_to_array(nullif(current_setting('waymark.schools', true), ''), ',')::uuid[] as string_to_array)::uuid[])) or ("trust_id" = (select nullif(current_setting('waymark.trust', true), '')::uuid as "nullif")) or ("school_id" = (select nullif(current_setting('waymark.member_school', true), '')::uuid as "nullif")) or ((select nullif(current_setting('waymark.volunteer', true), '')::uuid as "nullif") is not null));`);

    this.addSql(`create policy "tenant" on "volunteer_offer" using (((select current_setting('waymark.bypass', true) as current_setting) = 'on') or ("school_id" = any((select string_to_array(nullif(current_setting('waymark.schools', true), ''), ',')::uuid[] as string_to_array)::uuid[])) or ("school_id" = (select nullif(current_setting('waymark.member_school', true), '')::uuid as "nullif")) or ("volunteer_id" = (select nullif(current_setting('waymark.volunteer', true), '')::uuid as "nullif"))) with check (((select current_setting('waymark.bypass', true) as current_setting) = 'on') or ("school_id" = any((select string_to_array(nullif(current_setting('waymark.schools', true), ''), ',')::uuid[] as string_to_array)::uuid[])) or ("school_id" = (select nullif(current_setting('waymark.member_school', true), '')::uuid as "nullif")) or ("volunteer_id" = (select nullif(current_setting('waymark.volunteer', true), '')::uuid as "nullif")));`);
  }

  override down(): void | Promise<void> {
    this.addSql(`drop policy "tenant" on "encounter_outbox";`);

    this.addSql(`drop policy "tenant" on "placement_application";`);

    this.addSql(`drop policy "tenant" on "placement_outbox";`);

    this.addSql(`drop policy "tenant" on "volunteer_offer";`);

    this.addSql(`drop policy "tenant" on "volunteer_request";`);

    this.addSql(`create policy "tenant" on "encounter_outbox" to public using (((current_setting('waymark.bypass'::text, true) = 'on'::text) OR (school_id = ANY ((string_to_array(NULLIF(current_setting('waymark.schools'::text, true), ''::text), ','::text))::uuid[])) OR (school_id = (NULLIF(current_setting('waymark.member_school'::text, true), ''::text))::uuid))) with check (((current_setting('waymark.bypass'::text, true) = 'on'::text) OR (school_id = ANY ((string_to_array(NULLIF(current_setting('waymark.schools'::text, true), ''::text), ','::text))::uuid[])) OR (school_id = (NULLIF(current_setting('waymark.member_school'::text, true), ''::text))::uuid)));`);

    this.addSql(`create policy "tenant" on "placement_application" to public using (((current_setting('waymark.bypass'::text, true) = 'on'::text) OR (school_id = ANY ((string_to_array(NULLIF(current_setting('waymark.schools'::text, true), ''::text), ','::text))::uuid[])) OR (pupil_id = ANY ((string_to_array(NULLIF(current_setting('waymark.pupils'::text, true), ''::text), ','::text))::uuid[])) OR (EXISTS ( SELECT 1
   FROM placement p
  WHERE ((p.id = placement_application.placement_id) AND (p.volunteer_id = (NULLIF(current_setting('waymark.volunteer'::text, true), ''::text))::uuid)))))) with check (((current_setting('waymark.bypass'::text, true) = 'on'::text) OR (school_id = ANY ((string_to_array(NULLIF(current_setting('waymark.schools'::text, true), ''::text), ','::text))::uuid[])) OR (pupil_id = ANY ((string_to_array(NULLIF(current_setting('waymark.pupils'::text, true), ''::text), ','::text))::uuid[])) OR (EXISTS ( SELECT 1
   FROM placement p
  WHERE ((p.id = placement_application.placement_id) AND (p.volunteer_id = (NULLIF(current_setting('waymark.volunteer'::text, true), ''::text))::uuid))))));`);

    this.addSql(`create policy "tenant" on "placement_outbox" to public using (((current_setting('waymark.bypass'::text, true) = 'on'::text) OR (school_id = ANY ((string_to_array(NULLIF(current_setting('waymark.schools'::text, true), ''::text), ','::text))::uuid[])) OR (school_id = (NULLIF(current_setting('waymark.member_school'::text, true), ''::text))::uuid) OR (EXISTS ( SELECT 1
   FROM (placement_application a
     JOIN placement p ON ((p.id = a.placement_id)))
  WHERE ((a.id = placement_outbox.application_id) AND (p.volunteer_id = (NULLIF(current_setting('waymark.volunteer'::text, true), ''::text))::uuid)))))) with check (((current_setting('waymark.bypass'::text, true) = 'on'::text) OR (school_id = ANY ((string_to_array(NULLIF(current_setting('waymark.schools'::text, true), ''::text), ','::text))::uuid[])) OR (school_id = (NULLIF(current_setting('waymark.member_school'::text, true), ''::text))::uuid) OR (EXISTS ( SELECT 1
   FROM (placement_application a
     JOIN placement p ON ((p.id = a.placement_id)))
  WHERE ((a.id = placement_outbox.application_id) AND (p.volunteer_id = (NULLIF(current_setting('waymark.volunteer'::text, true), ''::text))::uuid))))));`);

    this.addSql(`create policy "tenant" on "volunteer_offer" to public using (((current_setting('waymark.bypass'::text, true) = 'on'::text) OR (school_id = ANY ((string_to_array(NULLIF(current_setting('waymark.schools'::text, true), ''::text), ','::text))::uuid[])) OR (school_id = (NULLIF(current_setting('waymark.member_school'::text, true), ''::text))::uuid) OR (volunteer_id = (NULLIF(current_setting('waymark.volunteer'::text, true), ''::text))::uuid))) with check (((current_setting('waymark.bypass'::text, true) = 'on'::text) OR (school_id = ANY ((string_to_array(NULLIF(current_setting('waymark.schools'::text, true), ''::text), ','::text))::uuid[])) OR (school_id = (NULLIF(current_setting('waymark.member_school'::text, true), ''::text))::uuid) OR (volunteer_id = (NULLIF(current_setting('waymark.volunteer'::text, true), ''::text))::uuid)));`);

    this.addSql(`create policy "tenant" on "volunteer_request" to public using (((current_setting('waymark.bypass'::text, true) = 'on'::text) OR (school_id = ANY ((string_to_array(NULLIF(current_setting('waymark.schools'::text, true), ''::text), ','::text))::uuid[])) OR (trust_id = (NULLIF(current_setting('waymark.trust'::text, true), ''::text))::uuid) OR (school_id = (NULLIF(current_setting('waymark.member_school'::text, true), ''::text))::uuid) OR ((NULLIF(current_setting('waymark.volunteer'::text, true), ''::text))::uuid IS NOT NULL))) with check (((current_setting('waymark.bypass'::text, true) = 'on'::text) OR (school_id = ANY ((string_to_array(NULLIF(current_setting('waymark.schools'::text, true), ''::text), ','::text))::uuid[])) OR (trust_id = (NULLIF(current_setting('waymark.trust'::text, true), ''::text))::uuid) OR (school_id = (NULLIF(current_setting('waymark.member_school'::text, true), ''::text))::uuid) OR ((NULLIF(current_setting('waymark.volunteer'::text, true), ''::text))::uuid IS NOT NULL)));`);
  }

}
