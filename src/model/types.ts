/** The document: one map is one library's internal asset map. Plain data, no classes, JSON-safe. */

export const ASSET_KINDS = ['partner', 'staff', 'space', 'resource', 'program', 'community'] as const;
export type AssetKind = (typeof ASSET_KINDS)[number];

export const TRAIT_KINDS = ['strength', 'weakness'] as const;
export type TraitKind = (typeof TRAIT_KINDS)[number];

export type NodeKind = AssetKind | TraitKind | 'improvement';

/** Areas of need and of strength; matching in the analysis runs on these. */
export const AREAS = [
  'expertise',
  'relationships',
  'passion',
  'space',
  'funding',
  'technology',
  'language',
  'people',
  'time',
  'transportation',
] as const;
export type Area = (typeof AREAS)[number];

export const TIE_STRENGTHS = ['strong', 'regular', 'weak'] as const;
export type TieStrength = (typeof TIE_STRENGTHS)[number];

export const IMPROVEMENT_STATUSES = ['idea', 'planned', 'doing', 'done'] as const;
export type ImprovementStatus = (typeof IMPROVEMENT_STATUSES)[number];

/** How long a partnership runs, and where it stands: the ledger a library keeps of its relationships. */
export const PARTNERSHIP_TYPES = ['ongoing', 'seasonal', 'one-time'] as const;
export type PartnershipType = (typeof PARTNERSHIP_TYPES)[number];
export const PARTNERSHIP_STATUSES = ['active', 'dormant', 'ended'] as const;
export type PartnershipStatus = (typeof PARTNERSHIP_STATUSES)[number];

export const EDGE_KINDS = ['relationship', 'supports'] as const;
export type EdgeKind = (typeof EDGE_KINDS)[number];

export type LayoutDirection = 'LR' | 'TB';

export interface Point {
  x: number;
  y: number;
}

interface NodeBase {
  id: string;
  label: string;
  /** Top-left corner on the canvas. */
  x: number;
  y: number;
  /** Sort key among siblings (worksheet rows, list items). */
  order: number;
  details?: string;
  tags?: string[];
}

export interface Passion {
  text: string;
  /** Set by the user; when absent the analysis suggests areas from the words. */
  areas?: Area[];
}

export interface AssetNode extends NodeBase {
  kind: AssetKind;
  /** Free-form named details: role, priorities, stories, extra spreadsheet columns. */
  fields?: Record<string, string>;
  /** Staff: passions and interests. */
  passions?: Passion[];
  /** Partner: a formal partnership with an organisation, or an informal one with a person. */
  formality?: 'formal' | 'informal';
  /**
   * The ledger (partners above all, any asset where it helps). Dates are ISO calendar dates (YYYY-MM-DD), shown
   * in the user's locale. Each is its own field, so that two people editing two of them both keep their edit.
   */
  /** Colleagues (staff node ids) who hold the relationship. */
  contactOwners?: string[];
  lastContact?: string;
  nextStep?: string;
  nextStepDue?: string;
  partnershipType?: PartnershipType;
  partnershipStatus?: PartnershipStatus;
  /** A seasonal partnership's season, first and last day. */
  seasonStart?: string;
  seasonEnd?: string;
  /** The group (a branch, a department, a programme) the asset is in: a key of the document's `groups`. */
  group?: string;
}

/** The ledger's fields, in the order forms and spreadsheets list them. */
export const LEDGER_FIELDS = ['contactOwners', 'lastContact', 'nextStep', 'nextStepDue', 'partnershipType', 'partnershipStatus', 'seasonStart', 'seasonEnd'] as const;
export type LedgerField = (typeof LEDGER_FIELDS)[number];

/** An ISO date in the reader's words ("14 March 2026" in en-GB), read as a calendar day wherever the reader is. */
export function formatDay(iso: string, locale?: string): string {
  return new Date(`${iso}T12:00:00Z`).toLocaleDateString(locale, { day: 'numeric', month: 'long', year: 'numeric', timeZone: 'UTC' });
}

/** Whether a string is an ISO calendar date that exists (2026-02-30 does not). */
export function isIsoDate(v: unknown): v is string {
  if (typeof v !== 'string' || !/^\d{4}-\d{2}-\d{2}$/.test(v)) return false;
  const d = new Date(`${v}T00:00:00Z`);
  return !Number.isNaN(d.getTime()) && d.toISOString().slice(0, 10) === v;
}

export interface TraitNode extends NodeBase {
  kind: TraitKind;
  /** The asset this strength or weakness belongs to. */
  attachedTo: string;
  /** Set by the user; when absent the analysis suggests areas from the words. */
  areas?: Area[];
}

