// The matching rules of the issue, one small hand-made list each: variants,
// transliteration, spelling variants and their scores, false-alarm control,
// exclusions and explanations.
#include "vigil/match/matcher.h"

#include <gmock/gmock.h>
#include <gtest/gtest.h>

#include <algorithm>
#include <map>

#include <string>
#include <thread>
#include <vector>

namespace vigil {
namespace {

using ::testing::HasSubstr;

Entity Make(std::string id, std::string name, EntityType type,
            std::vector<std::string> aliases = {}) {
  return Entity{std::move(id), std::move(name), type, std::move(aliases)};
}
Entity Person(std::string id, std::string name, std::vector<std::string> aliases = {}) {
  return Make(std::move(id), std::move(name), EntityType::kPerson, std::move(aliases));
}

std::shared_ptr<const Matcher> BuildOrDie(const std::vector<Watchlist>& lists) {
  auto matcher = Matcher::Build(lists, {});
  EXPECT_TRUE(matcher.ok()) << matcher.status().message();
  return *matcher;
}

std::shared_ptr<const Matcher> People() {
  return BuildOrDie({Watchlist{
      "sdn",
      {Person("putin", "PUTIN, Vladimir Vladimirovich"), Person("kim", "KIM, Jong Un"),
       Person("kim-il", "KIM, Jong Il"), Person("maduro", "MADURO MOROS, Nicolas"),
       Person("peskov", "PESKOV, Dmitry Sergeyevich"),
       Person("lavrov", "LAVROV, Sergei Viktorovich"),
       Person("prigozhin", "PRIGOZHIN, Yevgeniy Viktorovich"),
       Person("nasrallah", "NASRALLAH, Hassan"), Person("potanin", "POTANIN, Vladimir Olegovich"),
       Person("tsipras", "TSIPRAS, Alexis")}}});
}

// "entity|matched" of the alerts in `text`: which names were found, when
// the rule that found them is not the point.
std::vector<std::string> AlertedNames(const Matcher& matcher, std::string_view text) {
  std::vector<std::string> out;
  for (const Match& m : matcher.Scan(text)) out.push_back(m.entity_id + "|" + m.matched);
  return out;
}

// "entity|matched|rule" of the alerts in `text`.
std::vector<std::string> Alerts(const Matcher& matcher, std::string_view text) {
  std::vector<std::string> out;
  for (const Match& m : matcher.Scan(text)) {
    EXPECT_TRUE(m.alert);
    out.push_back(m.entity_id + "|" + m.matched + "|" + m.rule);
  }
  return out;
}

using Want = std::vector<std::string>;

TEST(MatcherRulesTest, FindsPersonNameVariants) {
  auto m = People();
  EXPECT_EQ(Alerts(*m, "Vladimir Vladimirovich Putin said"),
            Want{"putin|Vladimir Vladimirovich Putin|reordered"});
  EXPECT_EQ(Alerts(*m, "Vladimir Putin said"), Want{"putin|Vladimir Putin|without-middle"});
  EXPECT_EQ(Alerts(*m, "PUTIN Vladimir"), Want{"putin|PUTIN Vladimir|surname-first"});
  EXPECT_EQ(Alerts(*m, "Vladimir Putin's war"),
            Want{"putin|Vladimir Putin|without-middle+possessive"});
  EXPECT_EQ(Alerts(*m, "Kim Jong Un"), Want{"kim|Kim Jong Un|exact"});
  EXPECT_EQ(Alerts(*m, "Kim Jong-un"), Want{"kim|Kim Jong-un|exact"});
  EXPECT_EQ(Alerts(*m, "Kim Jong-Un"), Want{"kim|Kim Jong-Un|exact"});
  EXPECT_EQ(Alerts(*m, "Kim Jongun"), Want{"kim|Kim Jongun|joined"});
  EXPECT_EQ(Alerts(*m, "Kim Jong Il died"), Want{"kim-il|Kim Jong Il|exact"});
  EXPECT_EQ(Alerts(*m, "Jong Kim"), Want{});
  EXPECT_EQ(Alerts(*m, "Kim Jong Nam"), Want{});
  EXPECT_EQ(Alerts(*m, "Nicolás Maduro"), Want{"maduro|Nicolás Maduro|double-surname-first"});
  EXPECT_EQ(Alerts(*m, "Nicolas Maduro Moros"), Want{"maduro|Nicolas Maduro Moros|reordered"});
  EXPECT_EQ(Alerts(*m, "Vladimir Potanin"), Want{"potanin|Vladimir Potanin|without-middle"});
  EXPECT_EQ(Alerts(*m, "a spokesman for Vladimir V. Putin"),
            Want{"putin|Vladimir V. Putin|middle-initial"});
  auto plain = BuildOrDie({Watchlist{"l", {Person("salek", "ABDULHAI SALEK"),
                                           Person("murillo", "MURILLO DE ORTEGA, Rosario Maria")}}});
  EXPECT_EQ(Alerts(*plain, "SALEK, ABDULHAI"), Want{"salek|SALEK, ABDULHAI|reordered"});
  EXPECT_EQ(Alerts(*plain, "Rosario Murillo spoke"),
            Want{"murillo|Rosario Murillo|double-surname-first"});
}

TEST(MatcherRulesTest, TransliteratesCyrillicAndGreek) {
  auto m = People();
  EXPECT_EQ(Alerts(*m, "Владимир Путин заявил"),
            Want{"putin|Владимир Путин|without-middle+transliterated"});
  EXPECT_EQ(Alerts(*m, "ПУТИН Владимир Владимирович"),
            Want{"putin|ПУТИН Владимир Владимирович|transliterated"});
  // Greek η becomes ē, so "Αλέξης" is the spelling variant "alexes".
  std::vector<Match> tsipras = m->Scan("Αλέξης Τσίπρας", ScanOptions{.include_candidates = true});
  ASSERT_EQ(tsipras.size(), 1u);
  EXPECT_EQ(tsipras[0].entity_id, "tsipras");
  EXPECT_THAT(tsipras[0].rule, HasSubstr("transliterated"));
  EXPECT_THAT(tsipras[0].rule, HasSubstr("fuzzy(Αλέξης→alexis)"));
}

TEST(MatcherRulesTest, MatchesOriginalScriptAliases) {
  auto m = BuildOrDie({Watchlist{
      "l", {Person("xi", "XI, Jinping", {"习近平"}), Person("nasr", "NASRALLAH, Hassan", {"حسن نصر الله"})}}});
  std::vector<Match> xi = m->Scan("习近平主席");
  ASSERT_EQ(xi.size(), 1u);
  EXPECT_EQ(xi[0].matched, "习近平");
  EXPECT_EQ(xi[0].matched_name, "习近平");
  EXPECT_EQ(xi[0].rule, "exact");
  std::vector<Match> nasr = m->Scan("قال حسن نصر الله");
  ASSERT_EQ(nasr.size(), 1u);
  EXPECT_EQ(nasr[0].entity_id, "nasr");
}

TEST(MatcherRulesTest, ScoresSpellingVariantsBelowExact) {
  auto m = People();
  struct Case {
    std::string text;
    std::string entity;
    std::string rule;
  };
  const std::vector<Case> cases = {
      {"Dmitri Peskov", "peskov", "without-middle+fuzzy(Dmitri→dmitry)"},
      {"Dmitriy Peskov", "peskov", "without-middle+fuzzy(Dmitriy→dmitry)"},
      {"Sergey Lavrov", "lavrov", "without-middle+fuzzy(Sergey→sergei)"},
      {"Evgeny Prigozhin", "prigozhin", "without-middle+fuzzy(Evgeny→yevgeniy)"},
      {"Hasan Nasrallah", "nasrallah", "reordered+fuzzy(Hasan→hassan)"},
      {"Wladimir Putin", "putin", "without-middle+fuzzy(Wladimir→vladimir)"},
      {"Дмитрий Песков", "peskov", "without-middle+transliterated+fuzzy(Дмитрий→dmitry)"},
  };
  for (const Case& c : cases) {
    std::vector<Match> matches = m->Scan(c.text);
    ASSERT_EQ(matches.size(), 1u) << c.text;
    EXPECT_EQ(matches[0].entity_id, c.entity) << c.text;
    EXPECT_EQ(matches[0].rule, c.rule) << c.text;
    EXPECT_LT(matches[0].score, 1.0) << c.text;
    EXPECT_GE(matches[0].score, 0.9) << c.text;
    EXPECT_TRUE(matches[0].alert);
  }
  EXPECT_EQ(m->Scan("Dmitry Peskov")[0].score, 1.0);
  // Each fuzzy word lowers the score: two of them score below one.
  auto one = m->Scan("Yevgeny Viktorovich Prigozhin", ScanOptions{.include_candidates = true});
  auto two = m->Scan("Yevgeny Viktorovich Prigojin", ScanOptions{.include_candidates = true});
  ASSERT_EQ(one.size(), 1u);
  ASSERT_EQ(two.size(), 1u);
  EXPECT_LT(two[0].score, one[0].score);
  EXPECT_EQ(two[0].rule, "reordered+fuzzy(Yevgeny→yevgeniy)+fuzzy(Prigojin→prigozhin)");
  // A name of spelling variants only is a hit if every word is a close
  // reading ("Evgeny Prigojin", the French spelling); one loose reading
  // ("Jevgen", 0.93) and there is no hit at all.
  auto french = m->Scan("Evgeny Prigojin");
  ASSERT_EQ(french.size(), 1u);
  EXPECT_EQ(french[0].entity_id, "prigozhin");
  EXPECT_TRUE(m->Scan("Jevgen Prigojin", ScanOptions{.include_candidates = true}).empty());
}

TEST(MatcherRulesTest, KeepsDistinctPeopleApart) {
  auto m = People();
  EXPECT_EQ(Alerts(*m, "Vladimir Potanin"), Want{"potanin|Vladimir Potanin|without-middle"});
  EXPECT_EQ(Alerts(*m, "Kim Jong Il"), Want{"kim-il|Kim Jong Il|exact"});
  // Words under four letters match exactly only.
  EXPECT_TRUE(m->Scan("Kim Jong Um", ScanOptions{.include_candidates = true}).empty());
  // A spelling variant of one listed person inside an exact hit of another
  // is that other person.
  auto ivanov = BuildOrDie({Watchlist{"l",
                                      {Person("a", "IVANOV, Sergei Borisovich"),
                                       Person("b", "IVANOV, Sergey Petrovich")}}});
  // Both names are common (Ivanov is Russia's commonest surname), so each
  // needs the document's corroboration; then the right one alerts.
  EXPECT_EQ(Alerts(*ivanov, "Sanctions named Sergey Ivanov"),
            Want{"b|Sergey Ivanov|without-middle+corroborated(sanctions-word:sanction)"});
  EXPECT_EQ(Alerts(*ivanov, "Sanctions named Sergei Ivanov"),
            Want{"a|Sergei Ivanov|without-middle+corroborated(sanctions-word:sanction)"});
  EXPECT_EQ(Alerts(*ivanov, "Sergei Ivanov"), Want{});
  auto common = ivanov->Scan("Sergei Ivanov", ScanOptions{.include_candidates = true});
  auto exact = std::find_if(common.begin(), common.end(), [](const Match& c) { return c.entity_id == "a"; });
  ASSERT_NE(exact, common.end());
  EXPECT_FALSE(exact->alert);
  EXPECT_EQ(exact->rule, "without-middle+common-name");
  // Lower-case words match exactly only, and a spelling variant needs every
  // word capitalised: "said Hasan" is no "NASRALLAH, Hassan"-like name.
  EXPECT_TRUE(m->Scan("wladimir putin", ScanOptions{.include_candidates = true}).empty());
  auto jhan = BuildOrDie({Watchlist{"l", {Person("jhan", "JHAN, Said"),
                                           Person("aweys", "ALI, Sheikh Hassan Dahir Aweys")}}});
  EXPECT_TRUE(jhan->Scan("he said Jahn", ScanOptions{.include_candidates = true}).empty());
  // A title is no first name: "Sheikh Ali" is not a short form.
  EXPECT_EQ(Alerts(*jhan, "Sheikh Ali"), Want{});
  EXPECT_EQ(Alerts(*jhan, "Hassan Ali"), Want{});  // a common name, uncorroborated
  EXPECT_EQ(Alerts(*jhan, "militants loyal to Hassan Ali"),
            Want{"aweys|Hassan Ali|without-middle+corroborated(sanctions-word:militant)"});
}

TEST(MatcherRulesTest, LongerNamesWin) {
  auto m = BuildOrDie({Watchlist{"l",
                                 {Person("father", "MADURO MOROS, Nicolas"),
                                  Person("son", "MADURO GUERRA, Nicolas Ernesto"),
                                  Person("hussein", "HUSSEIN, Ali Ahmed"),
                                  Person("kim", "KIM, Yo'ng-su")}}});
  // The son's full name, not also the father's short form inside it.
  EXPECT_EQ(Alerts(*m, "Nicolas Maduro Guerra"), Want{"son|Nicolas Maduro Guerra|without-middle"});
  // A spelling variant inside a longer capitalised name is a candidate.
  EXPECT_EQ(Alerts(*m, "Ali Hosseini Khamenei issued a decree"), Want{});
  EXPECT_EQ(Alerts(*m, "Ali Husein said the militants"),
            Want{"hussein|Ali Husein|without-middle+fuzzy(Husein→hussein)+"
                 "corroborated(sanctions-word:militant)"});
  // McCune-Reischauer apostrophes: still a Korean name, never "Kim Yo".
  EXPECT_EQ(Alerts(*m, "Kim Yo Jong warned"), Want{});
  EXPECT_EQ(Alerts(*m, "Kim Yo'ng-su"), Want{"kim|Kim Yo'ng-su|exact"});
}

TEST(MatcherRulesTest, MinScoreMakesCandidates) {
  Watchlist strict{"strict", {Person("peskov", "PESKOV, Dmitry Sergeyevich")}};
  strict.min_score = 0.99;
  auto m = BuildOrDie({strict});
  EXPECT_TRUE(m->Scan("Dmitri Peskov").empty());
  auto all = m->Scan("Dmitri Peskov", ScanOptions{.include_candidates = true});
  ASSERT_EQ(all.size(), 1u);
  EXPECT_FALSE(all[0].alert);
  EXPECT_LT(all[0].score, 0.99);
  EXPECT_EQ(m->Scan("Dmitry Peskov").size(), 1u);  // exact still alerts
}

TEST(MatcherRulesTest, FindsCompaniesWithAndWithoutLegalForms) {
  auto m = BuildOrDie({Watchlist{
      "l",
      {Make("rosneft", "ROSNEFT OIL COMPANY PJSC", EntityType::kOrganization),
       Make("united", "UNITED LLC", EntityType::kOrganization),
       Make("acme", "ACME TRADING LIMITED", EntityType::kOrganization)}}});
  EXPECT_EQ(Alerts(*m, "Rosneft Oil Company said"),
            Want{"rosneft|Rosneft Oil Company|legal-form"});
  EXPECT_EQ(Alerts(*m, "PJSC Rosneft Oil Company"),
            Want{"rosneft|PJSC Rosneft Oil Company|legal-form"});
  EXPECT_EQ(Alerts(*m, "Rosneft Oil Company PAO"),
            Want{"rosneft|Rosneft Oil Company PAO|exact"});
  EXPECT_EQ(Alerts(*m, "Acme Trading Ltd."), Want{"acme|Acme Trading Ltd|exact"});
  // The legal form alone, or a company's ordinary core word, is no alert.
  EXPECT_EQ(Alerts(*m, "an LLC and a PJSC"), Want{});
  EXPECT_EQ(Alerts(*m, "united we stand"), Want{});
  EXPECT_EQ(Alerts(*m, "United LLC signed"), Want{"united|United LLC|exact"});
  // A one-word core that is an ordinary word, name or month needs its
  // legal form; names made of ordinary words need capitals.
  auto words = BuildOrDie({Watchlist{
      "l",
      {Make("sept", "LIMITED LIABILITY COMPANY SEPTEMBER", EntityType::kOrganization),
       Make("base", "THE BASE", EntityType::kOrganization),
       Make("gazprom", "GAZPROM PAO", EntityType::kOrganization)}}});
  EXPECT_EQ(Alerts(*words, "in September"), Want{});
  EXPECT_EQ(Alerts(*words, "September Limited Liability Company"),
            Want{"sept|September Limited Liability Company|legal-form"});
  EXPECT_EQ(Alerts(*words, "on the base of"), Want{});
  // A name of ordinary words alone is a description many bodies answer to:
  // it needs the document's corroboration.
  EXPECT_EQ(Alerts(*words, "members of The Base"), Want{});
  EXPECT_EQ(Alerts(*words, "the bombing by militants of The Base"),
            Want{"base|The Base|corroborated(sanctions-word:militant)"});
  // A company's bare name needs a company word near it (or corroboration),
  // unless it is distinctive (see below).
  EXPECT_EQ(Alerts(*words, "Gazprom said"), Want{"gazprom|Gazprom|legal-form+distinctive"});
  EXPECT_EQ(Alerts(*words, "gas company Gazprom said"),
            Want{"gazprom|Gazprom|legal-form+context"});
  // A longer name that ends in a listed all-ordinary name is not it.
  auto bank = BuildOrDie({Watchlist{
      "l", {Make("bank", "BANK LTD", EntityType::kOrganization),
            Make("centre", "CENTRE LTD.", EntityType::kOrganization),
            Make("stack", "STACK EXCHANGE", EntityType::kOrganization)}}});
  EXPECT_EQ(Alerts(*bank, "the Bank Ltd said"), Want{"bank|Bank Ltd|exact"});
  EXPECT_EQ(Alerts(*bank, "Barclays Bank Ltd said"), Want{});
  EXPECT_EQ(Alerts(*bank, "in the centre"), Want{});  // British spelling, ordinary
  // Ordinary words are not misspelt names.
  EXPECT_EQ(Alerts(*bank, "the London Stock Exchange"), Want{});
}

TEST(MatcherRulesTest, OrdinaryWordsNeedContext) {
  auto m = BuildOrDie({Watchlist{"l",
                                 {Make("forest", "FOREST", EntityType::kVessel),
                                  Make("daniel", "DANIEL", EntityType::kVessel),
                                  Make("humanity", "Humanity", EntityType::kVessel),
                                  Make("gazprom", "GAZPROM", EntityType::kOrganization),
                                  Person("putin", "Putin")}}});
  EXPECT_EQ(Alerts(*m, "the forest burned"), Want{});
  EXPECT_EQ(Alerts(*m, "Daniel said"), Want{});
  EXPECT_EQ(Alerts(*m, "Forest fires."), Want{});
  auto candidates = m->Scan("the forest burned", ScanOptions{.include_candidates = true});
  ASSERT_EQ(candidates.size(), 1u);
  EXPECT_FALSE(candidates[0].alert);
  EXPECT_EQ(candidates[0].rule, "no-vessel-reference+common-word");
  EXPECT_EQ(candidates[0].score, 0.5);

  // A ship called by an ordinary word or a given name needs its ship word
  // and a document about sanctions or seizures.
  EXPECT_EQ(Alerts(*m, "the tanker Forest was seized"),
            Want{"forest|Forest|corroborated(sanctions-word:seiz)+context"});
  EXPECT_EQ(Alerts(*m, "Forest (IMO 9187629) docked under sanctions"),
            Want{"forest|Forest|corroborated(sanctions-word:sanction)+context"});
  EXPECT_EQ(Alerts(*m, "the sanctioned yacht Daniel"),
            Want{"daniel|Daniel|corroborated(sanctions-word:sanction)+context"});
  EXPECT_EQ(Alerts(*m, "the yacht Daniel"), Want{});
  // A ship prefix ("MT", "M/V") or the list's capitals name the listed
  // ship as an advisory writes it: no more is needed.
  EXPECT_EQ(Alerts(*m, "MT Forest was listed"), Want{"forest|Forest|context"});
  EXPECT_EQ(Alerts(*m, "the tanker FOREST was seen"), Want{"forest|FOREST|context"});
  // A vessel needs a vessel word: its listed capitals alone are no context.
  EXPECT_EQ(Alerts(*m, "sanctions on FOREST and others"), Want{});
  EXPECT_EQ(Alerts(*m, "a donation for Humanity today, officials said"), Want{});
  // All-capitals headlines give every word the listed capitals.
  EXPECT_EQ(Alerts(*m, "TALKS ON FOREST FIRES END"), Want{});
  // Vessel words speak for vessels only.
  // (A listed neighbour confirms such a ship only if they share a programme.)
  EXPECT_EQ(Alerts(*m, "the tanker Daniel and the ship Gazprom"), (Want{"gazprom|Gazprom|exact"}));
  // Untyped and organisation names that are ordinary words, given names or
  // places need context: the list's unusual capitals (not just a capital
  // first letter) away from a sentence start.
  auto untyped = BuildOrDie({Watchlist{"l", {Make("dan", "DANIEL", EntityType::kOther),
                                             Make("org", "DOVER", EntityType::kOrganization),
                                             Make("wood", "FOREST", EntityType::kOrganization),
                                             Make("hum", "Humanity", EntityType::kOrganization)}}});
  EXPECT_EQ(Alerts(*untyped, "Daniel said"), Want{});
  EXPECT_EQ(Alerts(*untyped, "Dover said"), Want{});
  EXPECT_EQ(Alerts(*untyped, "sanctions on FOREST and others"), Want{"wood|FOREST|context"});
  EXPECT_EQ(Alerts(*untyped, "FOREST fires"), Want{});  // sentence start: a noun
  EXPECT_EQ(Alerts(*untyped, "a donation for Humanity today, officials said"), Want{});
  EXPECT_EQ(Alerts(*untyped, "payments to DOVER and others"), Want{"org|DOVER|context"});
  // A one-word name that is no ordinary word is an alert.
  EXPECT_EQ(Alerts(*m, "Gazprom said"), Want{"gazprom|Gazprom|exact"});
  // A surname alone is weak.
  EXPECT_EQ(Alerts(*m, "Putin said"), Want{});
  auto weak = m->Scan("Putin's plan", ScanOptions{.include_candidates = true});
  ASSERT_EQ(weak.size(), 1u);
  EXPECT_EQ(weak[0].rule, "possessive+single-name");
  EXPECT_FALSE(weak[0].alert);
}

TEST(MatcherRulesTest, ExcludedEntitiesAreNeverFound) {
  Watchlist list{"l", {Person("putin", "PUTIN, Vladimir"), Person("kim", "KIM, Jong Un")}};
  list.exclude = {"putin"};
  auto m = BuildOrDie({list});
  EXPECT_EQ(Alerts(*m, "Vladimir Putin met Kim Jong Un"), Want{"kim|Kim Jong Un|exact"});
}

TEST(MatcherRulesTest, ExplainsEachHit) {
  auto m = People();
  std::vector<Match> matches = m->Scan("Dmitri Peskov");
  ASSERT_EQ(matches.size(), 1u);
  EXPECT_EQ(matches[0].matched_name, "PESKOV, Dmitry Sergeyevich");
  EXPECT_EQ(matches[0].entity_name, "PESKOV, Dmitry Sergeyevich");
  EXPECT_EQ(matches[0].list_id, "sdn");
}

TEST(MatcherRulesTest, ScansConcurrently) {
  auto m = People();
  const std::string text =
      "Владимир Путин met Kim Jong-un and Dmitri Peskov; Nicolás Maduro called Sergey Lavrov.";
  const std::vector<Match> want = m->Scan(text);
  ASSERT_EQ(want.size(), 5u);
  std::vector<std::thread> threads;
  std::vector<int> mismatches(4, 0);
  for (int t = 0; t < 4; ++t) {
    threads.emplace_back([&, t] {
      for (int i = 0; i < 200; ++i) {
        std::vector<Match> got = m->Scan(text);
        bool same = got.size() == want.size();
        for (size_t k = 0; same && k < got.size(); ++k) {
          same = got[k].entity_id == want[k].entity_id && got[k].start == want[k].start &&
                 got[k].rule == want[k].rule;
        }
        if (!same) ++mismatches[t];
      }
    });
  }
  for (std::thread& t : threads) t.join();
  EXPECT_EQ(mismatches, std::vector<int>(4, 0));
}

}  // namespace
}  // namespace vigil

