//! Closed word lists of English news prose: speech (cue) verbs and their
//! inflections, pronouns, determiners, titles and honorifics, roles, the
//! nouns that head a nominal speaker ("a spokeswoman", "the company"), the
//! words that are capitalized without naming anything (months, days,
//! demonyms, sentence-initial function words) and organization/place head
//! words.
//!
//! Why lists and not a model: attribution runs at build time with no network
//! and no model files, and these classes are small and closed in English; the
//! open classes (names) are found by capitalization and context in
//! `entities`, with `gazetteer` only as extra evidence. Every lookup takes an
//! already lower-cased word with apostrophes unified to `'`.

use std::collections::{HashMap, HashSet};
use std::sync::OnceLock;

fn word_set(data: &'static str) -> HashSet<&'static str> {
    data.split_whitespace().collect()
}

macro_rules! lookup {
    ($(#[$doc:meta])* $name:ident, $data:expr) => {
        $(#[$doc])*
        pub fn $name(lower: &str) -> bool {
            static SET: OnceLock<HashSet<&'static str>> = OnceLock::new();
            SET.get_or_init(|| word_set($data)).contains(lower)
        }
    };
}

/// A speech verb form found in text.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct CueForm {
    pub lemma: &'static str,
    /// A word that must follow for this to be a cue ("out" in "pointed out",
    /// "on" in "went on", "it" in "put it").
    pub particle: Option<&'static str>,
    /// `-ing` participle ("saying"): its subject is the clause subject.
    pub participle: bool,
    /// Past participle only ("written"): not a finite verb by itself.
    pub past_participle_only: bool,
}

/// Speech verbs inflected regularly. `+` marks a final consonant doubled
/// before -ed/-ing (admit → admitted).
const REGULAR_CUES: &str = "add state continue explain note argue claim insist warn ask recall \
admit+ announce describe suggest stress declare remark comment observe assert acknowledge \
concede confirm emphasize emphasise reiterate respond answer quip+ joke laugh shout yell \
scream whisper mutter murmur complain lament predict promise pledge vow urge caution contend \
maintain recount reveal disclose report agree conclude counter retort sigh boast propose \
recommend demand plead advise affirm allege assure exclaim highlight hint indicate inform \
mention muse opine pronounce query question rebut+ relate reason repeat speculate summarize \
summarise underline underscore wonder tweet post blog+ email text elaborate proclaim recite \
concur+ interject gush groan grumble snap+ bark chuckle testify reply cry deny acknowledge \
stress point call";

/// Irregular forms: `form lemma` pairs.
const IRREGULAR_CUES: &[(&str, &str)] = &[
    ("say", "say"),
    ("says", "say"),
    ("said", "say"),
    ("saying", "say"),
    ("tell", "tell"),
    ("tells", "tell"),
    ("told", "tell"),
    ("telling", "tell"),
    ("write", "write"),
    ("writes", "write"),
    ("wrote", "write"),
    ("writing", "write"),
    ("go", "go"),
    ("goes", "go"),
    ("went", "go"),
    ("going", "go"),
    ("put", "put"),
    ("puts", "put"),
    ("putting", "put"),
    ("pled", "plead"),
    ("began", "begin"),
];

fn particle_of(lemma: &str) -> Option<&'static str> {
    match lemma {
        "point" => Some("out"),
        "go" => Some("on"),
        "put" => Some("it"),
        _ => None,
    }
}

fn inflections(lemma: &str, double: bool) -> Vec<(String, bool)> {
    let bytes = lemma.as_bytes();
    let last = bytes.last().copied().unwrap_or(b'a');
    let before_last = bytes
        .len()
        .checked_sub(2)
        .and_then(|i| bytes.get(i))
        .copied();
    let consonant_y =
        last == b'y' && !matches!(before_last, Some(b'a' | b'e' | b'i' | b'o' | b'u'));
    let stem_y = lemma.get(..lemma.len().saturating_sub(1)).unwrap_or(lemma);
    let third = if consonant_y {
        format!("{stem_y}ies")
    } else if lemma.ends_with('s')
        || lemma.ends_with("sh")
        || lemma.ends_with("ch")
        || lemma.ends_with('x')
        || lemma.ends_with('z')
        || lemma.ends_with('o')
    {
        format!("{lemma}es")
    } else {
        format!("{lemma}s")
    };
    let doubled = if double {
        format!("{lemma}{}", last as char)
    } else {
        lemma.to_string()
    };
    let past = if consonant_y {
        format!("{stem_y}ied")
    } else if lemma.ends_with('e') {
        format!("{lemma}d")
    } else {
        format!("{doubled}ed")
    };
    let ing = if lemma.ends_with('e') && !lemma.ends_with("ee") {
        format!("{}ing", lemma.get(..lemma.len() - 1).unwrap_or(lemma))
    } else {
        format!("{doubled}ing")
    };
    vec![
        (lemma.to_string(), false),
        (third, false),
        (past, false),
        (ing, true),
    ]
}

fn cue_table() -> &'static HashMap<String, CueForm> {
    static TABLE: OnceLock<HashMap<String, CueForm>> = OnceLock::new();
    TABLE.get_or_init(|| {
        let mut table = HashMap::new();
        for entry in REGULAR_CUES.split_whitespace() {
            let (lemma, double) = match entry.strip_suffix('+') {
                Some(l) => (l, true),
                None => (entry, false),
            };
            for (form, participle) in inflections(lemma, double) {
                table.entry(form).or_insert(CueForm {
                    lemma,
                    particle: particle_of(lemma),
                    participle,
                    past_participle_only: false,
                });
            }
        }
        for (form, lemma) in IRREGULAR_CUES {
            table.insert(
                form.to_string(),
                CueForm {
                    lemma,
                    particle: particle_of(lemma),
                    participle: form.ends_with("ing"),
                    past_participle_only: false,
                },
            );
        }
        table.insert(
            "written".to_string(),
            CueForm {
                lemma: "write",
                particle: None,
                participle: false,
                past_participle_only: true,
            },
        );
        table
    })
}

