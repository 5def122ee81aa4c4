using System.Globalization;
using System.Text;
using Microsoft.EntityFrameworkCore;

namespace FactCheck.Bench;

/// <summary>An indicator as stored, kept so check queries can ask for it in other forms.</summary>
internal sealed record StoredIndicator(IndicatorType Type, string Raw, string? Country, string Language);

/// <summary>What the generator put where, so queries can be drawn with known selectivity.</summary>
internal sealed class CorpusFacts
{
    /// <summary>Per language, words that occur in one to three advisories of that language.</summary>
    public Dictionary<string, List<string>> RareWords { get; } = [];
    public Dictionary<string, List<string>> Phrases { get; } = [];
    public List<StoredIndicator> Indicators { get; } = [];
}

/// <summary>
/// Synthetic advisories in Arabic (half), Ukrainian and English: Zipf-distributed words from a
/// vocabulary of real scam-advisory words and made-up words in each script, some Arabic words
/// vocalised or prefixed (ال، و، بال) as editors write them, and 1–3 indicators each.
/// Deterministic for a given seed.
/// </summary>
internal sealed class Corpus(int seed)
{
    private readonly Random random = new(seed);

    private static readonly Dictionary<string, string[]> RealWords = new()
    {
        ["ar"] = ["احتيال", "رسالة", "رمز", "التحقق", "واتساب", "حساب", "الدعم", "رابط", "تطبيق", "البنك", "تيليجرام", "مزيف", "تحذير",
                  "الهاتف", "رقم", "كلمة", "المرور", "بطاقة", "هدية", "جائزة", "شحنة", "توصيل", "منصة", "استثمار", "عملة", "رقمية",
                  "محفظة", "فريق", "الأمان", "تحديث", "بيانات", "شخصية", "الحكومة", "خدمة", "العملاء", "مكالمة", "صوتية", "قرصنة"],
        ["uk"] = ["шахрайство", "повідомлення", "код", "підтвердження", "бот", "телеграм", "акаунт", "підтримка", "посилання", "застосунок",
                  "банк", "картка", "фейк", "попередження", "номер", "пароль", "виплата", "допомога", "резерв", "дія", "держава", "доставка",
                  "посилка", "інвестиції", "гаманець", "криптовалюта", "безпека", "оновлення", "дані", "дзвінок", "служба", "м'ясо"],
        ["en"] = ["scam", "message", "code", "verification", "whatsapp", "account", "support", "link", "app", "bank", "telegram", "fake",
                  "warning", "phone", "number", "password", "card", "gift", "prize", "parcel", "delivery", "platform", "investment",
                  "crypto", "wallet", "team", "security", "update", "data", "personal", "government", "service", "customer", "call"],
    };

    private static readonly Dictionary<string, string> Letters = new()
    {
        ["ar"] = "ابتثجحخدذرزسشصضطظعغفقكلمنهوية",
        ["uk"] = "абвгґдеєжзиіїйклмнопрстуфхцчшщьюя",
        ["en"] = "abcdefghijklmnopqrstuvwxyz",
    };

    private const int VocabularySize = 20_000;
    private readonly Dictionary<string, string[]> vocabulary = [];
    private readonly double[] zipf = ZipfCumulative(VocabularySize);

    /// <summary>The most frequent word of a language: the "common word" query.</summary>
    public string CommonWord(string language) => vocabulary[language][0];
    /// <summary>A word of middle rank (30–300): appears in hundreds to thousands of advisories.</summary>
    public string MiddleWord(string language) => vocabulary[language][random.Next(30, 300)];

    public static readonly string[] Languages = ["ar", "uk", "en"];

    public string PickLanguage() => random.NextDouble() switch { < 0.5 => "ar", < 0.75 => "uk", _ => "en" };

