export const DEMO_ACCOUNTS_FOR_BANNER: [string, string][] = [
  ['leader@northfield.test', 'careers leader, Northfield Academy'],
  ['leader@southbank.test', 'careers leader, Southbank School'],
  ['dpl@northfield.test', 'data protection lead, Northfield Academy'],
  ['pupil@northfield.test', 'Year 10 pupil, Northfield Academy'],
  ['employer@acme.test', 'employer volunteer, Acme Engineering'],
  ['alumni@northfield.test', 'alumni volunteer, Northfield Academy'],
  ['trust@waymark-trust.test', 'trust analyst, Waymark Learning Trust'],
  ['lead.analyst@waymark-trust.test', 'trust analyst with pupil-level access, Waymark Learning Trust'],
  ['parent@northfield.test', 'parent of the Year 10 pupil'],
  ['year11@northfield.test', 'Year 11 pupil with no plan yet, Northfield Academy'],
];
