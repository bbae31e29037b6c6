/** The pupil details a roster column can feed, in the order the mapping screen lists them, each with the header the import template gives it. */
export const ROSTER_FIELDS = [
  { key: 'upn', label: 'UPN', required: true, header: 'UPN' },
  { key: 'legalSurname', label: 'Legal surname', required: true, header: 'Legal Surname' },
  { key: 'legalForename', label: 'Legal forename', required: true, header: 'Legal Forename' },
  { key: 'preferredName', label: 'Preferred forename', required: false, header: 'Preferred Forename' },
  { key: 'dateOfBirth', label: 'Date of birth', required: true, header: 'Date of Birth' },
  { key: 'yearGroup', label: 'Year group', required: true, header: 'Year Group' },
  { key: 'tutorGroup', label: 'Registration (tutor) group', required: false, header: 'Reg Group' },
  { key: 'senStatus', label: 'SEN status (N, K = SEN support, E = EHCP)', required: false, header: 'SEN Status' },
  { key: 'disadvantaged', label: 'Free school meals / pupil premium', required: false, header: 'Pupil Premium' },
  { key: 'eal', label: 'English as an additional language', required: false, header: 'EAL' },
  { key: 'lookedAfter', label: 'Looked after (in care)', required: false, header: 'Looked After' },
  { key: 'youngCarer', label: 'Young carer', required: false, header: 'Young Carer' },
  { key: 'serviceChild', label: 'Service child', required: false, header: 'Service Child' },
  { key: 'refugee', label: 'Refugee or asylum seeker', required: false, header: 'Refugee' },
  { key: 'homeLocalAuthority', label: 'Home local authority (three-digit DfE code, e.g. 330)', required: false, header: 'Home LA' },
  { key: 'addressLine1', label: "Pupil's address line 1", required: false, header: 'Address Line 1' },
  { key: 'addressLine2', label: "Pupil's address line 2", required: false, header: 'Address Line 2' },
  { key: 'addressTown', label: "Pupil's town", required: false, header: 'Town' },
  { key: 'addressPostcode', label: "Pupil's postcode", required: false, header: 'Postcode' },
  { key: 'parentCarerName', label: "A parent's or carer's name", required: false, header: 'Parent or Carer' },
  { key: 'parentCarerAddressLine1', label: "Parent's or carer's address line 1", required: false, header: 'Parent or Carer Address Line 1' },
  { key: 'parentCarerAddressLine2', label: "Parent's or carer's address line 2", required: false, header: 'Parent or Carer Address Line 2' },
  { key: 'parentCarerAddressTown', label: "Parent's or carer's town", required: false, header: 'Parent or Carer Town' },
  { key: 'parentCarerAddressPostcode', label: "Parent's or carer's postcode", required: false, header: 'Parent or Carer Postcode' },
  {
    key: 'parentCarerSameAddress',
    label: "The parent or carer lives at the pupil's address (Y or N)",
    required: false,
    header: 'Parent or Carer at Pupil Address',
  },
] as const;

export type RosterFieldKey = (typeof ROSTER_FIELDS)[number]['key'];
export type RosterFlagField = 'disadvantaged' | 'eal' | 'lookedAfter' | 'youngCarer' | 'serviceChild' | 'refugee';

export const ROSTER_FLAG_FIELDS: readonly RosterFlagField[] = ['disadvantaged', 'eal', 'lookedAfter', 'youngCarer', 'serviceChild', 'refugee'];
export const REQUIRED_ROSTER_FIELDS: readonly RosterFieldKey[] = ROSTER_FIELDS.filter((f) => f.required).map((f) => f.key);

const FIELD_KEYS = new Set<string>(ROSTER_FIELDS.map((f) => f.key));
export const isRosterField = (value: string): value is RosterFieldKey => FIELD_KEYS.has(value);

export function rosterFieldLabel(key: RosterFieldKey): string {
  return ROSTER_FIELDS.find((f) => f.key === key)!.label;
}

/** Case, spaces and punctuation do not matter: "Legal Surname", "legal_surname" and "LEGAL-SURNAME" are one header. */
export function normaliseHeader(header: string): string {
  return header
    .normalize('NFKD')
    .replace(/[\u0300-\u036f]/g, '')
    .toLowerCase()
    .replace(/[^a-z0-9]/g, '');
}

/**
 * Header spellings seen in SIMS, Arbor, Bromcom and similar exports, each with a priority: where a
 * file has two columns for one field ("Legal Surname" and "Surname"), the higher one is used.
 */
