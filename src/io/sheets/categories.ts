/**
 * The worksheet's categories and column headings, in the words of the capacity toolkit, and the forgiving
 * matching that lets a spreadsheet someone typed by hand find its columns: "How can it be improved?",
 * "Improvements" and "IMPROVEMENT" are the same column, and a name column called "Staffing" says its rows are staff.
 */
import { type AssetKind, ASSET_KINDS, type LedgerField } from '../../model';

/** The category in the worksheet's words, singular: the CSV's Category cells and the first column's heading. */
export const CATEGORY_NAMES: Record<AssetKind, string> = {
  partner: 'Partnership',
  staff: 'Staff',
  space: 'Space',
  resource: 'Material resource',
  program: 'Program',
  community: 'Community asset',
};

/** Plural, for section headings and sheet names. */
export const CATEGORY_PLURALS: Record<AssetKind, string> = {
  partner: 'Partnerships',
  staff: 'Staff',
  space: 'Spaces',
  resource: 'Material resources',
  program: 'Programs',
  community: 'Community assets',
};

export const COLUMN_STRENGTHS = 'Strengths';
export const COLUMN_WEAKNESSES = 'Weaknesses';
export const COLUMN_IMPROVEMENTS = 'How can it be improved?';
export const COLUMN_CATEGORY = 'Category';
export const COLUMN_NAME = 'Name';
export const COLUMN_DETAILS = 'Details';
export const COLUMN_PASSIONS = 'Passions and interests';
/** The group an asset is in (a branch, a department, a programme), by name. */
export const COLUMN_GROUP = 'Group';
/** A detail whose name would be read as one of the worksheet's own columns goes out under this prefix. */
export const DETAIL_PREFIX = 'Detail: ';

/**
 * A heading or category cell reduced to what matters for matching: letters and digits, lower case, accents
 * dropped ("Material Resource(s)" -> "materialresources").
 */
export function headerKey(text: string): string {
  return text
    .normalize('NFKD')
    .replace(/\p{M}/gu, '')
    .toLowerCase()
    .replace(/[^\p{L}\p{N}]/gu, '');
}

const words = (kind: AssetKind, ...list: string[]) => list.map((w) => [w, kind] as const);

/** Headings of a name column that also tell the category of its rows (the toolkit's worksheets do this). */
const NAME_HEADINGS = new Map<string, AssetKind>([
  ...words('partner', 'partnership', 'partnerships', 'partner', 'partners', 'relationship', 'relationships'),
  ...words('staff', 'staff', 'staffing', 'staffmember', 'staffmembers', 'colleague', 'colleagues'),
  ...words('space', 'space', 'spaces'),
  ...words(
    'resource',
    'technology',
    'technologies',
    'materialresource',
    'materialresources',
    'resource',
    'resources',
    'collection',
    'collections',
    'equipment',
  ),
  ...words('program', 'program', 'programs', 'programme', 'programmes'),
  ...words('community', 'communityasset', 'communityassets'),
]);

/** Values of a Category cell (and names of sheets), singular or plural, in the toolkit's words or the app's. */
const CATEGORY_VALUES = new Map<string, AssetKind>([
  ...NAME_HEADINGS,
  ...words('partner', 'partnershipsformal', 'partnershipsinformal'),
  ...words('resource', 'material', 'materials'),
  ...words('program', 'service', 'services', 'connectedlearning'),
  ...words('community', 'community'),
  ...ASSET_KINDS.map((k) => [k, k] as const),
]);

export type ColumnRole = 'category' | 'name' | 'strengths' | 'weaknesses' | 'improvements' | 'details' | 'passions' | 'group' | 'ledger';

/** The ledger's columns: their headings as written, and the words read as each. */
export const LEDGER_COLUMNS: Record<LedgerField, { heading: string; words: string[] }> = {
  contactOwners: { heading: 'Contact owner', words: ['contactowner', 'contactowners'] },
  lastContact: { heading: 'Last contact', words: ['lastcontact', 'lastcontacted', 'lastspoke'] },
  nextStep: { heading: 'Next step', words: ['nextstep', 'nextsteps'] },
  nextStepDue: { heading: 'Next step due', words: ['nextstepdue', 'duedate'] },
  partnershipType: { heading: 'Partnership type', words: ['partnershiptype'] },
  partnershipStatus: { heading: 'Status', words: ['status', 'partnershipstatus'] },
  seasonStart: { heading: 'Season starts', words: ['seasonstarts', 'seasonstart'] },
  seasonEnd: { heading: 'Season ends', words: ['seasonends', 'seasonend'] },
};

const LEDGER_HEADINGS = new Map<string, LedgerField>(
  (Object.entries(LEDGER_COLUMNS) as [LedgerField, { words: string[] }][]).flatMap(([field, c]) => c.words.map((w) => [w, field] as const)),
);

const ROLE_HEADINGS = new Map<string, ColumnRole>([
  ...['category', 'categories', 'assetcategory'].map((w) => [w, 'category'] as const),
  ...['name', 'names', 'asset', 'assetname'].map((w) => [w, 'name'] as const),
  ...['strengths', 'strength', 'assets'].map((w) => [w, 'strengths'] as const),
  ...['weaknesses', 'weakness', 'challenges', 'challenge'].map((w) => [w, 'weaknesses'] as const),
  ...['howcanitbeimproved', 'improvement', 'improvements', 'howtoimprove'].map((w) => [w, 'improvements'] as const),
  ...['details', 'detail'].map((w) => [w, 'details'] as const),
  ...['group', 'groups', 'assetgroup'].map((w) => [w, 'group'] as const),
  ...['passionsandinterests', 'passions', 'passion', 'interests', 'passionsinterests'].map((w) => [w, 'passions'] as const),
]);

/** The role of a column from its heading, and for a name column the category it implies. */
export function matchHeading(text: string): { role: ColumnRole; kind?: AssetKind; ledger?: LedgerField } | undefined {
  const key = headerKey(text);
  const role = ROLE_HEADINGS.get(key);
  if (role) return { role };
  const ledger = LEDGER_HEADINGS.get(key);
  if (ledger) return { role: 'ledger', ledger };
  const kind = NAME_HEADINGS.get(key);
  return kind ? { role: 'name', kind } : undefined;
}

/** The category a Category cell or a sheet name means, if any. */
export function matchCategory(text: string): AssetKind | undefined {
  return CATEGORY_VALUES.get(headerKey(text));
}

/** Words listing the headings a name column may have, for the message when none is found. */
export const NAME_HEADING_HINT = 'Name, Partnership, Staff, Space, Technology or Material resource';
