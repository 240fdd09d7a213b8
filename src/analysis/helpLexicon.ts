/**
 * The words behind suggested connections, as data a librarian can read and extend: kinds of help, the words that
 * say an asset offers one or lacks one, the cues of scarcity and negation, and the specifics (languages, times,
 * topics, devices, audiences) that must not contradict.
 *
 * How the tables are read (needOffer.ts):
 * - A strength, passion or program is an offer of every kind whose `offer` words it uses ("Church van with a
 *   volunteer driver" offers transport), unless a negation stands just before the word ("no parking").
 * - A weakness is a need of every kind whose `need` words it uses ("Far from town" needs transport), and of every
 *   kind whose `offer` words it uses together with a scarcity cue ("No projector", "Only one room").
 * - Phrases are matched before the words inside them ("volunteer driver" is transport, not people); entries are
 *   written as a user would write them: plurals and capitals fold ("Computers" finds "computer").
 * - `overrides` settles texts that name two kinds: in "Needs volunteers who speak Spanish" the need is a language,
 *   and the volunteers are who would meet it.
 * - A suggestion pairs an offer and a need of the same kind whose specifics agree: where both name a language,
 *   a time, a topic, a device or an audience, they must share one (see `mustAgree`). Specifics both sides share
 *   make a suggestion stronger.
 */
import type { Area } from '../model';

export type SpecificDimension = 'language' | 'day' | 'part' | 'season' | 'topic' | 'device' | 'audience';

export interface HelpKind {
  id: string;
  /** The toolkit area it belongs to, for the "Areas" line and the map's colours. */
  area: Area;
  /** Ends "both are about …". */
  about: string;
  /** Words that say an asset has this to give. */
  offer: string[];
  /** Words that say an asset lacks this (read in weaknesses only). */
  need: string[];
  /** Specifics that must share a value when both sides name one. */
  mustAgree: SpecificDimension[];
  /** A need that names one of these the offer must name it too (a language offer must name the language). */
  required?: SpecificDimension[];
  /** Either side naming no topic makes the suggestion only a weak one: know-how is always know-how of something. */
  topicMatters?: boolean;
  /** Offer words that count only when the offer also names this kind of specific ("relationship with" whom). */
  offerWithSpecific?: { dimension: SpecificDimension; words: string[] };
  /** Kinds this one wins over when a weakness names both. */
  overrides?: string[];
  /**
   * Need words that say little about what would help ("Part-time, 20 hours a week" is a fact about a job, not a
   * call for volunteers): a need read only from these makes weak suggestions, behind "Show more".
   */
  faintNeed?: string[];
}

