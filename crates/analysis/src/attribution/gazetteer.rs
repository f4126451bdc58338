//! A small built-in gazetteer: given names with their usual gender, family
//! names written first (Chinese, Korean, Vietnamese), countries, regions and
//! large cities, and very well-known organizations.
//!
//! It is evidence, never the only mechanism: a name found here tips a
//! capitalized run towards a kind (and gives a pronoun a gender), but runs
//! not found here are still classified by context in `entities`. The lists
//! are deliberately international, since the corpus can be about anything.
//! No crate fitted: the crates.io gender crates either embed a 4.5 MB
//! dictionary with a lossy parser (`gender_guesser` maps "Jack" to
//! "both genders" because it reads nam_dict's equivalence lines as names)
//! or cover one country's names only.

use std::collections::{HashMap, HashSet};
use std::sync::OnceLock;

/// Usual gender of a given name.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum NameGender {
    Male,
    Female,
    Either,
}

const MALE: &str =
    "aaron abdul abdullah abraham adam adrian ahmad ahmed aidan alan alastair albert \
alberto alejandro alessandro alexander alexandre alexei alfred ali alistair allan alonso alvaro \
amir anand anders andre andreas andrei andres andrew andy angelo anil anthony antoine anton \
antonio arjun arnold arthur arturo ashok ashton augustin austin axel barack barry bart ben \
benjamin bernard bernie bill billy bjorn bob bobby boris brad bradley brandon brendan brett \
brian bruce bruno bryan byron calvin cameron carl carlos carlo cedric cesar chad charles charlie \
chester chris christian christoph christophe christopher chuck claude clement clifford clint \
colin conor connor craig curtis cyril dale damian damien dan daniel danny dario darren dave \
david dean denis dennis derek desmond diego dimitri dmitry dominic dominique don donald doug \
douglas duncan dustin dylan ed eddie edgar eduardo edward edwin elias elijah elliot elon \
emmanuel emil emilio enrique eric erik ernest ernesto ethan eugene evan fabian fabio farhan \
felipe felix fernando filippo francesco francis francisco franck frank franklin franz fred \
frederick fritz gabriel gareth garry gary gavin geoff geoffrey george georg gerald gerard \
gerhard giovanni giuseppe glen glenn gordon graham greg gregory guido guillaume gunther gustavo \
guy hamid hans harold harry harvey hassan hector heinrich helmut henri henrik henry herbert \
hiroshi howard hugh hugo hussein ian ibrahim igor ilya imran isaac ivan jack jacob jacques jake \
james jamal jared jason javier jeff jeffrey jens jeremy jerome jerry jesse jesus jim jimmy joachim \
joao joe joel johan johann johannes john johnny jon jonathan jonah jorge jose josef \
joseph josh joshua juan julian julien julius justin kai kamal karim karl keith ken kenneth kenji \
kevin khalid kieran kirk klaus konstantin kurt kyle lars larry laurent lawrence leo leon leonard \
leonardo lewis liam lionel lorenzo louis luc luca lucas luis luke magnus mahmoud malcolm manuel \
marc marcel marco marcus mario mark marko martin marvin mateo matt matteo matthew matthias \
maurice max maxim maximilian mehmet michael michel miguel mike mikhail milan miles mitch \
mitchell mohamed mohammad mohammed muhammad murray nathan nathaniel neil nelson nicholas nick \
nico nicolas nigel niklas nikolai noah norman olaf oleg oliver omar oscar otto owen pablo \
paolo pascal patrick paul pedro peter philip philipp philippe phil pierre pietro rafael rahul \
raj rajesh ralph ramon randy raphael raul ravi ray raymond reza ricardo riccardo richard rick \
rob robert roberto robin rod rodney rodrigo roger roland roman ron ronald rory ross roy ruben \
rudolf rupert russell ryan saleh salman sam samuel sanjay santiago satya scott sean sebastian \
sergei sergio seth shane shaun shawn sheldon simon stanley stefan stefano stephan stephen \
steve steven stuart sundar sven takeshi ted terry theo theodore thierry thomas tim timothy \
tobias todd tom tomas tommy tony travis trevor tyler ulrich umar valentin victor vijay \
vikram vincent vinod vladimir walter warren wayne werner wesley will william willem wolfgang \
xavier yann yannick yusuf yves zach zachary zoltan jeff jensen reed marc-andre jean-claude \
jean-luc jean-marc jean-paul jean-pierre jean-yves hans-peter karl-heinz gino aaran joaquin \
andrzej piotr tomasz krzysztof jakub pawel lukasz vaclav jiri jan jan-erik mohan narendra rishi \
amitabh mukesh gautam ratan azim nandan kiran sachin virat rohit shah akira haruki hideo \
kazuo koji kent masayoshi naoki satoshi shinzo shigeru taro tetsuya yoshihide fumio \
tadashi akio lei wei-ming hyun-woo jae-in jae-yong kwang sung-min olu oluwaseun chukwuma \
emeka kwame kofi jomo uhuru cyril thabo nelson jacob musa ibrahim yoweri paul-henri \
recep bashar hosni abdel-fattah bola goodluck muhammadu";