namespace vigil {
namespace {

// Two entries of one list that share a name both alert, each saying the
// text could name the other; entries of different lists (one person on
// several lists) are not ambiguous.
TEST(MatcherRulesTest, SharedNamesSayTheyAreAmbiguous) {
  Watchlist list{"l", {Person("lashkar", "SAEED, Hafiz Muhammad", {"SAEED, Hafiz"}),
                       Person("khorasan", "SAEED KHAN, Hafiz", {"SAEED, Hafiz"})}};
  Watchlist other{"o", {Person("same", "SAEED, Hafiz")}};
  auto m = BuildOrDie({list, other});
  auto matches = m->Scan("Hafiz Saeed was sentenced for terrorism financing.");
  std::map<std::string, std::string> rules;
  for (const Match& match : matches) rules[match.entity_id] = match.rule;
  ASSERT_EQ(rules.size(), 3u);
  EXPECT_THAT(rules["lashkar"], ::testing::HasSubstr("ambiguous(l/khorasan)"));
  EXPECT_THAT(rules["khorasan"], ::testing::HasSubstr("ambiguous(l/lashkar)"));
  EXPECT_THAT(rules["same"], ::testing::Not(::testing::HasSubstr("ambiguous")));
}

// An alias two bodies share is the one's whose own name it is, spaced
// otherwise: "Ansar Allah" is ANSARALLAH, though HIZBALLAH lists it too.
TEST(MatcherRulesTest, ASharedAliasIsTheBodyWhoseOwnNameItIs) {
  Entity houthis = Make("houthis", "ANSARALLAH", EntityType::kOrganization);
  houthis.aliases = {"ANSAR ALLAH"};
  Entity hizballah = Make("hizballah", "HIZBALLAH", EntityType::kOrganization);
  hizballah.aliases = {"ANSAR ALLAH", "PARTY OF GOD"};
  auto m = BuildOrDie({Watchlist{"l", {hizballah, houthis}}});
  EXPECT_EQ(Alerts(*m, "Ansar Allah claimed the missile launch."),
            (Want{"houthis|Ansar Allah|exact"}));
}

// Two people at the same words: the one whose whole listed name they are
// wins over one with a name part dropped ("Soe Win" is SOE WIN, not SOE,
// Win Min less his "Min").
TEST(MatcherRulesTest, APersonsWholeNameWinsOverAnotherLessAPart) {
  auto m = BuildOrDie({Watchlist{"l", {Person("minsoe", "SOE, Win Min"), Person("soewin", "SOE WIN")}}});
  auto matches = m->Scan("Vice-Senior General Soe Win chaired the meeting.", ScanOptions{true});
  std::map<std::string, const Match*> by_id;
  for (const Match& match : matches) by_id[match.entity_id] = &match;
  ASSERT_EQ(by_id.count("soewin"), 1u);
  EXPECT_TRUE(by_id["soewin"]->alert);
  if (by_id.count("minsoe") != 0) {
    EXPECT_FALSE(by_id["minsoe"]->alert);
    EXPECT_THAT(by_id["minsoe"]->rule, ::testing::HasSubstr("ambiguous(l/soewin)"));
  }
}

// A short name a parent shares with a subsidiary whose names say it is one
// is the parent's; the subsidiary's hit says which body won.
TEST(MatcherRulesTest, ASharedCompanyNameIsTheParentsNotTheSubsidiarys) {
  Entity parent = Make("parent", "PUBLIC JOINT STOCK COMPANY SBERBANK OF RUSSIA", EntityType::kOrganization);
  parent.aliases = {"PJSC SBERBANK"};
  Entity ukraine = Make("ukraine", "JOINT STOCK COMPANY SBERBANK", EntityType::kOrganization);
  ukraine.aliases = {"SUBSIDIARY BANK SBERBANK OF RUSSIA PUBLIC JOINT STOCK COMPANY"};
  auto m = BuildOrDie({Watchlist{"l", {ukraine, parent}}});
  auto matches = m->Scan("La banque Sberbank a fermé sa filiale autrichienne.", ScanOptions{true});
  std::map<std::string, const Match*> by_id;
  for (const Match& match : matches) by_id[match.entity_id] = &match;
  ASSERT_EQ(by_id.size(), 2u);
  EXPECT_TRUE(by_id["parent"]->alert);
  EXPECT_THAT(by_id["parent"]->rule, ::testing::Not(::testing::HasSubstr("ambiguous")));
  EXPECT_FALSE(by_id["ukraine"]->alert);
  EXPECT_THAT(by_id["ukraine"]->rule, ::testing::HasSubstr("ambiguous(l/parent)"));
}

}  // namespace
}  // namespace vigil