/// The speech verb `lower` is a form of, if any.
pub fn cue_form(lower: &str) -> Option<CueForm> {
    cue_table().get(lower).copied()
}

/// Verbs that name rather than report ("a plan called “Blue Sky”"): a quote
/// right after one of these is a label, not a statement.
pub fn is_naming_verb(lower: &str) -> bool {
    matches!(
        lower,
        "called"
            | "dubbed"
            | "nicknamed"
            | "titled"
            | "entitled"
            | "named"
            | "so-called"
            | "termed"
            | "branded"
            | "labelled"
            | "labeled"
            | "aka"
            | "renamed"
            | "codenamed"
            | "code-named"
    )
}

lookup!(
    /// Personal pronouns that can be the subject of a cue.
    is_subject_pronoun,
    "he she they it we i"
);

lookup!(
    /// Determiners and quantifiers that open a nominal phrase.
    is_determiner,
    "the a an this that these those his her its their our my your one another some several \
     many two three four five six seven eight nine ten each every any both all no other"
);

lookup!(
    /// Adverbs, auxiliaries and time words allowed between a subject and its
    /// cue ("Zhang also said", "he has told", "Zhang on Friday said").
    is_cue_filler,
    "also later then has had have was were is are would will could may might should must \
     previously recently once again further simply just reportedly quickly earlier subsequently \
     repeatedly publicly privately separately even only still always often never last this \
     on monday tuesday wednesday thursday friday saturday sunday week month year yesterday \
     today tonight tuesday's already initially originally apparently firmly flatly bluntly \
     frankly candidly calmly angrily proudly bluntly confidently cautiously openly flatly \
     emphatically optimistically matter-of-factly jokingly tearfully did does do not"
);

lookup!(
    /// Words that end a forward speaker phrase ("said Zhang in a speech").
    is_np_stop,
    "in on at during after before to from who which when while as because adding noting \
     saying explaining according that where whose whom with than since until without via into \
     onto upon through by told last this yesterday today tonight earlier"
);

lookup!(
    /// Bare plural heads that can be a nominal speaker without a determiner.
    is_bare_plural_speaker,
    "officials analysts experts critics sources investors researchers authorities police \
     prosecutors economists scientists lawmakers observers residents witnesses executives \
     insiders diplomats activists protesters supporters opponents organizers organisers \
     regulators doctors officers spokespeople representatives employees workers staff \
     students teachers parents fans users customers consumers people traders bankers \
     lawyers attorneys engineers developers"
);

lookup!(
    /// Common nouns for a company: "the company said" refers to the most
    /// recently named organization.
    is_business_noun,
    "company firm group giant retailer e-retailer business corporation conglomerate startup \
     start-up bank lender insurer carrier airline maker manufacturer operator platform \
     marketplace chain e-commerce automaker carmaker chipmaker brand outfit utility insurer \
     broker lender supplier"
);