export const HELP_KINDS: HelpKind[] = [
  {
    id: 'transport',
    area: 'transportation',
    about: 'getting people to the library',
    offer: [
      'van', 'minibus', 'bus', 'shuttle', 'car', 'vehicle', 'driver', 'volunteer driver', 'ride', 'rides', 'carpool',
      'bus pass', 'transit pass', 'bookmobile', 'takes residents', 'drives people',
    ],
    need: [
      'distance', 'far from', 'far away', 'hard to reach', 'cant get to', 'cannot get to', 'no way to reach',
      'no way to get', 'no longer drive', 'dont drive', 'no car', 'no ride', 'without a ride', 'no transportation',
      'no bus', 'transportation', 'parking', 'after dark',
    ],
    mustAgree: ['day', 'part'],
    overrides: ['people', 'reach'],
  },
  {
    id: 'venue',
    area: 'space',
    about: 'a place to meet',
    offer: [
      'room', 'hall', 'meeting space', 'meeting room', 'auditorium', 'gym', 'gymnasium', 'building', 'venue',
      'classroom', 'studio', 'activity room', 'community room', 'stage', 'space for', 'space', 'seat', 'seating',
      'capacity', 'barn',
    ],
    need: [
      'fully booked', 'booked', 'always full', 'no space', 'no room', 'no place', 'nowhere to', 'too small',
      'cramped', 'overcrowded', 'no heat', 'lost its', 'no meeting space',
    ],
    mustAgree: ['day', 'part', 'season'],
  },
  {
    id: 'kitchen',
    area: 'space',
    about: 'a kitchen',
    offer: ['kitchen', 'commercial kitchen'],
    need: ['no kitchen', 'no sink'],
    mustAgree: ['day', 'part'],
  },
  {
    id: 'hours',
    area: 'time',
    about: 'being open when the library or the partner is closed',
    offer: [
      'open until', 'open late', 'open evening', 'open weekend', 'open on weekend', 'open saturday', 'open sunday',
      'open monday', 'open tuesday', 'open wednesday', 'open thursday', 'open friday', 'open every day',
      'open 7 days', 'open seven days',
    ],
    need: ['closed', 'only open', 'open only', 'hour a week', 'limited hours'],
    mustAgree: ['day', 'part'],
  },
  {
    id: 'people',
    area: 'people',
    about: 'more hands to help',
    offer: [
      'volunteer', 'volunteers', 'retiree', 'retired', 'member who help', 'member who volunteer', 'congregation',
      'congregation member', 'pta', 'pto', 'parent', 'helper', 'intern', 'service hour', 'volunteer hour',
      'docent', 'chaperone', 'extra hand',
    ],
    need: [
      'few member', 'few volunteer', 'not enough volunteer', 'no volunteer', 'need volunteer', 'need help',
      'short staffed', 'understaffed', 'no one to', 'no one available', 'no backup', 'no time',
      'no time to teach', 'too busy', 'too busy to teach', 'not enough hour', 'not enough hour to teach', 'heavy to move', 'care', 'look after', 'water',
      'setting up', 'set up', 'recruit', 'availability',
    ],
    mustAgree: ['day', 'part', 'season'],
    overrides: ['hours'],
    faintNeed: ['part time', 'only work', 'work only', 'no time to plan'],
  },
  {
    id: 'language',
    area: 'language',
    about: 'a language',
    offer: [
      'speaker', 'speak', 'speaking', 'fluent', 'bilingual', 'multilingual', 'interpreter', 'interpreting',
      'translate', 'translation', 'translator', 'sign', 'signing', 'storyteller',
    ],
    need: ['no speaker', 'cant sign', 'cannot sign', 'only in english', 'translation', 'interpreter', 'language barrier'],
    mustAgree: ['language'],
    required: ['language'],
    overrides: ['people', 'teaching'],
  },
  {
    id: 'funding',
    area: 'funding',
    about: 'money',
    offer: ['grant', 'fund', 'funds', 'funding', 'donor', 'sponsor', 'sponsors', 'raise money', 'raise fund', 'fundraising', 'fundraiser', 'book sale', 'money', 'donation'],
    need: ['budget', 'cant afford', 'cannot afford', 'no funding', 'funding', 'expensive', 'cost', 'no money'],
    mustAgree: [],
  },
  {
    id: 'equipment',
    area: 'technology',
    about: 'equipment to use or lend',
    offer: [
      'computer', 'laptop', 'chromebook', 'tablet', 'ipad', 'hotspot', 'projector', 'printer', '3d printer',
      'laser cutter', 'sewing machine', 'camera', 'wii', 'game console', 'provides technology', 'to lend', 'lend',
    ],
    need: ['waiting list', 'line to use', 'lack internet', 'no internet', 'no wifi', 'not enough computer'],
    // "Lends a gallery wall" does not shorten a waiting list for hotspots: the thing lent must be the thing lacking.
    mustAgree: ['device'],
    required: ['device'],
  },
  {
    id: 'repair',
    area: 'technology',
    about: 'keeping devices working',
    offer: ['fix', 'fixes', 'fixing', 'repair', 'repairs', 'maintain', 'maintains', 'look after', 'keep', 'keeps', 'running', 'troubleshoot', 'set up', 'sets up', 'good with', 'it support'],
    need: ['damaged', 'broken', 'out of order', 'slow', 'outdated', 'not working', 'crash', 'old computer', 'need repair'],
    // Know-how with computers covers phones and tablets: the topic must agree, not the device.
    mustAgree: ['topic'],
    topicMatters: true,
    overrides: ['equipment', 'people'],
  },
  {
    id: 'teaching',
    area: 'expertise',
    about: 'know-how to share',
    offer: [
      'teach', 'teaches', 'teacher', 'tutor', 'tutors', 'coach', 'coaching', 'instructor', 'certified', 'knowledgeable',
      'expert', 'expertise', 'trained', 'skilled', 'experience', 'educator', 'good with', 'engineer', 'give talk', 'workshop',
    ],
    need: [
      'no one to teach', 'nobody to teach', 'not comfortable', 'comfortable with', 'uncomfortable', 'dont use', 'cant use', 'help with', 'no one know',
      'dont know how', 'lack of training', 'untrained', 'only two staff trained', 'knowledge', 'ability', 'no librarian',
    ],
    mustAgree: ['topic', 'audience'],
    topicMatters: true,
    overrides: ['people', 'equipment'],
  },
  {
    id: 'reach',
    area: 'relationships',
    about: 'reaching people',
    offer: ['mailing list', 'newsletter', 'social media', 'follower', 'radio', 'flyer', 'word of mouth'],
    // "Technology partnership with Neighborhood Association 2" reaches no one in particular.
    offerWithSpecific: {
      dimension: 'audience',
      words: ['relationship with', 'connection with', 'partnership with', 'trusted by', 'trust', 'knows every'],
    },
    need: [
      'dont know the', 'doesnt know the', 'dont know about', 'nobody know', 'cant reach', 'cannot reach', 'dont come',
      'stop coming', 'rarely visit', 'rarely work with', 'low attendance', 'poor turnout', 'no contact', 'isolated',
    ],
    mustAgree: ['audience'],
  },
  {
    id: 'coordination',
    area: 'time',
    about: 'keeping schedules in step',
    offer: ['shared calendar', 'scheduling', 'coordinator'],
    need: ['busy schedule', 'coordination', 'scheduling'],
    mustAgree: [],
  },
];