namespace vigil {
namespace {

Entity Company(std::string id, std::string name, std::vector<std::string> programs) {
  Entity e{std::move(id), std::move(name), EntityType::kOrganization, {}};
  e.programs = std::move(programs);
  return e;
}

// A company's one-word bare name that no dictionary of the news's
// languages, given name or surname shares alerts alone; a headline's
// capitals, a bracketed country after it or another legal form for it in
// the document make it wait for the document, where a story about the
// country of its sanctions programme backs it.
TEST(MatcherRulesTest, DistinctiveBareCompanyNameAlertsAloneUnlessTheTextSaysOtherwise) {
  auto m = BuildOrDie({Watchlist{
      "sdn", {Company("severstal", "SEVERSTAL PAO", {"RUSSIA-EO14024"}),
              Company("mirza", "MIRZA CO.", {"IRAN"}),
              Company("albatros", "ALBATROS OOO", {"RUSSIA-EO14024"}),
              Company("kuznetsov", "KUZNETSOV PAO", {"RUSSIA-EO14024"}),
              Company("novastream", "NOVASTREAM LIMITED", {"RUSSIA-EO14024"})}}});
  EXPECT_EQ(Alerts(*m, "Severstal reported a fall in steel output."),
            (Want{"severstal|Severstal|legal-form+distinctive"}));
  EXPECT_EQ(Alerts(*m, "Akcje Severstalu spadły o 5 proc."),
            (Want{"severstal|Severstalu|legal-form+fuzzy(Severstalu→severstal)+distinctive"}));
  EXPECT_TRUE(Alerts(*m, "SEVERSTAL CUTS OUTPUT").empty());
  EXPECT_EQ(Alerts(*m, "SEVERSTAL CUTS OUTPUT, the Russian steelmaker said."),
            (Want{"severstal|SEVERSTAL|legal-form+corroborated(country-word:russia)"}));
  EXPECT_TRUE(Alerts(*m, "Severstal (Brazil) opened a plant.").empty());
  EXPECT_TRUE(Alerts(*m, "Severstal Inc said it would buy a mill. Severstal paid cash.").empty());
  // A surname, a word of German or Polish, a family name, two English
  // words run together: not the listed company, whatever the country.
  EXPECT_TRUE(Alerts(*m, "Mirza spoke to reporters in Tehran.").empty());
  EXPECT_TRUE(Alerts(*m, "Der Albatros ist der größte Seevogel der Welt.").empty());
  EXPECT_TRUE(Alerts(*m, "Kuznetsov scored twice for Zenit.").empty());
  EXPECT_TRUE(Alerts(*m, "In an interview with Novastream web radio, he said so.").empty());
}

}  // namespace
}  // namespace vigil

