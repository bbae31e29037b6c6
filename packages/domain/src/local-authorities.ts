/**
 * England's local authorities as the DfE numbers them (the three-digit "old LA code", the number a
 * school's DfE number and a UPN begin with): the list Waymark checks a pupil's home local authority
 * against (docs/domain-rules.md, "The local authority return"). It holds the 153 authorities of
 * April 2023 and after: Cumbria (909) split into Cumberland (942) and Westmorland and Furness (943)
 * that month, Northamptonshire (928) into North (940) and West (941) in 2021, and Dorset (835),
 * Poole (836) and Bournemouth (837) became Dorset (838) and Bournemouth, Christchurch and Poole (839)
 * in 2019, so those old codes are not in it.
 */
export const LOCAL_AUTHORITIES: Readonly<Record<string, string>> = {
  '201': 'City of London',
  '202': 'Camden',
  '203': 'Greenwich',
  '204': 'Hackney',
  '205': 'Hammersmith and Fulham',
  '206': 'Islington',
  '207': 'Kensington and Chelsea',
  '208': 'Lambeth',
  '209': 'Lewisham',
  '210': 'Southwark',
  '211': 'Tower Hamlets',
  '212': 'Wandsworth',
  '213': 'Westminster',
  '301': 'Barking and Dagenham',
  '302': 'Barnet',
  '303': 'Bexley',
  '304': 'Brent',
  '305': 'Bromley',
  '306': 'Croydon',
  '307': 'Ealing',
  '308': 'Enfield',
  '309': 'Haringey',
  '310': 'Harrow',
  '311': 'Havering',
  '312': 'Hillingdon',
  '313': 'Hounslow',
  '314': 'Kingston upon Thames',
  '315': 'Merton',
  '316': 'Newham',
  '317': 'Redbridge',
  '318': 'Richmond upon Thames',
  '319': 'Sutton',
  '320': 'Waltham Forest',
  '330': 'Birmingham',
  '331': 'Coventry',
  '332': 'Dudley',
  '333': 'Sandwell',
  '334': 'Solihull',
  '335': 'Walsall',
  '336': 'Wolverhampton',
  '340': 'Knowsley',
  '341': 'Liverpool',
  '342': 'St Helens',
  '343': 'Sefton',
  '344': 'Wirral',
  '350': 'Bolton',
  '351': 'Bury',
  '352': 'Manchester',
  '353': 'Oldham',
  '354': 'Rochdale',
  '355': 'Salford',
  '356': 'Stockport',
  '357': 'Tameside',
  '358': 'Trafford',
  '359': 'Wigan',
  '370': 'Barnsley',
  '371': 'Doncaster',
  '372': 'Rotherham',
  '373': 'Sheffield',
  '380': 'Bradford',
  '381': 'Calderdale',
  '382': 'Kirklees',
  '383': 'Leeds',
  '384': 'Wakefield',
  '390': 'Gateshead',
  '391': 'Newcastle upon Tyne',
  '392': 'North Tyneside',
  '393': 'South Tyneside',
  '394': 'Sunderland',
  '420': 'Isles of Scilly',
  '800': 'Bath and North East Somerset',
  '801': 'Bristol',
  '802': 'North Somerset',
  '803': 'South Gloucestershire',
  '805': 'Hartlepool',
  '806': 'Middlesbrough',
  '807': 'Redcar and Cleveland',
  '808': 'Stockton-on-Tees',
  '810': 'Kingston upon Hull',
  '811': 'East Riding of Yorkshire',
  '812': 'North East Lincolnshire',
  '813': 'North Lincolnshire',
  '815': 'North Yorkshire',
  '816': 'York',
  '821': 'Luton',
  '822': 'Bedford',
  '823': 'Central Bedfordshire',
  '825': 'Buckinghamshire',
  '826': 'Milton Keynes',
  '830': 'Derbyshire',
  '831': 'Derby',
  '838': 'Dorset',
  '839': 'Bournemouth, Christchurch and Poole',
  '840': 'County Durham',
  '841': 'Darlington',
  '845': 'East Sussex',
  '846': 'Brighton and Hove',
  '850': 'Hampshire',
  '851': 'Portsmouth',
  '852': 'Southampton',
  '855': 'Leicestershire',
  '856': 'Leicester',
  '857': 'Rutland',
  '860': 'Staffordshire',
  '861': 'Stoke-on-Trent',
  '865': 'Wiltshire',
  '866': 'Swindon',
  '867': 'Bracknell Forest',
  '868': 'Windsor and Maidenhead',
  '869': 'West Berkshire',
  '870': 'Reading',
  '871': 'Slough',
  '872': 'Wokingham',
  '873': 'Cambridgeshire',
  '874': 'Peterborough',
  '876': 'Halton',
  '877': 'Warrington',
  '878': 'Devon',
  '879': 'Plymouth',
  '880': 'Torbay',
  '881': 'Essex',
  '882': 'Southend-on-Sea',
  '883': 'Thurrock',
  '884': 'Herefordshire',
  '885': 'Worcestershire',
  '886': 'Kent',
  '887': 'Medway',
  '888': 'Lancashire',
  '889': 'Blackburn with Darwen',
  '890': 'Blackpool',
  '891': 'Nottinghamshire',
  '892': 'Nottingham',
  '893': 'Shropshire',
  '894': 'Telford and Wrekin',
  '895': 'Cheshire East',
  '896': 'Cheshire West and Chester',
  '908': 'Cornwall',
  '916': 'Gloucestershire',
  '919': 'Hertfordshire',
  '921': 'Isle of Wight',
  '925': 'Lincolnshire',
  '926': 'Norfolk',
  '929': 'Northumberland',
  '931': 'Oxfordshire',
  '933': 'Somerset',
  '935': 'Suffolk',
  '936': 'Surrey',
  '937': 'Warwickshire',
  '938': 'West Sussex',
  '940': 'North Northamptonshire',
  '941': 'West Northamptonshire',
  '942': 'Cumberland',
  '943': 'Westmorland and Furness',
};

