/**
 * Demo articles, part A: Europe, Asia and the Middle East. Original writing
 * for the demo publication; every person, town and firm named is fictional.
 */
import type { DemoArticle } from './demo-content-types.js';

export const demoArticlesA: DemoArticle[] = [
  // ── Europe ────────────────────────────────────────────────────────────
  {
    slug: 'europes-real-border-now-runs-through-its-power-lines',
    section: 'europe',
    type: 'analysis',
    kicker: 'Current affairs',
    headline: 'Europe’s real border now runs through its power lines',
    dek: 'Interconnectors, substations and grid frequency have become instruments of security. The continent is only beginning to govern them as such.',
    authors: ['ines-halvorsen'],
    topics: ['energy-security', 'alliances', 'technology-policy'],
    hoursAgo: 3,
    image: {
      motif: 'pylons',
      caption: 'High-voltage lines now carry as much strategy as electricity.',
      credit: 'Meridian Studio/Ana Ferreira',
      alt: 'Abstract illustration of pylons striding across a dark plain under a violet sky',
    },
    body: [
      {
        p: 'For most of the postwar era, Europeans thought of their electricity grid the way they thought of plumbing: essential, invisible and someone else’s problem. That is no longer tenable. The cables that tie one national system to another now decide which governments can ride out a cold snap, which can be squeezed by a hostile supplier and which can absorb the wind and sun their climate pledges demand. The map of where power flows freely is quietly becoming the map of who belongs to whom.',
      },
      { h: 'Synchronised, and therefore allied' },
      {
        p: 'The shift is partly technical. A grid that runs at the same frequency as its neighbours can borrow stability from them in a crisis; one that does not must fend for itself. Countries on the continent’s eastern edge have spent years and considerable sums bringing their systems into step with the rest of the European network, and their officials describe the project less as engineering than as a change of allegiance. Once synchronised, a blackout becomes a shared problem rather than a private one.',
      },
      {
        quote:
          'Every interconnector is a treaty that nobody has to ratify. It binds two countries more tightly than most of the documents their ministers sign.',
        by: 'Marta Kowalczyk, a grid engineer in Gdańsk',
      },
      {
        p: 'Yet the governance has not kept pace. Decisions about which lines to build are still taken largely by national operators, financed by national consumers and approved by national regulators who answer to national politics. The result is a network that is dense where trade is profitable and thin where security would argue for redundancy. Northern wind farms are routinely told to curtail output because the cables south are congested, while some southern and eastern systems still lean on a handful of links.',
      },
      { pull: 'The map of where power flows freely is quietly becoming the map of who belongs to whom.' },
      {
        figure: {
          motif: 'substation',
          caption: 'A substation is now a strategic asset, though it is rarely guarded like one.',
          credit: 'Illustration: Tomas Berg',
          alt: 'Abstract illustration of a substation’s transformers rendered as stacked geometric blocks',
        },
      },
      {
        p: 'What would a security-minded grid policy look like? It would treat spare capacity as insurance rather than waste, pay for links that may rarely be used and protect substations and subsea cables as carefully as airfields. It would also accept that the cheapest electricity is not always the safest. None of this is cheap, and none of it wins elections. But the alternative is a continent whose unity depends on wires that were designed for commerce, not for siege.',
      },
    ],
    related: ['vesterby-bets-its-future-on-servicing-offshore-wind', 'desalination-is-becoming-the-gulfs-new-diplomacy'],
  },
  {
    slug: 'low-water-strands-grain-barges-at-sarvel',
    section: 'europe',
    type: 'news',
    kicker: 'Running aground',
    headline: 'Low water strands grain barges at the Danube port of Sarvel',
    dek: 'A dry late summer has left dozens of loaded barges waiting for the river to rise, and grain traders counting the cost of every lost centimetre.',
    authors: ['tomas-berg'],
    topics: ['water', 'food-security', 'ports-and-shipping'],
    hoursAgo: 14,
    image: {
      motif: 'barge',
      caption: 'Barges moored three abreast at Sarvel, waiting for the river to rise.',
      credit: 'Meridian Studio/Jonas Eklund',
      alt: 'Abstract illustration of flat barges resting on a shrinking ribbon of blue water',
    },
    body: [
      {
        p: 'Around forty loaded grain barges were moored at Sarvel, a small river port on the lower Danube, this week as falling water levels made the channel downstream too shallow for fully laden vessels. Operators said the barges, carrying wheat and maize bound for the Black Sea, could not safely pass a stretch of shoals a few kilometres below the town until levels rose or their cargoes were lightened. Some crews had already been waiting for more than a week.',
      },
      {
        p: 'Lightening a barge means moving part of its load onto another vessel or onto lorries, and both add cost. Traders at the port said the delay was eroding margins that were thin to begin with. Barges of the kind used at Sarvel are loaded to a draught of about 2.5 metres in good conditions; harbour officials have advised operators to load to no more than 1.6 metres, which cuts the amount each vessel can carry by more than a third.',
      },
      {
        quote: 'We are loading barges by the centimetre now. Every day the river drops, we leave another lorry-load of grain on the quay.',
        by: 'Dragan Petrović, a dispatcher for a barge operator in Sarvel',
      },
      {
        p: 'Low water on the Danube is not new, but river pilots at Sarvel say dry spells now arrive earlier and last longer than they did a generation ago. That matters well beyond the port. The river is one of several routes that carry grain from central and south-eastern Europe towards world markets, and when it narrows, exporters turn to rail and road, which are slower, dearer and already congested at harvest time.',
      },
      {
        p: 'Harbour officials said dredging of the shoals was scheduled but would take weeks to complete. In the meantime a local cooperative of grain farmers has begun storing part of its harvest in temporary silos rather than sending it to the quay. Its chairman, Ilie Munteanu, said members would rather wait for better prices and deeper water than pay to lighten their barges twice, and that several neighbouring farms had asked to join the arrangement.',
      },
    ],
    corrections: [
      {
        kind: 'correction',
        hoursAfter: 6,
        text: 'An earlier version of this article misstated the maximum draught advised by harbour officials at Sarvel. It is 1.6 metres, not 1.2 metres.',
      },
    ],
  },
  {
    slug: 'in-praise-of-boring-alliances',
    section: 'europe',
    type: 'opinion',
    kicker: 'Dull is beautiful',
    headline: 'In praise of boring alliances',
    dek: 'Europe’s security has been served best by institutions that bore its voters. Politicians who promise excitement should be treated with suspicion.',
    authors: ['tomas-berg'],
    topics: ['alliances', 'elections'],
    hoursAgo: 130,
    image: {
      motif: 'knot',
      caption: 'Alliances hold because they are tied and retied, year after unremarkable year.',
      credit: 'Illustration: Sofia Lindqvist',
      alt: 'Abstract illustration of many coloured cords bound together in a single tight knot',
    },
    body: [
      {
        p: 'Every few years a European election throws up a candidate who promises to make foreign policy thrilling again. Alliances, in this telling, are stale arrangements maintained by timid officials; what the moment demands is boldness, independence, a fresh start. Voters could be forgiven for finding the pitch appealing. The committees, working groups and joint exercises that hold alliances together are not the stuff of rousing speeches. They are, however, the reason most Europeans have been free to ignore them.',
      },
      {
        p: 'The virtue of a boring alliance is predictability. An adversary who knows that an attack on one member will bring a response from all does not need to be told so in dramatic terms; the dullness is the message. Routine consultations, shared procurement and the endless drafting of contingency plans build a kind of institutional muscle memory. When a crisis comes, nobody has to invent a response from scratch, because it has been rehearsed a hundred times in windowless conference rooms.',
      },
      { quote: 'The strong do what they can and the weak suffer what they must.', by: 'Thucydides, History of the Peloponnesian War' },
      {
        p: 'Small and middle-sized states understand this better than large ones. For them, an alliance is not a constraint on freedom of action but the condition for having any at all. The Athenians’ reply to the Melians was a description of a world without rules, in which power alone decides. The tedious machinery of modern alliances is an attempt to keep that world at bay, and it works only for as long as nobody finds it too dull to maintain.',
      },
      {
        p: 'None of this means alliances should be immune to criticism. They can be slow, captured by their largest members and reluctant to change. But reform is different from rupture. The politicians worth listening to are those who propose to make the machinery work better, not those who offer to smash it for the sake of a headline and a bump in the polls. In foreign policy, as in aviation, the best journeys are the ones that nobody remembers.',
      },
    ],
  },
  {
    slug: 'the-quiet-count-review',
    section: 'europe',
    type: 'review',
    kicker: 'Counted out',
    headline: 'A novel of one long night spent recounting votes in an Alpine town',
    dek: 'Anneliese Voss’s debut turns a recount in a snowbound mountain town into a study of trust, rumour and the fragility of everyday democracy.',
    authors: ['tomas-berg'],
    topics: ['elections', 'diaspora'],
    hoursAgo: 260,
    image: {
      motif: 'ballot',
      caption: 'Voss’s novel unfolds almost entirely inside a school gymnasium on election night.',
      credit: 'Illustration: Sofia Lindqvist',
      alt: 'Abstract illustration of ballot papers drifting like snow over a mountain village',
    },
    body: [
      {
        p: '_The Quiet Count_, the first novel by Anneliese Voss, takes place almost entirely over a single night in Hallenstein, an invented town of four thousand people in an unnamed Alpine valley. A municipal election has ended with a margin of eleven votes. The losing candidate demands a recount, snow closes the only road out, and the dozen volunteers who staff the count find themselves shut in a school gymnasium with the ballots, a thermos of bad coffee and each other’s suspicions.',
      },
      {
        p: 'Voss, a former election observer, knows the procedural detail cold, and she makes it gripping. The sorting of spoilt papers, the arguments over a smudged cross, the ritual of sealing boxes with tape and signatures: all of it becomes charged with meaning. Her real subject, though, is trust. Each volunteer stands for a different strand of the town, and as the night wears on, old grievances about land, language and who counts as local rise to the surface.',
      },
      {
        quote: 'A vote is only a piece of paper until eleven strangers agree to believe in it together.',
        by: 'Anneliese Voss, The Quiet Count',
      },
      {
        p: 'The most affecting thread belongs to Dario, a young volunteer whose parents left the valley decades ago for work abroad and who has come back to a town that treats him as both native and stranger. His efforts to be scrupulously fair are read by some as arrogance and by others as disloyalty. Voss handles his story with tact, using it to ask whether belonging to a place is something one inherits or something one must keep earning, vote by vote.',
      },
      {
        p: 'The novel is not flawless. A subplot involving a missing ballot box strains credulity, and the final chapter resolves too neatly for a book so alert to ambiguity. But these are small complaints about an unusually intelligent debut. At a time when the machinery of elections is routinely accused of fraud by people who have never watched it work, _The Quiet Count_ is a quiet and persuasive argument for the dignity of the people who do.',
      },
    ],
    related: ['the-pilots-daughter-review'],
  },
  {
    slug: 'how-an-eu-sanctions-package-is-built',
    section: 'europe',
    type: 'explainer',
    kicker: 'Packaged deals',
    headline: 'How an EU sanctions package is actually built',
    dek: 'From first draft to legal text, European sanctions pass through a long chain of bargaining. Here is how the machinery works, and where it jams.',
    authors: ['ines-halvorsen', 'tomas-berg'],
    topics: ['sanctions', 'alliances', 'trade'],
    hoursAgo: 640,
    image: {
      motif: 'stamp',
      caption: 'Each package passes through many hands before it becomes binding law.',
      credit: 'Meridian Studio/Lucía Romero',
      alt: 'Abstract illustration of overlapping rubber stamps in blue and gold on a pale field',
    },
    body: [
      {
        p: 'When the European Union announces a new round of sanctions, the headline usually lands as if from nowhere. In fact each package is the product of weeks or months of drafting and haggling among twenty-seven governments, all of which must agree. Understanding that process explains a great deal about why sanctions look the way they do: why some sectors are hit hard and others spared, why exemptions multiply and why enforcement so often lags behind ambition.^[This explainer describes the general procedure; the details vary from package to package and change over time.]',
      },
      { h: 'From proposal to unanimity' },
      {
        p: 'Sanctions in the EU are a foreign-policy decision first and an economic measure second. Proposals are typically prepared by the union’s diplomatic service together with the European Commission, then examined by national diplomats in Brussels before reaching ministers. Because such decisions require unanimity, a single government can hold up a package, and the price of its consent is often a carve-out for an industry it cares about. Our [annotated guide to the procedure](https://example.org/eu-sanctions-guide) sets out the formal steps.',
      },
      {
        list: [
          'A proposal is drafted, naming the people, entities or sectors to be targeted and the legal grounds for doing so.',
          'National diplomats examine it line by line, often over several rounds, and press for changes.',
          'Ministers adopt a decision by unanimity, which sets the political framework.',
          'A regulation follows, making the economic measures directly binding on firms and individuals across the union.',
          'National authorities enforce it, and decide what penalties apply to breaches.',
        ],
        ordered: true,
      },
      {
        p: 'The last step is where much of the difficulty lies. Sanctions are agreed in Brussels but enforced in national capitals, by customs agencies and financial regulators with very different resources and appetites. A company that would face heavy penalties in one member state may face little scrutiny in another. This unevenness is one reason why successive packages have increasingly turned to circumvention, listing firms in third countries accused of helping goods slip through.',
      },
      {
        quote: 'A sanction is only as strong as the least attentive customs officer on the union’s border.',
        by: 'Henrik Saller, a trade-compliance lawyer in Hamburg',
      },
      {
        p: 'None of this makes sanctions futile. It does make them slower and blunter than their designers would like. For readers trying to judge a new package, the useful questions are rarely about the headline figure. They are about who secured exemptions, how the measures will be enforced and whether the targets have already found a way around them. The answers tend to appear, if they appear at all, in the fine print some weeks later.',
      },
    ],
  },
  {
    slug: 'vesterby-bets-its-future-on-servicing-offshore-wind',
    section: 'europe',
    type: 'news',
    kicker: 'Turning the tide',
    headline: 'Harbour town of Vesterby bets its future on servicing offshore wind',
    dek: 'A former fishing port on the North Sea coast is rebuilding its quays for the crews and vessels that keep distant turbines turning.',
    authors: ['ines-halvorsen'],
    topics: ['energy-security', 'ports-and-shipping', 'climate-diplomacy'],
    hoursAgo: 52,
    image: {
      motif: 'turbine',
      caption: 'Vesterby hopes the turbines offshore will bring work back to its quays.',
      credit: 'Meridian Studio/Jonas Eklund',
      alt: 'Abstract illustration of white turbine blades turning above a grey-green sea',
    },
    body: [
      {
        p: 'The municipal council of Vesterby, a harbour town of some nine thousand people on the North Sea coast, has voted to borrow for the reconstruction of its eastern quay, betting that the vessels which service offshore wind farms can replace the fishing fleet that once sustained it. The plan would deepen part of the harbour, add a warehouse for spare parts and build lodgings for technicians who work rotating shifts at sea.',
      },
      {
        p: 'Servicing turbines is less glamorous than building them, but the work lasts far longer. A wind farm may take two or three years to install and then need maintenance for a quarter of a century. Ports close to the turbines can win steady contracts for crew-transfer vessels, storage and repairs. Vesterby’s councillors argued that the town’s position, within a few hours’ sailing of several planned projects, gives it an edge that larger harbours cannot easily match.',
      },
      {
        quote:
          'Our grandfathers went to sea for herring. Our grandchildren will go to sea for gearboxes. The boats are different; the weather is not.',
        by: 'Karin Dahl, the mayor of Vesterby',
      },
      {
        p: 'Not everyone is persuaded. Opponents on the council warned that the town was borrowing against contracts it had not yet won, and that bigger ports along the coast were making similar bids. A local fishermen’s association said the new quay would take berths from its remaining boats. The council promised that a section of the old harbour would be kept for fishing vessels, and that the project would be reviewed if no service contract was signed within two years.',
      },
      {
        p: 'For Vesterby the stakes are demographic as much as economic. The town’s population has fallen steadily since its fish-processing plant closed, and the primary school has merged classes twice in a decade. Council members said that even a modest service base could bring a few hundred skilled jobs, enough to persuade young families to stay. Work on the quay is expected to begin next spring if the financing is confirmed.',
      },
    ],
  },

  // ── Asia ──────────────────────────────────────────────────────────────
  {
    slug: 'the-quiet-arithmetic-of-the-malacca-strait',
    section: 'asia',
    type: 'analysis',
    kicker: 'Narrow margins',
    headline: 'The quiet arithmetic of the Strait of Malacca',
    dek: 'The world’s busiest shipping lane is less a chokepoint than a balance sheet. Its coastal states keep it open because every alternative costs more.',
    authors: ['mei-lin-okada'],
    topics: ['maritime-security', 'ports-and-shipping', 'trade'],
    hoursAgo: 30,
    image: {
      motif: 'strait',
      caption: 'The strait narrows near Singapore to a channel a few kilometres wide.',
      credit: 'Meridian Studio/Hana Kimura',
      alt: 'Abstract illustration of two green coastlines pinching a bright channel of sea',
    },
    body: [
      {
        p: 'Strategists like to call the Strait of Malacca a chokepoint, and on a map it looks like one: a long funnel between the Malay Peninsula and Sumatra, narrowing near Singapore to a channel only a few kilometres wide. A large share of the oil and manufactured goods moving between the Indian Ocean and East Asia passes through it. The word conjures images of blockades and naval standoffs. The daily reality is more mundane, and considerably more instructive.',
      },
      { h: 'Who pays to keep it open' },
      {
        p: 'The strait stays open because the states along its shores, Malaysia, Indonesia and Singapore, have every reason to keep it so, and because the alternatives are punishing. Ships diverted through the Sunda or Lombok straits add days to their voyages and fuel to their bills.^[Estimates of the added time vary with ship type, speed and destination; the point is the direction, not the number.] Canals and pipelines across the isthmus have been proposed for decades and built, so far, mostly on paper.',
      },
      {
        quote: 'Everyone talks about closing the strait. Nobody talks about who would pay the insurance the week after.',
        by: 'Farid Rahman, a marine underwriter in Singapore',
      },
      {
        p: 'That arithmetic shapes security policy in ways outsiders often miss. Coordinated patrols among the coastal states, which helped bring piracy down sharply in the early years of this century, were sold at home not as grand strategy but as good housekeeping. Safe passage lowers insurance premiums, which lowers freight costs, which keeps the ports busy. Sovereignty matters too: the coastal states have long preferred to police the waters themselves rather than invite larger navies to do it for them.',
      },
      {
        figure: {
          motif: 'tanker',
          caption: 'Tankers queue in the approaches to the strait’s narrowest stretch.',
          credit: 'Illustration: Hana Kimura',
          alt: 'Abstract illustration of tankers in single file along a narrow band of turquoise sea',
        },
      },
      {
        p: 'The risk, then, is less a dramatic closure than a slow erosion: congestion, collisions, petty theft and the gradual militarisation of waters that commerce prefers quiet. Each raises costs at the margin, and the ports that compete for the traffic live on margins. The strait has proved remarkably resilient for half a century. Its guardians know that such resilience is not a gift of geography but a habit, and that habits have to be renewed every year or they lapse.',
      },
    ],
    related: ['the-red-sea-needs-a-compact-not-just-more-escorts'],
  },
  {
    slug: 'delta-rice-cooperative-switches-to-salt-tolerant-seed',
    section: 'asia',
    type: 'news',
    kicker: 'Salt of the earth',
    headline: 'Mekong delta rice cooperative switches to salt-tolerant seed',
    dek: 'After a season of brackish water in its canals, a farmers’ group in the lower delta is planting varieties bred to survive the sea’s slow advance.',
    authors: ['priya-raman'],
    topics: ['food-security', 'water', 'climate-diplomacy'],
    hoursAgo: 98,
    image: {
      motif: 'paddy',
      caption: 'Green Reed’s paddies will be replanted with varieties bred to tolerate salt.',
      credit: 'Meridian Studio/Ana Ferreira',
      alt: 'Abstract illustration of terraced green paddies cut by thin silver canals',
    },
    body: [
      {
        p: 'Members of the Green Reed cooperative, a group of about three hundred rice-farming households in the lower Mekong delta, have voted to plant salt-tolerant varieties across most of their paddies this season. The decision follows a dry season in which brackish water pushed further up the local canals than many farmers could remember, scorching young plants and forcing some fields to be left fallow. Cooperative officials said the new seed yields slightly less in good years but far more in bad ones.',
      },
      {
        p: 'Salt intrusion is one of the delta’s most persistent problems. When river flows fall in the dry months, seawater moves inland through the canals that farmers depend on for irrigation. Reduced sediment, groundwater pumping and a rising sea add to the pressure. Plant breeders have produced varieties that tolerate moderate salinity for years, but uptake has been uneven, partly because farmers are wary of trading proven yields for insurance against a threat that varies from season to season.',
      },
      {
        quote: 'My father planted for the river he knew. I have to plant for the river we have now, and for the sea that keeps visiting.',
        by: 'Nguyen Thi Lan, a rice farmer and member of the Green Reed cooperative',
      },
      {
        p: 'The cooperative has also agreed to pool money for small sluice gates on two of its feeder canals, so that members can close them when salinity readings rise. Readings will be taken daily by a rota of volunteers using handheld meters supplied by the provincial farm-extension office. Members who keep fields in traditional varieties will be asked to share the cost of replanting if salt damages them, a compromise that took three long meetings to agree.',
      },
      {
        p: 'Economists who study the delta say such local adaptations matter because the region grows a large share of the rice its country exports, and those harvests feed markets far beyond Asia. Ho Van Duc, an agricultural economist in Can Tho, said small decisions by cooperatives add up. ‘Nobody in a ministry can choose the seed for a million paddies,’ he said. ‘The farmers are the ones doing the adapting, one canal at a time.’',
      },
    ],
  },
  {
    slug: 'asias-development-lenders-should-lend-in-local-currency',
    section: 'asia',
    type: 'opinion',
    kicker: 'Currency of trust',
    headline: 'Asia’s development lenders should lend in local currency',
    dek: 'Dollar loans leave too many borrowers exposed to exchange-rate shocks they cannot control. The region’s banks have the tools to do better.',
    authors: ['priya-raman'],
    topics: ['development-finance', 'trade'],
    hoursAgo: 410,
    image: {
      motif: 'coins',
      caption: 'When a currency falls, a dollar loan grows without a single road being built.',
      credit: 'Illustration: Priya Nair',
      alt: 'Abstract illustration of coins of many sizes balanced on a tilting beam',
    },
    body: [
      {
        p: 'Ask a finance minister in a developing Asian economy what keeps her awake, and the answer is often not the size of her debts but their denomination. Much of the lending for roads, power plants and water systems in the region is still made in dollars, while the projects earn their revenue in rupees, kip or taka. When the local currency falls, as it periodically does, the debt grows without a single extra kilometre of road being built. Borrowers carry a risk they are least able to bear.',
      },
      {
        p: 'Multilateral development banks know this. Several already offer local-currency loans, and some have issued bonds in regional currencies to fund them. But such lending remains a small share of the total, hemmed in by cost, thin domestic capital markets and institutional habit. Lending in dollars is simpler for the lender. It is the borrower who pays for the simplicity, usually at the worst possible moment, when a global shock sends capital fleeing and the currency tumbling.',
      },
      {
        pull: 'It is the borrower who pays for the simplicity, usually at the worst possible moment, when a global shock sends capital fleeing and the currency tumbling.',
      },
      {
        quote: 'We were told the project was sound, and it was. The exchange rate was not.',
        by: 'Rashmi Perera, a former treasury official in Colombo',
      },
      {
        p: 'The fix is not free. Lending in local currency means the bank must hedge the risk or hold it, and hedging in shallow markets is expensive. But development lenders are unusually well placed to absorb it: they have strong balance sheets, long horizons and portfolios spread across many currencies. A risk that would crush a single utility is a manageable one for an institution lending across a continent. Pooling currency risk is, arguably, exactly the kind of public good such banks exist to provide.',
      },
      {
        p: 'There is a wider benefit, too. Every local-currency bond a development bank issues helps deepen the market it is issued in, building a yield curve that domestic firms can later use. Over time that reduces the need for dollar borrowing across the whole economy. The region’s lenders should set explicit targets for the share of local-currency lending and report against them each year. A decade from now, a government should be able to build a bridge without betting on the dollar.',
      },
    ],
  },
  {
    slug: 'the-pilots-daughter-review',
    section: 'asia',
    type: 'review',
    kicker: 'Dead reckoning',
    headline: 'A harbour pilot’s daughter charts her own course in a fine first novel',
    dek: 'Ren Takahashi-Lowe’s debut follows three generations of a family who guide ships into an Asian port, and the one member they would rather keep ashore.',
    authors: ['mei-lin-okada'],
    topics: ['ports-and-shipping', 'diaspora'],
    hoursAgo: 1320,
    image: {
      motif: 'lighthouse',
      caption: 'Port Amaranth, the invented harbour city at the heart of the novel.',
      credit: 'Illustration: Mirae Seo',
      alt: 'Abstract illustration of a lighthouse beam sweeping across a dark harbour of stacked containers',
    },
    body: [
      {
        p: 'Ren Takahashi-Lowe’s debut, _The Pilot’s Daughter_, is set in Port Amaranth, an invented harbour city somewhere on the sea lanes between the Indian Ocean and the South China Sea. For three generations the Loh family have worked as harbour pilots, the specialists who climb aboard incoming ships and guide them through the final, treacherous miles to the berth. It is a job passed from father to son. The novel opens when the youngest Loh, Su-Yin, announces that she will sit the pilots’ examination.',
      },
      {
        p: 'Her grandfather announces that she will not, and what follows is partly a family drama and partly a portrait of a port in transition. Takahashi-Lowe is excellent on the texture of harbour life: the night calls, the rope ladders slick with spray, the endless bargaining between pilots, tug masters and impatient shipping agents. She is just as good on the port’s changing economy, as automated terminals replace the crowded wharves where Su-Yin’s grandfather learned his trade.',
      },
      {
        quote:
          'A pilot does not own the ship, or the sea, or the harbour. She owns only the next ten minutes, and she must get them right.',
        by: 'Ren Takahashi-Lowe, The Pilot’s Daughter',
      },
      {
        p: 'The novel’s second strand follows Su-Yin’s uncle, who left Port Amaranth decades ago for a career as a ship’s officer and now returns, unwelcome, to claim a share of the family house. His chapters, written as letters to a wife who has stayed abroad, are the book’s most moving. Takahashi-Lowe understands the peculiar loneliness of those who leave a port city to sail the world and find, on returning, that the city has sailed on without them.',
      },
      {
        p: 'If the book has a weakness, it is its author’s reluctance to let her characters behave badly. The grandfather’s opposition softens too quickly, and the climactic storm feels borrowed from an older kind of sea story. Still, _The Pilot’s Daughter_ is a confident, humane first novel, and that rare work of fiction which makes the machinery of global trade feel intimate. Anyone who has watched a container ship slide into harbour will not see it quite the same way again.',
      },
    ],
  },
  {
    slug: 'what-an-export-control-on-chips-actually-controls',
    section: 'asia',
    type: 'explainer',
    kicker: 'Fine print, hard power',
    headline: 'What an export control on chips actually controls',
    dek: 'Export rules on advanced semiconductors read like technical manuals. Here is what they cover, how they are enforced and why they leak.',
    authors: ['mei-lin-okada'],
    topics: ['technology-policy', 'sanctions', 'trade'],
    hoursAgo: 215,
    image: {
      motif: 'wafer',
      caption: 'The rules are written in thresholds, processes and categories of equipment.',
      credit: 'Meridian Studio/Hana Kimura',
      alt: 'Abstract illustration of a silicon wafer divided into a shimmering grid of tiny squares',
    },
    body: [
      {
        p: 'Export controls on semiconductors have become one of the principal tools of technological rivalry in Asia, yet the rules themselves are notoriously hard to read. They are written in the language of engineering, specifying performance thresholds, manufacturing processes and categories of equipment, rather than in the language of diplomacy. That is deliberate. A control that names a technology rather than a country can be applied, adjusted and defended more easily, even when everyone understands which country it is aimed at.',
      },
      { h: 'Four things a control can target' },
      {
        list: [
          'The chips themselves, usually defined by computing performance or memory bandwidth above a set threshold.',
          'The machines that make chips, such as lithography, etching and deposition tools.',
          'The software, designs and technical know-how needed to run those machines.',
          'The people and firms allowed to receive any of the above, through lists of restricted end users.',
        ],
      },
      {
        p: 'Each layer has its own weaknesses. Performance thresholds invite designers to build chips that fall just below the line. Equipment controls depend on the cooperation of the handful of countries where the most advanced tools are made, and those countries do not always share the same priorities. Know-how is the hardest to police of all, because it travels in engineers’ heads. Restricted-party lists, meanwhile, can be sidestepped by setting up new companies faster than regulators can name them.',
      },
      {
        p: 'Enforcement therefore depends heavily on paperwork: end-user certificates, licences and the diligence of distributors in transit hubs. Much of the trade in controlled goods passes through intermediaries in third countries, where local authorities may have neither the mandate nor the means to check every shipment. Readers who want to follow the detail can consult our [glossary of control categories](https://example.org/export-control-glossary), which shows how much depends on the exact wording of a definition.',
      },
      {
        quote: 'The rule is written by physicists and enforced by customs clerks. Most of the action happens in the gap between them.',
        by: 'Daniel Koh, an export-compliance consultant in Singapore',
      },
      {
        p: 'The practical question for any new control is not whether it will stop the flow of technology entirely; none ever has. It is whether it raises costs and slows progress enough to matter, and whether the price paid in lost sales and strained relations with partners is worth it. Those are political judgements dressed in technical clothing. Reading the thresholds closely is the only reliable way to tell how ambitious a control really is.',
      },
    ],
  },

  // ── Middle East ───────────────────────────────────────────────────────
  {
    slug: 'desalination-is-becoming-the-gulfs-new-diplomacy',
    section: 'middle-east',
    type: 'analysis',
    kicker: 'Salt and statecraft',
    headline: 'Desalination is becoming the Gulf’s new diplomacy',
    dek: 'Water made from the sea is no longer just a utility. Gulf states are turning plants, pipelines and know-how into instruments of influence.',
    authors: ['layla-haddad'],
    topics: ['water', 'climate-diplomacy', 'energy-security'],
    hoursAgo: 170,
    image: {
      motif: 'brine',
      caption: 'Desalination plants line much of the Gulf’s coast, and now its diplomacy.',
      credit: 'Meridian Studio/Youssef Amrani',
      alt: 'Abstract illustration of white crystalline forms rising from a shallow turquoise sea',
    },
    body: [
      {
        p: 'The Gulf states have long relied on desalination for much of their drinking water; the plants along their coasts are among the largest in the world. For decades they were treated as utilities, important but unglamorous, the business of engineers rather than diplomats. That is changing. As water stress deepens across the wider region, the capacity to turn seawater into something drinkable is becoming a form of power that can be offered, shared and, potentially, withheld.',
      },
      {
        p: 'The shift has a technological logic. Newer plants use reverse osmosis rather than the energy-hungry thermal methods of the past, and increasingly draw their power from solar farms rather than gas. That makes desalination cheaper and, in principle, exportable, both as equipment and as expertise. Gulf firms and funds now bid to build and run plants well beyond their borders, and officials have begun to speak of water cooperation in the same breath as trade and investment.',
      },
      {
        quote: 'Oil made us important to the world. Water will make us important to our neighbours, and that is harder.',
        by: 'Samir Al-Khatib, a water-policy researcher in Abu Dhabi',
      },
      {
        p: 'There is an obvious appeal to _water diplomacy_ of this kind. Pipelines and shared plants create interdependence, and interdependence can dampen rivalry. A country that draws part of its supply from a neighbour’s plant has a stake in that neighbour’s stability. Yet the same logic cuts the other way. Dependence on a foreign plant is a vulnerability, and water, unlike oil, cannot be stockpiled in meaningful quantities or easily bought elsewhere at short notice.',
      },
      {
        p: 'The environmental costs add another layer. Desalination produces brine, a concentrated salty discharge that can harm coastal ecosystems if it is released carelessly, and the Gulf is a shallow, enclosed sea in which such effects accumulate. Negotiators from the region increasingly present renewable-powered desalination as an adaptation success story. Critics reply that it needs stricter rules on discharge before it can be held up as a model. Both may be right, and the diplomacy will have to make room for each.',
      },
    ],
  },
  {
    slug: 'restoration-fund-for-the-old-souk-of-qarnah-opens-first-tender',
    section: 'middle-east',
    type: 'news',
    kicker: 'Open for tenders',
    headline: 'Restoration fund for the old souk of Qarnah opens its first tender',
    dek: 'A fund financed largely by emigrants from the town will pay local builders and masons to rebuild the market’s vaulted lanes, arch by arch.',
    authors: ['layla-haddad'],
    topics: ['development-finance', 'diaspora'],
    hoursAgo: 76,
    image: {
      motif: 'arches',
      caption: 'The first phase will repair the stone arches framing the souk’s entrances.',
      credit: 'Illustration: Omar Nasser',
      alt: 'Abstract illustration of receding sand-coloured arches in a vaulted market lane',
    },
    body: [
      {
        p: 'A restoration fund for the old souk of Qarnah, a trading town whose covered market was badly damaged by fire and years of neglect, has opened its first public tender, inviting local builders and stonemasons to bid for the repair of four vaulted lanes. The fund’s trustees said the first phase would cover roofs, drainage and the stone arches that frame the market’s entrances, with shopfronts to follow once the structure itself is secure.',
      },
      {
        p: 'Unusually, most of the fund’s money comes not from governments or international lenders but from emigrants. Families who left Qarnah over the past forty years, many now living in Europe and the Gulf, have contributed through a subscription scheme in which donors sponsor a particular arch or stall. Trustees said more than two thousand people had given so far, some of them the grandchildren of merchants who once traded in the lanes they are now helping to rebuild.',
      },
      {
        quote:
          'My grandfather sold copper pots under the third arch from the north gate. I have never seen it standing. I would like my children to.',
        by: 'Nadia Saleh, a donor to the fund who lives in Lyon',
      },
      {
        p: 'The tender rules require contractors to hire apprentices from the town and to use traditional lime mortar rather than cement, which conservation specialists say can trap moisture and damage old stone. Bids will be assessed by a panel of two master masons, an engineer and a representative of the shopkeepers’ association. The trustees said they wanted to avoid the fate of restorations elsewhere that produced handsome facades in front of empty shops.',
      },
      {
        p: 'Shopkeepers who still trade on the edges of the damaged market welcomed the tender but warned that restoration alone would not bring customers back. Youssef Darwish, who sells spices from a stall near the south gate, said rents, parking and a reliable electricity supply mattered as much as arches. The trustees said a second phase of the fund would offer small grants to traders who commit to reopening in the restored lanes.',
      },
    ],
  },
  {
    slug: 'the-date-farmers-who-became-water-engineers',
    section: 'middle-east',
    type: 'reportage',
    kicker: 'Oasis engineering',
    headline: 'The date farmers who became water engineers',
    dek: 'In a desert oasis where the ancient channels were running dry, a generation of growers has learned to measure, mend and ration every litre.',
    authors: ['layla-haddad'],
    topics: ['water', 'food-security', 'climate-diplomacy'],
    hoursAgo: 320,
    image: {
      motif: 'oasis',
      caption: 'The palm groves of Ain Zarqa depend on channels older than anyone can date.',
      credit: 'Meridian Studio/Youssef Amrani',
      alt: 'Abstract illustration of dark green palm crowns clustered around a thin line of water in ochre sand',
    },
    body: [
      {
        p: 'At dawn in Ain Zarqa, an oasis town of palm groves and mud-brick walls, Khalil Mansour walks the length of a channel older than anyone can say. The water in it is clear and cold and, by the standards of his grandfather’s day, pitifully thin. He carries a notebook, a tape measure and a cheap digital flow meter bought online. Ten years ago he was simply a date farmer. Now, like many of his neighbours, he is also a hydrologist of sorts, by necessity rather than training.',
      },
      {
        p: 'The oasis depends on underground channels that carry groundwater by gravity alone from the foot of distant hills to the gardens. For centuries the flow was divided by time: each family owned a share of hours, recorded in ledgers and enforced by a water master. As wells drilled on the plain above drew down the aquifer, the flow shrank, and the old system of hours began to mean less. An hour of water in a dry year might fill half the basins it once did.',
      },
      {
        quote: 'The ledger says I own six hours of water. It does not say how much water is in an hour any more.',
        by: 'Khalil Mansour, a date grower in Ain Zarqa',
      },
      {
        p: 'The farmers’ answer was to start measuring. A cooperative formed around a handful of younger growers who had studied in the city, and they began recording flows daily, mapping leaks and comparing notes with agronomists. They found that a quarter of the water was lost before it reached the palms, seeping from cracked channel linings or evaporating from open basins. Repairing the channels became a communal obligation, organised in weekend work parties that recall the oasis’s oldest traditions.',
      },
      {
        figure: {
          motif: 'channel',
          caption: 'Cooperative members reline a section of the old channel with lime and stone.',
          credit: 'Illustration: Omar Nasser',
          alt: 'Abstract illustration of a narrow water channel curving between stylised palm trunks',
        },
      },
      {
        p: 'Rationing came next, and it was harder. The cooperative persuaded families to convert their shares of hours into shares of measured volume, a change some older farmers saw as a betrayal of custom. Drip lines replaced flood irrigation in the younger groves. Some families, unable to make the numbers work, let their outer gardens go and moved to the coast. Those who stayed speak of the oasis not as a place of abundance but as a system, fragile and precisely balanced.',
      },
      { pull: 'Those who stayed speak of the oasis not as a place of abundance but as a system, fragile and precisely balanced.' },
      {
        p: 'Whether that system survives depends partly on decisions taken far away, about wells on the plain and water policy in the capital. Mansour is realistic; he has seen neighbouring oases fail, their palms left standing dead in neat rows. But he remains stubbornly hopeful. On the wall of the cooperative’s office hangs the old ledger of hours, framed like a relic, beside a whiteboard covered in the week’s flow readings in blue marker.',
      },
    ],
    related: ['desalination-is-becoming-the-gulfs-new-diplomacy'],
  },
  {
    slug: 'the-red-sea-needs-a-compact-not-just-more-escorts',
    section: 'middle-east',
    type: 'opinion',
    kicker: 'Rules of the road',
    headline: 'The Red Sea needs a shipping compact, not just more naval escorts',
    dek: 'Warships can shield convoys for a while. Only an agreement among the states that live off the sea lane can keep it safe for good.',
    authors: ['ines-halvorsen'],
    topics: ['maritime-security', 'ports-and-shipping', 'alliances'],
    hoursAgo: 1050,
    image: {
      motif: 'convoy',
      caption: 'Escorts can protect ships for a season; the sea lane needs a longer answer.',
      credit: 'Meridian Studio/Lucía Romero',
      alt: 'Abstract illustration of a convoy of small ship shapes crossing a long red-tinted sea',
    },
    body: [
      {
        p: 'Whenever commercial shipping in the Red Sea comes under threat, the reflex of the world’s navies is the same: send warships, organise escorts, reassure insurers. It is an understandable response and, in the short run, often a necessary one. But naval escorts are expensive, finite and dependent on the attention span of distant capitals. Sooner or later the ships go home, and the underlying problem of a vital sea lane bordered by fragile states and contested coasts remains exactly where it was.',
      },
      {
        p: 'The states along the Red Sea have more at stake in its security than anyone. Their ports, fisheries, tourism and transit revenues depend on it. Yet they have rarely acted together, divided by rivalries that have nothing to do with shipping. The result is a sea that is everyone’s highway and nobody’s responsibility. Outside powers fill the gap, each with its own priorities, and the coastal states are left as spectators to the security of their own waters.',
      },
      { quote: 'Peace is the natural effect of trade.', by: 'Montesquieu, The Spirit of the Laws' },
      {
        p: 'Montesquieu’s optimism has not always been borne out, but here the incentives point the right way. A standing compact among the coastal states could share information about threats, coordinate search and rescue, agree common rules for inspecting suspicious vessels and pool the cost of coastguard patrols. Shipping lines and insurers, who pay dearly whenever the sea lane closes, could be asked to contribute to a fund that supports it. None of this requires the states to become friends.',
      },
      {
        p: 'Sceptics will say such arrangements are impossible among governments that distrust one another so deeply. Yet similar bargains have worked elsewhere: in the Strait of Malacca, coordinated patrols by neighbours with quarrels of their own helped bring piracy down sharply. Outside navies will still have a role in emergencies. But the long-term guardians of the Red Sea should be those who live on its shores, and the sooner the world helps them organise, the sooner its warships can go home.',
      },
    ],
  },
  {
    slug: 'gulf-funds-are-quietly-rewriting-development-finance',
    section: 'middle-east',
    type: 'analysis',
    kicker: 'Patient capital',
    headline: 'Gulf funds are quietly rewriting the rules of development finance',
    dek: 'Sovereign wealth from the Gulf now finances ports, power and farmland across Africa and Asia, on terms that differ sharply from the traditional lenders’.',
    authors: ['priya-raman'],
    topics: ['development-finance', 'trade', 'food-security'],
    hoursAgo: 840,
    image: {
      motif: 'crane',
      caption: 'Ports and logistics hubs are among the favoured assets of Gulf investors.',
      credit: 'Illustration: Tomas Berg',
      alt: 'Abstract illustration of container cranes at dusk against a gradient of amber and indigo',
    },
    body: [
      {
        p: 'For most of the past half-century, development finance had a familiar cast: the World Bank, the regional development banks, Western aid agencies and, more recently, Chinese policy lenders. The Gulf’s sovereign funds and state-backed firms were present, but usually as co-financiers or investors in prestige projects. That picture is changing. Gulf capital increasingly takes the lead in ports, power plants, farmland and logistics across Africa and South Asia, and it brings its own ideas about how such deals should work.',
      },
      {
        p: 'The differences are partly of form. Traditional lenders mostly make loans, attached to conditions on procurement, environmental safeguards and public disclosure. Gulf investors more often take equity stakes or long concessions, earning returns from running the project rather than from interest. For a borrowing government that can look attractive: less debt on the books and a partner with its own money at risk.^[Equity and concession deals can still create contingent liabilities for governments, for example through guaranteed minimum revenues.]',
      },
      {
        list: [
          'Equity stakes and long operating concessions rather than sovereign loans.',
          'Fewer published conditions, and less public disclosure of terms.',
          'A focus on assets linked to the investor’s own strategic needs, such as ports and food supply.',
          'Speed: deals negotiated in months rather than years.',
        ],
      },
      {
        p: 'Those features carry trade-offs. Concessions that run for decades can lock in terms that look generous today and costly tomorrow. Limited disclosure makes it harder for citizens and parliaments to judge whether a deal is sound. And when investments are tied to the investor’s own needs, such as securing food imports or shipping routes, the interests of host and investor may diverge, particularly in a crisis. Our [primer on concession contracts](https://example.org/concessions-primer) shows how much rests on the fine print.',
      },
      {
        quote: 'We no longer ask who will lend to us. We ask whose conditions we can live with, and for how long.',
        by: 'Amina Bello, a former finance-ministry adviser in Abuja',
      },
      {
        p: 'The traditional lenders have responded partly by imitation, creating faster facilities and seeking co-investment with Gulf partners, and partly by stressing their own strengths in transparency and technical support. For borrowers, more competition is mostly good news: it widens choice and strengthens negotiating hands. The risk is that in a crowded market, standards drift downwards. The governments that gain most will be those that treat every offer, from whichever capital, with the same hard-headed scrutiny.',
      },
    ],
  },
];