namespace vigil {
namespace {

// A company's one-word name declined by Russian or Polish grammar is the
// name, not another spelling: it alerts as the name would. A lower-case
// word of a script with capitals is no spelling variant of a name.
TEST(MatcherRulesTest, DeclinedOrganisationNamesAlertAndLowerCaseWordsAreNoSpellings) {
  auto m = BuildOrDie({Watchlist{
      "sdn", {Company("gazprom", "GAZPROM", {"RUSSIA-EO14024"}),
              Company("rosneft", "ROSNEFT", {"RUSSIA-EO14024"}),
              Company("kontroles", "KONTROLES ELECTRONICOS", {"SDNTK"}),
              Make("kontroles-1", "KONTROLES", EntityType::kOrganization)}}});
  EXPECT_EQ(Alerts(*m, "Контракт с Газпромом продлён до 2030 года."),
            (Want{"gazprom|Газпромом|transliterated+fuzzy(Газпромом→gazprom)"}));
  EXPECT_EQ(Alerts(*m, "Акции Газпрома выросли."),
            (Want{"gazprom|Газпрома|transliterated+fuzzy(Газпрома→gazprom)"}));
  EXPECT_TRUE(m->Scan("Талибы взяли под контроль Кабул.", ScanOptions{true}).empty());
  // So is the name as a Polish paper transliterates it (Polish "ie" for
  // the Russian "е"), as written or declined.
  EXPECT_EQ(Alerts(*m, "Rosnieft zwiększyła eksport ropy do Indii."),
            (Want{"rosneft|Rosnieft|fuzzy(Rosnieft→rosneft)"}));
  EXPECT_EQ(Alerts(*m, "Cena akcji Rosniefti spadła."),
            (Want{"rosneft|Rosniefti|fuzzy(Rosniefti→rosneft)"}));
  // A company's core without its legal form, declined, is weighed as that
  // bare name: backed here by its programme's country.
  auto bank = BuildOrDie({Watchlist{"sdn", {Company("sber", "PJSC SBERBANK", {"RUSSIA-EO14024"})}}});
  EXPECT_EQ(Alerts(*bank, "Акции Сбербанка в России подорожали."),
            (Want{"sber|Сбербанка|legal-form+transliterated+fuzzy(Сбербанка→sberbank)+"
                  "corroborated(country-word:Росси)"}));
  EXPECT_TRUE(Alerts(*bank, "Клиенты Сбербанка пожаловались на сбои.").empty());
}

// A full name of common words waits for the document, unless a title or
// rank introduces it and the name ends there; a listed acronym is backed
// by its programme's country; a company word of another language stands
// beside a bare company name.
TEST(MatcherRulesTest, TitlesCountryWordsAndForeignCompanyWordsBackWeakNames) {
  Entity hlaing = Person("hlaing", "MIN AUNG HLAING");
  Entity mustafa = Person("mustafa", "MUSTAFA, Mohammed");
  Entity gru = Company("gru", "MAIN INTELLIGENCE DIRECTORATE", {"RUSSIA-EO14024", "CYBER2"});
  gru.aliases = {"GRU"};
  auto m = BuildOrDie({Watchlist{
      "sdn", {hlaing, mustafa, gru, Company("severstal", "SEVERSTAL PAO", {"RUSSIA-EO14024"})}}});
  EXPECT_EQ(Alerts(*m, "Senior General Min Aung Hlaing opened the session."),
            (Want{"hlaing|Min Aung Hlaing|corroborated(title)"}));
  EXPECT_TRUE(Alerts(*m, "Min Aung Hlaing opened the session.").empty());
  EXPECT_TRUE(Alerts(*m, "Trade Minister Mohammed Mustafa al-Jibouri welcomed the move.").empty());
  EXPECT_TRUE(Alerts(*m, "Oil Minister Mohammed Mustafa Kandeel spoke.").empty());
  EXPECT_EQ(Alerts(*m, "Unit 29155 of the GRU, Russia's military intelligence, was blamed."),
            (Want{"gru|GRU|corroborated(country-word:russia)"}));
  EXPECT_TRUE(Alerts(*m, "The GRU team won the regional cup.").empty());
  EXPECT_EQ(Alerts(*m, "La banque Severstal a fermé sa filiale."),
            (Want{"severstal|Severstal|legal-form+context"}));
}

// An age or birth year stated beside a person's name is weighed against
// the list's: one that agrees backs a common name and says so; one that
// cannot be the listed person's makes the hit a candidate.
TEST(MatcherRulesTest, AStatedAgeBacksOrDemotesAPerson) {
  Entity putin = Person("putin", "PUTIN, Vladimir Vladimirovich");
  putin.birth_years = {1952};
  Entity ali = Person("ali", "HASSAN, Ali");
  ali.birth_years = {1958, 1960};
  auto m = BuildOrDie({Watchlist{"sdn", {putin, ali}}});
  auto rules = [&](std::string_view text) {
    std::vector<std::string> out;
    for (const Match& match : m->Scan(text, ScanOptions{.include_candidates = true, .document_year = 2024})) {
      out.push_back(match.entity_id + "|" + match.rule + (match.alert ? "" : "|candidate"));
    }
    return out;
  };
  EXPECT_EQ(rules("Vladimir Putin, 71, said on Monday."),
            (Want{"putin|without-middle+age(born 1952-1953)"}));
  EXPECT_EQ(rules("Vladimir Putin, 35, a plumber from Leeds, said."),
            (Want{"putin|without-middle+age-mismatch(stated 1988-1989, listed 1952)|candidate"}));
  EXPECT_EQ(rules("Ali Hassan, 65, was arrested."), (Want{"ali|reordered+corroborated(age:born 1958-1959)"}));
  EXPECT_EQ(rules("Ali Hassan (born 1999) was arrested."),
            (Want{"ali|reordered+age-mismatch(stated 1999, listed 1958-1960)|candidate"}));
  EXPECT_EQ(rules("Ali Hassan was arrested."), (Want{"ali|reordered+common-name|candidate"}));
  // Without the document's year an age says nothing.
  EXPECT_EQ(Alerts(*m, "Vladimir Putin, 35, said."), (Want{"putin|Vladimir Putin|without-middle"}));
}

// A sentence's opening article in another language ("Le", "Die") and the
// noun of a German compound ("Gazprom-Konzern") are no part of the name;
// another name word after a hyphen still makes a longer name.
TEST(MatcherRulesTest, ForeignArticlesAndCompoundNounsAreNoNameWords) {
  auto m = BuildOrDie({Watchlist{"sdn", {Company("gazprom", "GAZPROM", {"RUSSIA-EO14024"})}}});
  EXPECT_EQ(Alerts(*m, "Der Gazprom-Konzern lieferte weniger Gas."), (Want{"gazprom|Gazprom|exact"}));
  EXPECT_EQ(Alerts(*m, "Le Gazprom a livré moins de gaz."), (Want{"gazprom|Gazprom|exact"}));
  EXPECT_TRUE(Alerts(*m, "Shares of Gazprom-Neft rose.").empty());
  EXPECT_TRUE(Alerts(*m, "Elle a vu Mme Gazprom Leblanc hier.").empty());
}

// A name's last syllable declined by Lithuanian or Polish grammar ("Kim
// Jong Unas", "Kim Jong Unu") is the name; a longer word after the name's
// other words is not ("Kim Jong Unitas").
TEST(MatcherRulesTest, ADeclinedLastSyllableIsTheName) {
  auto m = BuildOrDie({Watchlist{"sdn", {Person("kju", "KIM, Jong Un")}}});
  EXPECT_EQ(Alerts(*m, "Kim Jong Unas apžiūrėjo raketų gamyklą."),
            (Want{"kju|Kim Jong Unas|fuzzy(Unas→un)"}));
  EXPECT_EQ(Alerts(*m, "Putinas susitiko su Kim Jong Unu Pchenjane."),
            (Want{"kju|Kim Jong Unu|fuzzy(Unu→un)"}));
  EXPECT_TRUE(Alerts(*m, "Kim Jong Unitas spoke.").empty());
  EXPECT_TRUE(Alerts(*m, "Jong Unas spoke.").empty());  // the name's other words first
}

// A name of ordinary words is written with capitals but for the words
// that link its nouns ("Party of God"): the document must back it, and for
// a state body's name ("Ministry of Defence", which every state has) only
// the programme's country named in it does.
TEST(MatcherRulesTest, NamesOfOrdinaryWordsKeepTheirLinksAndStateBodiesNeedTheirCountry) {
  Entity hizballah = Company("hizballah", "HIZBALLAH", {"SDGT"});
  hizballah.aliases = {"PARTY OF GOD"};
  Entity ministry = Company("ministry", "MINISTRY OF DEFENCE", {"DPRK3"});
  auto m = BuildOrDie({Watchlist{"sdn", {hizballah, ministry}}});
  EXPECT_EQ(Alerts(*m, "Terrorist groups in Lebanon, including the Party of God, took hostages."),
            (Want{"hizballah|Party of God|corroborated(sanctions-word:terroris)"}));
  EXPECT_TRUE(Alerts(*m, "He spoke of the party of god in his sermon on terrorism.").empty());
  EXPECT_TRUE(Alerts(*m, "Ministry of Defence lawyers said the sanctions were lawful.").empty());
  EXPECT_EQ(Alerts(*m, "The Ministry of Defence in Pyongyang said sanctions had failed."),
            (Want{"ministry|Ministry of Defence|corroborated(country-word:pyongyang)"}));
}

// Two words of a company's name without its legal form alert alone when
// both are no English word and one is long and rare ("Gazprom Neft"), or
// when one says what kind of body the long, rare one is ("Tinkoff Bank");
// a word of another language ("Albatros Group"), a place or a brand
// ("Astra Group") is not rare enough for that: the document must back it.
TEST(MatcherRulesTest, ADistinctiveTwoWordCoreAlertsAlone) {
  auto m = BuildOrDie({Watchlist{"sdn", {Company("neft", "PUBLIC JOINT STOCK COMPANY GAZPROM NEFT", {"RUSSIA-EO14024"}),
                                         Company("tinkoff", "JOINT STOCK COMPANY TINKOFF BANK", {"RUSSIA-EO14024"}),
                                         Company("albatros", "ALBATROS GROUP LLC", {"RUSSIA-EO14024"}),
                                         Company("astra", "ASTRA GROUP LLC", {"RUSSIA-EO14024"})}}});
  EXPECT_EQ(Alerts(*m, "Gazprom Neft shipped its first cargo."), (Want{"neft|Gazprom Neft|legal-form+distinctive"}));
  EXPECT_EQ(Alerts(*m, "Tinkoff Bank rebranded itself."), (Want{"tinkoff|Tinkoff Bank|legal-form+distinctive"}));
  EXPECT_TRUE(Alerts(*m, "Albatros Group bought a hotel.").empty());
  EXPECT_TRUE(Alerts(*m, "Astra Group bought a hotel.").empty());
}

// A body's name of several words written all in lower case, but for
// particles, is words ("al-tawhid, the oneness of God"), not the body.
TEST(MatcherRulesTest, AnOrganisationsNameAllInLowerCaseIsNoName) {
  auto m = BuildOrDie({Watchlist{"sdn", {Company("isil", "AL-TAWHID", {"SDGT"})}}});
  EXPECT_TRUE(Alerts(*m, "The preacher spoke about al-tawhid, the oneness of God.").empty());
  EXPECT_EQ(Alerts(*m, "Fighters of al-Tawhid attacked the town."), (Want{"isil|al-Tawhid|exact"}));
}

// Russian writes an Arabic "h" with х ("kh"): a Cyrillic word that is
// nothing as read is also read with "h".
TEST(MatcherRulesTest, CyrillicKhaIsAlsoReadAsH) {
  auto m = BuildOrDie({Watchlist{"sdn", {Company("hamas", "HAMAS", {"SDGT"}), Person("haniyeh", "HANIYA, Ismail")}}});
  EXPECT_EQ(Alerts(*m, "Лидер ХАМАС Исмаил Хания был убит."),
            (Want{"hamas|ХАМАС|transliterated", "haniyeh|Исмаил Хания|reordered+transliterated"}));
}

// A listed acronym of four letters or more is backed when the text defines
// it for a name in its own language; not by a bracket after one word.
TEST(MatcherRulesTest, AnAcronymTheTextDefinesInAnotherLanguageIsBacked) {
  Entity irgc = Company("irgc", "ISLAMIC REVOLUTIONARY GUARD CORPS", {"IRAN", "SDGT"});
  irgc.aliases = {"IRGC"};
  auto m = BuildOrDie({Watchlist{"sdn", {irgc}}});
  EXPECT_EQ(Alerts(*m, "Il Corpo delle Guardie della Rivoluzione islamica (IRGC) ha lanciato droni."),
            (Want{"irgc|IRGC|corroborated(acronym-defined)"}));
  EXPECT_EQ(Alerts(*m, "Korpus Strażników Rewolucji Islamskiej (IRGC) opublikował nagrania."),
            (Want{"irgc|IRGC|corroborated(acronym-defined)"}));
  EXPECT_TRUE(Alerts(*m, "The team said. Others (IRGC) went home.").empty());
}

// Lithuanian writes Russian names with carons and Baltic endings, and
// Belarusian passports write "ia" for "ya": each is read back to the
// list's English spelling.
TEST(MatcherRulesTest, LithuanianAndBelarusianSpellingsFindTheListedName) {
  auto m = BuildOrDie({Watchlist{
      "sdn", {Person("lukashenka", "LUKASHENKA, Alyaksandr Ryhorovich"), Person("shoigu", "SHOIGU, Sergey")}}});
  auto ids = [&](std::string_view text) { return AlertedNames(*m, text); };
  EXPECT_EQ(ids("Aliaksandras Lukašenka susitiko su delegacija."),
            (Want{"lukashenka|Aliaksandras Lukašenka"}));
  EXPECT_EQ(ids("Aliaksandro Lukašenkos režimas paleido kalinius."),
            (Want{"lukashenka|Aliaksandro Lukašenkos"}));
  EXPECT_EQ(ids("Sergejus Šoigu lankėsi Pchenjane."), (Want{"shoigu|Sergejus Šoigu"}));
  // A caron on another name is no spelling of these.
  EXPECT_TRUE(ids("Aleksandras Lukoševičius susitiko su delegacija.").empty());
}

// Each press's spelling of a Russian name, and the Polish case forms that
// soften its last consonant, find the listed name; so do the two initials
// Russian text gives a name with a patronymic, but not one initial.
TEST(MatcherRulesTest, PressSpellingsSoftenedCasesAndInitialsFindTheListedName) {
  auto m = BuildOrDie({Watchlist{
      "sdn", {Person("putin", "PUTIN, Vladimir Vladimirovich"), Person("shoigu", "SHOIGU, Sergei Kuzhugetovich"),
              Person("lukashenko", "LUKASHENKO, Aleksandr Grigorevich"), Person("smith", "SMITH, John Michael")}}});
  auto ids = [&](std::string_view text) { return AlertedNames(*m, text); };
  EXPECT_EQ(ids("Sergueï Choïgou a été nommé."), (Want{"shoigu|Sergueï Choïgou"}));
  EXPECT_EQ(ids("Alexandre Loukachenko a gracié des prisonniers."),
            (Want{"lukashenko|Alexandre Loukachenko"}));
  EXPECT_EQ(ids("Wladimir Wladimirowitsj Poetin sprak."), (Want{"putin|Wladimir Wladimirowitsj Poetin"}));
  EXPECT_EQ(ids("Vlagyimir Putyin beszélt."), (Want{"putin|Vlagyimir Putyin"}));
  EXPECT_EQ(ids("Mówił o Władimirze Putinie."), (Want{"putin|Władimirze Putinie"}));
  EXPECT_EQ(ids("Aleksandrowi Łukaszence zależy na tym."),
            (Want{"lukashenko|Aleksandrowi Łukaszence"}));
  EXPECT_EQ(ids("Президент В. В. Путин заявил."), (Want{"putin|В. В. Путин"}));
  EXPECT_EQ(ids("Указ подписал Путин В.В. вчера."), (Want{"putin|Путин В.В"}));
  EXPECT_TRUE(ids("Президент В. Путин заявил.").empty());
  // No patronymic, no initials: "J. M. Smith" is anyone.
  EXPECT_TRUE(ids("J. M. Smith wrote.").empty());
}

// Ship words of other languages refer to the name across the words their
// word order puts between (an adjective, a noun's complement), across
// quotation marks, and from an apposition ("die Jacht ..., die Dilbar");
// an English ship word does not reach over words.
TEST(MatcherRulesTest, VesselWordsReferToTheNameInOtherLanguagesWordOrder) {
  auto m = BuildOrDie({Watchlist{
      "sdn", {Make("ursa", "URSA MAJOR", EntityType::kVessel), Make("sparta", "SPARTA IV", EntityType::kVessel),
              Make("dilbar", "DILBAR", EntityType::kVessel),
              Make("cherskiy", "AKADEMIK CHERSKIY", EntityType::kVessel)}}});
  auto ids = [&](std::string_view text) {
    std::vector<std::string> out;
    for (const Match& match : m->Scan(text)) out.push_back(match.entity_id);
    return out;
  };
  EXPECT_EQ(ids("El buque ruso Ursa Major se hundió frente a Cartagena."), (Want{"ursa"}));
  EXPECT_EQ(ids("Le navire poseur de canalisations Akademik Cherskiy est arrivé."), (Want{"cherskiy"}));
  EXPECT_EQ(ids("Сухогруз «Спарта IV» прошёл через Босфор."), (Want{"sparta"}));
  EXPECT_EQ(ids("Die Jacht von Alischer Usmanow, die Dilbar, liegt in Hamburg."), (Want{"dilbar"}));
  EXPECT_EQ(ids("The pipe-layer Akademik Cherskiy arrived at Mukran."), (Want{"cherskiy"}));
  // No ship word refers to the name.
  EXPECT_TRUE(ids("The ship was seen by Ursa Major watchers on the coast.").empty());
  EXPECT_TRUE(ids("Ursa Major ist ein Sternbild; das Schiff lag im Hafen.").empty());
  EXPECT_TRUE(ids("El buque zarpó; Ursa Major brillaba sobre el puerto.").empty());
}

}  // namespace
}  // namespace vigil

