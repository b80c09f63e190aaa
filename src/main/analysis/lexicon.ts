// The words the suggestion rules look for, in one place.

/** Names of days and months, lower-case: dates, never names of places, people or units. */
export const WEEKDAYS = ['monday', 'tuesday', 'wednesday', 'thursday', 'friday', 'saturday', 'sunday']
export const MONTHS = 'january february march april may june july august september october november december'.split(' ')

/** Reporting verbs (lemmas) whose complement is the claim: "X said (that) Y", "Y, X said". */
export const SAY_VERBS = new Set(
  (
    'say state claim estimate acknowledge admit warn confirm add note report announce insist argue assert allege ' +
    'write post explain indicate suggest assess conclude maintain predict reveal disclose declare testify stress ' +
    'emphasize emphasise caution concede contend observe reiterate forecast show tweet agree complain believe ' +
    'estimate calculate find expect rule'
  ).split(' ')
)
/**
 * Verbs of the speaker's own reckoning: "estimated ..., citing the morgue registers" names what the estimate
 * rests on, not someone else speaking.
 */
export const RECKONING_VERBS = new Set(
  'estimate calculate reckon conclude assess judge compute project forecast'.split(' ')
)
/** Verbs whose object is the person told: "X told Reuters that Y". */
export const TELL_VERBS = new Set(['tell', 'inform', 'assure', 'brief', 'remind'])
/** Denials and accusations: the claim includes the verb ("denied that ...", "accused X of ..."). */
export const DENY_VERBS = new Set(['deny', 'reject', 'dismiss', 'refute', 'rebut', 'dispute'])
export const ACCUSE_VERBS = new Set(['accuse', 'blame'])
/** wink's lemmas for past forms it does not reduce. */
export const LEMMA_FIXES: Record<string, string> = {
  said: 'say',
  says: 'say',
  told: 'tell',
  tells: 'tell',
  assesses: 'assess',
  forecasts: 'forecast',
  shows: 'show'
}

/**
 * Verbs that give a figure: "put the toll at 112", "gave a third count: 31 ...", "reported a higher figure
 * of 47 engagements", "recorded 84 ships".
 */