lookup!(
    /// Nouns that, right before a name, make it an organization ("platform
    /// Cainiao", "shipper ShopRunner", "company Zulily").
    is_org_noun,
    "company companies firm group retailer e-retailer giant startup start-up platform site \
     website service app brand bank lender insurer carrier airline maker manufacturer operator \
     shipper marketplace conglomerate rival competitor outlet newspaper paper broadcaster \
     agency network subsidiary unit arm affiliate provider developer publisher studio \
     exchange fund investor chain store label team club business portal source magazine \
     automaker carmaker chipmaker consultancy consultancies regulator ministry department \
     party union charity organisation organization body firms banks retailers platforms \
     services sites apps brands newspapers outlets rivals startups investors funds"
);

lookup!(
    /// Months, days and other calendar words: capitalized but never entities.
    is_calendar_word,
    "january february march april may june july august september october november december \
     jan feb mar apr jun jul aug sep sept oct nov dec monday tuesday wednesday thursday friday \
     saturday sunday mon tue tues wed thu thur thurs fri sat sun"
);

lookup!(
    /// Demonyms, languages and religions: adjectives, not entities.
    is_demonym,
    "chinese american british english french german japanese korean indian russian european \
     asian african australian canadian mexican brazilian italian spanish dutch swiss swedish \
     norwegian danish finnish polish irish scottish welsh israeli palestinian iranian iraqi \
     saudi turkish egyptian nigerian kenyan pakistani afghan ukrainian vietnamese thai \
     indonesian malaysian singaporean filipino taiwanese western eastern southeast northern \
     southern latin arab arabic hispanic kiwi mandarin cantonese muslim christian jewish \
     catholic protestant hindu buddhist sikh islamic belgian austrian greek portuguese \
     hungarian czech romanian bulgarian serbian croatian argentine argentinian chilean \
     colombian peruvian venezuelan cuban jamaican ethiopian ghanaian south-african \
     bangladeshi sri lankan nepalese burmese cambodian mongolian tibetan uyghur kazakh \
     syrian lebanese jordanian emirati qatari kuwaiti yemeni libyan tunisian moroccan \
     algerian sudanese somali zimbabwean ugandan tanzanian rwandan congolese cameroonian \
     senegalese african-american asian-american north-american middle-eastern anglo \
     hongkonger hongkongers americans europeans asians africans britons brits democrats \
     republicans conservatives liberals socialists communists"
);

lookup!(
    /// Capitalized words that name no person, organization or place.
    is_non_entity_word,
    "internet web net earth god christmas easter ramadan eid diwali hanukkah thanksgiving \
     halloween covid covid-19 coronavirus brexit olympics olympic paralympics world-cup \
     gmt utc bst est pst edt pdt cet am pm ceo ceos cfo coo cto cio cmo ipo ipos gmv gdp ai ml \
     api apis it tv pc pcs sms pdf faq ok usd eur gbp rmb cny yuan yen yoy q1 q2 q3 q4 mau maus \
     dau daus kpi roi b2b b2c suv suvs ev evs led dna hiv aids lgbt lgbtq vr ar iot iaas paas \
     saas esg vat hq pr hr r&d etf etfs nft nfts crypto bitcoin ether ethereum tags tag menu \
     nok sek dkk chf inr brl zar krw jpy hkd sgd aud cad nzd mph kph km kg \
     share tweet email print comments comment related reading advertisement advert sponsored \
     newsletter subscribe login sign photo photos video videos image images caption credit \
     getty afp/getty reuters/ file copyright update updated editor's note mr mrs ms dr prof \
     sir madam dear hi hello thanks ps p.s ad ads no. vs via fyi asap lol omg wow yes no \
     english-language cross-border e-commerce i'm i've i'd i'll we're we've it's that's \
     there's he's she's they're you're don't can't won't isn't aren't wasn't weren't"
);

lookup!(
    /// Closed-class words and frequent sentence openers: a capital on these
    /// comes from the sentence, not from a name.
    is_function_word,
    "the a an and but or nor so yet for in on at by with from to of as if when while after \
     before since until although though because however moreover meanwhile also still even \
     just only then there here this that these those it its he she they we i you his her \
     their our my your who what which where why how some many most more much few all both \
     each every no not one two three four five six seven eight nine ten during despite \
     alongside among amid amidst between under over about against into through without \
     within according following including last next first second third new other another \
     such said says yesterday today tomorrow now earlier later already indeed instead thus \
     therefore furthermore additionally overall hence once twice perhaps maybe yes \
     nevertheless nonetheless besides likewise similarly finally lastly firstly secondly \
     meanwhile otherwise rather elsewhere anyway regardless unlike like whether either \
     neither whilst upon across around beyond toward towards via per plus minus than \
     recently currently previously eventually ultimately initially originally already \
     shortly soon then thereafter afterwards below above near nearly almost about roughly \
     approximately some any several various certain if unless though whereas whatever \
     whenever wherever whoever whichever hopefully fortunately unfortunately clearly \
     obviously importantly interestingly notably specifically generally typically usually \
     often sometimes always never ever again too very quite really actually simply \
     basically essentially apparently reportedly allegedly officially separately together \
     alone instead why where when what while so-called is are was were be been being has \
     have had do does did will would can could may might must shall should let let's \
     here's there's it's that's what's we're we've i'm i've you're don't can't won't \
     asked asked: speaking talking writing according"
);

