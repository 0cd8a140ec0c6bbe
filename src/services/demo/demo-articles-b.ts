import type { DemoArticle } from './demo-content-types.js';

/**
 * Demo articles, second half: Africa and the Americas. Original writing for
 * The Meridian Review; every person, firm and town named here is fictional.
 */
export const demoArticlesB: DemoArticle[] = [
  {
    slug: 'port-sabell-customs-window-cuts-lorry-queues',
    section: 'africa',
    type: 'news',
    kicker: 'Clearing the decks',
    headline: 'At Port Sabell, a single customs window cuts lorry queues from days to hours',
    dek: 'A busy harbour has merged six inspection desks into one electronic declaration, and the hauliers who used to sleep in their cabs have noticed.',
    authors: ['kwame-mensah-boateng'],
    topics: ['ports-and-shipping', 'trade'],
    hoursAgo: 7,
    image: {
      motif: 'gate',
      caption: 'Lorries that once queued for days at Port Sabell now pass through its gates in hours.',
      credit: 'Meridian Studio/Ama Owusu',
      alt: 'Abstract illustration of a row of lorries approaching a harbour gate at dusk',
    },
    body: [
      {
        p: 'For most of the past decade, a lorry arriving at the gates of Port Sabell with a container of frozen fish or flat-pack furniture joined a queue that could stretch for three kilometres along the coast road. Drivers carried cooking stoves and mattresses. This week the port authority switched on a single customs window that merges six separate desks — customs, standards, health, police, the municipal levy office and the port’s own gate clerks — into one electronic declaration, checked once and paid once.',
      },
      {
        p: 'The early numbers are striking, if preliminary. The authority says the median time from gate to quay for export boxes fell from roughly two days to under six hours in the first week of operation, and that the queue on the coast road had all but vanished by Thursday morning. Hauliers at the truck park were warier, pointing out that the first week of any new system is watched closely, and that the harder test will come when the cocoa season fills the yard.',
      },
      {
        quote: '“I used to budget three nights for Sabell. Last night I slept at home. Ask me again in November, when the cocoa comes.”',
        by: 'Ibrahim Sesay-Cole, a long-haul driver who runs two lorries between Port Sabell and the interior',
      },
      {
        p: 'The reform is less glamorous than a new berth or a deeper channel, but economists who study African trade have long argued that paperwork, not concrete, is the binding constraint at many of the continent’s ports. Every day a container waits on the quayside adds storage fees, demurrage charges and the quiet costs of informal payments. Cutting those delays can do more for an exporter’s margins than a tariff cut negotiated in a distant capital.',
      },
      {
        quote:
          '“The inspectors have not lost their jobs; they have lost their rubber stamps. That is a harder thing to accept than people think.”',
        by: 'Adaeze Nwosu, a customs broker who has worked at Port Sabell for nineteen years',
      },
      {
        p: 'Not everyone is pleased. The municipal levy office, which used to collect a gate fee in cash, now receives its share by bank transfer at the end of each month, and some councillors have complained that the money arrives late. The port authority says it will publish a monthly dashboard of clearance times and fee transfers, so that hauliers and councillors alike can check its claims rather than take them on trust.',
      },
    ],
    related: ['the-long-quay-review-ports-power-and-a-coast'],
  },
  {
    slug: 'orumba-by-election-hand-count-after-tablets-fail',
    section: 'africa',
    type: 'news',
    kicker: 'Back to paper',
    headline: 'Orumba counts its by-election by hand after voting tablets fail at dawn',
    dek: 'A council contest in the coastal city of Orumba was rescued by paper ballots nobody expected to need, and the count has become a civics lesson.',
    authors: ['kwame-mensah-boateng'],
    topics: ['elections', 'technology-policy'],
    hoursAgo: 20,
    image: {
      motif: 'tally',
      caption: 'Officials in Orumba fell back on paper ballots after the voting tablets failed.',
      credit: 'Illustration: Rafael Lima',
      alt: 'Abstract illustration of stacked paper ballots beside a darkened tablet screen',
    },
    body: [
      {
        p: 'Voters in Orumba’s third ward arrived at their polling stations on Saturday morning to find officials unpacking cardboard boxes instead of switching on tablets. The electronic voter-identification devices, introduced last year to match fingerprints against the register, had failed to synchronise overnight after a software update, and the city’s returning officer ordered every station to fall back on the printed register and the paper ballots kept in reserve. Voting began about ninety minutes late; by lunchtime the queues were back to normal.',
      },
      {
        p: 'The count, conducted by hand in a school hall and broadcast on a community radio station, ran until the early hours of Sunday. Party agents for all four candidates signed the tally sheets at each table, a procedure that Orumba’s electoral rules still require even when the tablets work. Several observers remarked that the paper count, slow as it was, produced fewer disputes than last year’s electronic transmission, when results from two stations arrived with totals that did not add up.',
      },
      {
        quote: '“Technology is only as trustworthy as the fallback behind it. On Saturday the fallback was a box of paper, and it held.”',
        by: 'Wuraola Bankole-Hart, a lawyer who chairs Orumba’s network of independent election observers',
      },
      {
        p: 'The episode matters beyond one ward. Electoral commissions across the continent have invested heavily in biometric kits and results-transmission systems, often financed by donors, on the theory that machines reduce fraud. The evidence is mixed. Devices can remove some forms of manipulation while creating new single points of failure, and they can erode confidence quickly when they break in public. Orumba’s experience suggests that the most useful investment may be a well-drilled manual procedure that everyone already understands.',
      },
      {
        p: 'The returning officer has promised a written account of what went wrong with the update, and the city council has asked the vendor to explain why the devices were patched two days before polling. The winning candidate, a schoolteacher standing for a small civic list, said in her acceptance speech that she intended to frame one of the tally sheets. Final turnout was 41 per cent, two points higher than at the last ward election, which officials attributed partly to curiosity.',
      },
    ],
    corrections: [
      {
        kind: 'update',
        hoursAfter: 8,
        text: 'This article has been updated to include the final turnout figure published by Orumba’s returning officer.',
      },
    ],
  },
  {
    slug: 'nile-bargain-shared-data-not-dams',
    section: 'africa',
    type: 'analysis',
    kicker: 'Upstream thinking',
    headline: 'The Nile’s real shortage is not water but shared data',
    dek: 'Dams make the headlines, but the quarrel between upstream and downstream states turns on something quieter: who knows how much water is coming, and when.',
    authors: ['kwame-mensah-boateng'],
    topics: ['water', 'climate-diplomacy', 'alliances'],
    hoursAgo: 62,
    image: {
      motif: 'delta',
      caption: 'The Nile’s waters are shared by many states, and so, increasingly, must be the knowledge of them.',
      credit: 'Meridian Studio/Joana Reis',
      alt: 'Abstract illustration of a river delta seen from above',
    },
    body: [
      {
        p: 'Few rivers carry as much history as the Nile, and few disputes have been described so often as a zero-sum contest. The usual story is simple: an upstream state builds a dam, downstream states fear for their share, and diplomats meet and part without agreement. That story is not wrong, but it leaves out the technical question that sits beneath almost every round of talks — how much water will actually arrive at each border in a given month, and who gets to know first.',
      },
      {
        p: 'Reservoirs change the timing of a river more than its total volume. Water held back in a wet season is released later, and for a downstream farmer or a hydropower operator further down the valley, the difference between a reliable release in August and an uncertain one in October can matter as much as the annual total. In drought years, when every state is tempted to hold water back, that uncertainty becomes a source of suspicion in its own right.',
      },
      {
        quote:
          '“Give me a shared gauge on every major tributary and a daily feed that all the capitals trust, and half the arguments disappear. The other half become arguments about numbers, which is progress.”',
        by: 'Dr Selam Haile-Mariam, a hydrologist who advises river-basin organisations',
      },
      {
        figure: {
          motif: 'gauge',
          caption: 'River gauges are cheap; trusting one another’s readings is not.',
          credit: 'Illustration: Rafael Lima',
          alt: 'Abstract illustration of a measuring staff standing in a broad brown river',
        },
      },
      {
        p: 'Data-sharing arrangements have a decent record elsewhere. Commissions on other great rivers have weathered political storms partly because their technical staff kept talking when ministers did not. Such bodies rarely settle questions of sovereignty, but they narrow the range of disagreement and create routines that survive changes of government. On the Nile, the Nile Basin Initiative has long offered a forum for this kind of cooperation, though its reach has been limited by the lack of a legal framework that every riparian state accepts.',
      },
      {
        p: 'Climate change sharpens the case. Most projections suggest that rainfall across the basin will become more variable, which means that the years of greatest stress are likely to be the years when trust is scarcest. A system that pools forecasts and reservoir levels ahead of a drought would let governments plan releases before a crisis rather than argue about them during one. The technology is not exotic; the difficulty is political, since information about water is also information about leverage.',
      },
      {
        p: 'Outside mediators, the African Union among them, can help by treating data not as a concession but as common infrastructure. That means paying for gauges, shared servers and joint training, and accepting that technical cooperation will move faster than the headline negotiations. It is unglamorous work, unlikely to produce a signing ceremony or a photograph. It may also be the only kind of diplomacy on the river that survives the next dry year.',
      },
    ],
  },
  {
    slug: 'african-debt-borrowing-in-local-currency',
    section: 'africa',
    type: 'analysis',
    kicker: 'Home currency advantage',
    headline: 'Why more African governments want to borrow in their own currencies',
    dek: 'Dollar debt is cheap until the exchange rate turns, so finance ministries are trying to build bond markets at home, and the trade-offs are real.',
    authors: ['priya-raman'],
    topics: ['development-finance', 'trade'],
    hoursAgo: 130,
    image: {
      motif: 'ledger',
      caption: 'Finance ministries are rethinking the currency in which they borrow.',
      credit: 'Illustration: Nadia Okoro',
      alt: 'Abstract illustration of ledger columns dissolving into bands of colour',
    },
    body: [
      {
        p: 'For a decade after the global financial crisis, international bond markets offered African governments something they had rarely enjoyed: long-dated money, raised in dollars or euros, at interest rates that looked modest by historical standards. Many finance ministries took it, and for good reasons. Roads, power lines and ports needed financing, and concessional lenders could not supply enough. The catch, as several governments have since discovered, is that a loan in dollars becomes more expensive every time the local currency falls.',
      },
      {
        p: 'The alternative is to borrow at home, in the currency in which taxes are collected. Domestic bond markets remove exchange-rate risk from the government’s balance sheet, but they bring problems of their own. Local investors are often few — banks, pension funds and insurers — and they tend to demand high yields and short maturities. When a government crowds into a thin market, banks buy its bonds instead of lending to firms, which can starve the private sector of credit.',
      },
      { h: 'Three ways to deepen the market' },
      {
        list: [
          'Lengthen maturities gradually, so that pension funds can match long-term liabilities with long-term assets.',
          'Publish an issuance calendar and keep to it, because predictability lowers the premium investors charge for surprises.',
          'Let development banks issue in local currency first, creating a benchmark yield curve that governments and companies can price against.',
        ],
      },
      {
        p: 'The third idea has attracted the most attention. When a multilateral lender with a top credit rating issues bonds in a West or East African currency, it shows foreign investors what the market can bear without exposing them to the risk of a sovereign default. The Lagoon Institute for Public Finance, a policy group, has set out the case in a [working paper on benchmark issuance](https://example.org/lagoon-institute/benchmark-issuance), arguing that a handful of such bonds can do more for a market than a decade of conferences.^[The paper is a working draft and has not yet been peer-reviewed.]',
      },
      {
        quote: '“Dollar debt is a loan plus a bet on the exchange rate. Most finance ministers did not think they were placing bets.”',
        by: 'Kofi Adjei-Marsh, a former treasury official who now teaches public finance',
      },
      {
        p: 'None of this is quick. Building a deep domestic market takes years of credible inflation control, which in turn depends on central banks that can say no to their governments. But the direction of travel is clear, and it is welcome. A country that borrows mainly in its own currency can still mismanage its finances; it is simply much harder for a bad year in distant markets to turn into a crisis at home.',
      },
    ],
  },
  {
    slug: 'before-the-next-green-revolution-build-the-barns',
    section: 'africa',
    type: 'opinion',
    kicker: 'Grain of truth',
    headline: 'Before the next green revolution, build the barns',
    dek: 'Better seeds raise harvests, but without somewhere dry and safe to keep the grain, farmers sell cheap at harvest and buy dear in the lean season.',
    authors: ['priya-raman'],
    topics: ['food-security', 'development-finance'],
    hoursAgo: 205,
    image: {
      motif: 'granary',
      caption: 'A well-kept store can be worth more to a farmer than a better seed.',
      credit: 'Meridian Studio/Ama Owusu',
      alt: 'Abstract illustration of round grain stores on a hillside under a pale sun',
    },
    body: [
      {
        p: 'Every few years a new agricultural programme promises to transform African farming with better seeds, more fertiliser and digital advice delivered by text message. Some of these schemes work. Yet they share a blind spot that anyone who has spent time in a rural market will recognise. The problem for many smallholders is not only how much they grow, but what happens to the crop in the weeks after harvest, when prices are lowest and the need for cash is highest.',
      },
      {
        p: 'A farmer who cannot store her maize safely has two choices: sell it immediately, often to a trader who sets the price, or keep it in a sack and watch pests and damp take their share. Losses after harvest are notoriously hard to measure, but the estimates run high enough to rival the gains from many yield-boosting programmes. The cheapest bag of grain in the world is the one that is not lost.',
      },
      { pull: 'The cheapest bag of grain in the world is the one that is not lost.' },
      {
        p: 'Warehouse receipt systems offer a better way. A farmer deposits grain in a certified store, receives a receipt that records its quantity and grade, and can use that receipt as collateral for a loan or sell it later, when prices recover. Where such systems have been tried, the results are encouraging, but they depend on dull things: honest grading, reliable insurance, and warehouses close enough that a farmer can reach them with a hired cart.',
      },
      {
        p: 'This is where development lenders should put their money. A network of small, well-run stores is not a ribbon-cutting project, and it will not produce the dramatic photographs of a new dam. It would, however, give millions of farmers the one thing a seed cannot: the power to wait. In any market, bargaining power belongs to whoever can afford not to sell today.',
      },
      {
        quote: '“A full barn is the only bank many of us trust.”',
        by: 'Mariama Touray-Bello, a maize farmer and co-operative treasurer in the hill district of Bundaro',
      },
      {
        p: 'Governments can help too, by resisting the urge to ban grain exports or flood markets with state reserves whenever prices rise. Such interventions, however well meant, destroy the incentive to store, and they teach traders that any rise in price will be cut short by decree. If policymakers want farmers to hold grain through the lean season, they must let them earn a fair return for doing so.',
      },
    ],
  },
  {
    slug: 'the-long-quay-review-ports-power-and-a-coast',
    section: 'africa',
    type: 'review',
    kicker: 'Quay reading',
    headline: 'The Long Quay: a history of the West African coast told through its harbours',
    dek: 'Efua Mensimah Hart’s sweeping history of the region’s ports is at its best on the dockside and at its weakest in the boardroom.',
    authors: ['ines-halvorsen'],
    topics: ['ports-and-shipping', 'trade', 'maritime-security'],
    hoursAgo: 310,
    image: {
      motif: 'quay',
      caption: 'Hart’s history begins, fittingly, at the water’s edge.',
      credit: 'Illustration: Rafael Lima',
      alt: 'Abstract illustration of a long stone quay reaching into a calm sea',
    },
    body: [
      {
        p: '_The Long Quay: Ports, Power and the Making of a Coast_ begins with a tide table. Efua Mensimah Hart, a historian who grew up in a harbour town and spent years in a shipping agent’s office before turning to scholarship, reproduces a handwritten chart of high and low water from an old harbour office, complete with the clerk’s complaints in the margin. It is a clever opening. Before there were cranes or customs codes, she argues, a port was a negotiation with the sea. Every later negotiation, with empires, merchants and governments, was built on top of that first one.',
      },
      {
        p: 'The book moves in broad chronological sweeps, from the surf ports where canoe crews ferried goods through the breakers, to the deep-water harbours of the twentieth century, to the container terminals now run under long concessions by global operators. Hart is excellent on labour. Her chapters on canoemen, dockers and tally clerks, drawn from union minutes and oral histories, are the finest in the book, and they give the reader a physical sense of what it meant to move cargo by hand.',
      },
      { pull: 'Before there were cranes or customs codes, she argues, a port was a negotiation with the sea.' },
      {
        p: 'The later chapters are less sure-footed. When Hart turns to the concession contracts of recent decades, her tone hardens into polemic and the evidence thins. She is right that many agreements were negotiated in haste and published, if at all, in redacted form. But the reader is told more often than shown that governments were outmanoeuvred, and the operators themselves barely speak. A book so attentive to the voices of dockers might have given the terminal managers a hearing too.',
      },
      { quote: '“The sea sets the first tariff. Everything else is a surcharge.”', by: 'Efua Mensimah Hart, in The Long Quay' },
      {
        p: 'These are quibbles with an ambitious and often beautiful book. Hart writes with the precision of someone who once had to reconcile cargo manifests, and her prose has a dry wit that rewards slow reading. Anyone who wants to understand why the coast’s ports matter so much to the region’s politics, and why a delay at the gate can unsettle a government, should start here. _The Long Quay_ is published by Lantern Quay Press.',
      },
    ],
  },
  {
    slug: 'afcfta-explained-how-the-free-trade-area-works',
    section: 'africa',
    type: 'explainer',
    kicker: 'Origin story',
    headline: 'How Africa’s continental free-trade area is meant to work',
    dek: 'The African Continental Free Trade Area promises a market spanning more than fifty countries; here is what it covers, what it leaves out and why progress is slow.',
    authors: ['kwame-mensah-boateng'],
    topics: ['trade', 'development-finance'],
    hoursAgo: 420,
    image: {
      motif: 'corridor',
      caption: 'The free-trade area aims to make the continent’s many borders easier to cross.',
      credit: 'Meridian Studio/Joana Reis',
      alt: 'Abstract illustration of a road threading through a chain of border posts',
    },
    body: [
      {
        p: 'The African Continental Free Trade Area, usually shortened to AfCFTA, is an agreement among African Union member states to remove most tariffs on goods traded between them, open up trade in services and set common rules for investment and competition. Its ambition is to turn dozens of small national markets into something closer to a single one, so that a factory in one country can sell to customers across the continent almost as easily as it sells at home. On paper, nearly every country on the continent has signed.',
      },
      { h: 'What the agreement covers' },
      {
        list: [
          'Tariffs on goods, to be phased out on most product lines over several years, with longer timetables for the least developed economies.',
          'Trade in services, beginning with priority sectors such as transport, finance, tourism and communications.',
          'Rules of origin, which decide whether a product counts as ‘made in Africa’ and therefore qualifies for lower duties.',
          'Protocols on investment, competition policy, intellectual property and digital trade.',
        ],
      },
      {
        p: 'Rules of origin are where much of the negotiating energy has gone. A shirt sewn in one member state from fabric woven elsewhere may or may not qualify, depending on how much of its value was added locally. Strict rules protect domestic industries from goods that are merely repackaged; loose rules make it easier for firms to use the cheapest inputs. Sectors such as textiles and cars have proved particularly contentious, because they sit at the heart of the industrial strategies of several large economies.',
      },
      { h: 'Why progress is slow' },
      {
        p: 'Signing a treaty is the easy part. Each country must publish tariff schedules, train customs officers and amend its own laws, and the benefits depend on infrastructure that no trade agreement can supply: roads, railways, ports and border posts that work. A [tracker of implementation](https://example.org/trade-watch/afcfta-tracker) kept by one research group shows how uneven the process has been, with some states already trading under the new terms and others still preparing the paperwork.',
      },
      {
        p: 'The honest answer to whether the AfCFTA is working is that it is too early to say. Tariffs were never the main barrier to trade within Africa; delays at borders, informal payments and poor transport links often cost traders far more. The agreement’s real test is whether governments use it as a lever for those harder reforms, rather than as a ceremony to be celebrated every few years and quietly forgotten in between.',
      },
    ],
  },
  {
    slug: 'lake-tambeli-smoke-ovens-and-a-shrinking-catch',
    section: 'africa',
    type: 'reportage',
    kicker: 'Smoke signals',
    headline: 'On the shores of Lake Tambeli, smoke ovens tell the story of a shrinking catch',
    dek: 'In a lakeside town where fish is both dinner and currency, the women who run the smoking ovens are the first to feel a changing lake.',
    authors: ['kwame-mensah-boateng'],
    topics: ['food-security', 'water', 'climate-diplomacy'],
    hoursAgo: 96,
    image: {
      motif: 'lake',
      caption: 'Lake Tambeli’s retreating shoreline has left some landing beaches stranded.',
      credit: 'Illustration: Sefa Mireku',
      alt: 'Abstract illustration of a shrinking lake edged with cracked mud and small boats',
    },
    body: [
      {
        p: 'The smoke reaches you before the town does. Along the shore at Ndaru Landing, on the eastern edge of Lake Tambeli, rows of clay ovens burn from before dawn until well after dark, curing the night’s catch so that it can travel inland without ice. The ovens are run almost entirely by women, who buy fish from the boats, smoke it over hardwood and sell it to traders from market towns two days’ drive away. When the catch falls, they are the first to know.',
      },
      {
        p: 'This year it has fallen again. Fishers describe nets that come up half-empty and a lake whose edge has retreated far enough that some landing beaches now require a walk across cracked mud. The causes are tangled: irregular rains, more boats chasing fewer fish, and nets with mesh so fine that they take juveniles before they can breed. Local fisheries officers say they lack the fuel to patrol the water, let alone enforce the rules on mesh sizes.',
      },
      {
        quote:
          '“My mother smoked fish here, and her mother before her. We never counted the fish. Now we count them, and then we count the money, and neither number is good.”',
        by: 'Halima Oduya, who runs six smoking ovens at Ndaru Landing',
      },
      {
        figure: {
          motif: 'ember',
          caption: 'The smoking ovens at a lakeside landing burn through the night.',
          credit: 'Meridian Studio/Ama Owusu',
          alt: 'Abstract illustration of glowing ovens along a dark shoreline under a low orange sun',
        },
      },
      {
        p: 'The consequences travel far beyond the shore. Smoked fish is one of the cheapest sources of protein for households in the region, and a small dried portion can flavour a pot of stew for a whole family. When supply tightens, prices rise in markets hundreds of kilometres from the lake, and nutrition suffers among people who have never seen it. Aid agencies have begun to talk about the lake as a regional food-security question rather than a local fisheries one.^[Lake Tambeli and Ndaru Landing are composites, drawn from several lakeside communities.]',
      },
      {
        p: 'There are signs of adaptation. A women’s co-operative at Ndaru has started using improved ovens that need less wood and produce less smoke, and a handful of boat owners have agreed to rest one stretch of shoreline during the breeding season. Nobody pretends that this is enough. But on a lake where rules written far away have rarely been enforced, arrangements made on the beach by the people who depend on it may be the ones that last.',
      },
    ],
  },
  {
    slug: 'parana-low-water-barge-pilots-of-puerto-olaya',
    section: 'americas',
    type: 'reportage',
    kicker: 'Running shallow',
    headline: 'When the Paraná runs low, the barge pilots of Puerto Olaya read the river by hand',
    dek: 'On one of South America’s great grain highways, falling water turns every convoy into a calculation of draught, risk and cargo left behind.',
    authors: ['daniel-ferreira-costa'],
    topics: ['water', 'ports-and-shipping', 'trade'],
    hoursAgo: 75,
    image: {
      motif: 'towboat',
      caption: 'Barge convoys on the Paraná carry the harvest of a continent’s interior.',
      credit: 'Meridian Studio/Joana Reis',
      alt: 'Abstract illustration of a long barge convoy on a wide, shallow river',
    },
    body: [
      {
        p: 'At first light the river at Puerto Olaya is the colour of milky tea and almost perfectly still. Moored along the bank are a dozen push boats and the long steel barges they shepherd downstream, loaded with soya meal, grain and iron ore. The Paraná and its tributaries form one of the great inland waterways of the world, carrying harvests from the heart of the continent towards ocean ports in the south. When the river is high, it is a highway. When it is low, as it has been this season, it becomes a puzzle.',
      },
      {
        p: 'Every pilot on the waterway knows the arithmetic. Each centimetre the river falls means cargo left on the bank, because a barge that would ground in a shallow reach must be loaded lighter. Convoys that once pushed a dozen or more barges are split into smaller ones, doubling the trips and the diesel. The pilots call the worst stretches by nicknames — _la costilla_, the rib, for a sandbar that surfaces each dry season — and they trade soundings by radio as if swapping gossip.',
      },
      {
        quote: '“The charts are a suggestion. The river decides. This year it has decided to be difficult.”',
        by: 'Rubén Aguirre-Salas, a barge pilot who has worked the river out of Puerto Olaya for twenty-six years',
      },
      { h: 'A waterway without a single owner' },
      {
        p: 'Part of the difficulty is that the river belongs to several countries at once. Dredging, buoyage and the rules for convoy sizes depend on agreements between governments with different priorities, and the companies that rely on the waterway have long complained that maintenance lags behind the traffic. Environmental groups, for their part, warn that deeper dredging could damage the wetlands along the river’s course, which sustain fisheries, shelter birds and absorb the floods that come in wetter years.',
      },
      { embed: 'https://www.youtube.com/watch?v=aqz-KE-bpKQ' },
      {
        p: 'For the town itself, low water is a slow-moving economic shock. The port’s grain elevators run below capacity, lorry drivers wait for barges that do not come, and the cafés by the quay are quieter than they should be at harvest time. Older residents remember dry years before, and they expect the rains to return. What worries them is the suspicion that the dry years are coming closer together, and that nobody upstream or downstream is planning for it.',
      },
    ],
    related: ['orcana-mayors-race-fought-over-water'],
  },
  {
    slug: 'san-aurelio-coffee-growers-map-every-plot',
    section: 'americas',
    type: 'news',
    kicker: 'Grounds for hope',
    headline: 'San Aurelio coffee growers map every plot to keep their European buyers',
    dek: 'A highland co-operative has mapped its members’ farms from the air, betting that proof of where its beans grow will be worth more than a price premium.',
    authors: ['daniel-ferreira-costa'],
    topics: ['trade', 'climate-diplomacy', 'technology-policy'],
    hoursAgo: 38,
    image: {
      motif: 'highland',
      caption: 'San Aurelio’s growers farm steep slopes beneath shade trees.',
      credit: 'Illustration: Rafael Lima',
      alt: 'Abstract illustration of terraced coffee slopes beneath tall shade trees',
    },
    body: [
      {
        p: 'A co-operative of some four hundred coffee growers in the highland town of San Aurelio has finished mapping the boundaries of every one of its members’ plots, a task that took eighteen months, two borrowed drones and what its manager calls ‘a great deal of walking’. The maps, which show each farm’s location and forest cover, will be shared with the co-operative’s buyers in Europe, where new rules require importers to show that coffee, cocoa and several other commodities were not grown on recently cleared land.',
      },
      {
        p: 'The members grow mostly washed arabica on slopes between 1,400 and 1,900 metres, and many of their farms are smaller than two hectares. For growers of that size, the cost of proving compliance alone would be prohibitive. By pooling the work, the co-operative hopes to keep its place in a market that pays well for speciality beans, and to avoid being dropped by importers who find it simpler to buy from large estates with compliance departments of their own.',
      },
      {
        quote:
          '“We have grown coffee under shade trees for three generations. Now we have a map to prove it, and the map is what the buyer wants to see.”',
        by: 'Lucía Manrique-Otero, manager of the San Aurelio growers’ co-operative',
      },
      {
        p: 'The mapping has had side effects. Several members discovered that their plots were larger or smaller than their title deeds suggested, and two boundary disputes between neighbours have been settled with the help of the new maps. Growers also say that seeing their farms from above has prompted talk of replanting ageing trees and protecting the streams that run between the plots. In the town, the drone has been nicknamed _el chismoso_ — the gossip — for its habit of revealing everything.',
      },
      {
        p: 'Analysts caution that traceability alone will not guarantee better prices. Importers may treat compliance as a minimum condition rather than something worth paying extra for, and smallholders elsewhere in the region lack the organisation that San Aurelio has spent years building. The co-operative’s experience suggests that rules written in Brussels can strengthen rural institutions, but only where those institutions already exist and have the trust of their members.',
      },
    ],
  },
  {
    slug: 'lithium-triangle-three-countries-three-bets',
    section: 'americas',
    type: 'analysis',
    kicker: 'Salt of the earth',
    headline: 'Three countries, one lithium boom and three very different bets',
    dek: 'Argentina, Bolivia and Chile sit on much of the world’s lithium brine, but they have chosen strikingly different ways to turn it into wealth.',
    authors: ['daniel-ferreira-costa'],
    topics: ['energy-security', 'trade', 'technology-policy'],
    hoursAgo: 160,
    image: {
      motif: 'salt',
      caption: 'The salt flats of the high Andes hide brines rich in lithium.',
      credit: 'Meridian Studio/Ama Owusu',
      alt: 'Abstract illustration of a white salt flat with turquoise evaporation ponds',
    },
    body: [
      {
        p: 'The salt flats of the high Andes look like the least productive land on earth: blinding white crusts, thin air and almost no rain. Beneath them lies brine rich in lithium, the light metal at the heart of the batteries that power electric cars and store renewable electricity. The so-called lithium triangle, spanning parts of Argentina, Bolivia and Chile, holds a large share of the world’s known brine resources, and each of the three countries has had to decide how much of the prize to leave to private companies.',
      },
      {
        p: 'Their answers differ sharply. Chile, a long-established producer, has moved towards a model in which the state takes a larger role through partnerships with private operators. Argentina, where the provinces own subsoil resources, has been more open to private investment, and projects have multiplied. Bolivia has kept the sector firmly in state hands and sought foreign partners to supply technology, but has found commercial production harder to achieve than the size of its reserves once suggested.',
      },
      {
        p: 'Each model carries its own risk. Open regimes attract capital quickly but can leave host communities with little to show beyond the dust of the access roads. State-led regimes promise a fairer share of the rent but depend on public companies with the skills to run complex chemical plants at altitude. All three face the same underlying question: whether lithium will be another commodity shipped out raw, or the first step towards making cathodes and batteries in the region.^[Brine operations typically concentrate lithium by evaporation in large ponds, a process that can take many months.]',
      },
      {
        quote:
          '“Everyone wants the battery factory. Nobody wants to be the one who tells investors that the first ten years will be spent building the chemistry skills to justify it.”',
        by: 'Valentina Irigoyen, an industrial economist who studies Andean mining policy',
      },
      {
        p: 'Water is the quiet constraint. Evaporation ponds and processing use water in some of the driest places on the planet, and indigenous communities living around the salt flats have become increasingly vocal about their right to be consulted. Companies are experimenting with direct extraction methods that promise to use less water and less land, but these are not yet proven at scale. Whichever country solves that problem convincingly may find that its model, rather than its reserves, is its real competitive advantage.',
      },
    ],
  },
  {
    slug: 'caribbean-coastguards-should-pool-their-boats',
    section: 'americas',
    type: 'opinion',
    kicker: 'Sharing the watch',
    headline: 'Small navies, big sea: the Caribbean should pool its coastguards',
    dek: 'Island states patrol vast waters with a handful of boats each, and sharing hulls, crews and dockyards would do more for them than any new purchase.',
    authors: ['ines-halvorsen'],
    topics: ['maritime-security', 'alliances'],
    hoursAgo: 260,
    image: {
      motif: 'patrol',
      caption: 'Caribbean coastguards patrol waters many times larger than their islands.',
      credit: 'Illustration: Nadia Okoro',
      alt: 'Abstract illustration of a small patrol boat crossing a vast blue sea',
    },
    body: [
      {
        p: 'Look at a map of the Caribbean with the maritime boundaries drawn in, and the problem is obvious. Small island states, some with populations smaller than a mid-sized European town, are responsible for exclusive economic zones many times larger than their land. Within those waters they must stop smuggling, rescue fishermen, deter illegal trawlers and respond to hurricanes. They do so with coastguards that may number a few patrol boats, of which on any given day one or two will be in the yard.',
      },
      {
        p: 'The instinct of every government is to buy its own boats. It is an understandable instinct: a patrol vessel flying the national flag is a visible symbol of sovereignty. But it is a poor use of scarce money. Maintenance, not acquisition, is what sinks small navies. A fleet of three vessels cannot sustain the spare parts, training pipelines and dockyard skills that keep ships at sea. Pooling would change that arithmetic.',
      },
      { pull: 'Maintenance, not acquisition, is what sinks small navies.' },
      {
        p: 'The region already has the beginnings of such cooperation. The Regional Security System in the eastern Caribbean has for decades allowed member states to support one another in emergencies, and shared training is common. What is missing is the willingness to take the next step: common procurement of a single class of patrol boat, a shared maintenance base, and rotating crews who can operate any hull in the pool, whatever the flag on its stern.',
      },
      {
        quote: '“We had seven flags and eleven types of boat. If I needed a propeller shaft, I first had to work out which of the eleven.”',
        by: 'Marcus Leacock-Reid, a retired coastguard commander who served in the eastern Caribbean',
      },
      {
        p: 'Sovereignty worries are real but manageable. Boats can remain nationally owned while being maintained and crewed in common, much as several European air forces already share heavy transport aircraft. The alternative is the status quo: expensive vessels rusting at the quay while foreign trawlers strip the fishing grounds. The sea does not respect the borders drawn by small states, and their coastguards should stop pretending that they can patrol it alone.',
      },
    ],
  },
  {
    slug: 'remittances-explained-how-money-crosses-the-hemisphere',
    section: 'americas',
    type: 'explainer',
    kicker: 'Wired home',
    headline: 'How remittances travel from a pay packet abroad to a kitchen table at home',
    dek: 'Money sent home by migrants is one of the largest financial flows into Latin America and the Caribbean; here is how it moves, and who takes a cut.',
    authors: ['priya-raman'],
    topics: ['diaspora', 'migration', 'development-finance'],
    hoursAgo: 540,
    image: {
      motif: 'envelope',
      caption: 'Remittances pay for school fees, medicine and building materials across the region.',
      credit: 'Meridian Studio/Joana Reis',
      alt: 'Abstract illustration of envelopes carried along arcs between two coastlines',
    },
    body: [
      {
        p: 'For many households in Central America, Mexico and the Caribbean, the most important financial institution is not a bank but a relative abroad. Money sent home by migrants pays for school fees, medicine, building materials and the occasional wedding. For several smaller economies in the region, these transfers are worth more than foreign direct investment or aid, and they tend to hold up in hard times, when other flows dry up. Yet the mechanics of how the money moves are rarely explained.',
      },
      { h: 'The journey of a transfer' },
      {
        ordered: true,
        list: [
          'A sender hands over cash at an agent, or taps an app, and pays a fee plus a margin on the exchange rate.',
          'The money transfer operator records the payment and usually nets it against transfers flowing the other way.',
          'Settlement happens between banks, often in dollars, through correspondent accounts that may involve several intermediaries.',
          'A paying agent in the destination country — a bank, a shop or a mobile wallet — hands the money to the recipient in local currency.',
        ],
      },
      {
        p: 'Each step carries a cost. The visible fee is only part of it; the exchange-rate margin, the gap between the rate the sender gets and the market rate, can be larger and is much harder to compare. International development targets have long aimed to bring the average cost of sending money below three per cent, and digital providers have pushed prices down in the busiest corridors. Smaller corridors, and those that still rely on cash, remain expensive.',
      },
      { h: 'Why it matters beyond the family' },
      {
        p: 'Remittances shape whole economies. They support consumption and construction, prop up the balance of payments and can make it easier for governments to borrow abroad. They can also create dependence, and economists still debate whether they encourage or discourage work and investment at home. A clear introduction is the [primer on remittance economics](https://example.org/primers/remittance-economics) published by a network of development researchers, which sets out the evidence on both sides without taking a side.',
      },
      {
        p: 'Policy choices matter too. Rules designed to stop money laundering, if applied bluntly, can push banks to close the accounts of small transfer operators, driving money into informal channels that are harder to watch. Regulators at both ends of each corridor therefore face a balancing act: keeping the system clean without making it so expensive, or so cumbersome, that the families at the end of the chain pay the price.',
      },
    ],
  },
  {
    slug: 'san-baltasar-shelter-where-migrants-wait-and-work',
    section: 'americas',
    type: 'reportage',
    kicker: 'The waiting room',
    headline: 'In San Baltasar, a shelter built for one night’s rest has become a hiring hall',
    dek: 'As journeys north stall for months, a border town and the migrants stranded in it have struck an uneasy, practical bargain.',
    authors: ['daniel-ferreira-costa'],
    topics: ['migration', 'diaspora'],
    hoursAgo: 700,
    image: {
      motif: 'chalkboard',
      caption: 'Each morning a chalkboard outside the shelter lists the day’s work.',
      credit: 'Illustration: Rafael Lima',
      alt: 'Abstract illustration of a chalkboard beside a gate at sunrise, with figures waiting',
    },
    body: [
      {
        p: 'The shelter on Calle Morelos was built to give people one night’s rest. It has forty bunks, a kitchen, two showers and a chapel painted pale blue by volunteers. These days most of its residents stay for weeks, some for months, waiting for appointments, for paperwork or simply for a sense that the road ahead is open. San Baltasar, a dusty border town of cement-block houses and tyre repair shops, has found itself host to people who never meant to stop here.',
      },
      {
        p: 'What has changed most is the morning routine. At seven o’clock a chalkboard outside the shelter gate lists the day’s jobs: bricklaying, fruit packing, a kitchen in need of a cook, a mechanic’s yard short of hands. Local employers, who complain that their own young people left for the cities long ago, now arrive in pick-up trucks to collect workers. The shelter’s director keeps a notebook of who hired whom, and at what wage, to discourage anyone from cheating.',
      },
      {
        quote: '“They came to pass through. Now they are fixing our roofs and our lorries. The town needed hands, and the hands arrived.”',
        by: 'Father Tomás Velarde, who runs the shelter in San Baltasar',
      },
      { h: 'An uneasy bargain' },
      {
        p: 'The arrangement is informal and fragile. Many of the workers lack permits, which leaves them exposed to employers who pay less than promised and to police who can detain them at any checkpoint. Some residents resent the newcomers, blaming them for rising rents and crowded clinics. Local officials, reluctant to be seen encouraging migrants to stay, neither endorse the chalkboard nor shut it down. Everyone involved seems to understand that a formal policy would force a decision nobody is ready to make.',
      },
      {
        p: 'For the migrants, the work is both a lifeline and a trap. Wages earned in San Baltasar are tiny compared with what relatives abroad describe, but they pay for food, phone credit and small transfers home. Several people at the shelter said they sent money back to children they had not seen in more than a year, a reverse flow in a region better known for remittances moving south. The sums are small. The habit of sending them, they say, is what keeps them going.',
      },
    ],
    related: ['remittances-explained-how-money-crosses-the-hemisphere', 'caribbean-coastguards-should-pool-their-boats'],
  },
  {
    slug: 'orcana-mayors-race-fought-over-water',
    section: 'americas',
    type: 'reportage',
    kicker: 'A thirsty race',
    headline: 'In an Andean valley, a mayor’s race becomes a referendum on who owns the water',
    dek: 'Farmers, a bottling plant and a growing town all draw on the same aquifer, and the candidates have made it the only issue that matters.',
    authors: ['daniel-ferreira-costa'],
    topics: ['elections', 'water', 'food-security'],
    hoursAgo: 880,
    image: {
      motif: 'valley',
      caption: 'Orcaña’s villages depend on springs that have weakened over a decade.',
      credit: 'Illustration: Sefa Mireku',
      alt: 'Abstract illustration of a highland valley with irrigation channels cutting across fields',
    },
    body: [
      {
        p: 'The campaign posters in the valley of Orcaña all feature the same image: water. One candidate is pictured beside an irrigation channel, sleeves rolled up. Another stands in front of a new storage tank, arms folded. A third has chosen a glass of water held up to the light, with the slogan ‘Clear for everyone’. In a municipality of scattered farming villages and one fast-growing market town, the election for mayor has become, in effect, a referendum on the aquifer beneath them.',
      },
      {
        p: 'The conflict is easy to describe and hard to resolve. Smallholders who grow potatoes, beans and alfalfa depend on channels fed by springs that have weakened over the past decade. The town’s population has grown, and so has its demand for piped water. A bottling plant opened on the edge of town six years ago, bringing jobs and a steady stream of lorries, and many farmers are convinced that its wells are drawing down the springs. The company denies it.',
      },
      {
        quote: '“Everyone has a theory about where the water went. Nobody has a meter on the aquifer. We are arguing in the dark.”',
        by: 'Elena Quispe-Rojas, a hydrogeologist who has worked with the valley’s irrigation committees',
      },
      {
        p: 'The leading candidates offer different remedies. The incumbent promises a new reservoir, to be financed by a national infrastructure programme. A challenger backed by the irrigation committees wants the municipality to drill monitoring wells and publish the readings every month, with any renewal of the bottling plant’s permit tied to the results. The third candidate, a businessman, argues that the plant’s taxes pay for the town’s schools and that the farmers should modernise their irrigation instead.',
      },
      {
        figure: {
          motif: 'aquifer',
          caption: 'Every candidate in Orcaña has made water the centrepiece of the campaign.',
          credit: 'Meridian Studio/Joana Reis',
          alt: 'Abstract illustration of layered rock with a thin blue band of water running beneath terraced fields',
        },
      },
      {
        p: 'Whoever wins will inherit a problem shared by many highland municipalities across the Andes, where glaciers are retreating and rainfall patterns are shifting. Local governments are responsible for water services but rarely have the data or the money to manage groundwater properly. In Orcaña, at least, the campaign has done something useful: it has made the invisible water under the valley a subject of public argument. Whether that argument produces a meter on the aquifer is what voters will decide on Sunday.',
      },
    ],
  },
  {
    slug: 'anselm-cay-port-stoppage-empties-island-shelves',
    section: 'americas',
    type: 'reportage',
    kicker: 'Shelf life',
    headline: 'On Anselm Cay, a week-long port stoppage shows how thin an island’s food supply runs',
    dek: 'An island that imports most of what it eats learned how quickly shelves empty when the cranes stop, and is now asking what it could grow itself.',
    authors: ['daniel-ferreira-costa'],
    topics: ['food-security', 'ports-and-shipping', 'trade'],
    hoursAgo: 1150,
    image: {
      motif: 'harbour',
      caption: 'Almost everything Anselm Cay eats arrives through a single harbour.',
      credit: 'Meridian Studio/Ama Owusu',
      alt: 'Abstract illustration of an island harbour with idle cranes and an empty quay',
    },
    body: [
      {
        p: 'On the fourth day of the stoppage at Port Lorrimer, the bread ran out. By the sixth day the supermarkets on Anselm Cay were rationing cooking oil, and the island’s two petrol stations had queues that wound past the cricket ground. The dispute itself was modest — dockworkers and the port’s operator disagreed over shift patterns on a new crane — but its effects were felt in every kitchen on an island that imports the great majority of its food through a single harbour.',
      },
      {
        p: 'Small island states across the Caribbean share this vulnerability. Land is scarce, farming has declined since the days of plantation crops, and imported food is often cheaper than anything grown locally. The result is a supply chain that works smoothly until it does not. A hurricane, a shipping delay or a quarrel on the quayside can turn a routine week into a shortage, and the poorest households, who cannot afford to stockpile, feel it first.',
      },
      {
        quote: '“We had flour for three days. After that we were baking with whatever the customers brought in.”',
        by: 'Claudette Moyne-Harris, who runs a bakery near the harbour at Port Lorrimer',
      },
      {
        p: 'The stoppage ended after a week, when the island’s labour commissioner brokered a compromise on shift lengths. But it has left a political mark. The island’s assembly has begun debating a food-security plan that would set aside public land for market gardens, offer cheap loans for cold storage and require the port operator to keep an emergency berth open for food cargoes during any future dispute. Supporters call it common sense; critics fear subsidised vegetables that will never compete with imports on price.',
      },
      {
        p: 'Farmers on the island are cautiously interested. Several said they could grow far more tomatoes, peppers and leafy greens if they had reliable water and a guaranteed buyer, such as the island’s schools and hospital. Few imagine that Anselm Cay will ever feed itself. The goal, as one grower put it, is not independence but a margin: enough food grown at home to get through a bad week without rationing the bread.',
      },
    ],
  },
];
