/** Words that, before a name, mark a person ("Minister Kim", "President Obama"); stripped from keys. */
export const PERSON_TITLES = new Set(
  (
    'mr mrs ms miss dr prof professor sir dame lord lady president vice prime minister chancellor premier ' +
    'secretary senator sen rep representative governor gov mayor king queen prince princess pope ' +
    'ceo chairman chairwoman chair chief director spokesman spokeswoman spokesperson judge justice ' +
    'general gen colonel col lieutenant lt captain capt sergeant sgt admiral adm commander officer ' +
    'inspector detective superintendent ambassador envoy foreign finance defence defense interior ' +
    'health trade justice deputy acting former coach manager striker midfielder defender goalkeeper ' +
    'rev reverend father sheikh ayatollah emir crown actor actress singer rapper star executive founder ' +
    'councillor councilor commissioner teacher substitute delegate mp mep sheriff guitarist bassist ' +
    'drummer pianist violinist vocalist keyboardist'
  ).split(' '),
);

/**
 * Titles of public office, which a place holds ("Estmark's foreign minister", "Lowmoor's mayor"); a
 * company's chief executive, founder or director are not among them.
 */
export const PUBLIC_OFFICES = new Set(
  (
    'president vice prime minister chancellor premier secretary senator governor mayor king queen ' +
    'prince princess ambassador envoy foreign finance defence defense interior health trade justice ' +
    'councillor councilor mp mep'
  ).split(' '),
);

/** Words for a business just before its name ("company Tallyform", "carmaker Vantor"). */
export const BUSINESS_NOUNS = new Set(
  (
    'company firm supplier manufacturer maker carmaker automaker chipmaker retailer airline insurer ' +
    'lender conglomerate startup start-up subsidiary distributor wholesaler supermarket provider'
  ).split(' '),
);

/**
 * Titles only a business gives, just after its name ("Aurelis Launch chief executive Victor Sallow");
 * "chief" counts only before one of BUSINESS_CHIEFS ("Obama chief strategist" is no company's).
 */
export const BUSINESS_TITLES = new Set(['ceo', 'chairman', 'chairwoman', 'founder', 'co-founder']);
export const BUSINESS_CHIEFS = new Set(['executive', 'financial', 'operating', 'technology']);

/** Words a title of office may open with ("Deputy Prime Minister", "acting mayor"). */
export const TITLE_MODIFIERS = new Set(['deputy', 'acting', 'former', 'vice', 'interim']);

/** Last words that make a name an organisation ("Bank of Korea" is caught by its first word). */
export const ORG_WORDS = new Set(
  (
    'inc inc. ltd ltd. llc plc corp corp. co co. corporation company group holdings bank ministry ' +
    'department agency commission committee council court parliament congress senate assembly party ' +
    'union association federation institute university college school hospital police army navy ' +
    'force forces guard fund foundation authority board office service services organisation ' +
    'organization league club airlines airline airways motors electronics reserve exchange network ' +
    'news times post journal press media channel tv radio government administration cabinet ' +
    'fc united power energy systems technologies technology therapeutics pharmaceuticals ' +
    'mobility capital partners labs laboratories industries insurance logistics ' +
    // Sports clubs by the words their names end on ("Sable City Rovers", "Harrow Athletic").
    'rovers athletic wanderers rangers albion harriers hotspur dynamo'
  ).split(' '),
);

/** Last words that make a name a place ("Harrow County", "Kestrel Falls", "Riverside Park"). */
export const PLACE_WORDS = new Set(
  (
    'county province district region borough township village falls river lake valley bay island ' +
    'islands mountain mountains hill hills heights canyon creek forest desert coast beach peninsula strait ' +
    'sea ocean park street road avenue square bridge harbour harbor airport station estate city'
  ).split(' '),
);

/**
 * First words that make a name a place ("Port Alder", "Cape Morrow", "Fort Worth", "Lake Geneva"),
 * compass regions ("West Virginia", "Northern California") and saints' cities ("Saint Petersburg").
 */
export const PLACE_LEADS = new Set(
  'port fort mount cape lake isle north south east west northern southern eastern western central saint san santa st.'.split(
    ' ',
  ),
);

/**
 * Last words that make a name an event or a thing rather than a person ("Ridgeback Fire", "Storm
 * Ciara", "Sable City Composite", "Nobel Prize").
 */