export const GIVE_VERBS = new Set(['give', 'provide', 'offer', 'report', 'publish', 'release', 'cite'])
export const FIGURE_NOUNS = new Set(['count', 'figure', 'figures', 'estimate', 'toll', 'tally', 'number', 'total'])
/** Record-keeping verbs: a cue only with a figure in their object ("listed Brenna among 11 dams"). */
export const RECORD_VERBS = new Set(['record', 'list', 'rate', 'count', 'register', 'tally', 'log'])
/** Words that open a figure: "at more than 20,000", "at about 40". */
export const FIGURE_HEDGES = new Set(
  'about around some roughly more less over under between nearly almost up upward upwards fewer just well close closer approximately only'.split(
    ' '
  )
)
/** A judge's or official's rulings, the claim from the verb on: "She allowed the recording ...". */
export const RULING_VERBS = new Set(['allow', 'refuse', 'order', 'grant', 'overrule', 'uphold', 'rule'])
/** Verbs whose object is the claim: "promised compensation for every family", "described long queues". */
export const OBJECT_CLAIM_VERBS = new Set(['promise', 'pledge', 'vow', 'describe'])
/** Heads a publisher calls itself by: "told the programme", "the paper has learned". */
export const OWN_MEDIUM = new Set([
  'programme',
  'program',
  'show',
  'broadcast',
  'paper',
  'newspaper',
  'station',
  'website'
])
/** "the paper", "the agency": an outlet named by what it is, the last one named before. */
export const GENERIC_OUTLETS = new Set(['paper', 'newspaper', 'agency', 'broadcaster', 'channel', 'network', 'outlet'])
/** "..., but did not say how many": what follows is the publisher's, not the speaker's. */
export const NEGATED_TAIL = /,?\s+but\s+(?:did|does|do|has|have|had|would|could)\s*(?:not|n't)\s/i

export const isReportingLemma = (lemma: string): boolean =>
  SAY_VERBS.has(lemma) || TELL_VERBS.has(lemma) || DENY_VERBS.has(lemma) || ACCUSE_VERBS.has(lemma)

/** Verbs that only report when something reportable follows, never with a plain object. */
export const NEEDS_CLAUSE = new Set([
  'add',
  'find',
  'show',
  'post',
  'write',
  'note',
  'report',
  'claim',
  'agree',
  'believe',
  // "The judge ruled that ...", not "ruled the country".
  'rule',
  // "declared that ...", not "declared three days of mourning" (an act, not an account).
  'declare'
])

/** What splits one speaker's sentence into several claims: "..., adding that ...", "... but that ...". */
export const CLAIM_SPLITS = /,?\s+(?:but|and)\s+that\s+|,\s+adding(?:\s+that)?\s+|,\s+saying(?:\s+that)?\s+|;\s+/gi

/** An audience, not a relay: "told reporters", "told parliament". */
/** Who asks the questions in an interview: told, they are its audience, not a relay. */
export const INTERVIEWERS = new Set(['presenter', 'host', 'anchor', 'interviewer', 'anchorman', 'anchorwoman'])
export const AUDIENCES = new Set(
  (
    'reporters journalists lawmakers legislators parliament congress senators delegates supporters students ' +
    'colleagues residents crowd audience conference briefing court judges jury committee assembly members troops ' +
    'soldiers staff workers investigators officials diplomats visitors mps meps councillors partners donors ' +
    'listeners viewers followers media press outlets newspapers broadcasters'
  ).split(' ')
)

/** A relay or speaker that is a news outlet. */
export const OUTLET_WORDS =
  /\b(newspaper|news agency|broadcaster|television|tv|radio|outlet|media|daily|weekly|tabloid|broadsheet|blog|website|newswire|magazine|channel|wire|news|press|gazette|herald|courier|chronicle|times|post|journal|tribune|reuters|associated press|afp|bloomberg|bbc|cnn|newsweek|tass|ria|interfax|xinhua|yonhap|kyodo)\b/i
export const ORGANIZATION_WORDS =
  /\b(ministry|department|institute|centre|center|government|council|army|navy|forces|intelligence|police|office|committee|staff|kremlin|pentagon|nato|agency|party|group|company|firm|university|command|authority|authorities|service|services|think tank|administration|commission|bureau|embassy|court|parliament|mod|administration|organisation|organization|union|bank|fund|operator|inc|ltd|corporation|trust|foundation|association|board|hospital|clinic|federation|league|network|coalition|alliance|management|inspectorate|regulator|watchdog|utility|utilities|directorate|secretariat|cabinet|municipality|charity|consortium|mining|energy|holdings|industries|airlines|airways|shipping|logistics|petroleum|international|corps|society|red cross|red crescent|movement|yards|shipyard|systems|technologies|solutions|electronics|engineering|dynamics|telecom|pharmaceuticals|motors|labs)\b/i
/** Nouns any organisation may be called by ("the company", "the organisation"), whatever its name. */
export const GENERIC_BODIES = new Set(['company', 'firm', 'organisation', 'organization', 'group', 'charity', 'body'])
/** Speakers that are records, not people: "geolocated footage shows", "reports indicated". */
export const DOCUMENT_HEADS = new Set(
  (
    'footage imagery images image video videos data figures records document documents report reports assessment ' +
    'assessments photos photographs satellite analysis study survey statement map maps article story logs filing ' +
    'email emails memo letter minutes transcript audit results count tally bulletin advisory communique ' +
    'schedule schedules calendar invoices tables files papers filings poll polls register registers ledger ledgers'
  ).split(' ')
)
/** Records that say nothing by themselves: "documents seen by the Courier show ..." is the Courier's reading. */
export const RAW_RECORDS = new Set(
  (
    'documents document data schedule schedules calendar invoices records images imagery footage photos ' +
    'photographs video videos tables logs filings files papers'
  ).split(' ')
)
/** Heads of speaker phrases that describe unnamed people: "a Ukrainian official", "residents". */
export const ROLE_NOUNS = new Set(
  (
    'official source spokesman spokeswoman spokesperson officer commander diplomat analyst resident witness insurer ' +
    'milblogger blogger expert people person soldier fighter forecaster observer aide adviser advisor executive ' +
    'employee insider member investigator engineer worker doctor researcher scientist trader activist lawmaker ' +
    'politician correspondent journalist reporter military citizen civilian villager local nurse teacher student ' +
    'monitor volunteer medic paramedic firefighter guard farmer driver patient survivor victim relative neighbour ' +
    'broker dealer banker lawyer attorney economist negotiator coordinator manager inspector auditor pilot sailor ' +
    'seafarer crew fisherman shipowner contractor miner rescuer mediator prosecutor detective agent consultant ' +
    'specialist campaigner protester demonstrator eyewitness bystander passenger customer shopkeeper merchant ' +
    'exporter importer buyer seller participant delegate organiser organizer accountant clerk owner tenant parent'
  ).split(' ')
)
/** Nouns that make "a charge X rejected" an objection, not a speaker phrase. */
export const CLAIM_NOUNS = new Set([
  'charge',
  'claim',
  'accusation',
  'allegation',
  'assertion',
  'suggestion',
  'report',
  'idea',
  'notion'
])
/**
 * Nouns that name someone's account rather than say what it is: "disputed the charity's account", "gave
 * a lower figure", "offered sharply different accounts". A sentence that only names one is about the
 * reporting, not a claim.
 */
export const ACCOUNT_NOUNS = new Set(
  'account claim accusation allegation criticism charge figure estimate version report tally count roundup story'.split(
    ' '
  )
)
/**
 * What a text counts when it counts its own evidence ("we started with eleven videos", "three sources
 * saying the same thing", "the two figures"): such a count is no claim of the publisher's.
 */
export const EVIDENCE_UNITS = new Set([
  'source',
  'video',
  'figure',
  'report',
  'image',
  'photograph',
  'photo',
  'document'
])
/** "the Office's estimate that ...": a possessive speaker. */
export const POSSESSIVE_CLAIM_NOUNS = new Set([
  'estimate',
  'assessment',
  'claim',
  'statement',
  'conclusion',
  'finding',
  'view',
  'position',
  'argument'
])

export const PRONOUNS: Record<string, 'person' | 'thing' | 'plural' | 'publisher'> = {
  he: 'person',
  she: 'person',
  it: 'thing',
  they: 'plural',
  we: 'publisher'
}
/** "By his count, ...": a possessive pronoun speaks as its subject form does. */
export const POSSESSIVE_PRONOUNS: Record<string, string> = {
  his: 'he',
  her: 'she',
  its: 'it',
  their: 'they',
  our: 'we'
}
/** A reckoning its owner gives a figure by: "By her estimate, ...", "By the union's own count, ...". */
export const RECKONING_NOUNS = new Set(
  'count counts estimate estimates calculation calculations reckoning tally account figures analysis'.split(' ')
)

/** Titles before a person's name ("General Oleksandr Syrskyi"): not part of the name. */
export const TITLES = new Set(
  (
    'mr mrs ms dr prof president general gen colonel col captain capt major lieutenant admiral minister secretary ' +
    'governor mayor senator sen rep judge sir lord lady prince king queen chancellor premier prime deputy vice ' +
    'former acting foreign defense defence interior finance chief commander spokesman spokeswoman spokesperson ' +
    'ambassador envoy director head chairman chairwoman lawmaker opposition sergeant private officer detective ' +
    'inspector superintendent constable commissioner sheriff prosecutor councillor chairperson dr. mr. mrs. ms. ' +
    'prof. gen. col. capt. lt. sgt.'
  ).split(' ')
)

/** Letters after a person's name ("Desmond Fairleigh KC"): not part of the name. */
export const POST_NOMINALS = new Set('kc qc sc mp msp mep jr jr. sr sr. phd md obe mbe cbe esq'.split(' '))

/** The publisher's own caveats about a claim. */
export const CAVEATS: { kind: 'unverified' | 'not-confirmed-or-denied' | 'no-comment' | 'no-evidence'; re: RegExp }[] =
  [
    {
      kind: 'not-confirmed-or-denied',
      re: /\bnot\s+(?:yet\s+)?(?:confirmed\s+or\s+denied|denied\s+or\s+confirmed)\b/i
    },
    {
      kind: 'unverified',
      re: /\b(?:independently\s+(?:verif|confirm)\w*|(?:could\s+not|couldn't|cannot|can't|(?:was|were|is|are)\s+unable\s+to|(?:has|have|had)\s+not\s+been\s+able\s+to|(?:was|were)\s+not\s+able\s+to|(?:is|are|was|were)\s+not\s+in\s+a\s+position\s+to)\s+(?:be\s+)?(?:independently\s+)?(?:verif|confirm|establish)\w*)|\b(?:could\s+not|couldn't|cannot|can't)\s+be\s+checked\b|\bnot\s+possible\s+to\s+(?:independently\s+)?(?:verif|confirm|check)\w*|\bno\s+independent\s+(?:confirmation|verification)\b|\bnone\s+of\s+(?:the|these|those|its|their|his|her)\s+(?:\w+\s+){1,2}?(?:could|can|has|have)\s+(?:yet\s+)?(?:be|been)\s+(?:independently\s+)?(?:verif|confirm)\w*|\btreat(?:s|ed|ing)?\s+(?:\w+\s+){0,3}with\s+caution\b/i
    },
    {
      // "The Observer has not seen the document": a name (the publisher's), not "her side", has not seen it.
      kind: 'unverified',
      re: /\b(?:[A-Z][\w'’]*|we)\s+(?:has|have|had)\s+not\s+(?:seen|obtained|reviewed)\s+(?:the|this|that)\s+(?:document|draft|letter|memo|footage|video|recording|text|email|report)\b/
    },
    {
      kind: 'no-comment',
      re: /\b(?:did\s+not|didn't)\s+(?:immediately\s+)?(?:respond|reply)\s+to\s+(?:a\s+|our\s+)?requests?\s+for\s+comment|\bdeclined\s+to\s+comment|\bcould\s+not\s+be\s+reached\s+for\s+comment/i
    },
    {
      kind: 'no-evidence',
      re: /\b(?:did\s+not|didn't|without)\s+provid(?:e|ing)\s+(?:any\s+)?evidence|\b(?:has|have)\s+not\s+(?:observed|seen)\s+(?:any\s+)?(?:visual\s+)?evidence|\boffered\s+no\s+evidence/i
    }
  ]
/** A caveat about two accounts ("could not verify either account") applies to the last two speakers'. */
export const CAVEAT_ABOUT_TWO = /\b(?:either|both)\b/i
/** "These reports could not be verified": all the last speaker's claims. */
export const CAVEAT_ABOUT_LAST =
  /\b(?:(?:these|those)\s+(?:reports|claims|accounts|statements|allegations)|(?:seen|obtained|reviewed)\s+the\s+(?:document|draft|letter|memo|footage|video|recording|text|email|report))\b/i
/** A caveat on what either side's officials say: "the accounts given by officials of either government". */
export const CAVEAT_ON_OFFICIALS = /\b(?:officials|governments?|authorities)\b/i
/** A speaker for a government: its ministries, leaders, forces and their spokespeople. */
export const GOVERNMENT_SPEAKER =
  /\b(?:ministry|ministries|minister|government|president|premier|army|military|armed|forces|defen[cs]e|interior|foreign|kremlin|presidency|cabinet)\b/i
/** A caveat about figures applies to the claims with figures before it. */
export const CAVEAT_ABOUT_FIGURES = /\b(figures?|numbers?|tolls?|estimates?|either|both|these)\b/i

/** A caveat naming whose claims it is about: "could not verify the group's claims". */
export const CAVEAT_OWNER =
  /(?:\b[Tt]he\s+(?:\p{L}+\s+){0,2}?|\b(?=\p{Lu}))(\p{L}+)['’]s\s+(?:\p{L}+\s+)?(claims?|figures?|accounts?|statements?|assertions?|numbers?|estimates?)\b/u
/** A caveat on a count: "the number of missiles and drones launched" (the claims giving that count). */
export const CAVEAT_NUMBER_OF = /\bthe\s+number\s+of\s+(\p{L}+)(?:\s+(?:and|or)\s+(\p{L}+))?(?:\s+(\p{L}+ed))?\b/giu
/** A caveat on what a record holds: "could not verify the figures it contains", "the claims in the report". */
export const CAVEAT_ON_RECORD =
  /\b(figures|numbers|estimates|claims|details)\s+(?:it|they)\s+contains?\b|\b(figures|numbers|estimates|claims|details)\s+in\s+the\s+(?:[\p{L}-]+\s+)?(document|assessment|report|memo|dossier|draft|study|paper)s?\b/iu
/** The first of two owners sharing one noun: "the Harbour Army's or the Coastal Command's account". */
export const CAVEAT_CO_OWNER =
  /\b(?:[Tt]he\s+)?((?:\p{L}+\s+){0,2}?\p{L}+)['’]s\s+(?:or|and)\s+(?:the\s+)?(?:\p{L}+\s+){0,2}?\p{L}+['’]s\s/u
/**
 * An aside naming the outlet that carried the words: "in remarks carried by", ", whose report was quoted by",
 * "a survey by X for" (the outlet it was made for).
 */
export const CARRIER_ASIDE = String.raw`(?:(?:in\s+(?:(?:a|an|the|its|his|her|their)\s+)?(?:[\p{L}-]+\s+)?(?:statement|remarks|comments|interview|post|report|letter|message|dispatch|article)\s+(?:later\s+)?|whose\s+(?:report|story|dispatch|account)\s+was\s+)(?:carried|published|reported|quoted|reproduced|broadcast|aired|posted|cited)\s+by\s+|(?:survey|poll|study)\s+by\s+[^,.;]+?\s+for\s+)`
/** A caveat on a report by the outlet that names it: "could not verify the Vesna report". */
export const CAVEAT_NAMED_REPORT =
  /\b(?:verify|confirm)\s+the\s+(\p{Lu}[\p{L}-]*(?:\s+\p{Lu}[\p{L}-]*)?)\s+(?:report|reports|story|article|account|claims?)\b/u
/** A caveat on one speaker's account of a thing: "Radio Vest's report of the attack", "the weekly's reading of the data". */
export const CAVEAT_ACCOUNT_OF =
  /\b(\p{L}+)['’]s\s+(?:\p{L}+\s+)?(?:report|reports|reading|account|accounts|claim|claims|version|description|figures?|estimates?)\s+(?:of|about|on)\s+(?:the\s+)?([\p{L}-]+)/giu
/** A claim comparing amounts gives a figure: "far more shells than ministers have admitted". */
export const COMPARES_AMOUNTS = /\b(?:more|fewer|less|larger|smaller|higher|lower|greater)\b[^.;]*\bthan\b/i
/** A caveat on a death toll, and the claims that give one. */
export const CAVEAT_TOLL = /\b(?:death\s+toll|toll|number\s+of\s+(?:dead|deaths|people\s+killed))\b/i
export const GIVES_TOLL = /\b(?:killed|dead|died|deaths?|toll)\b/i
/** A caveat about counts: "could not confirm how many people were injured or how many vessels were present". */
export const CAVEAT_HOW_MANY = /\bhow\s+many\s+(\p{L}+)(?:\s+(?:were|was|had\s+been|have\s+been)\s+(\p{L}+ed))?/giu
/** "Reports that ... are false": the publisher rebuts something. */
export const REBUTTAL =
  /\b(?:reports?|claims?|allegations?|rumou?rs?|suggestions?|assertions?)\b.*\b(?:is|are|was|were)\s+(?:false|untrue|baseless|groundless|unfounded|fabricated|fake|incorrect|inaccurate|misleading)\b/i
/** Estimative language in the publisher's own voice (ICD 203 terms and their kin), and hearsay hedges. */
export const ESTIMATIVE =
  /\b(?:likely|unlikely|probably|almost certainly|very likely|highly likely|probable|improbable|remote chance|roughly even|reportedly|allegedly|purportedly|(?:high|moderate|low) confidence that)\b/i
/** Text cut off mid-phrase ("the Institute for the Study..."): a teaser or caption, not the claim. */
export const TRUNCATED = /\p{L}(?:\.\.\.|…)(?=\s|$)/u

/** A record a speaker speaks through: "said in a written statement", "in an email". */
export const RECORD_MEDIUM =
  /\bin\s+(?:a|an|its|his|her|their)\s+(?:\w+\s+)?(statement|letter|email|post|report|release|memo|message|note|filing|submission|advisory|bulletin)\b/i
/** A speaker named by its record: "The ministry's statement", "the company's annual report". */
export const OWNED_RECORD =
  /['’]s\s+(?:\w+\s+)?(statement|letter|email|post|report|release|memo|message|note|filing|submission|advisory|bulletin)$/i
/** An occasion other than an interview: "at a news conference", "on social media", "in a televised address". */
export const OCCASION =
  /\b(?:at\s+an?\s+(?:\w+\s+)?(?:news|press)\s+(?:conference|briefing)|on\s+(?:social\s+media|its\s+website)|in\s+an?\s+(?:\w+\s+)?(?:address|speech|sermon|lecture|debate|hearing))\b/i
/** "X said it could not comment": a refusal, not a claim. */
export const NO_COMMENT_CLAIM =
  /^(?:it|he|she|they|we)\s+(?:could|would|will|can|cannot|can't|did)\s*(?:not|n't)?\s+comment\b|^(?:it|he|she|they|we)\s+(?:had|has|have)\s+no\s+(?:immediate\s+)?comment\b/i
/** Where a speaker's claim turns into the publisher's inference: ", so the gap amounts to ...". */
export const INFERENCE_TURN =
  /,\s+(?:so|thus|hence)\s+|,?\s+and\s+(?=[^,.;]*\btherefore\b)|[,;]\s+which\s+means(?:\s+that)?\s+/gi
/**
 * Where it turns to the publisher's own comparison with the record: "..., in what would be the most serious
 * clash in two years", "..., the first time the government has named ...".
 */
/** "..., a detail no other outlet carried": the publisher's remark on the claim before it. */
export const REMARK_TURN =
  /,\s+(?=(?:a|an)\s+(?:detail|claim|figure|account|report|number|assertion)\s+(?:that\s+)?(?:no|none\s+of\s+the)\s+other\b)/gi
export const RECORD_TURN =
  /,\s+(?:in\s+what\s+(?:would\s+be|was|is|appeared\s+to\s+be|could\s+be)\s+(?=the\s+)|(?=the\s+first\s+time\s+(?:that\s+)?\p{L}+))/giu
/** Where it turns to the publisher's own contrast: ", though the Halden Institute has not observed ...". */
export const CONTRAST_TURN = /,\s+(?:though|although|but|while|whereas)\s+/gi
/** A denial in the publisher's own voice: "No such decision has been taken." */
/** "The ministry did not give a figure ...", "The advisory makes no mention of ...": what an actor left unsaid. */
export const SILENCE =
  /\b(?:did|does|do|has|have|had)\s+not\s+(?:mention(?:ed)?|say|said|give|given|publish(?:ed)?|disclosed?|provided?|released?|specif(?:y|ied)|identif(?:y|ied))\b|\bmakes?\s+no\s+mention\b|\bmade\s+no\s+mention\b|\b(?:showed|offered|presented|produced)\s+no\s+(?:footage|evidence|proof|images|photographs|documents)\b/i
/** The terms a source spoke on: the publisher's note on its sourcing, not the source's account. */
export const SOURCING_TERMS =
  /\b(?:on\s+(?:the\s+)?condition\s+of\s+anonymity|asked\s+not\s+to\s+be\s+(?:named|identified)|requested\s+anonymity|(?:was|were|is|are)\s+not\s+authori[sz]ed\s+to\s+speak)\b/i
/** "Whether either side wants ... is another matter": an open question, the writer's own. */
export const OPEN_QUESTION = /^\s*(?:whether|why|how\s+long|what\s+(?:remains|is\s+unclear))\b/i
/** "It was the deadliest strike on the city since 2022": a comparison with the record, the writer's own. */
export const RECORD_COMPARISON =
  /\b(?:the\s+)?(?:\w+est|most\s+\w+|worst|biggest|largest|first)\s+(?:[\w'’-]+\s+){0,8}?(?:since|in\s+(?:more\s+than\s+)?(?:a|\w+)\s+(?:years?|decades?)|on\s+record)\b/i
export const PUBLISHER_DENIAL = /^\s*(?:no|none|nothing|nobody|no one|neither)\b(?!\s*,)/i
/** A line introducing the key points of a report: "Key Takeaways:", "Key judgments", "Highlights". */
export const KEY_POINTS =
  /^(?:key\s+(?:takeaways?|points|findings|judge?ments|developments)|highlights|at\s+a\s+glance|bottom\s+line|in\s+brief)\s*:?$/i
/** "[Editor's note: ...", "Update: ...": a label opening the publisher's own note. */
export const NOTE_LABEL = /^\[?\s*(?:editor['’]s\s+note|note|update|correction)\s*:\s*/i
/** "Our read: damaged, not down": the publisher's own judgment, by its label (a one-word rating says nothing). */
export const OWN_VERDICT =
  /^(?:our|my)\s+(?:read|reading|verdict|assessment|take|view|conclusion|ruling|judge?ment|bottom\s+line)\s*:\s*(?=[^\s.]+[\s,]+\w)/i
/** "The claim: Food prices have ...": a fact-check's label for what it checks, someone else's words. */
export const CHECKED_CLAIM = /^(?:the\s+)?(?:claim|viral\s+claim|rumou?r|statement\s+checked)\s*:/i
/**
 * "The interview has been edited for length", "CPR spoke to her by phone", "This page sets out ...",
 * "Summaries ..., translated by MMS": how the piece was made.
 */
export const PROCESS_NOTE =
  /\b(?:(?:has|have|was|were)\s+been\s+(?:edited|condensed|shortened|translated)|spoke\s+(?:to|with)|(?:was|were)\s+interviewed|translated\s+by|this\s+(?:page|article|update|review|digest|explainer|summary)\s+(?:sets\s+out|summari[sz]es|collects|brings\s+together|will\s+be\s+(?:updated|refreshed)))\b/i
