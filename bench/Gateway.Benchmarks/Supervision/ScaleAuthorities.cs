using Gateway.Contracts.CodeLists;
using Gateway.Data.Agreements;
using Gateway.Data.Database;
using Gateway.Domain.Agreements;
using Gateway.Domain.Identifiers;
using Npgsql;

namespace Gateway.Benchmarks.Supervision;

/// <summary>
/// The authorities of the seeded data basis: the 98 municipalities under their municipality codes, with approximate
/// populations (thousands) that decide their share of the citizens; five Employment Service units with their shares of the
/// unemployment-benefit cases; three other actors, each acting for a few of them. Every one gets an Active agreement for
/// one of two IT systems, so that each version names the agreement it was written under, as the gateway's writes do.
/// </summary>
internal sealed class ScaleAuthorities
{
    /// <summary>The share of citizens whose case is an unemployment-benefit case, held by an Employment Service unit.</summary>
    public const double EmploymentServiceShare = 0.25;

    private static readonly (string Code, string Name, double Population)[] MunicipalityList =
    [
        ("101", "København", 660), ("147", "Frederiksberg", 105), ("151", "Ballerup", 52), ("153", "Brøndby", 36),
        ("155", "Dragør", 15), ("157", "Gentofte", 75), ("159", "Gladsaxe", 70), ("161", "Glostrup", 24),
        ("163", "Herlev", 30), ("165", "Albertslund", 28), ("167", "Hvidovre", 55), ("169", "Høje-Taastrup", 57),
        ("173", "Lyngby-Taarbæk", 57), ("175", "Rødovre", 41), ("183", "Ishøj", 24), ("185", "Tårnby", 44),
        ("187", "Vallensbæk", 17), ("190", "Furesø", 42), ("201", "Allerød", 26), ("210", "Fredensborg", 41),
        ("217", "Helsingør", 64), ("219", "Hillerød", 53), ("223", "Hørsholm", 25), ("230", "Rudersdal", 58),
        ("240", "Egedal", 44), ("250", "Frederikssund", 46), ("253", "Greve", 51), ("259", "Køge", 62),
        ("260", "Halsnæs", 32), ("265", "Roskilde", 90), ("269", "Solrød", 24), ("270", "Gribskov", 41),
        ("306", "Odsherred", 33), ("316", "Holbæk", 73), ("320", "Faxe", 37), ("326", "Kalundborg", 49),
        ("329", "Ringsted", 36), ("330", "Slagelse", 80), ("336", "Stevns", 24), ("340", "Sorø", 30),
        ("350", "Lejre", 29), ("360", "Lolland", 40), ("370", "Næstved", 84), ("376", "Guldborgsund", 60),
        ("390", "Vordingborg", 45), ("400", "Bornholm", 39), ("410", "Middelfart", 39), ("420", "Assens", 41),
        ("430", "Faaborg-Midtfyn", 51), ("440", "Kerteminde", 24), ("450", "Nyborg", 32), ("461", "Odense", 207),
        ("479", "Svendborg", 59), ("480", "Nordfyns", 29), ("482", "Langeland", 12), ("492", "Ærø", 6),
        ("510", "Haderslev", 55), ("530", "Billund", 27), ("540", "Sønderborg", 73), ("550", "Tønder", 37),
        ("561", "Esbjerg", 116), ("563", "Fanø", 3.5), ("573", "Varde", 50), ("575", "Vejen", 43),
        ("580", "Aabenraa", 58), ("607", "Fredericia", 52), ("615", "Horsens", 98), ("621", "Kolding", 95),
        ("630", "Vejle", 120), ("657", "Herning", 90), ("661", "Holstebro", 59), ("665", "Lemvig", 19),
        ("671", "Struer", 21), ("706", "Syddjurs", 43), ("707", "Norddjurs", 37), ("710", "Favrskov", 50),
        ("727", "Odder", 23), ("730", "Randers", 99), ("740", "Silkeborg", 100), ("741", "Samsø", 3.7),
        ("746", "Skanderborg", 64), ("751", "Aarhus", 367), ("756", "Ikast-Brande", 42), ("760", "Ringkøbing-Skjern", 56),
        ("766", "Hedensted", 47), ("773", "Morsø", 20), ("779", "Skive", 46), ("787", "Thisted", 43),
        ("791", "Viborg", 98), ("810", "Brønderslev", 36), ("813", "Frederikshavn", 58), ("820", "Vesthimmerlands", 36),
        ("825", "Læsø", 1.8), ("840", "Rebild", 30), ("846", "Mariagerfjord", 42), ("849", "Jammerbugt", 38),
        ("851", "Aalborg", 222), ("860", "Hjørring", 64),
    ];

