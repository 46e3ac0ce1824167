#include "common_names.h"

#include <algorithm>
#include <array>
#include <string_view>

namespace vigil::match_internal {
namespace {

// Written for Vigil from general knowledge of naming statistics: the most
// frequent given names and surnames in English (about the 300 most common
// US surnames and given names), Spanish, Portuguese, Russian and
// Ukrainian, Arabic, Persian, Turkish and South Asian news, and the name
// syllables of Burmese and the given names of Indonesian (cultures without
// surnames), in the spellings the press uses. Sorted, for binary search.
constexpr auto kCommonNames = std::to_array<std::string_view>({
    "aaron", "abbas", "abbott", "abdallah", "abdel", "abdul", "abdulla", "abdullah", "abdullahi",
    "abu", "acosta", "adam", "adams", "adel", "adi", "adil", "adkins", "adriana", "aguilar", "agus",
    "ahmad", "ahmadi", "ahmed", "ahmet", "akbar", "akhtar", "alan", "albert", "alberto",
    "alejandra", "alejandro", "aleksandr", "alekseev", "aleksei", "alex", "alexander", "alexandre",
    "alexei", "alexey", "alfredo", "ali", "alice", "alicia", "alireza", "allen", "allison", "alma",
    "alonso", "alvarado", "alvarez", "alvaro", "amanda", "amber", "amir", "amy", "ana", "anatoly",
    "anderson", "andrea", "andreev", "andrei", "andres", "andrew", "andrews", "andrey", "andriy",
    "angela", "anita", "ann", "anna", "anne", "annette", "annie", "anthony", "antonio", "anwar",
    "april", "arias", "armando", "armstrong", "arnold", "artem", "arthur", "arturo", "ashley",
    "ashraf", "asif", "aslam", "atkins", "audrey", "aung", "austin", "avila", "awad", "ayala",
    "azam", "aziz", "baig", "bailey", "baker", "bakr", "baldwin", "ball", "ballard", "bambang",
    "banks", "barber", "barker", "barnes", "barnett", "barrett", "barton", "bashir", "bass",
    "bates", "beatrice", "beatriz", "beck", "becker", "bell", "belov", "benitez", "benjamin",
    "bennett", "benson", "bernice", "berry", "bertha", "beth", "beverly", "bilal", "billy", "bin",
    "bishop", "black", "blair", "blake", "blanco", "bobby", "bondarenko", "bonnie", "boone",
    "boris", "borisov", "bowen", "bowers", "bowman", "boyd", "bradley", "brady", "brandon", "bravo",
    "brenda", "brewer", "brian", "bridges", "briggs", "brittany", "brock", "brooks", "brown",
    "bruce", "bryan", "bryant", "buchanan", "budi", "burgess", "burke", "burns", "burton", "bush",
    "butler", "byrd", "caballero", "cabrera", "cain", "caldwell", "calvo", "camila", "campbell",
    "campos", "cannon", "cano", "cardenas", "cardona", "carl", "carlos", "carlson", "carmen",
    "carmona", "carol", "carolina", "carolyn", "carpenter", "carr", "carrasco", "carrie", "carroll",
    "carson", "carter", "casey", "castillo", "castro", "catherine", "cathy", "cesar", "chambers",
    "chandler", "chapman", "charles", "charlotte", "chaudhry", "chavez", "chen", "cheryl",
    "christensen", "christian", "christina", "christine", "christopher", "cindy", "clara", "clark",
    "clarke", "claudia", "clayton", "cobb", "cohen", "cole", "coleman", "collier", "collins",
    "colon", "conner", "connie", "contreras", "cook", "cooper", "copeland", "cordoba", "correa",
    "cortes", "cortez", "cox", "craig", "crawford", "crespo", "cross", "cruz", "crystal",
    "cummings", "cunningham", "curry", "curtis", "cynthia", "dana", "daniel", "daniela", "danielle",
    "daniels", "darlene", "david", "davidson", "davis", "dawn", "dawson", "day", "dean", "debbie",
    "deborah", "debra", "delgado", "denis", "denise", "dennis", "dewi", "diana", "diane", "diaz",
    "diego", "dixon", "dmitri", "dmitriev", "dmitriy", "dmitry", "dolores", "dominguez", "donald",
    "donna", "doris", "douglas", "doyle", "drake", "duncan", "dunn", "duran", "dwi", "dylan",
    "ebrahim", "edgar", "edith", "edna", "eduardo", "edward", "edwards", "egorov", "eko", "elaine",
    "eleanor", "elena", "elizabeth", "ellen", "elliott", "ellis", "elsie", "emad", "emily", "emma",
    "enrique", "eric", "erica", "erickson", "erin", "escobar", "esmaeil", "espinoza", "esteban",
    "esther", "estrada", "ethan", "ethel", "eugene", "eva", "evans", "evelyn", "evgeny", "fabio",
    "fahd", "faisal", "farah", "farmer", "farouk", "fawzi", "fedor", "fedorov", "felipe",
    "ferguson", "fernandez", "fernando", "ferrer", "fields", "figueroa", "fisher", "fitzgerald",
    "fleming", "fletcher", "florence", "flores", "flowers", "floyd", "ford", "foster", "fouad",
    "fowler", "fox", "frances", "francis", "francisco", "frank", "franklin", "frazier", "freeman",
    "french", "frolov", "fuentes", "fuller", "fyodor", "gabriel", "gail", "gallardo", "gallego",
    "garcia", "gardner", "garner", "garrett", "garrido", "gary", "gaviria", "gennady", "george",
    "gerald", "geraldine", "gerardo", "ghani", "gholam", "gibbs", "gibson", "gil", "gilbert",
    "gill", "gimenez", "gladys", "gloria", "glover", "gomez", "gonzalez", "goodman", "goodwin",
    "gordon", "grace", "graham", "grant", "graves", "gray", "green", "greene", "greer", "gregory",
    "griffin", "griffith", "grigoriev", "grigory", "gross", "guerrero", "guillermo", "gusev",
    "gustavo", "gutierrez", "guzman", "hadi", "hafiz", "hakim", "hale", "halim", "hall", "hamad",
    "hamid", "hamilton", "hammond", "hampton", "hamza", "hani", "hansen", "hanson", "hardy",
    "harmon", "harold", "harper", "harrington", "harrison", "hart", "harvey", "hasan", "hassan",
    "hawkins", "hayes", "haynes", "hazel", "heather", "hector", "helen", "henderson", "henry",
    "hernan", "hernandez", "herrera", "herrero", "hicks", "hidalgo", "higgins", "hill", "hines",
    "hisham", "hla", "hlaing", "hodges", "hoffman", "hogan", "holland", "holloway", "holly",
    "holmes", "holt", "hopkins", "horton", "hosain", "hossein", "hosseini", "houston", "howard",
    "howell", "htay", "htun", "hubbard", "hudson", "huff", "hughes", "hugo", "hunt", "hunter",
    "husain", "husayn", "husein", "huseyin", "hussain", "hussam", "hussein", "ibanez", "ibrahim",
    "ida", "iglesias", "igor", "ilya", "imad", "imran", "ingram", "iqbal", "irene", "isabel",
    "ismail", "issa", "ivan", "ivanov", "jabbar", "jaber", "jabir", "jack", "jackson", "jacob",
    "jacobs", "jacqueline", "jafar", "jaime", "jamal", "james", "jamie", "jane", "janet", "janice",
    "jason", "javad", "javed", "javier", "jawad", "jean", "jeanette", "jeanne", "jefferson",
    "jeffrey", "jenkins", "jennifer", "jennings", "jensen", "jeremy", "jerry", "jesse", "jessica",
    "jesus", "jill", "jimenez", "joan", "joann", "joanne", "joe", "john", "johnny", "johnson",
    "johnston", "joko", "jonathan", "jones", "jordan", "jorge", "jose", "joseph", "josephine",
    "joyce", "juan", "juanita", "judith", "judy", "julia", "juliana", "julie", "julio", "june",
    "justin", "kamal", "kamran", "kareem", "karen", "karim", "katherine", "kathleen", "kathryn",
    "kathy", "katie", "kazem", "keith", "keller", "kelley", "kelly", "kennedy", "kenneth", "kevin",
    "khaled", "khalid", "khalil", "khan", "khin", "kim", "kimberly", "king", "kirill", "kiselev",
    "klein", "knight", "ko", "konstantin", "kovalenko", "kovalev", "kozlov", "kristen", "kumar",
    "kuzmin", "kuznetsov", "kyaw", "kyi", "kyle", "lamb", "lambert", "lane", "larry", "larson",
    "latif", "laura", "lauren", "laurie", "lawrence", "lawson", "lee", "leon", "leonard", "leonid",
    "leslie", "lewis", "lillian", "linda", "lindsey", "lisa", "little", "lloyd", "logan", "lois",
    "long", "lopez", "lorenzo", "loretta", "lori", "lorraine", "louis", "louise", "love", "lowe",
    "lozano", "lucas", "lucia", "lucille", "luis", "luna", "luz", "lwin", "lynch", "lynn", "lyons",
    "mack", "mahmood", "mahmoud", "mahmud", "majeed", "majid", "makarov", "maldonado", "malik",
    "malone", "mann", "manning", "mansour", "manuel", "marcela", "margaret", "maria", "mariana",
    "marie", "marilyn", "marin", "mario", "marion", "marjorie", "mark", "marquez", "marsh",
    "marshall", "martha", "martin", "martinez", "marwan", "mary", "mason", "masoud", "masri",
    "massey", "mathis", "matthew", "matthews", "maung", "mauricio", "maxim", "maximov", "maxwell",
    "may", "mcbride", "mccarthy", "mccormick", "mccoy", "mcdaniel", "mcdonald", "mcgee", "mcguire",
    "mckenzie", "mckinney", "mclaughlin", "medina", "megan", "mehdi", "mehmet", "mehmood", "mejia",
    "melanie", "melissa", "mendez", "mendoza", "meyer", "michael", "michele", "michelle", "miguel",
    "mikhail", "mikhailov", "mildred", "miles", "miller", "mills", "min", "mirza", "mitchell",
    "moe", "mohamed", "mohammad", "mohammadi", "mohammed", "mohsen", "mojtaba", "molina", "monica",
    "montero", "montgomery", "montoya", "moody", "moore", "mora", "morales", "moran", "moreno",
    "morgan", "morozov", "morris", "morrison", "morteza", "morton", "moss", "mostafa", "mousavi",
    "moya", "muhammad", "mullins", "munir", "munoz", "murad", "murphy", "murray", "mustafa",
    "mustapha", "myers", "myint", "myo", "nabil", "nader", "naim", "naing", "nancy", "naser",
    "nash", "nasir", "nasser", "natalia", "nathan", "navarro", "naveed", "nay", "neal", "nelson",
    "newman", "newton", "nguyen", "nicholas", "nicole", "nieto", "nikitin", "nikolaev", "nikolai",
    "nikolay", "noah", "norma", "norman", "norris", "norton", "novikov", "nunez", "nur", "nyi",
    "nyunt", "obrien", "ochoa", "oleg", "oliver", "olson", "omar", "oo", "orlov", "orozco",
    "ortega", "ortiz", "osborne", "oscar", "osman", "osorio", "ospina", "othman", "owen", "owens",
    "pablo", "padilla", "page", "palmer", "pamela", "paola", "paredes", "park", "parker", "parks",
    "parra", "parsons", "pascual", "pastor", "patricia", "patrick", "patterson", "patton", "paul",
    "paula", "pauline", "pavel", "pavlov", "payne", "pearson", "pedro", "peggy", "pena", "perez",
    "perkins", "perry", "peter", "peters", "peterson", "petrov", "phelps", "philip", "phillips",
    "phyllis", "phyo", "pierce", "pineda", "pittman", "polyakov", "poole", "pope", "popov",
    "porter", "potter", "powell", "powers", "pratt", "price", "prieto", "putri", "pyotr", "qadir",
    "qasem", "qasim", "qassem", "quinn", "quintero", "qureshi", "rachel", "rafael", "rafiq",
    "rahim", "rahman", "raja", "ralph", "rami", "ramirez", "ramon", "ramos", "ramsey", "rana",
    "randy", "rashad", "rasheed", "rashid", "rasoul", "rauf", "raul", "ray", "raymond", "razzaq",
    "rebecca", "reed", "reese", "reeves", "regina", "reid", "renee", "restrepo", "reyes",
    "reynolds", "reza", "rezaei", "rhodes", "rhonda", "ricardo", "rice", "richard", "richards",
    "richardson", "riley", "rincon", "rios", "rita", "rivera", "riyad", "rizki", "robbins",
    "roberson", "robert", "roberta", "roberto", "roberts", "robertson", "robin", "robinson",
    "rocio", "rodgers", "rodrigo", "rodriguez", "rodriquez", "roger", "rogers", "rojas", "roman",
    "romero", "ronald", "rosa", "rose", "ross", "rowe", "roy", "ruben", "rubio", "ruby", "ruiz",
    "ruslan", "russell", "ruth", "ryan", "sabri", "sadegh", "sadiq", "saeed", "saez", "said",
    "sajid", "salah", "salam", "salazar", "saleh", "salem", "salim", "sally", "samantha", "sami",
    "samir", "samuel", "san", "sanchez", "sanders", "sandoval", "sandra", "santana", "santiago",
    "santos", "sanz", "sara", "sarah", "sattar", "saunders", "sayed", "sayyid", "schmidt",
    "schneider", "schultz", "schwartz", "scott", "sean", "semenov", "sergeev", "sergei", "sergey",
    "sergio", "serrano", "shah", "shahid", "shahzad", "shannon", "sharif", "sharon", "sharp",
    "shaw", "sheikh", "sheila", "shelton", "sherman", "sherry", "shevchenko", "shirley", "silva",
    "silvia", "simmons", "simon", "simpson", "sims", "singh", "singleton", "siti", "slamet",
    "smirnov", "smith", "snyder", "soe", "sofia", "sokolov", "soler", "sorokin", "sosa", "soto",
    "sparks", "spencer", "sri", "stacy", "stanislav", "stanley", "steele", "stepanov", "stephanie",
    "stephen", "stephens", "steven", "stevens", "stevenson", "stewart", "stokes", "stone",
    "strickland", "su", "suarez", "sue", "suleiman", "sullivan", "summers", "susan", "sutton",
    "suzanne", "swanson", "syawal", "sylvia", "taha", "tammy", "tarek", "tariq", "tate", "tawfiq",
    "taylor", "teresa", "terry", "than", "thant", "thein", "thelma", "theresa", "thet", "thomas",
    "thompson", "thornton", "thura", "tiffany", "tin", "tina", "todd", "torres", "townsend",
    "tracy", "tran", "trujillo", "tucker", "tun", "turner", "tyler", "umar", "underwood", "usman",
    "vadim", "valdez", "valencia", "valentina", "valerie", "valery", "vanessa", "vargas",
    "vasiliev", "vasily", "vasquez", "vaughn", "vazquez", "vega", "velasco", "velasquez",
    "veronica", "vicente", "victor", "victoria", "vidal", "viktor", "vincent", "virginia", "vitaly",
    "vivian", "vladimir", "volkov", "vorobyov", "wade", "wael", "wagner", "wahab", "wahid", "wahyu",
    "wai", "waleed", "walid", "walker", "wallace", "walsh", "walter", "walters", "walton", "wanda",
    "waqar", "ward", "warner", "warren", "washington", "waters", "watkins", "watson", "watts",
    "wayne", "weaver", "webb", "weber", "webster", "welch", "wells", "wendy", "west", "wheeler",
    "white", "wilkerson", "wilkins", "william", "williams", "williamson", "willie", "willis",
    "wilson", "win", "wise", "wolfe", "wong", "wood", "wright", "yahya", "yan", "yasin", "yasser",
    "yassin", "yates", "ye", "yevgeny", "yolanda", "younes", "young", "younis", "yousef", "youssef",
    "yunus", "yuri", "yusuf", "yvonne", "zachary", "zahid", "zaid", "zaitsev", "zakharov", "zaki",
    "zapata", "zaw", "ziad", "zimmerman", "zin", "zubair",
});

constexpr auto kArabicPersian = std::to_array<std::string_view>({
    "abd",     "abdel",    "abdul",    "abdullah", "abu",      "ahmad",    "ahmed",
    "al",      "ali",      "bin",      "el",       "hasan",    "hassan",   "hossein",
    "husain",  "hussain",  "hussein",  "ibn",      "mohamed",  "mohammad", "mohammed",
    "muhammad", "mustafa", "omar",     "reza",     "umar",     "ould",     "bint",
});

bool InSorted(const auto& words, std::string_view word) {
  return std::binary_search(words.begin(), words.end(), word);
}

}  // namespace

bool IsCommonNameWord(std::string_view normalized) { return InSorted(kCommonNames, normalized); }

std::span<const std::string_view> CommonNameWords() { return kCommonNames; }

bool IsArabicPersianNameWord(std::string_view normalized) {
  return std::find(kArabicPersian.begin(), kArabicPersian.end(), normalized) !=
         kArabicPersian.end();
}

}  // namespace vigil::match_internal