    public async Task<CorpusFacts> InsertAsync(DbContextOptions<AppDbContext> options, int count)
    {
        foreach (var language in Languages)
        {
            var words = new HashSet<string>(RealWords[language], StringComparer.Ordinal);
            while (words.Count < VocabularySize) words.Add(MadeUpWord(language, random.Next(3, 9)));
            vocabulary[language] = [.. words];
        }

        var facts = new CorpusFacts();
        // Rare words: each in one to three advisories of its language.
        var rare = new Dictionary<int, List<string>>();
        foreach (var language in Languages)
        {
            facts.RareWords[language] = [];
            facts.Phrases[language] = [];
        }
        // Each rare word is written in the script of the advisories it goes into (decided below).
        for (var i = 0; i < 600; i++)
        {
            var copies = new List<int>();
            for (var n = random.Next(1, 4); n > 0; n--) copies.Add(random.Next(count));
            foreach (var index in copies)
            {
                if (!rare.TryGetValue(index, out var list)) rare[index] = list = [];
                list.Add(i.ToString(CultureInfo.InvariantCulture));
            }
        }
        var rareSpelling = new Dictionary<(string Id, string Language), string>();

        const int batch = 1000;
        for (var start = 0; start < count; start += batch)
        {
            await using var db = new AppDbContext(options);
            var platforms = await db.Platforms.ToListAsync();
            var ratings = await db.Ratings.ToListAsync();
            for (var i = start; i < Math.Min(count, start + batch); i++)
            {
                var language = PickLanguage();
                var extra = new List<string>();
                foreach (var id in rare.TryGetValue(i, out var ids) ? ids : [])
                {
                    if (!rareSpelling.TryGetValue((id, language), out var word))
                    {
                        rareSpelling[(id, language)] = word = MadeUpWord(language, 9);
                        facts.RareWords[language].Add(word);
                    }
                    extra.Add(word);
                }
                db.Advisories.Add(Advisory(i, language, extra, platforms, ratings, facts));
            }
            await db.SaveChangesAsync();
        }
        return facts;
    }

    private Advisory Advisory(int i, string language, List<string> rareWords, List<Platform> platforms, List<Rating> ratings, CorpusFacts facts)
    {
        var published = new DateTime(2023, 1, 1, 0, 0, 0, DateTimeKind.Utc).AddMinutes(random.Next(0, 3 * 365 * 24 * 60));
        var kind = (AdvisoryKind)random.Next(3);
        var body = new StringBuilder();
        for (var paragraph = random.Next(3, 7); paragraph > 0; paragraph--)
            body.Append(Sentence(language, random.Next(30, 60))).Append("\n\n");
        foreach (var word in rareWords) body.Append(Sentence(language, 5)).Append(' ').Append(word).Append(". ");
        var bodyText = body.ToString();
        if (i % 50 == 0) facts.Phrases[language].Add(AdjacentPair(bodyText));

        var status = random.NextDouble() switch { < 0.97 => AdvisoryStatus.Published, < 0.99 => AdvisoryStatus.Withdrawn, _ => AdvisoryStatus.Draft };
        var indicators = Enumerable.Range(0, random.Next(1, 4)).Select(_ => Indicator(language, i, facts, status)).ToList();
        return new Advisory
        {
            Kind = kind,
            Language = language,
            Slug = "bench-" + i.ToString(CultureInfo.InvariantCulture),
            Title = Sentence(language, random.Next(5, 10)),
            Summary = Sentence(language, random.Next(15, 30)),
            Body = bodyText,
            ClaimText = kind == AdvisoryKind.Explainer ? null : Sentence(language, 10),
            RatingId = kind == AdvisoryKind.Explainer ? null : ratings[random.Next(ratings.Count)].Id,
            Steps = [Sentence(language, 8), Sentence(language, 8)],
            Platforms = platforms.OrderBy(_ => random.Next()).Take(random.Next(1, 3)).ToList(),
            Indicators = indicators,
            Status = status,
            CreatedAt = published,
            PublishedAt = status == AdvisoryStatus.Draft ? null : published,
            UpdatedAt = published,
            WithdrawnAt = status == AdvisoryStatus.Withdrawn ? published.AddDays(1) : null,
        };
    }

