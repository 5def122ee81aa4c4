namespace FactCheck;

/// <summary>SQL shared by the search index implementations; valid on SQLite and PostgreSQL.</summary>
internal static class SearchSql
{
    /// <summary>
    /// Conditions on the advisory (aliased <c>a</c>) for a filter: the language, kind, verdict and platform
    /// asked for (the last two by id). Values go through <paramref name="parameter"/>, never into the text.
    /// </summary>
    public static List<string> Conditions(SearchFilter filter, int? ratingId, int? platformId, Func<object, string> parameter)
    {
        var conditions = new List<string>();
        if (filter.Language is not null) conditions.Add("a.\"Language\" = " + parameter(filter.Language));
        if (filter.Kind is not null) conditions.Add("a.\"Kind\" = " + parameter(filter.Kind.Value.ToString()));
        if (ratingId is not null) conditions.Add("a.\"RatingId\" = " + parameter(ratingId));
        if (platformId is not null)
            conditions.Add("EXISTS (SELECT 1 FROM \"AdvisoryPlatforms\" AS ap WHERE ap.\"AdvisoriesId\" = a.\"Id\" AND ap.\"PlatformsId\" = " + parameter(platformId) + ")");
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