const FEMALE: &str = "abigail ada adriana agnes aisha alejandra alexandra alexis alice alicia \
alison allison amanda amber amelia amy ana anastasia andrea angela angelina angelique anita \
ann anna anne annette annie antonia april ariana arianna ashley audrey aurora barbara beatrice \
beatriz becky belinda bella beth bethany betty beverly bianca brenda bridget brigitte britney \
brittany brooke camila camille candace cara carla carmen carol carole caroline carolyn cassandra \
catherine cathy cecilia celine charlotte chelsea cheryl chloe christina christine cindy claire \
clara clarissa claudia colette connie cristina cynthia daisy dana daniela danielle daphne \
deborah debra delia denise diana diane dolores donna doris dorothy edith eileen elaine eleanor \
elena eliza elizabeth ella ellen eloise elsa emilia emily emma erica erika esther eva evelyn \
fatima fiona florence frances francesca freya gabriela gabrielle gail gemma georgia geraldine \
gina giulia gloria grace gwen gwendolyn hannah harriet hazel heather heidi helen helena hillary \
holly hope ida ines ingrid irene iris isabel isabella isabelle jacqueline jade jana jane janet \
janice jasmine jean jeanne jennifer jenny jessica jill joan joanna joanne jocelyn josephine \
joy joyce judith judy julia julie juliet june justine karen karin katarina kate katherine \
kathleen kathryn kathy katie katrin kay kelly kim kimberly kirsten kristen kristina laura \
lauren layla leah leila lena leslie lily linda lindsay lisa liz lois lorraine louise lucia \
lucy luisa lydia lynn madeleine madison maggie malala mandy manon margaret margarita margot \
maria marianne marie marilyn marina marion marisa marta martha martina mary maureen maya megan \
melanie melissa meredith mia michaela michelle mildred miranda miriam molly monica monika \
nadia nancy naomi natalia natalie natasha nicola nicole nina nora olga olivia paige pamela \
patricia paula pauline penelope penny petra philippa phoebe pippa polly priscilla priya \
rachel rebecca regina renee rita roberta rosa rosalind rose rosemary ruth sabrina sally \
samantha sandra sara sarah sasha scarlett serena sharon sheila shirley silvia simone sofia \
sonia sophia sophie stella stephanie sue susan susanne suzanne svetlana sylvia tamara tanya \
tara teresa theresa tiffany tina tracy ursula valentina valerie vanessa vera veronica \
victoria violet virginia vivian wendy whitney yasmin yolanda yvonne zoe zara kamala nancy \
angela theresa jacinda ursula christine kristalina janet gita indra sheryl marissa ginni \
susan meg safra ruth-ann mei-ling yuko yoko keiko akiko naoko hiroko tomoko sakura hana \
ji-woo min-ji seo-yeon su-bin kari ingrid ngozi chimamanda oprah serena venus beyonce rihanna greta \
marine segolene anne-marie marie-claire mette sanna jacinda tsai ying-wen lakshmi indira \
sonia nirmala sushma smriti aung";

const EITHER: &str = "alex jordan taylor sam chris pat jamie casey robin kim lee jean andrea \
morgan riley avery quinn cameron charlie drew jesse jody kelly leslie lynn shannon sidney \
terry tracy val dana devon frankie kris rene sasha toni yuri ashley blair dominique gabriele \
nikola noa ariel eden shiloh sky skyler rowan reese emerson finley hayden harper parker \
peyton sage jackie billie bobbie yuki hikaru akira makoto kaoru";

fn gender_table() -> &'static HashMap<&'static str, NameGender> {
    static TABLE: OnceLock<HashMap<&'static str, NameGender>> = OnceLock::new();
    TABLE.get_or_init(|| {
        let mut table = HashMap::new();
        for name in MALE.split_whitespace() {
            table.insert(name, NameGender::Male);
        }
        for name in FEMALE.split_whitespace() {
            table
                .entry(name)
                .and_modify(|g| *g = NameGender::Either)
                .or_insert(NameGender::Female);
        }
        for name in EITHER.split_whitespace() {
            table.insert(name, NameGender::Either);
        }
        table
    })
}

