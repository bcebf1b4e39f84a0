// The bare reference of scripts/bench-throughput.sh (issue 15): for each page, the SQL that one request of the page sent
// (captured from PostgreSQL's statement log by the script, SELECTs only, parameters written in), run with plain Npgsql
// on the same application role with the party set for row-level security, every value read and written out.
// GET /{page} runs $GN_REF_DIR/{page}.sql; statements are separated by lines holding only "--".
using System.Text;
using Npgsql;

var builder = WebApplication.CreateSlimBuilder(args);
builder.Logging.ClearProviders();
var app = builder.Build();
var dir = Environment.GetEnvironmentVariable("GN_REF_DIR") ?? throw new InvalidOperationException("GN_REF_DIR saknas");
var party = Environment.GetEnvironmentVariable("GN_REF_PARTY") ?? throw new InvalidOperationException("GN_REF_PARTY saknas");
await using var source = NpgsqlDataSource.Create(Environment.GetEnvironmentVariable("GN_REF_DB") ?? throw new InvalidOperationException("GN_REF_DB saknas"));
var pages = Directory.GetFiles(dir, "*.sql").ToDictionary(
    f => Path.GetFileNameWithoutExtension(f),
    f => File.ReadAllText(f).Split("\n--\n", StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries));

app.MapGet("/{page}", async (string page, HttpContext http) =>
{
    if (!pages.TryGetValue(page, out var statements))
    {
        return Results.NotFound();
    }

    var html = new StringBuilder("<!doctype html><html lang=\"sv\"><body><table>");
    await using var connection = await source.OpenConnectionAsync(http.RequestAborted);
    await using (var set = new NpgsqlCommand("SELECT set_config('app.party_id', @party, false)", connection))
    {
        set.Parameters.AddWithValue("party", party);
        await set.ExecuteNonQueryAsync(http.RequestAborted);
    }

    foreach (var sql in statements)
    {
        await using var command = new NpgsqlCommand(sql, connection);
        await using var reader = await command.ExecuteReaderAsync(http.RequestAborted);
        while (await reader.ReadAsync(http.RequestAborted))
        {
            html.Append("<tr>");
            for (var i = 0; i < reader.FieldCount; i++)
            {
                html.Append("<td>").Append(System.Net.WebUtility.HtmlEncode(reader.IsDBNull(i) ? "" : reader.GetValue(i).ToString())).Append("</td>");
            }

            html.Append("</tr>");
        }
    }

    return Results.Content(html.Append("</table></body></html>").ToString(), "text/html; charset=utf-8");
});
app.Run();
