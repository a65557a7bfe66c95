using System.Text.Json;
using System.Text.Json.Serialization;

namespace Chatobuy.Inbox.CloudApi;

public static class GraphJson
{
    /// <summary>Meta's JSON: snake_case names, numbers that sometimes come as strings, nulls left out.</summary>
    public static readonly JsonSerializerOptions Options = new(JsonSerializerDefaults.Web)
    {
        PropertyNamingPolicy = JsonNamingPolicy.SnakeCaseLower,
        DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull,
        NumberHandling = JsonNumberHandling.AllowReadingFromString,
    };
}