/// The usual gender of a lower-cased given name, if it is a known one.
pub fn given_name(lower: &str) -> Option<NameGender> {
    gender_table().get(lower).copied()
}

/// A spelling variant of a known given name ("Johnathan", "Micheal"):
/// same first letter, one edit away, five letters or more.
pub fn near_given_name(lower: &str) -> bool {
    if lower.chars().count() < 5 || given_name(lower).is_some() {
        return false;
    }
    let first = lower.chars().next();
    gender_table()
        .keys()
        .filter(|name| name.chars().next() == first && name.len().abs_diff(lower.len()) <= 1)
        .any(|name| strsim::damerau_levenshtein(name, lower) <= 1)
}

/// Family names that come first in the name's own order (Chinese, Korean,
/// Vietnamese): "Zhang Yong", "Moon Jae-in", "Nguyen Van An".
const FAMILY_FIRST: &str =
    "wang li zhang liu chen yang huang zhao wu zhou xu sun ma zhu hu guo he \
gao lin luo zheng liang xie song tang han feng deng cao peng zeng xiao tian dong yuan pan cai \
jiang yu du ye cheng su wei lu lü lv ding ren shen yao fan fang shi tan liao zou xiong jin hao \
kong bai cui kang mao qiu qin gu hou shao meng long wan duan lei qian yin yi chang qiao lai \
gong wen niu ji xing xue yan mo geng hong ou yue zhong fu bao dai mei xia xiang ning ke zhan \
wong chan leung cheung lau ng ho lam tsang chow yip kwok tse fung siu yeung chu mak hui kwan \
poon chung tam lui ko au law choi teo tan lim goh ong koh chua \
kim park choi jung jeong kang cho yoon jang lim oh seo shin kwon hwang ahn yoo jeon moon bae \
baek heo nam \
nguyen tran le pham hoang huynh phan vu vo dang bui do ngo duong ly";

/// True when `lower` is a family name that is usually written first.
pub fn is_family_first_surname(lower: &str) -> bool {
    static SET: OnceLock<HashSet<&'static str>> = OnceLock::new();
    SET.get_or_init(|| FAMILY_FIRST.split_whitespace().collect())
        .contains(lower)
}