namespace vigil {
namespace {

// Where the text supports one of two entries that share a name, that one
// alerts and the other is a candidate naming it: the one the text also
// names otherwise, else the body whose primary name the words are.
TEST(MatcherRulesTest, TheEntryTheTextSupportsWinsASharedName) {
  Watchlist bodies{"l", {Company("ansar", "ANSAR AL-ISLAM", {"SDGT"}),
                         Make("ansarul", "ANSARUL ISLAM", EntityType::kOrganization, {"ANSAR AL-ISLAM"})}};
  auto m = BuildOrDie({bodies});
  std::map<std::string, Match> found;
  for (const Match& match : m->Scan("Mullah Krekar, the founder of Ansar al-Islam, was extradited.",
                                    ScanOptions{true})) {
    found[match.entity_id] = match;
  }
  ASSERT_EQ(found.size(), 2u);
  EXPECT_TRUE(found["ansar"].alert);
  EXPECT_FALSE(found["ansarul"].alert);
  EXPECT_THAT(found["ansarul"].rule, HasSubstr("shared-name+ambiguous(l/ansar)"));

  Watchlist people{"p", {Person("lashkar", "SAEED, Hafiz", {"Hafiz Muhammad Saeed"}),
                         Person("khorasan", "SAEED, Hafiz")}};
  auto p = BuildOrDie({people});
  std::vector<std::string> alerts;
  for (const Match& match : p->Scan("Hafiz Saeed spoke in Lahore. Hafiz Muhammad Saeed was later sentenced for terrorism.")) {
    alerts.push_back(match.entity_id + "|" + match.matched);
  }
  EXPECT_EQ(alerts, (std::vector<std::string>{"lashkar|Hafiz Saeed", "lashkar|Hafiz Muhammad Saeed"}));
}

}  // namespace
}  // namespace vigil

