namespace Pipeline.Tests.Shared;

/// <summary>
/// The text the near-duplicate set is generated from, written for this project: names, places, subjects and
/// sentence templates of local and regional news. <c>{Slot}</c> is filled from the story (its people, places
/// and subject) or drawn at random (<c>{Num}</c>, <c>{Day}</c>...); <c>[a|b|c]</c> picks one alternative.
/// </summary>
internal static class NearDuplicateTexts
{
    public static readonly string[] FirstNames =
    [
        "Ana", "Bruno", "Carla", "Daniel", "Elena", "Farid", "Greta", "Hugo", "Ines", "Jonas", "Karin", "Luis",
        "Marta", "Nikolai", "Olga", "Pedro", "Quentin", "Rosa", "Samir", "Tessa", "Ulrich", "Vera", "Walter",
        "Yasmin", "Zoltan", "Amara", "Brendan", "Celia", "Dmitri", "Esther", "Felix", "Gloria", "Henrik", "Ivy",
        "Joaquim", "Leila", "Magnus", "Nora", "Oscar", "Priya", "Rafael", "Sofia", "Tomas", "Ursula", "Viktor",
    ];

    public static readonly string[] LastNames =
    [
        "Almeida", "Bergstrom", "Castellanos", "Dufresne", "Eriksen", "Fonseca", "Galloway", "Hartmann", "Ibarra",
        "Jovanovic", "Kowalczyk", "Lindqvist", "Moreau", "Nakamura", "Oyelaran", "Pereira", "Quinlan", "Rasmussen",
        "Sandoval", "Thorsen", "Urquhart", "Valente", "Whitcombe", "Yilmaz", "Zielinski", "Abernathy", "Blackwood",
        "Carvalho", "Delacroix", "Esposito", "Fairbairn", "Gutierrez", "Halloran", "Iversen", "Jablonski", "Kerrigan",
        "Lombardi", "Marchetti", "Novak", "Ostrowski", "Pinsky", "Rourke", "Szabo", "Trevisan", "Vasquez",
    ];

    public static readonly string[] Towns =
    [
        "Port Ellery", "Vila Nova de Sarrel", "Brackenford", "Santa Lucerna", "Kirkhaven", "Oldmere", "Marlow Bay",
        "Castelnou", "Hollins Cross", "Westerby", "Rivington", "Duncairn", "Almaraz", "Nether Stowe", "Calloway",
        "Fennick", "Grantsby", "Lakemoor", "Ravensholt", "Tidewater", "Ashcombe", "Belmonte", "Corrie Falls",
        "Drummore", "Eastwick Ferry", "Falkirk Mills", "Glenarron", "Halsey Point", "Invermay", "Juniper Springs",
    ];

    public static readonly string[] Regions =
    [
        "Marlow County", "the Sarrel valley", "the northern district", "the coastal region", "Upper Fennick",
        "the Lakemoor basin", "the eastern province", "Kirk Shire", "the river delta", "the highlands",
    ];

    public static readonly string[] Organisations =
    [
        "Atlantic Heritage Institute", "Coastal Retail Association", "Marlow Water Board", "Northern Rail Trust",
        "Sarrel Valley Health Authority", "Port Ellery Chamber of Commerce", "Regional Transport Agency",
        "Lakemoor Conservation Society", "Kirkhaven University Hospital", "Brackenford Housing Cooperative",
        "Tidewater Energy", "Duncairn Fishermen's Association", "Westerby School Board", "Castelnou Arts Council",
        "Eastern Farmers Union", "Rivington Flood Office", "Grantsby Mining Company", "Halsey Port Authority",
    ];

    /// <summary>Subjects: (noun phrase, short name used in later mentions).</summary>
    public static readonly (string Long, string Short)[] Subjects =
    [
        ("the new tram line to the harbour", "the tram line"), ("the flood defences along the river", "the flood defences"),
        ("the hospital's new maternity wing", "the maternity wing"), ("the closure of the paper mill", "the mill closure"),
        ("the offshore wind farm cable", "the cable route"), ("the restoration of the old market hall", "the market hall"),
        ("the plan to build 400 homes on the former airfield", "the airfield plan"), ("the rise in bus fares", "the fare rise"),
        ("the drought restrictions on farm irrigation", "the irrigation limits"), ("the merger of the two secondary schools", "the school merger"),
        ("the expansion of the container port", "the port expansion"), ("the new cycle bridge over the canal", "the cycle bridge"),
        ("the shipwreck found off the beach", "the wreck"), ("the ban on cars in the old town", "the car ban"),
        ("the sale of the municipal water company", "the water sale"), ("the reopening of the railway station", "the station"),
        ("the lithium mine proposed in the hills", "the mine"), ("the strike at the regional hospital", "the strike"),
        ("the festival's move to the harbour front", "the festival move"), ("the landslide on the coast road", "the coast road"),
        ("the cut in library opening hours", "the library cuts"), ("the new ferry service to the islands", "the ferry service"),
        ("the outbreak of bird flu on poultry farms", "the outbreak"), ("the fire at the recycling plant", "the plant fire"),
    ];