export interface ImprovementNode extends NodeBase {
  kind: 'improvement';
  /** The asset, or one of its weaknesses, that this improves. */
  attachedTo: string;
  status: ImprovementStatus;
  /** A staff node responsible for it. */
  owner?: string;
}

export type MapNode = AssetNode | TraitNode | ImprovementNode;
export type AttachedNode = TraitNode | ImprovementNode;

export interface MapEdge {
  id: string;
  kind: EdgeKind;
  source: string;
  target: string;
  /** Relationship edges: how strong the tie is. */
  tie?: TieStrength;
  label?: string;
}

/**
 * A named group of assets (a branch, a department, a programme): drawn as a labelled frame around its members
 * and what hangs off them, or, collapsed, as one node in their place. Its members say they are in it (an
 * asset's `group`); a group nobody is in is not kept.
 */
export interface MapGroup {
  id: string;
  name: string;
  /** Shown as one node, its members hidden. */
  collapsed?: boolean;
}

export interface LayoutSettings {
  direction: LayoutDirection;
  /** Gap between blocks, in px. */
  spacing: number;
}

export interface AssetMapDoc {
  id: string;
  title: string;
  /** ISO date of creation. */
  created: string;
  nodes: Record<string, MapNode>;
  edges: Record<string, MapEdge>;
  /**
   * Edge routes from the last auto layout, keyed by the view's edge id; an edge without a route is drawn as a
   * curve between its ends. Moving a node drops the routes that touch it.
   */
  routes: Record<string, Point[]>;
  layout: LayoutSettings;
  /** Answers to the Reflect questions, keyed by question id. */
  reflect: Record<string, string>;
  /** Suggested connections the user dismissed, keyed by suggestion id. */
  dismissed: Record<string, true>;
  /** After how many months without contact a relationship counts as going stale; 6 when absent. */
  staleAfterMonths?: number;
  /**
   * Named reviews ("Spring 2026 review"): the map as it stood then, kept in the map itself so that they travel
   * with it (its file, its copies), oldest first. Never pruned like the automatic saved versions.
   */
  reviews?: Review[];
  /** Groups of assets, by id (see MapGroup). Absent in maps that have none. */
  groups?: Record<string, MapGroup>;
  /**
   * Saved views ("Partners only", "Around the school"), keyed by id and listed by `order`: what the map showed —
   * its filters, its focus and the part of the map in view — to go back to, present or export.
   */
  views?: Record<string, SavedView>;
}

/** A part of the map, in map coordinates. */
export interface Region {
  x: number;
  y: number;
  width: number;
  height: number;
}

export interface SavedView {
  id: string;
  name: string;
  /** Sort key in the list of views. */
  order: number;
  /** The part of the map in view: shown whole whatever the size of the screen that shows it. */
  region: Region;
  /** Asset kinds the kind filter hid. */
  hiddenKinds?: AssetKind[];
  /** Only the assets with this tag (and what hangs off them) were shown. */
  tag?: string;
  /** Focus mode: what lay within `steps` of these items was shown in full. */
  focus?: { ids: string[]; steps: 1 | 2 | 3 };
}

/** A map kept as a review: the document as it stood, without reviews of its own. */
export type ReviewedMap = Omit<AssetMapDoc, 'reviews'>;

export interface Review {
  id: string;
  /** The name the user gave it. */
  name: string;
  /** When it was saved (ISO date and time). */
  at: string;
  map: ReviewedMap;
}

export const DEFAULT_STALE_MONTHS = 6;

export const isAssetKind = (kind: string): kind is AssetKind => (ASSET_KINDS as readonly string[]).includes(kind);
export const isAsset = (node: MapNode | undefined): node is AssetNode => !!node && isAssetKind(node.kind);
export const isTrait = (node: MapNode | undefined): node is TraitNode =>
  !!node && (node.kind === 'strength' || node.kind === 'weakness');
export const isImprovement = (node: MapNode | undefined): node is ImprovementNode =>
  !!node && node.kind === 'improvement';
export const isAttached = (node: MapNode | undefined): node is AttachedNode => isTrait(node) || isImprovement(node);

/** Words for each kind, for labels, legends and accessible names. */
export const KIND_NAMES: Record<NodeKind, string> = {
  partner: 'partner',
  staff: 'staff',
  space: 'space',
  resource: 'resource',
  program: 'program',
  community: 'community',
  strength: 'strength',
  weakness: 'weakness',
  improvement: 'improvement',
};

export const AREA_NAMES: Record<Area, string> = {
  expertise: 'Expertise/Skill',
  relationships: 'Relationships',
  passion: 'Passion/Interest',
  space: 'Space',
  funding: 'Funding',
  technology: 'Technology',
  language: 'Language',
  people: 'People/Volunteers',
  time: 'Time/Schedule',
  transportation: 'Transportation',
};
