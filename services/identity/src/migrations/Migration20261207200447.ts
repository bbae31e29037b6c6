import { Migration } from '@mikro-orm/migrations';

/**
 * The API key check as one statement (docs/security.md, "API keys"): `api_key_take` finds the live key
 * with a secret hash and takes one request from its token bucket, as the application role with the
 * tenant check lifted for this statement only, and puts both back before it returns. Called outside
 * any transaction it is its own; its commit does not wait for the disk (the bucket and the last use
 * are harmless to lose in a crash). With no allowance (`p_burst` null) the bucket is left alone and
 * only the last use is noted.
 */
export class Migration20261207200447 extends Migration {
  override name = 'Migration20261207200447';

  override up(): void | Promise<void> {
    this.addSql(`create or replace function "api_key_take"("p_secret_hash" text, "p_burst" float8, "p_per_second" float8, "p_at" timestamptz)
returns table ("key_id" uuid, "key_trust_id" uuid, "key_name" text, "key_scopes" text[], "key_tokens" float8)
language plpgsql as $$
declare
  "previous_role" text := current_user;
  "previous_bypass" text := coalesce(current_setting('waymark.bypass', true), '');
begin
  perform set_config('role', 'waymark_app', true), set_config('waymark.bypass', 'on', true), set_config('synchronous_commit', 'off', true);
  return query
    with "bucket" as (
      select "c"."id", least("p_burst", coalesce("c"."rate_tokens", "p_burst")
               + greatest(0, extract(epoch from ("p_at" - coalesce("c"."rate_at", "p_at"))))::float8 * "p_per_second") as "tokens"
        from "api_credential" "c" where "c"."secret_hash" = "p_secret_hash" and "c"."revoked_at" is null for update
    )
    update "api_credential" "c"
       set "rate_tokens" = case when "p_burst" is null then "c"."rate_tokens" when "bucket"."tokens" >= 1 then "bucket"."tokens" - 1 else "bucket"."tokens" end,
           "rate_at" = case when "p_burst" is null then "c"."rate_at" else greatest(coalesce("c"."rate_at", "p_at"), "p_at") end,
           "last_used_at" = greatest(coalesce("c"."last_used_at", "p_at"), "p_at")
      from "bucket" where "c"."id" = "bucket"."id"
    returning "c"."id", "c"."trust_id", "c"."name"::text, "c"."scopes", "bucket"."tokens";
  perform set_config('waymark.bypass', "previous_bypass", true), set_config('role', "previous_role", true);
end
$$;`);
  }

  override down(): void | Promise<void> {
    this.addSql(`drop function if exists "api_key_take"(text, float8, float8, timestamptz);`);
  }
}