/// Places as `canonical|alias|alias` groups; lower case, words joined by
/// single spaces.
const PLACES: &str = "afghanistan|albania|algeria|andorra|angola|argentina|armenia|australia|austria|azerbaijan|\
bahamas|bahrain|bangladesh|barbados|belarus|belgium|belize|benin|bhutan|bolivia|bosnia|botswana|brazil|brunei|\
bulgaria|burkina faso|burundi|cambodia|cameroon|canada|chad|chile|china|mainland china|colombia|congo|costa rica|\
croatia|cuba|cyprus|czech republic|czechia|denmark|djibouti|dominica|dominican republic|ecuador|egypt|\
el salvador|eritrea|estonia|eswatini|ethiopia|fiji|finland|france|gabon|gambia|georgia|germany|ghana|greece|\
grenada|guatemala|guinea|guyana|haiti|honduras|hungary|iceland|india|indonesia|iran|iraq|ireland|israel|italy|\
ivory coast|jamaica|japan|jordan|kazakhstan|kenya|kiribati|kosovo|kuwait|kyrgyzstan|laos|latvia|lebanon|\
lesotho|liberia|libya|liechtenstein|lithuania|luxembourg|madagascar|malawi|malaysia|maldives|mali|malta|\
mauritania|mauritius|mexico|moldova|monaco|mongolia|montenegro|morocco|mozambique|myanmar|burma|namibia|nauru|\
nepal|new zealand|nicaragua|niger|nigeria|north korea|north macedonia|norway|oman|pakistan|palau|palestine|\
panama|papua new guinea|paraguay|peru|philippines|poland|portugal|qatar|romania|russia|rwanda|samoa|\
san marino|saudi arabia|senegal|serbia|seychelles|sierra leone|singapore|slovakia|slovenia|somalia|\
south africa|south korea|korea|south sudan|spain|sri lanka|sudan|suriname|sweden|switzerland|syria|taiwan|\
tajikistan|tanzania|thailand|togo|tonga|tunisia|turkey|turkmenistan|tuvalu|uganda|ukraine|uruguay|\
uzbekistan|vanuatu|vatican|venezuela|vietnam|yemen|zambia|zimbabwe|scotland|wales|england|northern ireland|\
greenland|puerto rico|tibet|xinjiang|crimea|gaza|west bank|kashmir|catalonia|quebec
=united states|us|u.s|usa|u.s.a|america|united states of america|
=united kingdom|uk|u.k|britain|great britain|
=united arab emirates|uae|
=netherlands|holland|
hong kong|macau|macao
europe|asia|africa|north america|south america|latin america|middle east|southeast asia|south asia|east asia|\
central asia|asia pacific|asia-pacific|oceania|antarctica|arctic|caribbean|scandinavia|balkans|\
silicon valley|wall street|the west|
beijing|shanghai|shenzhen|guangzhou|hangzhou|chengdu|chongqing|tianjin|wuhan|nanjing|xi'an|suzhou|\
dongguan|qingdao|xiamen|dalian|shenyang|harbin|kunming|changsha|zhengzhou|jinan|hefei|fuzhou|\
zhejiang|guangdong|jiangsu|shandong|sichuan|hubei|hunan|henan|hebei|fujian|yunnan|guizhou|\
shaanxi|shanxi|liaoning|jilin|heilongjiang|anhui|jiangxi|guangxi|hainan|gansu|qinghai|ningxia|\
inner mongolia|\
tokyo|osaka|kyoto|yokohama|seoul|busan|taipei|bangkok|hanoi|ho chi minh city|saigon|jakarta|manila|\
kuala lumpur|mumbai|delhi|new delhi|bangalore|bengaluru|chennai|kolkata|hyderabad|karachi|lahore|\
islamabad|dhaka|kathmandu|colombo|kabul|tehran|baghdad|riyadh|dubai|abu dhabi|doha|jerusalem|tel aviv|\
beirut|damascus|amman|ankara|istanbul|cairo|lagos|abuja|nairobi|addis ababa|johannesburg|cape town|\
accra|kinshasa|casablanca|tunis|algiers|khartoum|\
london|paris|berlin|madrid|rome|milan|barcelona|lisbon|amsterdam|brussels|vienna|zurich|geneva|davos|\
munich|frankfurt|hamburg|stockholm|oslo|copenhagen|helsinki|dublin|edinburgh|glasgow|manchester|\
birmingham|liverpool|leeds|bristol|cardiff|belfast|warsaw|prague|budapest|athens|moscow|\
st petersburg|kyiv|kiev|minsk|bucharest|sofia|belgrade|zagreb|strasbourg|luxembourg city|\
new york|new york city|nyc|los angeles|san francisco|seattle|chicago|boston|washington|\
washington dc|washington d.c|houston|dallas|austin|miami|atlanta|denver|phoenix|philadelphia|\
detroit|minneapolis|portland|san diego|san jose|las vegas|nashville|new orleans|baltimore|\
pittsburgh|cleveland|toronto|vancouver|montreal|ottawa|calgary|mexico city|sao paulo|\
rio de janeiro|buenos aires|santiago|lima|bogota|caracas|havana|sydney|melbourne|brisbane|perth|\
auckland|wellington|\
alabama|alaska|arizona|arkansas|california|colorado|connecticut|delaware|florida|hawaii|idaho|\
illinois|indiana|iowa|kansas|kentucky|louisiana|maine|maryland|massachusetts|michigan|minnesota|\
mississippi|missouri|montana|nebraska|nevada|new hampshire|new jersey|new mexico|north carolina|\
north dakota|ohio|oklahoma|oregon|pennsylvania|rhode island|south carolina|south dakota|tennessee|\
texas|utah|vermont|virginia|west virginia|wisconsin|wyoming|\
ontario|british columbia|alberta|new south wales|victoria|queensland|bavaria|\
siberia|patagonia|sahara|himalayas|alps|amazonia|pacific|atlantic|mediterranean|baltic";

fn place_table() -> &'static HashMap<&'static str, &'static str> {
    static TABLE: OnceLock<HashMap<&'static str, &'static str>> = OnceLock::new();
    TABLE.get_or_init(|| {
        let mut table = HashMap::new();
        for line in PLACES.split('\n') {
            let names: Vec<&str> = line
                .split('|')
                .map(str::trim)
                .filter(|n| !n.is_empty())
                .collect();
            // A line starting with `=` is one place and its aliases, the
            // first canonical; other lines list separate places.
            if let Some(first) = names.first().and_then(|n| n.strip_prefix('=')) {
                for name in names.iter().skip(1) {
                    table.insert(*name, first);
                }
                table.insert(first, first);
            } else {
                for name in names {
                    table.insert(name, name);
                }
            }
        }
        table
    })
}

