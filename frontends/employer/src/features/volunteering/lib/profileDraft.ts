import { checkVolunteerProfile, type VolunteerProfileField } from '@waymark/domain';
import type { MyVolunteeringProfileQuery, SicSection, UpdateMyVolunteerProfileInput, VolunteerActivity, VolunteerReachKind } from '../../../gql/graphql';

type SavedProfile = NonNullable<MyVolunteeringProfileQuery['myVolunteerProfile']>;

/** The profile form as typed: text as typed, choices as chosen. */
export interface ProfileDraft {
  activities: VolunteerActivity[];
  sectors: SicSection[];
  homePostcode: string;
  reach: VolunteerReachKind | '';
  /** Postcode districts separated by commas or spaces, as typed. */
  districts: string;
  radiusMiles: string;
  availability: string;
  roleModel: boolean;
  roleModelJob: string;
  roleModelRoute: string;
  roleModelCharacteristics: string;
  roleModelConsent: boolean;
}

export type ProfileErrors = Partial<Record<VolunteerProfileField, string>>;

/** The id of the control each problem links to (the first box of a group of checkboxes). */
export const PROFILE_FIELD_IDS: Record<VolunteerProfileField, string> = {
  activities: 'profile-activity-TALK',
  sectors: 'profile-sector-A',
  homePostcode: 'profile-postcode',
  reach: 'profile-reach',
  districts: 'profile-districts',
  radiusMiles: 'profile-radius',
  availability: 'profile-availability',
  roleModel: 'profile-role-job',
};

export function draftFrom(profile: SavedProfile | null): ProfileDraft {
  return {
    activities: [...(profile?.activitiesOffered ?? [])],
    sectors: [...(profile?.sectors ?? [])],
    homePostcode: profile?.homePostcode ?? '',
    reach: profile?.reach?.kind ?? '',
    districts: (profile?.reach?.districts ?? []).join(', '),
    radiusMiles: profile?.reach?.radiusMiles != null ? String(profile.reach.radiusMiles) : '',
    availability: profile?.availability ?? '',
    roleModel: profile?.roleModel != null,
    roleModelJob: profile?.roleModel?.jobTitle ?? '',
    roleModelRoute: profile?.roleModel?.route ?? '',
    roleModelCharacteristics: profile?.roleModel?.characteristics ?? '',
    roleModelConsent: profile?.roleModel != null,
  };
}

const districtList = (typed: string) => typed.split(/[\s,;]+/).filter((d) => d !== '');

/** What the API is sent: only the reach's own detail, and the role model only when it is on. */
export function toProfileInput(draft: ProfileDraft): UpdateMyVolunteerProfileInput {
  const radius = draft.radiusMiles.trim() === '' ? null : Number(draft.radiusMiles);
  return {
    activities: draft.activities,
    sectors: draft.sectors,
    homePostcode: draft.homePostcode,
    reach: draft.reach || 'DISTRICTS',
    districts: draft.reach === 'DISTRICTS' ? districtList(draft.districts) : null,
    radiusMiles: draft.reach === 'RADIUS' ? radius : null,
    availability: draft.availability,
    roleModel: draft.roleModel
      ? { jobTitle: draft.roleModelJob, route: draft.roleModelRoute, characteristics: draft.roleModelCharacteristics, consent: draft.roleModelConsent }
      : null,
  };
}

/** The same checks the employers subgraph makes (@waymark/domain), so the form says the same before sending. */
export function validateProfile(draft: ProfileDraft): ProfileErrors {
  const input = toProfileInput(draft);
  const problems: ProfileErrors = checkVolunteerProfile({
    activities: input.activities,
    sectors: input.sectors ?? [],
    homePostcode: input.homePostcode,
    reach: draft.reach,
    districts: input.districts ?? [],
    radiusMiles: input.radiusMiles != null && Number.isFinite(input.radiusMiles) ? input.radiusMiles : null,
    availability: input.availability ?? '',
    roleModel: input.roleModel
      ? { jobTitle: input.roleModel.jobTitle, route: input.roleModel.route, characteristics: input.roleModel.characteristics ?? '' }
      : null,
  });
  if (draft.roleModel && !draft.roleModelConsent && !problems.roleModel)
    problems.roleModel = 'Tick the box to agree to pupils and schools seeing your role-model profile';
  return problems;
}
