with 
cohort as (
  select c.pupil_id, c.cur, (case when c.cur <= 9 then 3 when c.cur <= 11 then 4 else 5 end) as cur_ks, c.mask, c.school_ix, coalesce(o.considering_higher_education, false) as he
    from unnest(:pupilIds::uuid[], :yearGroups::int[], :groupMasks::int[], :schoolIndexes::int[]) as c(pupil_id, cur, mask, school_ix)
    left join pupil_outlook o on o.pupil_id = c.pupil_id
   where c.cur between 7 and 13 and (:onlyGroups::int = 0 or c.mask & :onlyGroups::int <> 0) and (:onlyYearGroup::int = 0 or c.cur = :onlyYearGroup::int)
),

register as materialized (
  select p.pupil_id, p.encounter_id, p.attended, (p.reflection is not null or p.group_reflection_on is not null) as reflected
    from participation p
   where p.pupil_id = any(:pupilIds::uuid[])
),
per_year as (
  select x.pupil_id, x.ay, sum(x.t0) as t0, sum(x.t1) as t1, sum(x.t2) as t2, sum(x.t3) as t3, sum(x.t4) as t4, sum(x.t5) as t5, sum(x.t6) as t6, bit_or(x.bits) as bits, sum(x.hours) as hours
    from (
      select p.pupil_id, e.ay, case when not p.attended then e.t0_o when p.reflected then e.t0_r else e.t0_n end as t0, case when not p.attended then e.t1_o when p.reflected then e.t1_r else e.t1_n end as t1, case when not p.attended then e.t2_o when p.reflected then e.t2_r else e.t2_n end as t2, case when not p.attended then e.t3_o when p.reflected then e.t3_r else e.t3_n end as t3, case when not p.attended then e.t4_o when p.reflected then e.t4_r else e.t4_n end as t4, case when not p.attended then e.t5_o when p.reflected then e.t5_r else e.t5_n end as t5, case when not p.attended then e.t6_o when p.reflected then e.t6_r else e.t6_n end as t6, case when not p.attended then e.bits_o when p.reflected then e.bits_r else e.bits_n end as bits, case when not p.attended then e.hours_o when p.reflected then e.hours_r else e.hours_n end as hours
        from register p
        join (
      select y.*, (y.t0_o <> 0 or y.t1_o <> 0 or y.t2_o <> 0 or y.t3_o <> 0 or y.t4_o <> 0 or y.t5_o <> 0 or y.t6_o <> 0 or y.bits_o <> 0 or y.hours_o <> 0) as offered from (
        select x.id, x.ay, ((x.b2 and true)::int << 0) + ((x.b5 and x.checklist_met and true)::int << 15) as t0_r, ((x.b6 and x.checklist_met and true)::int << 0) + ((x.b6 and x.checklist_met and true)::int << 15) as t1_r, ((x.b7_visit and x.checklist_met and true)::int << 0) + ((x.guidance and x.qualified and true)::int << 15) as t2_r, ((x.guidance and x.qualified and true)::int << 0) + ((x.pa and x.in_school_day and true)::int << 15) as t3_r, (((x.pa and x.in_school_day and true) and x.in_window)::int << 0) + ((x.pa and x.in_school_day and true)::int << 15) as t4_r, (((x.pa and x.in_school_day and true) and x.in_window)::int << 0) + ((x.pa and x.in_school_day)::int << 15) as t5_r, (((x.pa and x.in_school_day) and x.in_window)::int << 0) as t6_r, ((case when true then (case when x.subject_no > 0 then 1 << x.subject_no else 0 end) else 0 end) << 0) | ((case when x.checklist_met and true then x.b7_range else 0 end) << 16) as bits_r, (case when x.workplace and true then x.hours else 0 end)::float8 as hours_r, ((x.b2 and true)::int << 0) + ((x.b5 and false and true)::int << 15) as t0_n, ((x.b6 and false and true)::int << 0) + ((x.b6 and false and true)::int << 15) as t1_n, ((x.b7_visit and false and true)::int << 0) + ((x.guidance and x.qualified and true)::int << 15) as t2_n, ((x.guidance and x.qualified and true)::int << 0) + ((x.pa and x.in_school_day and true)::int << 15) as t3_n, (((x.pa and x.in_school_day and true) and x.in_window)::int << 0) + ((x.pa and x.in_school_day and true)::int << 15) as t4_n, (((x.pa and x.in_school_day and true) and x.in_window)::int << 0) + ((x.pa and x.in_school_day)::int << 15) as t5_n, (((x.pa and x.in_school_day) and x.in_window)::int << 0) as t6_n, ((case when true then (case when x.subject_no > 0 then 1 << x.subject_no else 0 end) else 0 end) << 0) | ((case when false and true then x.b7_range else 0 end) << 16) as bits_n, (case when x.workplace and true then x.hours else 0 end)::float8 as hours_n, ((x.b2 and false)::int << 0) + ((x.b5 and false and false)::int << 15) as t0_o, ((x.b6 and false and false)::int << 0) + ((x.b6 and false and false)::int << 15) as t1_o, ((x.b7_visit and false and false)::int << 0) + ((x.guidance and x.qualified and false)::int << 15) as t2_o, ((x.guidance and x.qualified and false)::int << 0) + ((x.pa and x.in_school_day and false)::int << 15) as t3_o, (((x.pa and x.in_school_day and false) and x.in_window)::int << 0) + ((x.pa and x.in_school_day and false)::int << 15) as t4_o, (((x.pa and x.in_school_day and false) and x.in_window)::int << 0) + ((x.pa and x.in_school_day)::int << 15) as t5_o, (((x.pa and x.in_school_day) and x.in_window)::int << 0) as t6_o, ((case when false then (case when x.subject_no > 0 then 1 << x.subject_no else 0 end) else 0 end) << 0) | ((case when false and false then x.b7_range else 0 end) << 16) as bits_o, (case when x.workplace and false then x.hours else 0 end)::float8 as hours_o
          from (
          select e.id, e.kind::text as kind, (e.date at time zone 'Europe/London')::date as day, (extract(year from (e.date at time zone 'Europe/London'))::int - case when extract(month from (e.date at time zone 'Europe/London')) < 9 then 1 else 0 end) as ay, e.in_school_day, e.hours,
                 e.checklist_met, (not e.booked and coalesce(e.adviser_level >= 6, false)) as qualified,
                 ((extract(month from (e.date at time zone 'Europe/London')) * 100 + extract(day from (e.date at time zone 'Europe/London'))) not between 229 and 831) as in_window,
                 
    2 = any(e.benchmarks) as b2,
    case when 4 = any(e.benchmarks) then coalesce(array_position(array['English', 'Mathematics', 'Science', 'History', 'Geography', 'Modern languages', 'Computing', 'Design and technology', 'Art and design', 'Physical education']::text[], e.subject::text), 0) else 0 end as subject_no,
    5 = any(e.benchmarks) as b5,
    6 = any(e.benchmarks) as b6,
    case when not 7 = any(e.benchmarks) then 0
         when e.kind in ('SIXTH_FORM_ENCOUNTER') then 1 when e.kind in ('FE_COLLEGE_ENCOUNTER') then 2
         when e.kind in ('UNIVERSITY_ENCOUNTER', 'UNIVERSITY_VISIT') then 4 when e.kind in ('TRAINING_PROVIDER_ENCOUNTER', 'APPRENTICESHIP_PROVIDER_ENCOUNTER') then 8 else 0 end as b7_range,
    (7 = any(e.benchmarks) and e.kind = 'UNIVERSITY_VISIT') as b7_visit,
    e.kind = 'GUIDANCE_MEETING' as guidance,
    e.kind in ('FE_COLLEGE_ENCOUNTER', 'TRAINING_PROVIDER_ENCOUNTER', 'APPRENTICESHIP_PROVIDER_ENCOUNTER') as pa,
    e.kind in ('WORKPLACE_VISIT', 'WORK_SHADOWING', 'WORK_EXPERIENCE') as workplace
            from encounter e
           where e.date < ((:asOf::date + 1)::timestamp at time zone 'Europe/London')
        ) x
         where x.id in (select r.encounter_id from register r)
        offset 0
      ) y
      where y.t0_r <> 0 or y.t0_n <> 0 or y.t0_o <> 0 or y.t1_r <> 0 or y.t1_n <> 0 or y.t1_o <> 0 or y.t2_r <> 0 or y.t2_n <> 0 or y.t2_o <> 0 or y.t3_r <> 0 or y.t3_n <> 0 or y.t3_o <> 0 or y.t4_r <> 0 or y.t4_n <> 0 or y.t4_o <> 0 or y.t5_r <> 0 or y.t5_n <> 0 or y.t5_o <> 0 or y.t6_r <> 0 or y.t6_n <> 0 or y.t6_o <> 0 or y.bits_r <> 0 or y.bits_n <> 0 or y.bits_o <> 0 or y.hours_r <> 0 or y.hours_n <> 0 or y.hours_o <> 0
    ) e on e.id = p.encounter_id
       where (p.attended or e.offered)
      union all
      select a.pupil_id, a.ay, ((a.b2 and true)::int << 0) + ((a.b5 and a.meaningful and true)::int << 15) as t0, ((a.b6 and a.meaningful and true)::int << 0) + ((a.b6 and a.meaningful and true)::int << 15) as t1, ((a.b7_visit and a.meaningful and true)::int << 0) + ((a.guidance and a.qualified and true)::int << 15) as t2, ((a.guidance and a.qualified and true)::int << 0) + ((a.pa and a.in_school_day and true)::int << 15) as t3, (((a.pa and a.in_school_day and true) and a.in_window)::int << 0) + ((a.pa and a.in_school_day and true)::int << 15) as t4, (((a.pa and a.in_school_day and true) and a.in_window)::int << 0) + ((a.pa and a.in_school_day)::int << 15) as t5, (((a.pa and a.in_school_day) and a.in_window)::int << 0) as t6, ((case when true then (case when a.subject_no > 0 then 1 << a.subject_no else 0 end) else 0 end) << 0) | ((case when a.meaningful and true then a.b7_range else 0 end) << 16) as bits, (case when a.workplace and true then a.hours else 0 end)::float8 as hours
        from (
      select a.*, true as meaningful, true as qualified, false as in_school_day, (extract(year from a.day)::int - case when extract(month from a.day) < 9 then 1 else 0 end) as ay, ((extract(month from a.day) * 100 + extract(day from a.day)) not between 229 and 831) as in_window,
             
    2 = any(a.benchmarks) as b2,
    case when 4 = any(a.benchmarks) then coalesce(array_position(array['English', 'Mathematics', 'Science', 'History', 'Geography', 'Modern languages', 'Computing', 'Design and technology', 'Art and design', 'Physical education']::text[], a.subject::text), 0) else 0 end as subject_no,
    5 = any(a.benchmarks) as b5,
    6 = any(a.benchmarks) as b6,
    case when not 7 = any(a.benchmarks) then 0
         when a.kind in ('SIXTH_FORM_ENCOUNTER') then 1 when a.kind in ('FE_COLLEGE_ENCOUNTER') then 2
         when a.kind in ('UNIVERSITY_ENCOUNTER', 'UNIVERSITY_VISIT') then 4 when a.kind in ('TRAINING_PROVIDER_ENCOUNTER', 'APPRENTICESHIP_PROVIDER_ENCOUNTER') then 8 else 0 end as b7_range,
    (7 = any(a.benchmarks) and a.kind = 'UNIVERSITY_VISIT') as b7_visit,
    a.kind = 'GUIDANCE_MEETING' as guidance,
    a.kind in ('FE_COLLEGE_ENCOUNTER', 'TRAINING_PROVIDER_ENCOUNTER', 'APPRENTICESHIP_PROVIDER_ENCOUNTER') as pa,
    a.kind in ('WORKPLACE_VISIT', 'WORK_SHADOWING', 'WORK_EXPERIENCE') as workplace
        from (
          -- A job still going (or ended this academic year) counts in this academic year; anything else when it started.
          select o.pupil_id, c.cur, c.cur_ks, o.id, o.title, case o.kind when 'PART_TIME_JOB' then 'PART_TIME_JOB' when 'WORK_EXPERIENCE' then 'WORK_EXPERIENCE' when 'UNIVERSITY_OPEN_DAY' then 'UNIVERSITY_VISIT' when 'VOLUNTEERING' then 'VOLUNTEERING' when 'OTHER' then 'OTHER' end as kind, case o.kind when 'PART_TIME_JOB' then '{5}'::int[] when 'WORK_EXPERIENCE' then '{6}'::int[] when 'UNIVERSITY_OPEN_DAY' then '{7}'::int[] when 'VOLUNTEERING' then '{}'::int[] when 'OTHER' then '{}'::int[] end as benchmarks, null::text as subject, o.hours,
                 case when o.kind = 'PART_TIME_JOB' and coalesce(o.ended_on, :asOf::date) >= make_date(:academicYear, 9, 1) then greatest(o.started_on, make_date(:academicYear, 9, 1)) else o.started_on end as day
            from cohort c join own_activity o on o.pupil_id = c.pupil_id
           where o.status = 'VERIFIED' and o.started_on <= :asOf::date
        ) a
    ) a
    ) x
   group by x.pupil_id, x.ay
),
selector as (
  select array_agg(m0 order by cur, back) as m0, array_agg(m1 order by cur, back) as m1, array_agg(m2 order by cur, back) as m2, array_agg(m3 order by cur, back) as m3, array_agg(m4 order by cur, back) as m4, array_agg(m5 order by cur, back) as m5, array_agg(m6 order by cur, back) as m6, array_agg(mbits order by cur, back) as mbits, array_agg(we_lower order by cur, back) as we_lower, array_agg(we_upper order by cur, back) as we_upper
    from (
      select n.cur, b.back,
        (case when (case when (n.cur - b.back) <= 9 then 3 when (n.cur - b.back) <= 11 then 4 else 5 end) = (case when n.cur <= 9 then 3 when n.cur <= 11 then 4 else 5 end) then 32767 << 0 else 0 end | case when (n.cur - b.back) = n.cur then 32767 << 15 else 0 end) as m0,
        (case when (n.cur - b.back) <= 11 then 32767 << 0 else 0 end | case when (n.cur - b.back) >= 12 then 32767 << 15 else 0 end) as m1,
        (case when true then 32767 << 0 else 0 end | case when (n.cur - b.back) <= 11 then 32767 << 15 else 0 end) as m2,
        (case when (n.cur - b.back) >= 12 then 32767 << 0 else 0 end | case when ((n.cur - b.back) = 8 or ((n.cur - b.back) = 9 and false)) then 32767 << 15 else 0 end) as m3,
        (case when (not ((n.cur - b.back) = 8 or ((n.cur - b.back) = 9 and false)) and ((n.cur - b.back) = 8 or ((n.cur - b.back) = 9 and true))) then 32767 << 0 else 0 end | case when ((n.cur - b.back) = 10 or ((n.cur - b.back) = 11 and false)) then 32767 << 15 else 0 end) as m4,
        (case when (not ((n.cur - b.back) = 10 or ((n.cur - b.back) = 11 and false)) and ((n.cur - b.back) = 10 or ((n.cur - b.back) = 11 and true))) then 32767 << 0 else 0 end | case when ((n.cur - b.back) = 12 or ((n.cur - b.back) = 13 and false)) then 32767 << 15 else 0 end) as m5,
        (case when (not ((n.cur - b.back) = 12 or ((n.cur - b.back) = 13 and false)) and ((n.cur - b.back) = 12 or ((n.cur - b.back) = 13 and true))) then 32767 << 0 else 0 end) as m6,
        (case when (n.cur - b.back) = n.cur then 65535 << 0 else 0 end | case when (n.cur - b.back) <= 11 then 65535 << 16 else 0 end) as mbits,
        (n.cur - b.back) between 7 and 9 as we_lower, (n.cur - b.back) between 10 and 11 as we_upper
        from generate_series(7, 13) as n(cur) cross join generate_series(0, 30) as b(back)
    ) one_per_year
),
counts as (
  select c.pupil_id, c.cur, c.mask, c.he, c.school_ix,
    coalesce(sum((y.t0 & (select m0 from selector)[(case when :academicYear - y.ay between 0 and 30 then (c.cur - 7) * 31 + (:academicYear - y.ay) + 1 end)]::int8)::int), 0) as t0, coalesce(sum((y.t1 & (select m1 from selector)[(case when :academicYear - y.ay between 0 and 30 then (c.cur - 7) * 31 + (:academicYear - y.ay) + 1 end)]::int8)::int), 0) as t1, coalesce(sum((y.t2 & (select m2 from selector)[(case when :academicYear - y.ay between 0 and 30 then (c.cur - 7) * 31 + (:academicYear - y.ay) + 1 end)]::int8)::int), 0) as t2, coalesce(sum((y.t3 & (select m3 from selector)[(case when :academicYear - y.ay between 0 and 30 then (c.cur - 7) * 31 + (:academicYear - y.ay) + 1 end)]::int8)::int), 0) as t3, coalesce(sum((y.t4 & (select m4 from selector)[(case when :academicYear - y.ay between 0 and 30 then (c.cur - 7) * 31 + (:academicYear - y.ay) + 1 end)]::int8)::int), 0) as t4, coalesce(sum((y.t5 & (select m5 from selector)[(case when :academicYear - y.ay between 0 and 30 then (c.cur - 7) * 31 + (:academicYear - y.ay) + 1 end)]::int8)::int), 0) as t5, coalesce(sum((y.t6 & (select m6 from selector)[(case when :academicYear - y.ay between 0 and 30 then (c.cur - 7) * 31 + (:academicYear - y.ay) + 1 end)]::int8)::int), 0) as t6,
    coalesce(bit_or(y.bits & (select mbits from selector)[(case when :academicYear - y.ay between 0 and 30 then (c.cur - 7) * 31 + (:academicYear - y.ay) + 1 end)]), 0) as bits,
    coalesce(sum(case when (select we_lower from selector)[(case when :academicYear - y.ay between 0 and 30 then (c.cur - 7) * 31 + (:academicYear - y.ay) + 1 end)] then y.hours end), 0)::float8 as we_lower, coalesce(sum(case when (select we_upper from selector)[(case when :academicYear - y.ay between 0 and 30 then (c.cur - 7) * 31 + (:academicYear - y.ay) + 1 end)] then y.hours end), 0)::float8 as we_upper
    from cohort c
    left join per_year y on y.pupil_id = c.pupil_id
   group by c.pupil_id, c.cur, c.mask, c.he, c.school_ix
),
tallies as (
  select t.*,
    ((t.t0 >> 0) & 32767)::int as b2_lmi,
    length(replace((((t.bits >> 0) & 65535))::bit(16)::text, '0', '')) as b4_curriculum,
    ((t.t0 >> 15) & 32767)::int as b5_employers,
    ((t.t1 >> 0) & 32767)::int as b6_by_16,
    ((t.t1 >> 15) & 32767)::int as b6_by_18,
    length(replace((((t.bits >> 16) & 65535))::bit(16)::text, '0', '')) as b7_by_16,
    ((t.t2 >> 0) & 32767)::int as b7_by_18,
    ((t.t2 >> 15) & 32767)::int as b8_by_16,
    ((t.t3 >> 0) & 32767)::int as b8_by_18,
    ((t.t3 >> 15) & 32767)::int + ((t.t4 >> 0) & 32767)::int as provider_access_y8_9,
    ((t.t4 >> 15) & 32767)::int + ((t.t5 >> 0) & 32767)::int as provider_access_y10_11,
    ((t.t5 >> 15) & 32767)::int + ((t.t6 >> 0) & 32767)::int as provider_access_y12_13
  from counts t
),
states as (
  select t.*,
    (case when t.b2_lmi >= 1 then 3 when t.b2_lmi > 0 then 2 else 1 end) as s_b2_lmi,
    (case when t.b4_curriculum >= 10 then 3 when t.b4_curriculum > 0 then 2 else 1 end) as s_b4_curriculum,
    (case when t.b5_employers >= 1 then 3 when t.b5_employers > 0 then 2 else 1 end) as s_b5_employers,
    (case when t.b6_by_16 >= 2 then 3 when t.b6_by_16 > 0 then 2 else 1 end) as s_b6_by_16,
    (case when t.cur >= 12 then (case when t.b6_by_18 >= 1 then 3 when t.b6_by_18 > 0 then 2 else 1 end) else 0 end) as s_b6_by_18,
    (case when t.b7_by_16 >= 4 then 3 when t.b7_by_16 > 0 then 2 else 1 end) as s_b7_by_16,
    (case when t.cur >= 12 and t.he then (case when t.b7_by_18 >= 2 then 3 when t.b7_by_18 > 0 then 2 else 1 end) else 0 end) as s_b7_by_18,
    (case when t.b8_by_16 >= 1 then 3 when t.b8_by_16 > 0 then 2 else 1 end) as s_b8_by_16,
    (case when t.cur >= 12 then (case when t.b8_by_18 >= 1 then 3 when t.b8_by_18 > 0 then 2 else 1 end) else 0 end) as s_b8_by_18,
    (case when t.cur >= 8 then (case when t.provider_access_y8_9 >= 2 then 3 when t.provider_access_y8_9 > 0 then 2 else 1 end) else 0 end) as s_provider_access_y8_9,
    (case when t.cur >= 10 then (case when t.provider_access_y10_11 >= 2 then 3 when t.provider_access_y10_11 > 0 then 2 else 1 end) else 0 end) as s_provider_access_y10_11,
    (case when t.cur >= 12 then (case when t.provider_access_y12_13 >= 2 then 3 when t.provider_access_y12_13 > 0 then 2 else 1 end) else 0 end) as s_provider_access_y12_13
  from tallies t
)
select school_ix, grouping(school_ix) as rolled, count(*) as pupils, count(*) filter (where s_b2_lmi = 3) as s_b2_lmi_met, count(*) filter (where s_b2_lmi = 2) as s_b2_lmi_progress, count(*) filter (where s_b2_lmi = 1) as s_b2_lmi_not,
  count(*) filter (where s_b4_curriculum = 3) as s_b4_curriculum_met, count(*) filter (where s_b4_curriculum = 2) as s_b4_curriculum_progress, count(*) filter (where s_b4_curriculum = 1) as s_b4_curriculum_not,
  count(*) filter (where s_b5_employers = 3) as s_b5_employers_met, count(*) filter (where s_b5_employers = 2) as s_b5_employers_progress, count(*) filter (where s_b5_employers = 1) as s_b5_employers_not,
  count(*) filter (where s_b6_by_16 = 3) as s_b6_by_16_met, count(*) filter (where s_b6_by_16 = 2) as s_b6_by_16_progress, count(*) filter (where s_b6_by_16 = 1) as s_b6_by_16_not,
  count(*) filter (where s_b6_by_18 = 3) as s_b6_by_18_met, count(*) filter (where s_b6_by_18 = 2) as s_b6_by_18_progress, count(*) filter (where s_b6_by_18 = 1) as s_b6_by_18_not,
  count(*) filter (where s_b7_by_16 = 3) as s_b7_by_16_met, count(*) filter (where s_b7_by_16 = 2) as s_b7_by_16_progress, count(*) filter (where s_b7_by_16 = 1) as s_b7_by_16_not,
  count(*) filter (where s_b7_by_18 = 3) as s_b7_by_18_met, count(*) filter (where s_b7_by_18 = 2) as s_b7_by_18_progress, count(*) filter (where s_b7_by_18 = 1) as s_b7_by_18_not,
  count(*) filter (where s_b8_by_16 = 3) as s_b8_by_16_met, count(*) filter (where s_b8_by_16 = 2) as s_b8_by_16_progress, count(*) filter (where s_b8_by_16 = 1) as s_b8_by_16_not,
  count(*) filter (where s_b8_by_18 = 3) as s_b8_by_18_met, count(*) filter (where s_b8_by_18 = 2) as s_b8_by_18_progress, count(*) filter (where s_b8_by_18 = 1) as s_b8_by_18_not,
  count(*) filter (where s_provider_access_y8_9 = 3) as s_provider_access_y8_9_met, count(*) filter (where s_provider_access_y8_9 = 2) as s_provider_access_y8_9_progress, count(*) filter (where s_provider_access_y8_9 = 1) as s_provider_access_y8_9_not,
  count(*) filter (where s_provider_access_y10_11 = 3) as s_provider_access_y10_11_met, count(*) filter (where s_provider_access_y10_11 = 2) as s_provider_access_y10_11_progress, count(*) filter (where s_provider_access_y10_11 = 1) as s_provider_access_y10_11_not,
  count(*) filter (where s_provider_access_y12_13 = 3) as s_provider_access_y12_13_met, count(*) filter (where s_provider_access_y12_13 = 2) as s_provider_access_y12_13_progress, count(*) filter (where s_provider_access_y12_13 = 1) as s_provider_access_y12_13_not
  from states group by rollup(school_ix)