namespace vigil {
namespace {

// A body's one-word primary name as another of its names spells it alone
// names the body; its own name is no sanctions word for itself, unless it
// is one of the armed groups the sanctions words name.
TEST(MatcherRulesTest, ListedSpellingsOfAOneWordNameAndGroupNames) {
  Entity hizballah = Company("hizballah", "HIZBALLAH", {"SDGT"});
  hizballah.aliases = {"LEBANESE HEZBOLLAH", "ISLAMIC JIHAD"};
  Entity taliban = Company("taliban", "TALIBAN", {"SDGT"});
  auto m = BuildOrDie({Watchlist{"sdn", {hizballah, taliban}}});
  EXPECT_EQ(Alerts(*m, "Hezbollah said it had fired rockets at a base."),
            (Want{"hizballah|Hezbollah|listed-spelling+corroborated(group-name:hezbollah)"}));
  // The group's name is the group wherever it stands.
  std::vector<Match> band = m->Scan("The band played Hezbollah-themed songs.", ScanOptions{true});
  ASSERT_EQ(band.size(), 1u);
  EXPECT_TRUE(band[0].alert);
  EXPECT_EQ(band[0].rule, "listed-spelling+corroborated(group-name:hezbollah)");
  EXPECT_EQ(Alerts(*m, "Hezbollah's leader spoke on television."),
            (Want{"hizballah|Hezbollah|listed-spelling+possessive+corroborated(group-name:hezbollah)"}));
  EXPECT_EQ(Alerts(*m, "Die Taliban verboten Frauen das Studium."),
            (Want{"taliban|Taliban|corroborated(group-name:taliban)"}));
}

}  // namespace
}  // namespace vigil
