/** English function words and news boilerplate that carry no topic. */
export const STOPWORDS = new Set(
  (
    'a about above after again against all almost also although always am among an and another any anyone ' +
    'anything are around as at away back be became because become been before being below between both but by ' +
    'came can cannot could did do does doing done down during each either else enough even ever every few for ' +
    'from further get gets getting give given go goes going gone got had has have having he her here hers herself ' +
    'him himself his how however i if in into is it its itself just last least less let like made make many may me ' +
    'might more most much must my myself near need never new next no nor not now of off often on once one only or ' +
    'other others our ours ourselves out over own per perhaps put rather said same say says see seen she should ' +
    'since so some something still such take than that the their theirs them themselves then there these they ' +
    'this those though through thus to today told too toward towards under until up upon us use used very via was ' +
    'we well were what whatever when where whether which while who whom whose why will with within without would ' +
    'yet you your yours yourself yourselves year years day days week weeks time times monday tuesday wednesday ' +
    'thursday friday saturday sunday according added including including told reported reports report news ' +
    "including percent cent two three four five six seven eight nine ten first second also could't can't don't " +
    "it's he's she's that's there's they're we're i'm isn't wasn't won't didn't doesn't mr mrs ms dr"
  ).split(' '),
);