export const EVENT_WORDS = new Set(
  (
    'fire wildfire blaze storm hurricane typhoon earthquake flood floods war games cup festival summit trial ' +
    'index composite prize award act treaty bill alert olympics'
  ).split(' '),
);

/** First words that make a name an organisation ("Ministry of Finance", "Bank of England"). */
export const ORG_LEADS = new Set(
  'ministry department bank university council office institute court house church federal national'.split(
    ' ',
  ),
);

/** Countries, regions and large cities: the seed of the place list that articles extend. */
export const PLACES = new Set(
  (
    'afghanistan albania algeria argentina armenia australia austria azerbaijan bahrain bangladesh belarus ' +
    'belgium bolivia bosnia brazil britain bulgaria cambodia cameroon canada chile china colombia congo ' +
    'croatia cuba cyprus czech denmark ecuador egypt england estonia ethiopia europe finland france ' +
    'georgia germany ghana greece guatemala haiti honduras hungary iceland india indonesia iran iraq ' +
    'ireland israel italy jamaica japan jordan kazakhstan kenya korea kosovo kuwait laos latvia lebanon ' +
    'libya lithuania luxembourg malaysia mali malta mexico moldova mongolia montenegro morocco mozambique ' +
    'myanmar nepal netherlands nicaragua niger nigeria norway oman pakistan palestine panama paraguay peru ' +
    'philippines poland portugal qatar romania russia rwanda scotland senegal serbia singapore slovakia ' +
    'slovenia somalia spain sudan sweden switzerland syria taiwan tanzania thailand tunisia turkey uganda ' +
    'ukraine uruguay uzbekistan venezuela vietnam wales yemen zambia zimbabwe africa asia america americas ' +
    'antarctica arctic pacific atlantic gaza crimea kashmir tibet sumatra java bali ' +
    'london paris berlin madrid rome moscow beijing shanghai tokyo seoul pyongyang delhi mumbai karachi ' +
    'istanbul ankara cairo tehran baghdad damascus beirut jerusalem riyadh dubai doha kabul islamabad ' +
    'bangkok jakarta manila hanoi sydney melbourne toronto montreal vancouver ottawa washington boston ' +
    'chicago houston dallas miami atlanta seattle denver detroit philadelphia brussels amsterdam vienna ' +
    'prague warsaw budapest athens lisbon dublin edinburgh glasgow manchester liverpool birmingham leeds ' +
    'stockholm oslo copenhagen helsinki geneva zurich frankfurt munich hamburg milan naples barcelona ' +
    'kiev kyiv minsk nairobi lagos johannesburg kuala lumpur singapore hong kong taipei canberra wellington ' +
    'brasilia rio buenos aires lima bogota caracas havana mexico santiago los angeles san francisco ' +
    'new york new jersey california texas florida ohio virginia' +
    ' u.s us usa u.k uk eu'
  ).split(' '),
);

/** Multi-word places of the built-in list, as folded keys. */
export const MULTIWORD_PLACES = new Set([
  'new york',
  'los angeles',
  'san francisco',
  'hong kong',
  'kuala lumpur',
  'buenos aires',
  'new jersey',
  'south korea',
  'north korea',
  'south africa',
  'saudi arabia',
  'united states',
  'united kingdom',
  'new zealand',
  'sri lanka',
  'united arab emirates',
  'middle east',
  'latin america',
  'north america',
  'south america',
  'european union',
]);

/** Words that often start a sentence capitalized but are no names. */
export const NOT_NAMES = new Set(
  (
    'monday tuesday wednesday thursday friday saturday sunday january february march april may june july ' +
    'august september october november december jan feb mar apr jun jul aug sep sept oct nov dec ' +
    'i we you he she it they this that these those there here what when where who why how yes no ' +
    'mr mrs ms dr jr sr usd eur gbp jpy krw cny chf inr thousand million millions billion billions trillion'
  ).split(' '),
);

/** Verbs that attribute speech ("said", "told"); used by quotes and to mark speakers as people. */
export const SPEECH_VERBS =
  'said|says|say|told|tells|added|adds|asked|asks|stated|states|explained|explains|declared|declares|' +
  'announced|announces|wrote|writes|insisted|insists|argued|argues|warned|warns|noted|notes|claimed|' +
  'claims|continued|continues|replied|replies|admitted|admits|urged|urges|stressed|stresses|tweeted|' +
  'recalled|recalls|suggested|suggests|confirmed|confirms|denied|denies|commented|remarked|responded';