/** "50 person capacity", "Holds only 10 people", "Seats 120": a head count after or before a number is a room. */
export const CAPACITY_WORDS: string[] = ['people', 'person', 'seat', 'seater', 'guest', 'attendee'];

/** An amount of money ("$8,000", "£500") is an offer of money, or in a weakness a need of it. */
export const MONEY_KIND = 'funding';
/** A language named ("Spanish", "ASL") makes a text about language even with no other word for it. */
export const LANGUAGE_KIND = 'language';
/** The kind a head count is about. */
export const CAPACITY_KIND = 'venue';

/** Phrases whose words name a role or a thing, not an offer: "volunteer coordinator" offers no volunteers. */
export const IGNORED_PHRASES: string[] = ['volunteer coordinator', 'volunteer services', 'knows every volunteer', 'volunteer fair'];

/** Words that, in a weakness, turn an offer word into a need ("No projector", "Only one room"). */
export const SCARCITY_CUES: string[] = [
  'no', 'not', 'lack', 'lack of', 'lacks', 'without', 'only', 'too few', 'few', 'not enough', 'far from', 'always full',
  'fully booked', 'out of order', 'closed', 'lost', 'cant', 'cannot', 'dont', 'doesnt', 'too small', 'too busy',
  'shortage', 'short of', 'waiting list', 'nowhere', 'missing', 'inconsistent', 'never',
];

/** Words that, just before an offer word in a strength, take it back ("no parking", "not open weekends"). */
export const NEGATION_CUES: string[] = ['no', 'not', 'never', 'without', 'lack', 'lack of', 'dont', 'doesnt', 'cant', 'cannot'];

/**
 * Words saying a capacity goes unused ("Untapped source of expertise"): such a weakness is about the library not
 * drawing on something, which no offer of another asset meets.
 */
export const UNTAPPED_CUES: string[] = ['untapped', 'underused', 'underutilized', 'underutilised', 'unused'];

/** In a need, times after these are when the asset *is* available, not when help is needed: they are not read. */
export const COMPLEMENT_CUES: string[] = ['only', 'except'];