lookup!(
    /// Honorifics that precede a person's name.
    is_honorific,
    "mr mrs ms miss mx dr prof professor sir dame lord lady rev reverend fr father sen \
     senator rep representative gov governor gen general lt col colonel capt captain sgt maj \
     major adm admiral cmdr judge justice rabbi imam sheikh sheik pope king queen prince \
     princess president vice-president mayor chancellor minister premier ambassador \
     secretary commissioner chairman chairwoman chief inspector detective officer coach \
     archbishop bishop cardinal saint st mme mlle herr frau dott sr sra señor señora"
);

/// Gender implied by an honorific, if any.
pub fn honorific_gender(lower: &str) -> Option<bool> {
    match lower {
        "mr" | "sir" | "lord" | "king" | "prince" | "fr" | "father" | "herr" | "señor"
        | "chairman" => Some(true),
        "mrs" | "ms" | "miss" | "dame" | "lady" | "queen" | "princess" | "mme" | "mlle"
        | "frau" | "sra" | "señora" | "chairwoman" => Some(false),
        _ => None,
    }
}

/// Abbreviations after which a period does not end a sentence.
pub fn is_abbreviation(lower: &str) -> bool {
    static SET: OnceLock<HashSet<&'static str>> = OnceLock::new();
    SET.get_or_init(|| {
        word_set(
            "mr mrs ms dr prof st jr sr gen sen rep gov lt col capt sgt maj adm cmdr rev fr \
             no nos vs etc approx mt ft ave blvd dept est fig figs vol ed eds op cf al jan feb \
             mar apr jun jul aug sep sept oct nov dec e.g i.e a.m p.m u.s u.k e.u u.n \
             mme mlle messrs hon",
        )
    })
    .contains(lower)
}

/// Corporate abbreviations: a period after them ends the sentence only when a
/// common sentence opener follows ("... said Apple Inc. The company ...").
pub fn is_corporate_abbreviation(lower: &str) -> bool {
    matches!(
        lower,
        "inc" | "corp" | "ltd" | "co" | "plc" | "llc" | "bros"
    )
}

