namespace GemensamNamnd.Web.Tests.Infrastructure;

/// <summary>
/// A test that needs the PostgreSQL that scripts/test.sh starts (GN_TEST_PG). Without it the test is skipped with a
/// message instead of failing, so `dotnet test` in an IDE runs the rest; scripts/test.sh always sets GN_TEST_PG and
/// fails when any test was skipped, so nothing is left behind in CI.
/// </summary>
public sealed class PostgresFactAttribute : FactAttribute
{
    public PostgresFactAttribute()
    {
        if (!TestDatabase.Available)
        {
            Skip = TestDatabase.SkipReason;
        }
    }
}

/// <summary>A theory that needs PostgreSQL; see <see cref="PostgresFactAttribute"/>.</summary>
public sealed class PostgresTheoryAttribute : TheoryAttribute
{
    public PostgresTheoryAttribute()
    {
        if (!TestDatabase.Available)
        {
            Skip = TestDatabase.SkipReason;
        }
    }
}