    public static readonly string[] OfficialRoles = ["mayor", "council leader", "regional minister", "deputy mayor", "county commissioner"];

    public static readonly string[] ExpertRoles =
    [
        "an engineer at the {Org}", "a researcher with the {Org}", "the director of the {Org}", "an economist who advises the {Org}",
        "a spokesperson for the {Org}", "the chief executive of the {Org}",
    ];

    public static readonly string[] ResidentRoles =
    [
        "who has run a cafe in {Town} for {Num} years", "a retired teacher who lives near the site", "a fisherman from {Town}",
        "who chairs the local residents' group", "a nurse who commutes from {Region}", "a shop owner on the main street",
    ];

    public static readonly string[] Outlets =
    [
        "Coastline Wire", "Harbour Gazette", "Valley Courier", "Northern Post", "Regional Press Service", "Kirkhaven Herald",
        "The Marlow Times", "Sarrel Daily", "Bay News Network", "The Evening Standard-Ledger",
    ];

    public static readonly string[] Days = ["Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday", "Sunday"];

    public static readonly string[] Months =
        ["January", "February", "March", "April", "May", "June", "July", "August", "September", "October", "November", "December"];

    /// <summary>Opening sentences (the lead).</summary>
    public static readonly string[] Leads =
    [
        "{Town} [councillors|officials|planners] [voted|agreed|decided] on {Day} to [approve|delay|reject|review] {Subject}, [ending|extending|reopening] a [debate|dispute|row] that has [divided|gripped|occupied] the town for {Num} [months|years].",
        "Work on {Subject} will [start|resume|stop] in {Month}, the {Org} said on {Day}, after [a review of|talks about|a dispute over] its [cost|route|safety|timetable].",
        "{Official}, the {OfficialRole} of {Town}, [announced|confirmed|revealed] on {Day} that {Subject} would cost {Money}, [far more|slightly more|less] than the {Money2} [first estimated|budgeted|promised].",
        "Residents of {Town} [packed|filled|crowded into] the [town hall|community centre|school gym] on {Day} evening to [hear|question|protest against] plans for {Subject}.",
        "A [report|study|review] by the {Org} [published|released|leaked] on {Day} [found|concluded|warned] that {Subject} [could|would|might] [affect|benefit|harm] about {Num},000 people in {Region}.",
        "The future of {Subject} [is in doubt|looks uncertain|was thrown into question] after the {Org} [withdrew|cut|froze] its [funding|support|backing] on {Day}.",
    ];

    /// <summary>Body sentences: facts, background and next steps.</summary>
    public static readonly string[] Facts =
    [
        "The [project|plan|scheme] was first [proposed|announced|discussed] in {Year} and has since been [revised|delayed|redesigned] {Num} times.",
        "According to [figures|data|estimates] from the {Org}, about {Pct} percent of households in {Town} [would be|are|could be] [affected|covered|served].",
        "The [council|authority|agency] said it had [received|reviewed|answered] more than {Num}00 [objections|letters|comments] during the [consultation|planning process|public inquiry].",
        "[Construction|Work|The first phase] is expected to take {Num} [months|years] and to [create|support|require] about {Num}0 jobs.",
        "{Town}, a town of about {Num},000 people on the edge of {Region}, has [long|often|repeatedly] [struggled with|complained about|campaigned on] [traffic|flooding|unemployment|housing costs].",
        "[Critics|Opponents|Some residents] say {Short} [will|would|could] [damage|change|overwhelm] the character of the [old town|harbour|valley].",
        "The {Org} has [asked|urged|warned] the [regional government|ministry|county] to [pay for|take over|reconsider] part of the cost, which now stands at {Money}.",
        "A [final|formal|binding] decision on {Short} is [due|expected|planned] in {Month}, after a [second|further|final] round of [hearings|talks|studies].",
        "[Similar|Comparable|Earlier] [projects|plans|schemes] in {Region} [ran over budget|were cancelled|took twice as long] in the {Decade}s.",
        "The [site|area|route] lies [about|less than|more than] {Num} [kilometres|miles] from the centre of {Town}, [close to|next to|beyond] the [river|railway|harbour wall].",
        "Under the [current|revised|latest] [plan|proposal|timetable], {Short} would [open|be finished|be ready] by {Year2}.",
        "The {Org} said the [delay|change|decision] would [add|save|cost] about {Money} and [push back|bring forward|not affect] the [opening|completion|schedule].",
        "[Police|Officials|Organisers] said about {Num}00 people [took part|attended|turned out], [more|fewer|far more] than [expected|last year|at the previous meeting].",
        "[Insurers|Engineers|Inspectors] [inspected|assessed|visited] the [site|buildings|area] on {Day} and [found|reported|said there was] [no|some|serious] [damage|risk|cause for concern].",
        "The [regional government|ministry|county] has [promised|set aside|refused] {Money} for {Short} in its [next|current|draft] budget.",
        "[Traffic|Services|Deliveries] in {Town} [will be|have been|were] [diverted|disrupted|suspended] for {Num} [weeks|days|months] while the work [goes on|is carried out|continues].",
        "The [last|previous|first] [survey|count|inspection], in {Year}, [found|recorded|showed] {Num}0 [problems|cases|faults] along the [route|coast|network].",
        "[Campaigners|Local groups|Opposition councillors] [have collected|handed in|presented] a petition with {Num},{Num}00 signatures [calling for|against|demanding changes to] {Short}.",
    ];

