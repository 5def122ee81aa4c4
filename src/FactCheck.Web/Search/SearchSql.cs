namespace FactCheck;

/// <summary>SQL shared by the search index implementations; valid on SQLite and PostgreSQL.</summary>
internal static class SearchSql
{
    /// <summary>
    /// Conditions on the advisory (aliased <c>a</c>) for a filter: published, and the language, kind,
    /// verdict and platform asked for. Values go through <paramref name="parameter"/>, never into the text.
    /// </summary>
    public static List<string> Conditions(SearchFilter filter, Func<object, string> parameter)
    {
        var conditions = new List<string> { "a.\"Status\" = 'Published'" };
        if (filter.Language is not null) conditions.Add("a.\"Language\" = " + parameter(filter.Language));
        if (filter.Kind is not null) conditions.Add("a.\"Kind\" = " + parameter(filter.Kind.Value.ToString()));
        if (filter.Verdict is not null)
            conditions.Add("a.\"RatingId\" IN (SELECT \"Id\" FROM \"Ratings\" WHERE \"Key\" = " + parameter(filter.Verdict) + ")");
        if (filter.Platform is not null)
            conditions.Add("EXISTS (SELECT 1 FROM \"AdvisoryPlatforms\" AS ap JOIN \"Platforms\" AS p ON p.\"Id\" = ap.\"PlatformsId\"" +
                           " WHERE ap.\"AdvisoriesId\" = a.\"Id\" AND p.\"Key\" = " + parameter(filter.Platform) + ")");
        return conditions;
    }

    /// <summary>A parameter list for EF's raw SQL: each value added becomes a {n} placeholder.</summary>
    public sealed class Parameters
    {
        private readonly List<object> values = [];

        public string Add(object value)
        {
            values.Add(value);
            return "{" + (values.Count - 1).ToString(System.Globalization.CultureInfo.InvariantCulture) + "}";
        }

        public object[] ToArray() => values.ToArray();
    }
}