/// A role or job title, normalized: `"chief executive"` → `"ceo"`.
/// Takes up to three lower-cased words and returns the role and how many of
/// them it used.
pub fn role_at(words: &[&str]) -> Option<(&'static str, usize)> {
    let w0 = *words.first()?;
    let w1 = words.get(1).copied().unwrap_or("");
    let w2 = words.get(2).copied().unwrap_or("");
    let three = match (w0, w1, w2) {
        ("chief", "executive", "officer") => Some("ceo"),
        ("chief", "operating", "officer") => Some("coo"),
        ("chief", "financial", "officer") => Some("cfo"),
        ("chief", "technology", "officer") => Some("cto"),
        ("chief", "information", "officer") => Some("cio"),
        ("chief", "marketing", "officer") => Some("cmo"),
        _ => None,
    };
    if let Some(role) = three {
        return Some((role, 3));
    }
    let two = match (w0, w1) {
        ("chief", "executive") => Some("ceo"),
        ("vice", "president") => Some("vice president"),
        ("vice", "chairman") => Some("vice chair"),
        ("prime", "minister") => Some("prime minister"),
        ("foreign", "minister") => Some("foreign minister"),
        ("finance", "minister") => Some("finance minister"),
        ("managing", "director") => Some("managing director"),
        ("executive", "director") => Some("executive director"),
        ("general", "manager") => Some("general manager"),
        ("executive", "chairman") => Some("chair"),
        ("co", "founder") => Some("founder"),
        ("board", "chairman") => Some("chair"),
        ("secretary", "general") => Some("secretary-general"),
        _ => None,
    };
    if let Some(role) = two {
        return Some((role, 2));
    }
    let one = match w0 {
        "ceo" => "ceo",
        "cfo" => "cfo",
        "coo" => "coo",
        "cto" => "cto",
        "cio" => "cio",
        "cmo" => "cmo",
        "chairman" | "chairwoman" | "chairperson" | "chair" => "chair",
        "president" => "president",
        "vice-president" => "vice president",
        "founder" | "co-founder" | "cofounder" => "founder",
        "director" => "director",
        "head" => "head",
        "minister" => "minister",
        "premier" => "premier",
        "secretary" => "secretary",
        "secretary-general" => "secretary-general",
        "spokesman" | "spokeswoman" | "spokesperson" => "spokesperson",
        "senator" => "senator",
        "governor" => "governor",
        "mayor" => "mayor",
        "chancellor" => "chancellor",
        "ambassador" => "ambassador",
        "commissioner" => "commissioner",
        "professor" => "professor",
        "economist" => "economist",
        "analyst" => "analyst",
        "editor" => "editor",
        "owner" => "owner",
        "manager" => "manager",
        "partner" => "partner",
        "chief" => "chief",
        "leader" => "leader",
        "speaker" => "speaker",
        "boss" => "boss",
        "executive" => "executive",
        "coach" => "coach",
        "captain" => "captain",
        "lawmaker" => "lawmaker",
        "congressman" | "congresswoman" => "lawmaker",
        "attorney" | "lawyer" => "lawyer",
        "researcher" => "researcher",
        "scientist" => "scientist",
        "author" => "author",
        "treasurer" => "treasurer",
        "superintendent" => "superintendent",
        "chairman-elect" => "chair",
        "president-elect" => "president",
        "general" => "general",
        "judge" => "judge",
        "justice" => "justice",
        "adviser" | "advisor" => "adviser",
        "deputy" => "deputy",
        "representative" => "representative",
        _ => return None,
    };
    Some((one, 1))
}

lookup!(
    /// Modifiers allowed inside a role phrase ("the company's new CEO").
    is_role_modifier,
    "new former current then acting interim longtime long-time outgoing incoming newly \
     appointed founding group global regional deputy senior executive retired incumbent \
     ex- soon-to-be recently-appointed sitting co- joint its the company's firm's group's \
     their his her a an"
);

lookup!(
    /// Final words of organization names.
    is_org_suffix,
    "inc incorporated corp corporation co company companies ltd limited llc llp plc gmbh ag \
     sa nv bv ab oy spa srl pty kk group holdings holding partners capital ventures bank \
     bancorp exchange forum times news post journal herald tribune gazette telegraph guardian \
     express chronicle daily weekly magazine review press media agency ministry department \
     university college institute institution school academy association society council \
     commission committee party foundation fund trust authority board bureau office reserve \
     organization organisation union federation league club court parliament congress \
     senate assembly police army navy force forces command airlines airways motors \
     technologies technology tech systems solutions labs laboratories networks network \
     services software electronics pharmaceuticals pharma energy petroleum insurance \
     securities investments financial finance brands stores foods entertainment studios \
     pictures records broadcasting communications telecom mobile wireless railway railways \
     hospital clinic church museum gallery orchestra games interactive semiconductor \
     motor automotive industries industry enterprises enterprise international global service \
     electric dynamics mills asa ab oyj \
     worldwide consulting advisors advisers associates management properties realty \
     airline aviation logistics shipping express.com cloud intelligence sport sports"
);

lookup!(
    /// Final words of place names.
    is_place_suffix,
    "province state county city district region prefecture island islands valley mountains \
     mountain river lake sea ocean bay gulf street avenue road square peninsula coast strait \
     canyon desert village town borough heights hills beach municipality territory oblast \
     governorate emirate republic kingdom"
);

lookup!(
    /// Lower-case words after a hyphen that make the capitalized part before
    /// it a standalone name ("US-based", "Alibaba-owned").
    is_hyphen_suffix,
    "based born owned listed made backed funded led run style language speaking bound \
     focused centric era wide registered headquartered controlled linked affiliated \
     friendly specific only related themed inspired"
);

lookup!(
    /// Name particles that may join capitalized words ("Ursula von der Leyen").
    is_name_particle,
    "de da di du del della van von der den ter ten le la bin al el dos das y ibn abu ben st"
);

lookup!(
    /// Words before "in X" that make X an organization, not a place
    /// ("invested in Zulily", "a stake in ShopRunner").
    is_investment_word,
    "invested invest investing investment investments stake stakes interest shares share \
     holding holdings position positions"
);

lookup!(
    /// Prepositions of place.
    is_place_preposition,
    "in at near from across outside throughout inside around to"
);
