using System.Text.Json.Nodes;
using Chatobuy.Inbox.Sandbox.State;

namespace Chatobuy.Inbox.Sandbox.Graph;

/// <summary>
/// The Graph objects of the emulator as field tables, so <c>?fields=</c> can pick from them the way Graph does:
/// fields in the order asked, <c>id</c> always included, an unknown field refused.
/// </summary>
public sealed record SandboxGraphNode(string NodeType, IReadOnlyDictionary<string, Func<JsonNode?>> Fields)
{
    public static readonly IReadOnlyList<string> WabaDefaults = ["id", "name", "currency", "timezone_id"];

    public static readonly IReadOnlyList<string> PhoneListDefaults =
        ["verified_name", "code_verification_status", "display_phone_number", "quality_rating", "platform_type", "throughput", "id"];

    public static readonly IReadOnlyList<string> PhoneDefaults = ["id", "display_phone_number", "verified_name", "quality_rating"];

    public static readonly IReadOnlyList<string> NamedDefaults = ["id", "name"];

    /// <summary>The requested fields as an object, or the first field the node does not have.</summary>
    public (JsonObject? Value, string? UnknownField) Project(IReadOnlyList<string> fields)
    {
        var result = new JsonObject();
        foreach (var field in fields.Append("id").Distinct(StringComparer.Ordinal))
        {
            if (!Fields.TryGetValue(field, out var read))
            {
                return (null, field);
            }

            var value = read();
            if (value is not null)
            {
                result[field] = value;
            }
        }

        return (result, null);
    }

    public static SandboxGraphNode Business(SandboxState state) => new("Business", new Dictionary<string, Func<JsonNode?>>
    {
        ["id"] = () => state.BusinessId,
        ["name"] = () => state.BusinessName,
    });

    public static SandboxGraphNode SystemUser(SandboxState state) => new("User", new Dictionary<string, Func<JsonNode?>>
    {
        ["id"] = () => state.SystemUserId,
        ["name"] = () => state.SystemUserName,
    });

    public static SandboxGraphNode Waba(SandboxState state, SandboxWaba waba) => new("WhatsAppBusinessAccount", new Dictionary<string, Func<JsonNode?>>
    {
        ["id"] = () => waba.Id,
        ["name"] = () => waba.Name,
        ["currency"] = () => waba.Currency,
        ["timezone_id"] = () => waba.TimezoneId,
        ["message_template_namespace"] = () => waba.MessageTemplateNamespace,
        ["account_review_status"] = () => "APPROVED",
        ["business_verification_status"] = () => "verified",
        ["ownership_type"] = () => waba.Ownership == SandboxOwnership.Owned ? "SELF_OWNED" : "CLIENT_OWNED",
        ["status"] = () => "ACTIVE",
        ["owner_business_info"] = () => new JsonObject { ["id"] = state.BusinessId, ["name"] = state.BusinessName },
    });

    public static SandboxGraphNode Phone(SandboxPhoneNumber phone) => new("WhatsAppBusinessPhoneNumber", new Dictionary<string, Func<JsonNode?>>
    {
        ["id"] = () => phone.Id,
        ["display_phone_number"] = () => phone.DisplayPhoneNumber,
        ["verified_name"] = () => phone.VerifiedName,
        ["quality_rating"] = () => phone.QualityRating,
        ["code_verification_status"] = () => phone.CodeVerificationStatus,
        ["name_status"] = () => phone.NameStatus,
        ["status"] = () => phone.Status,
        ["platform_type"] = () => phone.PlatformType,
        ["throughput"] = () => new JsonObject { ["level"] = phone.ThroughputLevel },
        ["account_mode"] = () => "LIVE",
        ["country_code"] = () => "US",
        ["country_dial_code"] = () => "1",
        ["is_official_business_account"] = () => false,
        ["messaging_limit_tier"] = () => phone.MessagingLimitTier,
    });

    /// <summary>
    /// Splits <c>fields</c> at top-level commas and keeps each field's name, dropping Graph's nested selections
    /// (<c>throughput{level}</c>, <c>analytics.start(…)</c>); the defaults when absent.
    /// </summary>
    public static IReadOnlyList<string> ParseFields(string? fields, IReadOnlyList<string> defaults)
    {
        if (string.IsNullOrWhiteSpace(fields))
        {
            return defaults;
        }

        var names = new List<string>();
        var depth = 0;
        var start = 0;
        for (var i = 0; i <= fields.Length; i++)
        {
            var c = i < fields.Length ? fields[i] : ',';
            if (c is '{' or '(')
            {
                depth++;
            }
            else if (c is '}' or ')')
            {
                depth = Math.Max(0, depth - 1);
            }
            else if (c == ',' && depth == 0)
            {
                var part = fields[start..i];
                var end = part.IndexOfAny(['{', '(', '.']);
                var name = (end < 0 ? part : part[..end]).Trim();
                if (name.Length > 0 && !names.Contains(name))
                {
                    names.Add(name);
                }

                start = i + 1;
            }
        }

        return names.Count == 0 ? defaults : names;
    }
}