    private Indicator Indicator(string language, int i, CorpusFacts facts, AdvisoryStatus status)
    {
        var n = i.ToString(CultureInfo.InvariantCulture);
        var (type, raw, country) = random.Next(5) switch
        {
            0 or 1 => Phone(),
            2 => (IndicatorType.Url, $"https://{MadeUpWord("en", 6)}-{n}.example/{MadeUpWord("en", 5)}", (string?)null),
            3 => (IndicatorType.Handle, $"@{MadeUpWord("en", 6)}_{n}_bot", null),
            _ => (IndicatorType.Email, $"support-{n}@{MadeUpWord("en", 7)}.example", null),
        };
        var normalized = IndicatorNormalizer.Normalize(type, raw, country);
        if (!normalized.IsValid) throw new InvalidOperationException($"generated indicator '{raw}' is invalid: {normalized.Error}");
        if (status == AdvisoryStatus.Published) facts.Indicators.Add(new StoredIndicator(type, raw, country, language));
        return new Indicator { Type = type, Raw = raw, Normalized = normalized.Value!, Country = country };
    }

    private (IndicatorType, string, string?) Phone()
    {
        string Digits(int count) => string.Concat(Enumerable.Range(0, count).Select(_ => (char)('0' + random.Next(10))));
        return random.Next(4) switch
        {
            0 => (IndicatorType.Phone, $"+966 5{random.Next(0, 10)} {Digits(3)} {Digits(4)}", "SA"),
            1 => (IndicatorType.Phone, $"+380 9{random.Next(5, 9)} {Digits(3)} {Digits(2)} {Digits(2)}", "UA"),
            2 => (IndicatorType.Phone, $"+44 7700 9{Digits(5)}", "GB"),
            _ => (IndicatorType.Phone, $"+971 5{random.Next(0, 6)} {Digits(3)} {Digits(4)}", "AE"),
        };
    }

    private string Sentence(string language, int words)
    {
        var sentence = new StringBuilder();
        for (var w = 0; w < words; w++)
        {
            if (w > 0) sentence.Append(' ');
            var word = vocabulary[language][Rank()];
            if (language == "ar")
            {
                var roll = random.NextDouble();
                if (roll < 0.10) word = Vocalise(word);
                else if (roll < 0.25) word = (random.Next(3) switch { 0 => "ال", 1 => "و", _ => "بال" }) + word;
            }
            sentence.Append(word);
        }
        return sentence.ToString();
    }

    private string Vocalise(string word)
    {
        var vocalised = new StringBuilder();
        foreach (var letter in word)
        {
            vocalised.Append(letter);
            if (random.NextDouble() < 0.6) vocalised.Append((char)random.Next(0x064E, 0x0653));
        }
        return vocalised.ToString();
    }

    private string AdjacentPair(string text)
    {
        var words = text.Split([' ', '\n', '.'], StringSplitOptions.RemoveEmptyEntries);
        var at = random.Next(words.Length - 1);
        return words[at] + " " + words[at + 1];
    }

    private string MadeUpWord(string language, int length)
    {
        var letters = Letters[language];
        return string.Concat(Enumerable.Range(0, length).Select(_ => letters[random.Next(letters.Length)]));
    }

    private int Rank()
    {
        var index = Array.BinarySearch(zipf, random.NextDouble());
        return Math.Min(VocabularySize - 1, index < 0 ? ~index : index);
    }

    private static double[] ZipfCumulative(int size)
    {
        var weights = Enumerable.Range(1, size).Select(r => 1.0 / r).ToArray();
        var total = weights.Sum();
        var cumulative = new double[size];
        var sum = 0.0;
        for (var i = 0; i < size; i++)
        {
            sum += weights[i] / total;
            cumulative[i] = sum;
        }
        return cumulative;
    }
}
