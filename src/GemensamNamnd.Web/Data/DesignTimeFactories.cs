using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Design;

namespace GemensamNamnd.Web.Data;

/// <summary>For `dotnet ef migrations add … --context PostgresAppDbContext`: no server is contacted.</summary>
public sealed class PostgresDesignTimeFactory : IDesignTimeDbContextFactory<PostgresAppDbContext>
{
    public PostgresAppDbContext CreateDbContext(string[] args) =>
        new(new DbContextOptionsBuilder<PostgresAppDbContext>()
            .UseNpgsql("Host=localhost;Database=design_time", n => n.MigrationsHistoryTable("__ef_migrations_history")).Options);
}

/// <summary>For `dotnet ef migrations add … --context SqliteAppDbContext`.</summary>
public sealed class SqliteDesignTimeFactory : IDesignTimeDbContextFactory<SqliteAppDbContext>
{
    public SqliteAppDbContext CreateDbContext(string[] args) =>
        new(new DbContextOptionsBuilder<SqliteAppDbContext>().UseSqlite("Data Source=design_time.db").Options);
}
