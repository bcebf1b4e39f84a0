using System.Text.Json;
using Microsoft.EntityFrameworkCore.Metadata;

namespace GemensamNamnd.Web.Features.Audit;

/// <summary>
/// An audit row's changes as the log page shows them: every field that changed, with its value only when the value is a
/// date, time, number, yes/no, choice (enum) or id — never text. Free text may hold anything about a person, and the
/// personnummer's keyed hash links one person across cases and outlives retention, so both show as
/// <see cref="Hidden"/>, as the personal data the log already stores masked (issue 22).
/// </summary>
public static class AuditChanges
{
    public const string Hidden = "[skyddat]";

    /// <summary>Text fields that only name the record itself or an organisation ("Property" on any entity, or "Entity.Property").</summary>
    private static readonly HashSet<string> ShownText =
        ["CaseNumber", "OrganisationNumber", "DataController.Name", "Party.Name", "Party.Slug"];

    public static string Describe(IReadOnlyModel model, string entityType, string changes)
    {
        var type = model.GetEntityTypes().FirstOrDefault(t => !t.IsOwned() && t.ClrType.Name == entityType);
        try
        {
            using var json = JsonDocument.Parse(changes);
            return json.RootElement.ValueKind == JsonValueKind.Object ? Render(type, json.RootElement) : Hidden;
        }
        catch (JsonException)
        {
            return Hidden;
        }
    }

    private static string Render(IReadOnlyEntityType? type, JsonElement changes)
    {
        var parts = new List<string>();
        foreach (var field in changes.EnumerateObject())
        {
            var property = type?.FindProperty(field.Name);
            if (property is null)
            {
                // An owned document (party settings) is described field by field with its own type; anything else unknown is hidden.
                parts.Add(type?.FindNavigation(field.Name)?.TargetEntityType is { } owned && field.Value.ValueKind == JsonValueKind.Object
                    ? $"{field.Name}: {{{Render(owned, field.Value)}}}"
                    : $"{field.Name}: {Hidden}");
                continue;
            }

            var shown = Shown(property);
            if (field.Value.ValueKind == JsonValueKind.Object && field.Value.TryGetProperty("from", out var from) && field.Value.TryGetProperty("to", out var to))
            {
                parts.Add($"{field.Name}: {Value(from, shown)} → {Value(to, shown)}");
            }
            else
            {
                parts.Add($"{field.Name}: {Value(field.Value, shown)}");
            }
        }

        return string.Join("; ", parts);
    }

    private static string Value(JsonElement value, bool shown) => value.ValueKind switch
    {
        JsonValueKind.Null or JsonValueKind.Undefined => "–",
        _ when !shown => Hidden,
        JsonValueKind.Array => "[" + string.Join(", ", value.EnumerateArray().Select(v => Value(v, shown))) + "]",
        _ => value.ToString(),
    };

    private static bool Shown(IReadOnlyProperty property)
    {
        if (property.PropertyInfo?.GetCustomAttributes(typeof(Web.Audit.PersonalDataAttribute), true).Length > 0)
        {
            return false;
        }

        var type = property.ClrType;
        if (type == typeof(string))
        {
            return ShownText.Contains(property.Name) || ShownText.Contains($"{property.DeclaringType.ClrType.Name}.{property.Name}");
        }

        if (type != typeof(byte[]) && type.IsArray)
        {
            type = type.GetElementType()!;
        }
        else if (type.IsGenericType && type.GetGenericTypeDefinition() == typeof(List<>))
        {
            type = type.GetGenericArguments()[0];
        }

        type = Nullable.GetUnderlyingType(type) ?? type;
        return type.IsEnum || type.IsPrimitive || type == typeof(decimal) || type == typeof(Guid)
            || type == typeof(DateTimeOffset) || type == typeof(DateTime) || type == typeof(DateOnly) || type == typeof(TimeOnly) || type == typeof(TimeSpan);
    }
}