    private static readonly (string Code, string Name, double Share)[] UnitList =
    [
        ("4101", "AF Hovedstaden", 0.31), ("4102", "AF Sjælland", 0.14), ("4103", "AF Syddanmark", 0.21),
        ("4104", "AF Midtjylland", 0.23), ("4105", "AF Nordjylland", 0.11),
    ];

    // Each other actor by the first seven digits of its CVR number (the check digit is computed) and the authorities it acts for.
    private static readonly (string CvrStart, string Name, string[] Principals)[] ActorList =
    [
        ("2914367", "Jobhuset Øresund A/S", ["101", "147", "167"]),
        ("3502871", "Karrierevejen ApS", ["751", "730"]),
        ("3817264", "Nordjysk Beskæftigelsespartner A/S", ["851", "4105"]),
    ];

    private ScaleAuthorities(IReadOnlyList<Responsible> responsible, IReadOnlyList<Actor> actors)
    {
        All = responsible;
        Actors = actors;
        var weights = responsible.Select(r => r.Weight).ToArray();
        _cumulative = new double[weights.Length];
        var sum = 0.0;
        for (var i = 0; i < weights.Length; i++)
        {
            sum += weights[i];
            _cumulative[i] = sum;
        }
    }

    private readonly double[] _cumulative;

    /// <summary>The responsible authorities, municipalities first in code order, then the units.</summary>
    public IReadOnlyList<Responsible> All { get; }

    /// <summary>The other actors.</summary>
    public IReadOnlyList<Actor> Actors { get; }

    /// <summary>The municipality at the median of the population list: the benchmark's mid-size municipality.</summary>
    public Responsible MidSize => All.Where(r => r.Authority.Kind == AuthorityKind.Municipality).OrderBy(r => r.Weight).ThenBy(r => r.Authority.Code, StringComparer.Ordinal)
        .ElementAt(MunicipalityList.Length / 2);

    /// <summary>The largest municipality.</summary>
    public Responsible Largest => All.Where(r => r.Authority.Kind == AuthorityKind.Municipality).MaxBy(r => r.Weight)!;

    /// <summary>A responsible authority drawn by its weight, from a uniform number in [0, 1).</summary>
    public int Draw(double uniform)
    {
        var at = Array.BinarySearch(_cumulative, uniform * _cumulative[^1]);
        return Math.Min(at < 0 ? ~at : at + 1, _cumulative.Length - 1);
    }