    /// <summary>Quotes: {Speaker} is one of the story's people.</summary>
    public static readonly string[] Quotes =
    [
        "\"[We have waited|People have waited|This town has waited] long enough for {Short},\" said {Speaker}. \"[Every year of delay|Each month we lose|Another postponement] costs us [families|businesses|young people].\"",
        "\"[I understand|We hear|Nobody dismisses] the [concerns|worries|objections] of [residents|neighbours|shop owners],\" {SpeakerLast} said, \"but [the numbers|the evidence|the studies] [are clear|speak for themselves|do not support them].\"",
        "\"It is [not|hardly|far from] [the end|over|settled],\" {SpeakerLast} [told reporters|said|added] after the [meeting|vote|hearing]. \"We will [keep asking questions|look at every option|go on fighting].\"",
        "{Speaker}, said the [decision|plan|report] was [a relief|a disappointment|a step forward] for [the town|families|workers] who had [waited|campaigned|argued] for {Num} [years|months].",
        "\"[Nobody|No one|None of us] [asked|consulted|told] us,\" said {Speaker}. \"[We read about it|We found out|We heard] [in the paper|on the radio|from a neighbour].\"",
        "\"The [cost|risk|timetable] has [always|never|only] been [the problem|the question|the issue],\" {SpeakerLast} said in a [statement|interview|radio interview] on {Day}.",
        "{SpeakerLast} [warned|argued|insisted] that [without|with] {Short} the [town|region|valley] would [lose|gain|keep] [jobs|visitors|young families] [to|from] [the cities|neighbouring towns|the coast].",
    ];

    /// <summary>Closing sentences (the kicker).</summary>
    public static readonly string[] Kickers =
    [
        "The [council|authority|board] will [meet|vote|decide] again on {Short} in {Month}.",
        "[A public exhibition|An open meeting|A consultation] on the [plans|revised plans|options] will be held at the [library|town hall|community centre] on {Day}.",
        "The {Org} did not [respond to|answer|return] [requests for comment|questions|calls] on {Day}.",
        "For [now|the moment|many residents], {Short} [remains|is still|stays] [a promise|on paper|a source of worry].",
        "[Whatever happens|Either way|In the meantime], {SpeakerLast} said, the [town|community|harbour] will [adapt|carry on|wait].",
    ];

    /// <summary>Lines outlets add around a syndicated story. {Outlet} is the copying outlet, {Source} the original.</summary>
    public static readonly string[] BoilerplateLines =
    [
        "Copyright {Year} {Outlet}. All rights reserved.",
        "This story was originally published by {Source}.",
        "Follow {Outlet} on social media for the latest news.",
        "Sign up for our morning newsletter.",
        "Read more: {Town} news",
        "Share this article",
        "Advertisement",
        "Additional reporting by {Reporter}.",
        "(Reporting by {Reporter}; editing by {Reporter2})",
        "© {Year} {Source}. Distributed by {Outlet}.",
        "Related: Latest from {Region}",
        "Have a story? Contact the newsroom at news@example.org.",
    ];

    /// <summary>Paragraphs a copying outlet adds: a local angle.</summary>
    public static readonly string[] LocalAngles =
    [
        "[Readers in|Residents of|Businesses in] {OtherTown} [may remember|will recall|have followed] a [similar|comparable|related] [dispute|plan|scheme] there in {Year}, which [was dropped|went ahead|is still unresolved] after [a court case|a referendum|years of talks].",
        "{Outlet} [asked|contacted|spoke to] [several|a number of|three] [people|shop owners|commuters] in {OtherTown} about {Short}; [most|some|few] said they [had not heard of it|supported it|were worried about it].",
        "The [nearest|closest|next] [comparable|similar] [project|site|service] to {OtherTown} is about {Num}0 [kilometres|miles] away, in {Region}.",
    ];
}