/** Specific values, each with the words that name it. English names no specific language: everyone here speaks it. */
export const SPECIFICS: Record<SpecificDimension, Record<string, string[]>> = {
  language: {
    ASL: ['asl', 'sign language', 'sign', 'signing', 'deaf'],
    Spanish: ['spanish', 'español'],
    Farsi: ['farsi', 'persian', 'dari'],
    Arabic: ['arabic'],
    Mandarin: ['mandarin'],
    Cantonese: ['cantonese'],
    Vietnamese: ['vietnamese'],
    Korean: ['korean'],
    Tagalog: ['tagalog'],
    Russian: ['russian'],
    Ukrainian: ['ukrainian'],
    Somali: ['somali'],
    Hmong: ['hmong'],
    Portuguese: ['portuguese'],
    French: ['french'],
    Haitian_Creole: ['creole', 'haitian creole'],
    Hindi: ['hindi'],
    Urdu: ['urdu'],
    Polish: ['polish'],
  },
  day: {
    Monday: ['monday'],
    Tuesday: ['tuesday'],
    Wednesday: ['wednesday'],
    Thursday: ['thursday'],
    Friday: ['friday'],
    Saturday: ['saturday'],
    Sunday: ['sunday'],
  },
  part: {
    morning: ['morning'],
    afternoon: ['afternoon', 'after school'],
    evening: ['evening', 'night', 'after dark', 'tonight'],
  },
  season: {
    summer: ['summer'],
    winter: ['winter'],
    spring: ['spring'],
    autumn: ['autumn', 'fall'],
  },
  topic: {
    technology: [
      'computer', 'laptop', 'chromebook', 'tablet', 'ipad', 'phone', 'smartphone', 'device', 'printer', 'technology',
      'tech', 'coding', 'code', 'programming', 'robotics', 'robot', 'engineer', 'engineering',
    ],
    making: ['laser cutter', '3d printer', '3d printing', 'makerspace', 'maker space', 'woodworking', 'sewing machine'],
    internet: ['internet', 'wifi', 'wi fi', 'hotspot', 'broadband'],
    games: ['video game', 'game', 'gaming', 'wii', 'console', 'board game'],
    art: ['art', 'artist', 'painting', 'drawing', 'draw', 'screen printing', 'zine', 'craft', 'crafts', 'gallery'],
    needlework: ['sewing', 'sew', 'knitting', 'knit', 'quilting', 'quilt', 'crochet', 'yarn', 'costume', 'embroidery'],
    cooking: ['cook', 'cooking', 'baking', 'bake', 'recipe', 'chef'],
    gardening: ['garden', 'gardening', 'gardener', 'seed', 'plant', 'raised bed', 'water'],
    animals: ['animal', 'pet', 'guinea pig', 'raise animal', 'livestock'],
    reading: ['reading', 'literacy', 'early literacy', 'storytime', 'story time', 'phonics', 'read aloud', 'early reading'],
    fiction: ['fantasy', 'science fiction', 'sci fi', 'mystery', 'novel', 'fiction'],
    comics: ['anime', 'manga', 'comic', 'graphic novel', 'cosplay'],
    jobs: ['job', 'resume', 'career', 'job seeker', 'employment', 'interview'],
    health: ['health', 'clinic', 'nurse', 'medical', 'nutrition'],
    science: ['science', 'scientist', 'math', 'stem', 'nature'],
    history: ['history', 'genealogy', 'heritage'],
    music: ['music', 'musician', 'guitar', 'piano', 'choir', 'band'],
    photography: ['photography', 'photo', 'camera'],
    dance: ['dance', 'dancing'],
    bikes: ['bike', 'bicycle', 'cycling'],
  },
  device: {
    computer: ['computer', 'laptop', 'chromebook', 'pc'],
    tablet: ['tablet', 'ipad'],
    phone: ['phone', 'smartphone'],
    internet: ['internet', 'wifi', 'wi fi', 'hotspot', 'broadband'],
    projector: ['projector'],
    printer: ['printer', '3d printer'],
    'laser cutter': ['laser cutter'],
    'sewing machine': ['sewing machine'],
    camera: ['camera'],
    console: ['wii', 'game console', 'xbox', 'playstation', 'nintendo'],
  },
  audience: {
    teens: ['teen', 'teenager', 'youth', 'high school', 'young adult'],
    students: ['student', 'college'],
    children: ['child', 'kid', 'family', 'families', 'preschool', 'toddler', 'storytime'],
    seniors: ['senior', 'retiree', 'elderly', 'older adult', 'homebound'],
    'job seekers': ['job seeker', 'unemployed'],
    newcomers: ['immigrant', 'newcomer', 'refugee', 'new arrival'],
    officials: ['council', 'city council', 'mayor', 'official'],
  },
};

/** The days "weekday" and "weekend" stand for; "Tuesday to Saturday" is read as the days between. */
export const DAY_GROUPS: Record<string, string[]> = {
  weekday: ['Monday', 'Tuesday', 'Wednesday', 'Thursday', 'Friday'],
  weekend: ['Saturday', 'Sunday'],
  'after school': ['Monday', 'Tuesday', 'Wednesday', 'Thursday', 'Friday'],
};