export interface LocalAuthority {
  code: string;
  name: string;
}

/** The authority a three-digit code names, or null for any other text (spaces round it are ignored). */
export function localAuthorityOfCode(code: string): LocalAuthority | null {
  const trimmed = code.trim();
  const name = Object.hasOwn(LOCAL_AUTHORITIES, trimmed) ? LOCAL_AUTHORITIES[trimmed] : undefined;
  return name === undefined ? null : { code: trimmed, name };
}

const simplified = (name: string) =>
  name
    .toLowerCase()
    .replace(/^city of /, '')
    .replace(/, city of$/, '')
    .replace(/&/g, 'and')
    .replace(/[^a-z]/g, '');

const BY_NAME = new Map(Object.entries(LOCAL_AUTHORITIES).map(([code, name]) => [simplified(name), code]));

/**
 * The authority a name means, as schools' records write it ("Leeds", "Bristol, City of", "St. Helens",
 * "Brighton & Hove"), or null. A school's local authority is held as its name; this gives its code.
 */
export function localAuthorityOfName(name: string): LocalAuthority | null {
  const code = BY_NAME.get(simplified(name));
  return code === undefined ? null : { code, name: LOCAL_AUTHORITIES[code] };
}

/** England's local authorities by name, for choosing one. */
export const LOCAL_AUTHORITIES_BY_NAME: readonly LocalAuthority[] = Object.entries(LOCAL_AUTHORITIES)
  .map(([code, name]) => ({ code, name }))
  .sort((a, b) => a.name.localeCompare(b.name));

/** How an authority is written for people: "Birmingham (330)". */
export const localAuthorityLabel = (authority: LocalAuthority): string => `${authority.name} (${authority.code})`;

/**
 * The authorities a search means, by name: those whose name holds what was typed, whatever its case,
 * spacing and punctuation ("brad", "hove", "St Helens", "brighton & hove"); or by code: those whose
 * three-digit code starts with the digits typed ("33" finds 330 to 336). Every one when nothing is typed.
 */
export function localAuthoritiesMatching(search: string): readonly LocalAuthority[] {
  const digits = search.trim();
  if (/^\d+$/.test(digits)) return LOCAL_AUTHORITIES_BY_NAME.filter((authority) => authority.code.startsWith(digits));
  const wanted = simplified(search);
  if (wanted === '') return LOCAL_AUTHORITIES_BY_NAME;
  return LOCAL_AUTHORITIES_BY_NAME.filter((authority) => simplified(authority.name).includes(wanted));
}
