using Pipeline.Core.Text;

namespace Pipeline.Core.Metadata.Languages;

/// <summary>
/// The most frequent function words of 21 languages written with spaces between words (Latin and Cyrillic
/// scripts), built once into one table that maps a word to the set of languages using it.
/// </summary>
/// <remarks>
/// Lists are short on purpose (articles, pronouns, prepositions, conjunctions, auxiliaries, "said"): such words
/// make up 25-50% of running text in these languages, so a few hundred characters give dozens of hits. A word in
/// several lists (Spanish and Portuguese "de", "que") counts for each; the detector needs a clear margin anyway.
/// Codes are ISO 639-1 as Lingua reports them (Norwegian Bokmål is "nb").
/// </remarks>
internal static class StopwordProfiles
{
    /// <summary>Language codes; bit <c>i</c> of a word's mask stands for <c>Codes[i]</c>.</summary>
    public static readonly string[] Codes;

    /// <summary>Word (compared ignoring case) to the bit mask of the languages whose list holds it.</summary>
    public static readonly WordTable<uint> Lookup;

    private static readonly (string Code, string Words)[] Lists =
    [
        ("en", "the of and to in is that for it was on with as he be by at have are this from or had not but an they his which were has been their she will would who there its said we her more about than also after when can into what could other these over some them only our those because while should may against between during"),
        ("fr", "le la les de des du un une et est en que qui dans pour pas sur au aux par plus ne se ce il elle ils sont avec mais ou son sa ses été cette leur nous vous comme aussi très tout fait être avait était entre après où lui même deux selon l d qu n c s j"),
        ("de", "der die und in den von zu das mit sich des auf für ist im dem nicht ein eine als auch es an er hat aus bei wird sie nach wurde noch wie einem einer über so zum zur um haben nur oder aber vor werden sind war mehr durch man dass sei kann bis gegen sein seine ihre schon wenn hatte sagte"),
        ("es", "de la que el en y a los del se las por un para con no una su al lo como más pero sus le ya o fue este ha porque esta entre cuando muy sin sobre también me hasta hay donde quien desde todo nos durante todos uno les ni contra otros ese eso ante ellos esto antes algunos unos otro otra él tanto esa estos mucho nada muchos cual ella estas según dijo años está están tiene son es ser puede había sido será"),
        ("it", "di e il la che in a per un del non è una della i le si con da al dei sono gli anche come lo nel più alla ha ma delle ne se nella degli questo ci dal sul era dopo essere stato tra fra o cui loro suo sua quando ancora molto hanno già questa solo ad l d dell all nell sull perché però anni detto"),
        ("pt", "de a o que e do da em um para é com não uma os no se na por mais as dos como mas foi ao ele das tem à seu sua ou ser quando muito há nos já está também só pelo pela até isso ela entre era depois sem mesmo aos ter seus quem nas esse eles estão você tinha foram essa num nem suas às têm numa pelos elas havia seja qual será lhe deles essas esses pelas este dele disse anos são então ainda sobre segundo"),
        ("nl", "de en van het een in is dat op te zijn voor met die niet aan er om ook als dan bij of maar nog door uit naar wordt werd worden heeft hebben was wel zich over tot kan hij zij ze we na al geen meer dit deze zo omdat jaar tegen hun veel moet zou nu wat waar onder"),
        ("pl", "w i na z się do nie że to jest o a jak po ale co od za przez jego dla jej tym czy już tak są był była było może przy oraz które który która także ich pod tylko tego jako bardzo również roku został została jednak gdy lub aby bez między mu nich tych ten ta te być"),
        ("tr", "ve bir bu da de için ile olarak çok daha en gibi o ne ama var sonra kadar olan ise değil her şey ki mı mi diye göre yok ya veya ancak tarafından olduğunu dedi oldu şu bunun ayrıca yılında arasında ilgili kendi yeni büyük son iki bin ilk olduğu edildi etti yapılan"),
        ("id", "yang dan di ini itu dengan untuk tidak dari dalam akan pada juga ke karena ada oleh saya bisa telah sudah atau kami mereka kita seperti hanya lebih tersebut bahwa dia namun saat setelah masih para sebagai bagi belum harus menjadi antara kata tahun secara hingga sangat bukan"),
        ("sv", "och i att det som en på är av för med till den har de inte om ett han men var jag sig från vi så kan man när år säger hon under också efter eller nu sina sitt sin vid mot ska skulle blir bli vara varit hade alla andra detta dessa där här mycket än utan sedan hur någon några bara genom enligt över mellan"),
        ("da", "og i at det en den til er som på de med han af for ikke der var mig sig men et har om vi havde ham hun nu over da fra ud sin dem os op man hans hvor eller hvad skal selv her alle vil blev kunne ind når være noget ville deres efter ned skulle denne end dette også under have hende meget sit sine mod disse hvis nogle hos blive mange bliver hendes været siger ifølge mellem"),
        ("nb", "og i det at en et den til er som på de med han av ikke der så var meg seg men har om vi hadde hun nå over da ved fra ut sin dem oss opp man kan hans hvor eller hva skal selv her alle vil bli ble blitt kunne inn når være noen noe ville deres etter ned skulle denne for sine sitt mot å dette disse uten ingen blir både bare enn fordi før mange også slik vært siden sier ifølge mellom"),
        ("cs", "a v se na je že to s z do o k i ve jako pro by ale jsou jeho po od za tak které který která bylo byl byla jsem jen už také při než nebo jak podle mezi však když ještě může má bude již jejich této tento tato let roce řekl proti pouze aby kde až co"),
        ("ro", "și şi de la în a cu pe că din care o un nu se să mai este au fost pentru ce al lui ca sau sunt fi mult după dar această acest prin va ei el ea avea anul despre doar către între acum foarte cum spus iar unei unui cele cei ale asupra însă deja"),
        ("hu", "a az és hogy nem is egy meg de ez van el csak már mint volt még azt ki fel le ha pedig vagy kell lesz után között szerint minden sem míg mert ezt amely amelyek aki akik nagyon lehet több most így úgy majd illetve valamint mintegy alatt során miatt"),
        ("fi", "ja on ei se että oli hän ovat mutta kun myös joka ole tai sen niin kuin nyt jo vain sitä mitä olla ollut olisi siitä tämä tässä mukaan jälkeen vuonna voi kaikki hänen heidän jotka jonka sekä eli vielä koska vuoden eikä mikä jos kanssa yli noin vaan sillä"),
        ("ca", "de la el i a que en l d els les per un una es amb del no al va com més hi ha s o ser dels seu seva però aquest aquesta també són molt fins perquè quan sobre entre després on tot ja ens li ho aquests han havia pot fer any anys segons seus seves sense això tenen"),
        ("vi", "và của có là không được trong người các cho những đã với này một để khi đến về ra cũng như từ sẽ thì nhưng tại theo năm đó nhiều làm vào lại còn nói sau bị nên rất hơn"),
        ("ru", "и в не на что с по это он как а к из у за от о для то его же так было но она они мы был была были уже бы только ее её при также после или до этого который которые которая может будет года году их чем если между заявил сказал более сейчас"),
        ("uk", "і в у не на що з до та це як за від про для а він вона вони ми але його її був була були вже також після або яка який які може буде року їх ніж якщо між заявив сказав більш зараз із щоб ще цього тому через"),
    ];

    static StopwordProfiles()
    {
        Codes = new string[Lists.Length];
        var masks = new Dictionary<string, uint>(StringComparer.OrdinalIgnoreCase);
        for (var i = 0; i < Lists.Length; i++)
        {
            Codes[i] = Lists[i].Code;
            foreach (var word in Lists[i].Words.Split(' ', StringSplitOptions.RemoveEmptyEntries))
            {
                masks[word] = masks.GetValueOrDefault(word) | (1u << i);
            }
        }

        Lookup = new WordTable<uint>(masks, WordTableCase.IgnoreCase);
    }
}