/// The canonical lower-case key of a known place (`"u.s"` → `"united
/// states"`), from a lower-cased name with words joined by single spaces and
/// trailing periods removed.
pub fn place(lower: &str) -> Option<&'static str> {
    let key = lower.trim_end_matches('.');
    place_table().get(key).copied()
}

/// Display form of a canonical place key: "united states" → "United States".
pub fn place_display(key: &str) -> String {
    key.split(' ')
        .map(|w| {
            let mut chars = w.chars();
            match chars.next() {
                Some(c) => c.to_uppercase().chain(chars).collect::<String>(),
                None => String::new(),
            }
        })
        .collect::<Vec<_>>()
        .join(" ")
}

/// Well-known organizations (lower case, words joined by single spaces).
const ORGANIZATIONS: &str =
    "amazon|google|alphabet|microsoft|apple|meta|facebook|instagram|whatsapp|\
twitter|tesla|netflix|ebay|paypal|uber|lyft|airbnb|snapchat|tiktok|bytedance|alibaba|tencent|baidu|\
huawei|xiaomi|jd.com|pinduoduo|temu|shein|samsung|sony|toyota|honda|nissan|ibm|intel|amd|nvidia|\
oracle|cisco|walmart|costco|boeing|airbus|mastercard|goldman sachs|jpmorgan|jp morgan|\
morgan stanley|citigroup|citi|hsbc|barclays|ubs|credit suisse|deutsche bank|blackrock|\
reuters|bloomberg|afp|bbc|cnn|nbc|cbs|fox news|cnbc|xinhua|al jazeera|\
un|united nations|nato|imf|world bank|wto|who|opec|fbi|cia|nsa|nasa|sec|fda|ftc|doj|nhs|ecb|\
federal reserve|fed|congress|senate|parliament|pentagon|white house|kremlin|european commission|\
european union|eu|g7|g20|asean|unesco|unicef|interpol|red cross|greenpeace|amnesty international|\
openai|anthropic|deepmind|spacex|volkswagen|bmw|mercedes-benz|ford|general motors|gm|stellaris|\
siemens|shell|bp|exxonmobil|chevron|aramco|gazprom|nestle|unilever|pfizer|moderna|astrazeneca|\
johnson & johnson|novartis|roche|lvmh|zara|inditex|ikea|h&m|spotify|adobe|salesforce|sap|\
qualcomm|tsmc|foxconn|lenovo|ant group|alipay|wechat|weibo|didi|meituan|nio|byd|geely|\
sinopec|petrochina|icbc|softbank|rakuten|nintendo|lazada|shopee|grab|gojek|tokopedia|\
flipkart|reliance|tata|infosys|wipro|zomato|paytm|jio|mckinsey|deloitte|pwc|kpmg|ey|accenture|\
gartner|idc|forrester|nielsen|moody's|fitch|s&p|nasdaq|nyse|ftse|dow jones|hang seng|\
new york times|washington post|wall street journal|financial times|the economist|guardian|\
associated press|ap|the times|daily mail|telegraph|south china morning post|global times|\
caixin|nikkei|le monde|der spiegel";

/// True for a well-known organization (lower case, single spaces).
pub fn is_known_organization(lower: &str) -> bool {
    static SET: OnceLock<HashSet<&'static str>> = OnceLock::new();
    SET.get_or_init(|| {
        ORGANIZATIONS
            .split('|')
            .map(str::trim)
            .filter(|n| !n.is_empty())
            .collect()
    })
    .contains(lower)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn given_names_have_genders() {
        assert_eq!(given_name("daniel"), Some(NameGender::Male));
        assert_eq!(given_name("jack"), Some(NameGender::Male));
        assert_eq!(given_name("sarah"), Some(NameGender::Female));
        assert_eq!(given_name("alex"), Some(NameGender::Either));
        assert_eq!(given_name("alibaba"), None);
        assert!(near_given_name("johnathan"));
        assert!(!near_given_name("alibaba"));
    }

    #[test]
    fn places_resolve_aliases() {
        assert_eq!(place("u.s"), Some("united states"));
        assert_eq!(place("u.s."), Some("united states"));
        assert_eq!(place("britain"), Some("united kingdom"));
        assert_eq!(place("hangzhou"), Some("hangzhou"));
        assert_eq!(place("southeast asia"), Some("southeast asia"));
        assert_eq!(place("zhang"), None);
        assert_eq!(place_display("united states"), "United States");
    }

    #[test]
    fn family_first_and_orgs() {
        assert!(is_family_first_surname("zhang"));
        assert!(!is_family_first_surname("daniel"));
        assert!(is_known_organization("wto"));
        assert!(is_known_organization("jd.com"));
    }
}