    /// <summary>
    /// The authorities of the database: registered now, with two IT systems and one Active agreement each, through the
    /// gateway's own stores; or, in a kept folder that has them already, read back with the agreements they were given.
    /// </summary>
    public static async Task<ScaleAuthorities> OpenAsync(GatewayDataSource dataSource, NpgsqlDataSource database, CancellationToken cancellationToken)
    {
        var existing = new Dictionary<string, (Guid Agreement, Guid System)>(StringComparer.Ordinal);
        await using (var read = database.CreateCommand("select authority_code, id, it_system_id from agreement where status = 'Active'"))
        await using (var reader = await read.ExecuteReaderAsync(cancellationToken))
        {
            while (await reader.ReadAsync(cancellationToken))
            {
                existing[reader.GetString(0)] = (reader.GetGuid(1), reader.GetGuid(2));
            }
        }

        var authorities = new AuthorityStore(dataSource);
        var agreements = new AgreementStore(dataSource);
        var systems = new ItSystemStore(dataSource);
        var municipalSystem = existing.Count > 0 ? Guid.Empty : await systems.AddItSystemAsync("Jobcentrets sagssystem", Cvr("2617539"), "benchmark", cancellationToken);
        var unitSystem = existing.Count > 0 ? Guid.Empty : await systems.AddItSystemAsync("Arbejdsformidlingens sagssystem", Cvr("1984263"), "benchmark", cancellationToken);

        var municipalityShare = 1 - EmploymentServiceShare;
        var population = MunicipalityList.Sum(m => m.Population);
        var responsible = new List<Responsible>();
        foreach (var (code, name, weight, system) in MunicipalityList.Select(m => (m.Code, m.Name, municipalityShare * m.Population / population, municipalSystem))
            .Concat(UnitList.Select(u => (u.Code, u.Name, EmploymentServiceShare * u.Share, unitSystem))))
        {
            var authority = new AuthorityId(code.Length == 3 ? AuthorityKind.Municipality : AuthorityKind.EmploymentServiceUnit, code);
            var (agreement, itSystem) = existing.TryGetValue(code, out var known) ? known
                : (await AddAsync(authorities, agreements, authority, name, system, [], cancellationToken), system);
            responsible.Add(new Responsible(responsible.Count, authority, name, weight, agreement, itSystem));
        }

        var actors = new List<Actor>();
        foreach (var (cvrStart, name, principalCodes) in ActorList)
        {
            var actor = new AuthorityId(AuthorityKind.OtherActor, Cvr(cvrStart));
            var principals = principalCodes.Select(code => responsible.Single(r => r.Authority.Code == code)).ToList();
            var (agreement, itSystem) = existing.TryGetValue(actor.Code, out var known) ? known
                : (await AddAsync(authorities, agreements, actor, name, municipalSystem, [.. principals.Select(p => p.Authority)], cancellationToken), municipalSystem);
            actors.Add(new Actor(actors.Count, actor, agreement, itSystem, [.. principals.Select(p => p.Index)]));
        }

        return new ScaleAuthorities(responsible, actors);
    }

    private static async Task<Guid> AddAsync(
        AuthorityStore authorities, AgreementStore agreements, AuthorityId authority, string name, Guid system, IReadOnlyList<AuthorityId> principals,
        CancellationToken cancellationToken)
    {
        await authorities.AddAuthorityAsync(authority, name, "benchmark", cancellationToken);
        var agreement = await agreements.RequestAgreementAsync(new AgreementRequest
        {
            Authority = authority,
            Principals = principals,
            ItSystemId = system,
            Environment = GatewayEnvironment.Production,
            ValidFrom = new DateOnly(2005, 9, 1),
        }, "benchmark", "Seeded for the supervision scale benchmark", cancellationToken, activate: true);
        return agreement.Id;
    }

    // A CVR number from its first seven digits: the eighth makes the weighted sum divisible by 11 (no start is used whose check digit would be 10).
    private static string Cvr(string start)
    {
        int[] weights = [2, 7, 6, 5, 4, 3, 2];
        var sum = start.Select((c, i) => (c - '0') * weights[i]).Sum();
        var check = (11 - (sum % 11)) % 11;
        return check < 10 ? $"{start}{check}" : throw new InvalidOperationException($"CVR start {start} has no single check digit; choose another.");
    }

    /// <summary>A municipality or Employment Service unit, with its share of the citizens and the agreement its registrations are written under.</summary>
    public sealed record Responsible(int Index, AuthorityId Authority, string Name, double Weight, Guid AgreementId, Guid ItSystemId)
    {
        public string Kind { get; } = Authority.Kind.ToString();

        /// <summary>The case workers who register for it: more in a larger authority.</summary>
        public int CaseWorkers { get; } = Math.Max(4, (int)(Weight * 40_000));
    }

    /// <summary>An other actor, the agreement it registers under, and the responsible authorities it acts for.</summary>
    public sealed record Actor(int Index, AuthorityId Authority, Guid AgreementId, Guid ItSystemId, IReadOnlyList<int> Principals)
    {
        public string Kind { get; } = Authority.Kind.ToString();
    }
}