const SPELLINGS: Record<RosterFieldKey, Record<string, number>> = {
  upn: { upn: 2, uniquepupilnumber: 2, pupilupn: 2, studentupn: 2 },
  legalSurname: { legalsurname: 3, legallastname: 3, surname: 2, lastname: 2, familyname: 2, studentsurname: 2, pupilsurname: 2 },
  legalForename: { legalforename: 3, legalfirstname: 3, forename: 2, forenames: 2, firstname: 2, givenname: 2, studentforename: 2, pupilforename: 2 },
  preferredName: { preferredforename: 2, preferredname: 2, preferredfirstname: 2, knownas: 1, chosenname: 1 },
  dateOfBirth: { dob: 2, dateofbirth: 2, birthdate: 2, dateofbirthddmmyyyy: 2 },
  yearGroup: { ncyear: 3, ncyearactual: 3, nationalcurriculumyear: 3, yeargroup: 2, year: 1, yr: 1, curriculumyear: 2 },
  tutorGroup: { reggroup: 3, registrationgroup: 3, reg: 2, registration: 2, tutorgroup: 2, form: 1, formgroup: 2, tutor: 1, regform: 2 },
  senStatus: { senstatus: 3, senprovision: 3, sen: 2, senneed: 1, senstage: 2, senprovisiontype: 2 },
  disadvantaged: {
    fsm: 2,
    fsmeligible: 2,
    fsmever6: 2,
    ever6fsm: 2,
    ever6: 1,
    freeschoolmeals: 2,
    pupilpremium: 2,
    pp: 2,
    ppeligible: 2,
    pupilpremiumeligible: 2,
    disadvantaged: 2,
  },
  eal: { eal: 2, englishasanadditionallanguage: 2, ealstatus: 2 },
  lookedAfter: { incare: 2, lookedafter: 2, cla: 2, lac: 2, childlookedafter: 2, lookedafterchild: 2, previouslylookedafter: 2, pla: 2 },
  youngCarer: { youngcarer: 2, carer: 1 },
  serviceChild: { servicechild: 2, serviceschild: 2, servicechildren: 2, forcesfamily: 1, servicepremium: 1 },
  refugee: { refugee: 2, asylumseeker: 2, refugeeorasylumseeker: 2, refugeestatus: 2 },
  homeLocalAuthority: {
    homela: 3,
    homelacode: 3,
    homelocalauthority: 3,
    homelocalauthoritycode: 3,
    laofresidence: 2,
    residentla: 2,
    lacode: 1,
    la: 1,
  },
  addressLine1: { addressline1: 3, address1: 2, pupiladdressline1: 3, homeaddressline1: 3, addr1: 1 },
  addressLine2: { addressline2: 3, address2: 2, pupiladdressline2: 3, homeaddressline2: 3, addr2: 1 },
  addressTown: { town: 3, posttown: 3, pupiltown: 3, towncity: 2, city: 1 },
  addressPostcode: { postcode: 3, pupilpostcode: 3, homepostcode: 3, postalcode: 2 },
  parentCarerName: { parentorcarer: 3, parentcarer: 3, parentorcarername: 3, parentcarername: 3, parentname: 2, carername: 2, contactname: 1 },
  parentCarerAddressLine1: { parentorcareraddressline1: 3, parentcareraddressline1: 3, parentaddressline1: 2, contactaddressline1: 1 },
  parentCarerAddressLine2: { parentorcareraddressline2: 3, parentcareraddressline2: 3, parentaddressline2: 2, contactaddressline2: 1 },
  parentCarerAddressTown: { parentorcarertown: 3, parentcarertown: 3, parenttown: 2, contacttown: 1 },
  parentCarerAddressPostcode: { parentorcarerpostcode: 3, parentcarerpostcode: 3, parentpostcode: 2, contactpostcode: 1 },
  parentCarerSameAddress: {
    parentorcareratpupiladdress: 3,
    parentcareratpupiladdress: 3,
    parentcarersameaddress: 3,
    parentorcarersameaddress: 3,
    sameaddressaspupil: 2,
  },
};

const RECOGNISED = new Map<string, { field: RosterFieldKey; priority: number }>();
for (const [field, spellings] of Object.entries(SPELLINGS) as [RosterFieldKey, Record<string, number>][]) {
  for (const [spelling, priority] of Object.entries(spellings)) RECOGNISED.set(spelling, { field, priority });
}

export function recogniseHeader(header: string): RosterFieldKey | null {
  return RECOGNISED.get(normaliseHeader(header))?.field ?? null;
}

/** A header the leader mapped (now, or in an earlier import for the school): a field, or null to ignore the column. */
export type HeaderChoices = Map<string, RosterFieldKey | null>;

export interface ColumnPlan {
  /** Every non-blank header, with the field it feeds (null: ignored). */
  columns: { header: string; field: RosterFieldKey | null }[];
  /** Headers Waymark did not recognise and nobody has mapped yet. */
  unmapped: string[];
  /** Required fields no column feeds. */
  missing: RosterFieldKey[];
  /** Column indexes per field: one for most fields, every column for yes/no flags (a pupil is in the group if any says so). */
  indexes: Map<RosterFieldKey, number[]>;
}

const CHOSEN = 10;

/** Decides which column feeds which field: the leader's choices first, then the known spellings. */
export function planColumns(headers: string[], choices: HeaderChoices): ColumnPlan {
  const candidates = new Map<RosterFieldKey, { index: number; priority: number }[]>();
  const columns: ColumnPlan['columns'] = [];
  const unmapped: string[] = [];
  headers.forEach((raw, index) => {
    const header = raw.trim();
    if (header === '') return;
    const key = normaliseHeader(header);
    let field: RosterFieldKey | null;
    let priority: number;
    if (choices.has(key)) {
      field = choices.get(key) ?? null;
      priority = CHOSEN;
    } else {
      const known = RECOGNISED.get(key);
      field = known?.field ?? null;
      priority = known?.priority ?? 0;
      if (!known) unmapped.push(header);
    }
    columns.push({ header, field });
    if (field) candidates.set(field, [...(candidates.get(field) ?? []), { index, priority }]);
  });

  const indexes = new Map<RosterFieldKey, number[]>();
  for (const [field, found] of candidates) {
    if ((ROSTER_FLAG_FIELDS as readonly string[]).includes(field)) {
      indexes.set(
        field,
        found.map((c) => c.index),
      );
    } else {
      const best = found.reduce((a, b) => (b.priority > a.priority ? b : a));
      indexes.set(field, [best.index]);
    }
  }
  // A column that lost to a better one for the same field is shown as ignored.
  const used = new Set([...indexes.values()].flat());
  let position = 0;
  headers.forEach((raw, index) => {
    if (raw.trim() === '') return;
    if (!used.has(index)) columns[position].field = null;
    position += 1;
  });
  const missing = REQUIRED_ROSTER_FIELDS.filter((field) => !indexes.has(field));
  return { columns, unmapped, missing, indexes };
}
